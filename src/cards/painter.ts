/**
 * Draws social cards (src/cards/layout.ts) as PNG. A thousand-page site has a thousand cards, and
 * rasterising each as a whole SVG cost about 17 ms of CPU; here each language's background is
 * rasterised once (by sharp), each glyph once per size and quarter-pixel position (in this thread,
 * src/cards/coverage.ts), and a card is the background with its title's glyph images laid over
 * it, written as a palette PNG. Measured with HarfBuzz shaping (CPU time in-process, the 196 cards
 * of the sample content, a fresh painter as in a build, median of 3 rounds on the 2-core machine):
 * 2.9 ms a card this way (2.8 ms before shaping), 13.9 ms rasterising each card's whole SVG with
 * sharp instead; layout and shaping alone 0.16 ms. So the glyph cache and compositor stay.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { fallbackChain, getLocale, type FontId, type LocaleId } from '../i18n/locales.ts';
import { cardSize } from '../site/social.ts';
import { CoverageRaster } from './coverage.ts';
import { composeCard, type Card, type CardFonts, type CardWords, type PlacedGlyph } from './layout.ts';
import { encodeIndexedPng, IndexedCanvas, parseHexColour, quantise, type Rgb } from './png.ts';
import { textFont } from './text.ts';

export interface CardRequest {
  /** Site path of the card, `/social/….png`. */
  path: string;
  locale: LocaleId;
  words: CardWords;
}

/** Anti-aliasing shades of the title colour over the background. */
const titleShades = 32;
/** Glyph images are kept for four positions within a pixel, across and down. */
const phases = 4;

interface Background {
  canvas: IndexedCanvas;
  palette: Rgb[];
}

/**
 * A glyph's image as title shades (0–titleShades), placed relative to its pen position rounded down
 * to whole pixels, cropped to the pixels it inks.
 */
interface GlyphImage {
  left: number;
  top: number;
  width: number;
  height: number;
  shades: Uint8Array;
}

/** Coverage (0–255) to title shade (0–titleShades). */
const shadeOf = Uint8Array.from({ length: 256 }, (_, coverage) => Math.round((coverage * titleShades) / 255));

const blend = (from: Rgb, to: Rgb, amount: number): Rgb => [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * amount)) as unknown as Rgb;

/** Heading fonts of the language, then of the languages it falls back to (a fallback page's title is in one of those). */
function headingStack(locale: LocaleId): FontId[] {
  return [...new Set(fallbackChain(locale).flatMap((id) => getLocale(id).fonts.heading))];
}

/** The title and label fonts of a language. */
export function cardFonts(locale: LocaleId): CardFonts {
  const stack = headingStack(locale);
  return { title: textFont(stack, 700), label: textFont(stack, 400) };
}

/** The card of a request, laid out in the heading fonts of its language. */
export function layoutCard(request: CardRequest, logo: string): Card {
  return composeCard(request.words, cardFonts(request.locale), logo);
}

/** What makes a card look the way it does: two cards with the same key are the same image. */
export function cardKey(card: Card): string {
  const glyphs = card.title.glyphs.map((g) => `${g.glyph.id}@${g.size}:${Math.round(g.x * phases)},${Math.round(g.y * phases)}`);
  return JSON.stringify([card.background, card.backgroundColour, card.title.colour, glyphs]);
}

export class CardPainter {
  private readonly backgrounds = new Map<string, Promise<Background>>();
  private readonly glyphs = new Map<string, GlyphImage>();
  private readonly canvas = new IndexedCanvas(cardSize.width, cardSize.height);

  async paint(card: Card): Promise<Buffer> {
    const { width, height } = cardSize;
    const background = await this.background(card);
    const placed = card.title.glyphs.map((g) => ({ ...g, ...this.position(g) }));
    this.rasterise(placed.filter((p) => !this.glyphs.has(p.key)));
    // From here to the encoded file nothing waits, so paints running side by side (the dev server)
    // cannot mix their pixels on the one canvas.
    const { canvas } = this;
    const pixels = canvas.data;
    pixels.set(background.canvas.data);
    for (const { key, column, row } of placed) {
      const { left, top, width: w, height: h, shades } = this.glyphs.get(key)!;
      const x0 = column + left;
      const y0 = row + top;
      // Only the part of the glyph image inside the card.
      const [xStart, xEnd] = [Math.max(0, -x0), Math.min(w, width - x0)];
      const [yStart, yEnd] = [Math.max(0, -y0), Math.min(h, height - y0)];
      for (let y = yStart; y < yEnd; y++) {
        let from = y * w + xStart;
        let at = canvas.offset(x0 + xStart, y0 + y);
        for (let x = xStart; x < xEnd; x++, from++, at++) {
          const shade = shades[from]!;
          if (shade === 0) continue;
          // Indices 1…titleShades are the title's shades; where glyphs touch, the darker-inked one wins.
          const under = pixels[at]!;
          if (under === 0 || under > titleShades || under < shade) pixels[at] = shade;
        }
      }
    }
    return encodeIndexedPng(canvas, background.palette);
  }

