/**
 * Glyph outlines from the self-hosted TrueType fonts (WOFF or plain sfnt), for drawing text as SVG
 * paths at build time. librsvg (sharp's SVG renderer) draws `<text>` with the machine's fontconfig
 * fonts, which have no CJK on a plain Debian and may differ from machine to machine; paths drawn
 * from the fonts the site itself serves look the same everywhere and can never show tofu boxes.
 *
 * Only what a one-line-at-a-time title needs: cmap, advance widths and `glyf` outlines (simple and
 * composite glyphs). No shaping: Vietnamese, Korean and CJK text is drawn from precomposed
 * characters, which the Noto fonts have.
 */
import { inflateSync } from 'node:zlib';

export interface Point {
  x: number;
  y: number;
  onCurve: boolean;
}

/** A glyph's contours in font units, y pointing up. */
export type Contours = Point[][];

export class OutlineFont {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  private readonly tables: Map<string, Buffer>;
  private readonly numGlyphs: number;
  private readonly numberOfHMetrics: number;
  private readonly longLoca: boolean;
  private readonly cmap: (codePoint: number) => number;

  constructor(data: Buffer) {
    this.tables = readTables(data);
    const head = this.table('head');
    const hhea = this.table('hhea');
    this.unitsPerEm = head.readUInt16BE(18);
    this.longLoca = head.readInt16BE(50) === 1;
    this.ascender = hhea.readInt16BE(4);
    this.descender = hhea.readInt16BE(6);
    this.numberOfHMetrics = hhea.readUInt16BE(34);
    this.numGlyphs = this.table('maxp').readUInt16BE(4);
    this.cmap = readCmap(this.table('cmap'));
  }

  /** The glyph drawing a character, or 0 (`.notdef`, the tofu box) when the font has none. */
  glyphIndex(codePoint: number): number {
    return this.cmap(codePoint);
  }

  /** Advance width in font units. */
  advance(glyph: number): number {
    const hmtx = this.table('hmtx');
    const index = Math.min(glyph, this.numberOfHMetrics - 1);
    return hmtx.readUInt16BE(index * 4);
  }

  contours(glyph: number, depth = 0): Contours {
    if (glyph >= this.numGlyphs || depth > 8) return [];
    const loca = this.table('loca');
    const start = this.longLoca ? loca.readUInt32BE(glyph * 4) : loca.readUInt16BE(glyph * 2) * 2;
    const end = this.longLoca ? loca.readUInt32BE(glyph * 4 + 4) : loca.readUInt16BE(glyph * 2 + 2) * 2;
    if (end <= start) return [];
    const data = this.table('glyf').subarray(start, end);
    const count = data.readInt16BE(0);
    return count >= 0 ? simpleGlyph(data, count) : this.compositeGlyph(data, depth);
  }

  private compositeGlyph(data: Buffer, depth: number): Contours {
    const out: Contours = [];
    let offset = 10;
    let flags: number;
    do {
      flags = data.readUInt16BE(offset);
      const component = data.readUInt16BE(offset + 2);
      offset += 4;
      const words = flags & 0x0001;
      const arg1 = words ? data.readInt16BE(offset) : flags & 0x0002 ? data.readInt8(offset) : data.readUInt8(offset);
      const arg2 = words ? data.readInt16BE(offset + 2) : flags & 0x0002 ? data.readInt8(offset + 1) : data.readUInt8(offset + 1);
      offset += words ? 4 : 2;
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (at: number) => data.readInt16BE(at) / 16384;
      if (flags & 0x0008) {
        a = d = f2dot14(offset);
        offset += 2;
      } else if (flags & 0x0040) {
        a = f2dot14(offset);
        d = f2dot14(offset + 2);
        offset += 4;
      } else if (flags & 0x0080) {
        [a, b, c, d] = [f2dot14(offset), f2dot14(offset + 2), f2dot14(offset + 4), f2dot14(offset + 6)];
        offset += 8;
      }
      const parts = this.contours(component, depth + 1).map((contour) =>
        contour.map((p) => ({ x: a * p.x + c * p.y, y: b * p.x + d * p.y, onCurve: p.onCurve })),
      );
      let dx = arg1;
      let dy = arg2;
      if (!(flags & 0x0002)) {
        // Point matching: the component's point arg2 sits on the glyph's point arg1 so far.
        const placed = out.flat()[arg1];
        const own = parts.flat()[arg2];
        dx = placed && own ? placed.x - own.x : 0;
        dy = placed && own ? placed.y - own.y : 0;
      }
      out.push(...parts.map((contour) => contour.map((p) => ({ ...p, x: p.x + dx, y: p.y + dy }))));
    } while (flags & 0x0020);
    return out;
  }

  private table(tag: string): Buffer {
    const table = this.tables.get(tag);
    if (!table) throw new Error(`The font has no "${tag}" table; only TrueType-outline fonts can be drawn.`);
    return table;
  }
}

/** The font's tables by tag, from a WOFF (1.0) file or a plain TrueType file. */
function readTables(data: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const signature = data.toString('latin1', 0, 4);
  if (signature === 'wOFF') {
    const count = data.readUInt16BE(12);
    for (let i = 0; i < count; i++) {
      const entry = 44 + i * 20;
      const tag = data.toString('latin1', entry, entry + 4);
      const offset = data.readUInt32BE(entry + 4);
      const compressed = data.readUInt32BE(entry + 8);
      const length = data.readUInt32BE(entry + 12);
      const raw = data.subarray(offset, offset + compressed);
      tables.set(tag, compressed < length ? inflateSync(raw) : raw);
    }
    return tables;
  }
  if (signature === 'wOF2') throw new Error('WOFF2 fonts cannot be read here; use the .woff file of the same font.');
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    const offset = data.readUInt32BE(entry + 8);
    tables.set(data.toString('latin1', entry, entry + 4), data.subarray(offset, offset + data.readUInt32BE(entry + 12)));
  }
  return tables;
}

