/**
 * Anti-aliased coverage of filled outlines, in plain TypeScript: how much of each pixel a glyph
 * covers, 0–255. The social-card thread draws glyph images with it instead of handing SVG to sharp,
 * whose work would run on libuv's threads at normal priority, beside the pages being rendered.
 *
 * Signed-area accumulation, as in font-rs: every edge adds to the cells it crosses the area it
 * covers to its right; a running sum along each row gives the winding coverage, clamped to one
 * (non-zero filling, as fonts are drawn). Curves are flattened into lines fine enough to be exact at
 * the pixel. Glyph outlines come from HarfBuzz (src/cards/text.ts).
 */
import type { Pen } from './text.ts';

export class CoverageRaster implements Pen {
  readonly width: number;
  readonly height: number;
  private readonly area: Float32Array;
  private startX = 0;
  private startY = 0;
  private penX = 0;
  private penY = 0;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    // One extra cell: an edge at the right border adds to the cell after the last.
    this.area = new Float32Array(width * height + 1);
  }

  moveTo(x: number, y: number): void {
    [this.startX, this.startY, this.penX, this.penY] = [x, y, x, y];
  }

  lineTo(x: number, y: number): void {
    this.edge(this.penX, this.penY, x, y);
    [this.penX, this.penY] = [x, y];
  }

  quadTo(cx: number, cy: number, x: number, y: number): void {
    // Enough segments that the flattened curve strays less than about a tenth of a pixel.
    const deviation = Math.hypot(this.penX - 2 * cx + x, this.penY - 2 * cy + y);
    const steps = Math.max(1, Math.ceil(Math.sqrt(deviation * 2.5)));
    const [x0, y0] = [this.penX, this.penY];
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      this.lineTo(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
    }
  }

  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    // TrueType fonts (every Noto slice) have only quadratic curves; CFF fonts draw cubic ones.
    const deviation = Math.max(Math.hypot(this.penX - 2 * c1x + c2x, this.penY - 2 * c1y + c2y), Math.hypot(c1x - 2 * c2x + x, c1y - 2 * c2y + y));
    const steps = Math.max(1, Math.ceil(Math.sqrt(deviation * 3.75)));
    const [x0, y0] = [this.penX, this.penY];
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
      this.lineTo(a * x0 + b * c1x + c * c2x + d * x, a * y0 + b * c1y + c * c2y + d * y);
    }
  }

  close(): void {
    if (this.penX !== this.startX || this.penY !== this.startY) this.lineTo(this.startX, this.startY);
  }

  /** Coverage of each pixel, row by row, 0–255. */
  coverage(): Uint8Array {
    const out = new Uint8Array(this.width * this.height);
    let sum = 0;
    for (let i = 0; i < out.length; i++) {
      sum += this.area[i]!;
      out[i] = Math.round(Math.min(1, Math.abs(sum)) * 255);
    }
    return out;
  }

  private edge(ax: number, ay: number, bx: number, by: number): void {
    if (ay === by) return;
    const direction = ay < by ? 1 : -1;
    const [x0, y0, x1, y1] = ay < by ? [ax, ay, bx, by] : [bx, by, ax, ay];
    const slope = (x1 - x0) / (y1 - y0);
    const { width, area } = this;
    let x = x0 + (y0 < 0 ? -y0 * slope : 0);
    for (let row = Math.max(0, Math.floor(y0)); row < Math.min(this.height, Math.ceil(y1)); row++) {
      const line = row * width;
      const dy = Math.min(row + 1, y1) - Math.max(row, y0);
      const next = x + slope * dy;
      const d = dy * direction;
      const [left, right] = x < next ? [x, next] : [next, x];
      const leftCell = Math.floor(left);
      const rightCell = Math.ceil(right);
      if (leftCell < 0 || rightCell > width) {
        // Outside the image on either side: images are made with a margin, so this does not happen.
        x = next;
        continue;
      }
      if (rightCell <= leftCell + 1) {
        // Within one cell: the part right of the edge's middle is covered.
        const middle = 0.5 * (x + next) - leftCell;
        area[line + leftCell]! += d - d * middle;
        area[line + leftCell + 1]! += d * middle;
      } else {
        const s = 1 / (right - left);
        const leftFraction = left - leftCell;
        const firstArea = 0.5 * s * (1 - leftFraction) * (1 - leftFraction);
        const rightFraction = right - rightCell + 1;
        const lastArea = 0.5 * s * rightFraction * rightFraction;
        area[line + leftCell]! += d * firstArea;
        if (rightCell === leftCell + 2) {
          area[line + leftCell + 1]! += d * (1 - firstArea - lastArea);
        } else {
          const secondArea = s * (1.5 - leftFraction);
          area[line + leftCell + 1]! += d * (secondArea - firstArea);
          for (let cell = leftCell + 2; cell < rightCell - 1; cell++) area[line + cell]! += d * s;
          const beforeLast = secondArea + (rightCell - leftCell - 3) * s;
          area[line + rightCell - 1]! += d * (1 - beforeLast - lastArea);
        }
        area[line + rightCell]! += d * lastArea;
      }
      x = next;
    }
  }
}