  /**
   * Where a glyph goes in whole pixels, and the key of its image at the remaining fraction: glyph
   * images are per font file, glyph id, size and quarter-pixel phase (a shaped glyph, not a character).
   */
  private position(g: PlacedGlyph) {
    const across = Math.round(g.x * phases);
    const down = Math.round(g.y * phases);
    const column = Math.floor(across / phases);
    const row = Math.floor(down / phases);
    const phase = across - column * phases;
    const phaseDown = down - row * phases;
    return { column, row, phase, phaseDown, key: `${g.glyph.id}@${g.size}:${phase},${phaseDown}` };
  }

  private background(card: Card): Promise<Background> {
    const key = `${card.backgroundColour}\u0000${card.title.colour}\u0000${card.background}`;
    let found = this.backgrounds.get(key);
    if (!found) {
      found = (async () => {
        const rgb = await sharp(Buffer.from(card.background)).removeAlpha().raw().toBuffer();
        const under = parseHexColour(card.backgroundColour);
        const ink = parseHexColour(card.title.colour);
        // Index 0 is the background, 1…titleShades the title's anti-aliasing shades up to full ink.
        const fixed = [under, ...Array.from({ length: titleShades }, (_, i) => blend(under, ink, (i + 1) / titleShades))];
        const { pixels, palette } = quantise(rgb, fixed);
        return { canvas: IndexedCanvas.from(cardSize.width, cardSize.height, pixels), palette };
      })();
      this.backgrounds.set(key, found);
    }
    return found;
  }

  /** Draws the glyph images not drawn yet, in this thread (src/cards/coverage.ts). */
  private rasterise(missing: Array<PlacedGlyph & { key: string; phase: number; phaseDown: number }>) {
    for (const m of missing) {
      if (this.glyphs.has(m.key)) continue;
      const box = m.glyph.bounds();
      const offset = m.phase / phases;
      const offsetDown = m.phaseDown / phases;
      // One pixel of margin on every side: anti-aliasing reaches past the outline.
      const left = Math.floor(box.xMin * m.size + offset) - 1;
      const right = Math.ceil(box.xMax * m.size + offset) + 1;
      const top = Math.floor(-box.yMax * m.size + offsetDown) - 1;
      const bottom = Math.ceil(-box.yMin * m.size + offsetDown) + 1;
      const [width, height] = [right - left, bottom - top];
      const raster = new CoverageRaster(width, height);
      m.glyph.draw(offset - left, offsetDown - top, m.size, raster);
      const coverage = raster.coverage();
      // Cropped to the pixels with ink: the blank margin would only be skipped again on every card.
      let [x0, y0, x1, y1] = [width, height, -1, -1];
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (!shadeOf[coverage[y * width + x]!]) continue;
          [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
        }
      }
      const [w, h] = [Math.max(0, x1 - x0 + 1), Math.max(0, y1 - y0 + 1)];
      const shades = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) shades[y * w + x] = shadeOf[coverage[(y0 + y) * width + x0 + x]!]!;
      this.glyphs.set(m.key, { left: left + x0, top: top + y0, width: w, height: h, shades });
    }
  }
}

/** Where finished cards are kept between builds, by a key of what they show. */
export interface CardStore {
  read(key: string): Uint8Array | undefined;
  write(key: string, png: Uint8Array): void;
}

/** A store of one file per card in `dir`, named by the key. */
export function directoryStore(dir: string): CardStore {
  const file = (key: string) => join(dir, `${key}.png`);
  return {
    read: (key) => (existsSync(file(key)) ? readFileSync(file(key)) : undefined),
    write: (key, png) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(key), png);
    },
  };
}

/**
 * Draws cards for requests, remembering the finished PNGs in `store` by what they show: a rebuild
 * draws only the cards whose page title changed. Without a store every card is drawn afresh.
 */
export function cardDrawer(logo: string, store?: CardStore): (request: CardRequest) => Promise<{ png: Buffer; titleDrawn: boolean }> {
  const painter = new CardPainter();
  return async (request) => {
    const card = layoutCard(request, logo);
    const key = createHash('sha256').update(`${paintingVersion}\u0000${cardKey(card)}`).digest('hex');
    const cached = store?.read(key);
    const png = cached ? Buffer.from(cached) : await painter.paint(card);
    if (!cached) store?.write(key, png);
    return { png, titleDrawn: card.titleDrawn };
  };
}

/** Changes when the way cards are painted changes, so cached cards from before are not reused. */
const paintingVersion = 'harfbuzz-1';