/** A lookup from code point to glyph index, from the best Unicode subtable (format 12, else 4). */
function readCmap(cmap: Buffer): (codePoint: number) => number {
  const count = cmap.readUInt16BE(2);
  const subtables: Array<{ platform: number; encoding: number; offset: number; format: number }> = [];
  for (let i = 0; i < count; i++) {
    const record = 4 + i * 8;
    const offset = cmap.readUInt32BE(record + 4);
    subtables.push({ platform: cmap.readUInt16BE(record), encoding: cmap.readUInt16BE(record + 2), offset, format: cmap.readUInt16BE(offset) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const full = subtables.find((s) => unicode(s) && s.format === 12);
  if (full) {
    const groups = cmap.readUInt32BE(full.offset + 12);
    return (codePoint) => {
      for (let i = 0; i < groups; i++) {
        const at = full.offset + 16 + i * 12;
        const startChar = cmap.readUInt32BE(at);
        if (codePoint >= startChar && codePoint <= cmap.readUInt32BE(at + 4)) return cmap.readUInt32BE(at + 8) + codePoint - startChar;
      }
      return 0;
    };
  }
  const bmp = subtables.find((s) => unicode(s) && s.format === 4);
  if (!bmp) return () => 0;
  const segments = cmap.readUInt16BE(bmp.offset + 6) / 2;
  const ends = bmp.offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (cmap.readUInt16BE(ends + i * 2) < codePoint) continue;
      const start = cmap.readUInt16BE(starts + i * 2);
      if (start > codePoint) return 0;
      const delta = cmap.readInt16BE(deltas + i * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + i * 2);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = cmap.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function simpleGlyph(data: Buffer, count: number): Contours {
  const ends: number[] = [];
  for (let i = 0; i < count; i++) ends.push(data.readUInt16BE(10 + i * 2));
  const points = (ends.at(-1) ?? -1) + 1;
  let offset = 10 + count * 2;
  offset += 2 + data.readUInt16BE(offset);
  const flags: number[] = [];
  while (flags.length < points) {
    const flag = data.readUInt8(offset++);
    flags.push(flag);
    if (flag & 0x08) {
      const repeat = data.readUInt8(offset++);
      for (let r = 0; r < repeat; r++) flags.push(flag);
    }
  }
  const coordinates = (short: number, same: number) => {
    const values: number[] = [];
    let value = 0;
    for (const flag of flags) {
      if (flag & short) value += flag & same ? data.readUInt8(offset++) : -data.readUInt8(offset++);
      else if (!(flag & same)) {
        value += data.readInt16BE(offset);
        offset += 2;
      }
      values.push(value);
    }
    return values;
  };
  const xs = coordinates(0x02, 0x10);
  const ys = coordinates(0x04, 0x20);
  const contours: Contours = [];
  let first = 0;
  for (const end of ends) {
    const contour: Point[] = [];
    for (let i = first; i <= end; i++) contour.push({ x: xs[i]!, y: ys[i]!, onCurve: (flags[i]! & 0x01) === 1 });
    contours.push(contour);
    first = end + 1;
  }
  return contours;
}

/** Receives a glyph's outline, contour by contour, in the coordinates it was drawn at. */
export interface Pen {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadTo(cx: number, cy: number, x: number, y: number): void;
  close(): void;
}

/**
 * Draws contours with the pen at (x, y) — the pen position on the baseline, y pointing down — with
 * `scale` units per font unit. Quadratic curves as in the font: two control points in a row have
 * an on-curve point between them.
 */
export function drawContours(contours: Contours, x: number, y: number, scale: number, pen: Pen): void {
  const mid = (p: Point, q: Point): Point => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, onCurve: true });
  const px = (p: Point) => x + p.x * scale;
  const py = (p: Point) => y - p.y * scale;
  for (const contour of contours) {
    if (contour.length < 2) continue;
    // Start on a point that is on the curve (a contour of only control points starts between two).
    const startIndex = contour.findIndex((p) => p.onCurve);
    const ring = startIndex >= 0 ? [...contour.slice(startIndex), ...contour.slice(0, startIndex)] : [mid(contour[0]!, contour[1]!), ...contour.slice(1), contour[0]!];
    const start = ring[0]!;
    pen.moveTo(px(start), py(start));
    let control: Point | undefined;
    for (const p of [...ring.slice(1), start]) {
      if (p.onCurve) {
        if (control) pen.quadTo(px(control), py(control), px(p), py(p));
        else pen.lineTo(px(p), py(p));
        control = undefined;
      } else if (control) {
        const between = mid(control, p);
        pen.quadTo(px(control), py(control), px(between), py(between));
        control = p;
      } else {
        control = p;
      }
    }
    pen.close();
  }
}

/** SVG path data for contours drawn at (x, y), as drawContours places them. */
export function contoursToPath(contours: Contours, x: number, y: number, scale: number): string {
  const parts: string[] = [];
  const at = (px: number, py: number) => `${round(px)} ${round(py)}`;
  drawContours(contours, x, y, scale, {
    moveTo: (px, py) => parts.push(`M${at(px, py)}`),
    lineTo: (px, py) => parts.push(`L${at(px, py)}`),
    quadTo: (cx, cy, px, py) => parts.push(`Q${at(cx, cy)} ${at(px, py)}`),
    close: () => parts.push('Z'),
  });
  return parts.join('');
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
