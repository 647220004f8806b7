/**
 * Text drawn as outlines from the self-hosted fonts, for images made at build time (social cards).
 * Each character is drawn from the first font of the stack that has it, read from the @fontsource
 * slice (WOFF) whose unicode range covers it — the same files and order the browser uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontId } from '../i18n/locales.ts';
import { parseUnicodeRange } from './faces.ts';
import { contoursToPath, drawContours, OutlineFont, type Pen } from './outlines.ts';
import { fontPackages } from './packages.ts';

export interface DrawnGlyph {
  /** Names the outline: the font file and glyph index (two characters may share a glyph). */
  id: string;
  /** Advance width, in ems. */
  advance: number;
  /** The outline's extent, in ems from the pen position, y pointing up (all zero for a space). */
  bounds(): { xMin: number; yMin: number; xMax: number; yMax: number };
  /** SVG path data of the glyph with its pen position on the baseline at (x, y), `size` px per em. */
  path(x: number, y: number, size: number): string;
  /** The same outline, drawn with a pen (as `path` places it). */
  draw(x: number, y: number, size: number, pen: Pen): void;
}

/** The glyph drawing one grapheme (after NFC), or undefined when no font of the stack has it. */
export type GlyphLookup = (grapheme: string) => DrawnGlyph | undefined;

interface Slice {
  path: string;
  weight: number;
  ranges: Array<[number, number]>;
}

const slicesByFont = new Map<FontId, Slice[]>();
const fonts = new Map<string, OutlineFont>();

/** The package's upright slices; the WOFF twin of each woff2 file the site serves. */
function slices(id: FontId): Slice[] {
  let found = slicesByFont.get(id);
  if (!found) {
    const { dir, files } = fontPackages().find((p) => p.id === id)!;
    found = files
      .filter((f) => f.style === 'normal')
      .map((f) => ({ path: join(dir, 'files', f.file.replace(/\.woff2$/, '.woff')), weight: f.weight, ranges: parseUnicodeRange(f.unicodeRange) }));
    slicesByFont.set(id, found);
  }
  return found;
}

function fontAt(path: string): OutlineFont {
  let font = fonts.get(path);
  if (!font) {
    font = new OutlineFont(readFileSync(path));
    fonts.set(path, font);
  }
  return font;
}

const lookups = new Map<string, GlyphLookup>();

/** The glyph lookup of a font stack at a weight; one per stack and weight for the whole build. */
export function glyphLookup(stack: readonly FontId[], weight: number): GlyphLookup {
  const key = `${stack.join(',')}@${weight}`;
  let lookup = lookups.get(key);
  if (!lookup) {
    lookup = newGlyphLookup(stack, weight);
    lookups.set(key, lookup);
  }
  return lookup;
}

function newGlyphLookup(stack: readonly FontId[], weight: number): GlyphLookup {
  const cache = new Map<string, DrawnGlyph | undefined>();
  const find = (grapheme: string): DrawnGlyph | undefined => {
    const codePoints = [...grapheme.normalize('NFC')].map((c) => c.codePointAt(0) ?? 0);
    // One code point per glyph: without shaping, a base letter and a combining mark cannot be placed.
    const [codePoint] = codePoints;
    if (codePoint === undefined || codePoints.length > 1) return undefined;
    for (const id of stack) {
      const slice = slices(id).find((s) => s.weight === weight && s.ranges.some(([start, end]) => codePoint >= start && codePoint <= end));
      if (!slice) continue;
      const font = fontAt(slice.path);
      const glyph = font.glyphIndex(codePoint);
      if (glyph === 0) continue;
      const em = font.unitsPerEm;
      let contours: ReturnType<OutlineFont['contours']> | undefined;
      const outline = () => (contours ??= font.contours(glyph));
      return {
        id: `${slice.path}#${glyph}`,
        advance: font.advance(glyph) / em,
        // Control points enclose the quadratic curves through them, so their extent bounds the glyph.
        bounds: () => {
          const points = outline().flat();
          if (!points.length) return { xMin: 0, yMin: 0, xMax: 0, yMax: 0 };
          const xs = points.map((p) => p.x / em);
          const ys = points.map((p) => p.y / em);
          return { xMin: Math.min(...xs), yMin: Math.min(...ys), xMax: Math.max(...xs), yMax: Math.max(...ys) };
        },
        path: (x, y, size) => contoursToPath(outline(), x, y, size / em),
        draw: (x, y, size, pen) => drawContours(outline(), x, y, size / em, pen),
      };
    }
    return undefined;
  };
  return (grapheme) => {
    if (!cache.has(grapheme)) cache.set(grapheme, find(grapheme));
    return cache.get(grapheme);
  };
}
