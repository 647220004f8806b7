/**
 * Text shaped by HarfBuzz (harfbuzzjs) in the self-hosted fonts, for the social cards. Khmer, Lao
 * and Thai need shaping (subscript consonants, reordered vowels, stacked marks); Latin gets kerning.
 *
 * Fonts come as @fontsource slices, one file per unicode-range, the same files and order the browser
 * uses: each grapheme is drawn by the first font of the stack whose slice holds all its characters,
 * and runs of graphemes from one slice are shaped together, as a browser shapes runs of one
 * @font-face. A grapheme no font of the stack can draw makes the text undrawable (no tofu boxes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { type FontFamily, type FontId, getFontFamily } from '../i18n/locales.ts';
import { fontPackage } from '../fonts/packages.ts';
import { SliceLookup } from '../fonts/page-fonts.ts';
import { sfntData } from './sfnt.ts';

/** Receives a glyph's outline, contour by contour, in the coordinates it is drawn at. */
export interface Pen {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadTo(cx: number, cy: number, x: number, y: number): void;
  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void;
  close(): void;
}

/** One glyph of one font file. */
export interface GlyphOutline {
  /** Names the outline: the font file and glyph id. */
  id: string;
  /** The outline's extent, in ems from the pen position, y pointing up (all zero for a space). */
  bounds(): { xMin: number; yMin: number; xMax: number; yMax: number };
  /** Draws the outline with its pen position at (x, y), y pointing down, `size` px per em. */
  draw(x: number, y: number, size: number, pen: Pen): void;
}

/** A glyph as shaped: advance and offsets in ems, `cluster` the UTF-16 offset of its characters in the text. */
export interface ShapedGlyph {
  outline: GlyphOutline;
  cluster: number;
  advance: number;
  dx: number;
  dy: number;
  /** HarfBuzz's UNSAFE_TO_BREAK: text broken before this glyph must be shaped again. */
  unsafeToBreak: boolean;
}

/** A font stack at one weight, as the cards use it. */
export interface TextFont {
  /** True when every grapheme of the text has a font in the stack. */
  covers(text: string): boolean;
  /** The text shaped, in logical order, or undefined when some grapheme has no font. */
  shape(text: string): ShapedGlyph[] | undefined;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Grapheme boundaries of the text, as UTF-16 offsets (0 and the length included). */
export function graphemeBoundaries(text: string): number[] {
  return [...[...graphemeSegmenter.segment(text)].map((s) => s.index), text.length];
}

/** Characters shaping hides when a font lacks them (joiners, variation selectors, ZWSP). */
const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;

interface Slice {
  path: string;
  font: hb.Font;
  upem: number;
  outlines: Map<number, GlyphOutline>;
}

/** Font files by path: read, unpacked and handed to HarfBuzz once per process. */
const slices = new Map<string, Slice>();

function slice(path: string): Slice {
  let found = slices.get(path);
  if (!found) {
    const face = new hb.Face(new hb.Blob(sfntData(readFileSync(path), path)));
    found = { path, font: new hb.Font(face), upem: face.upem, outlines: new Map() };
    slices.set(path, found);
  }
  return found;
}

function outline(s: Slice, glyph: number): GlyphOutline {
  let found = s.outlines.get(glyph);
  if (found) return found;
  const em = s.upem;
  let commands: ReturnType<hb.Font['glyphToJson']> | undefined;
  found = {
    id: `${s.path}#${glyph}`,
    bounds: () => {
      const e = s.font.glyphExtents(glyph);
      if (!e || (!e.width && !e.height)) return { xMin: 0, yMin: 0, xMax: 0, yMax: 0 };
      return { xMin: e.xBearing / em, xMax: (e.xBearing + e.width) / em, yMax: e.yBearing / em, yMin: (e.yBearing + e.height) / em };
    },
    draw: (x, y, size, pen) => {
      commands ??= s.font.glyphToJson(glyph);
      const k = size / em;
      const v = (i: number, values: number[]) => (i % 2 ? y - values[i]! * k : x + values[i]! * k);
      for (const { type, values } of commands) {
        const p = values.map((_, i) => v(i, values));
        if (type === 'M') pen.moveTo(p[0]!, p[1]!);
        else if (type === 'L') pen.lineTo(p[0]!, p[1]!);
        else if (type === 'Q') pen.quadTo(p[0]!, p[1]!, p[2]!, p[3]!);
        else if (type === 'C') pen.cubicTo(p[0]!, p[1]!, p[2]!, p[3]!, p[4]!, p[5]!);
        else if (type === 'Z') pen.close();
      }
    },
  };
  s.outlines.set(glyph, found);
  return found;
}

/** SVG path data of an outline drawn as `draw` places it. */
export function outlinePath(glyph: GlyphOutline, x: number, y: number, size: number): string {
  const parts: string[] = [];
  const at = (...xy: number[]) => xy.map((n) => String(Math.round(n * 10) / 10)).join(' ');
  glyph.draw(x, y, size, {
    moveTo: (px, py) => parts.push(`M${at(px, py)}`),
    lineTo: (px, py) => parts.push(`L${at(px, py)}`),
    quadTo: (cx, cy, px, py) => parts.push(`Q${at(cx, cy, px, py)}`),
    cubicTo: (ax, ay, bx, by, px, py) => parts.push(`C${at(ax, ay, bx, by, px, py)}`),
    close: () => parts.push('Z'),
  });
  return parts.join('');
}

/** A font family of a stack: one of the locale module's, or (tests, new scripts) any @fontsource family. */
export type StackEntry = FontId | { id: string; family: FontFamily };

interface StackFamily {
  /** Which subset draws a code point. */
  lookup: SliceLookup;
  /** The upright slice file of each subset at the stack's weight: the woff twin of the woff2 the site serves. */
  files: Map<string, string>;
}

function stackFamily(entry: StackEntry, weight: number): StackFamily {
  const { id, family } = typeof entry === 'string' ? { id: entry, family: getFontFamily(entry) } : entry;
  const { dir, files } = fontPackage(id, family);
  const upright = files.filter((f) => f.style === 'normal' && f.weight === weight);
  if (!upright.length) throw new Error(`${family.package} has no upright files of weight ${weight}.`);
  return { lookup: new SliceLookup(upright), files: new Map(upright.map((f) => [f.subset, join(dir, 'files', f.file.replace(/\.woff2$/, '.woff'))])) };
}

class StackFont implements TextFont {
  private readonly fonts: StackFamily[];
  /** The slice drawing each grapheme seen so far; undefined when none can. */
  private readonly chosen = new Map<string, Slice | undefined>();
  private readonly buffer = new hb.Buffer();

  constructor(stack: readonly StackEntry[], weight: number) {
    this.fonts = stack.map((entry) => stackFamily(entry, weight));
  }

  covers(text: string): boolean {
    return this.runs(text) !== undefined;
  }

  shape(text: string): ShapedGlyph[] | undefined {
    const runs = this.runs(text);
    if (!runs) return undefined;
    const out: ShapedGlyph[] = [];
    const { buffer } = this;
    for (const { start, end, slice: s } of runs) {
      buffer.clearContents();
      // The whole text is context: shaping at a run's edges sees its neighbours.
      buffer.addText(text, start, end - start);
      buffer.guessSegmentProperties();
      hb.shape(s.font, buffer);
      const em = s.upem;
      const infos = buffer.getGlyphInfos();
      const positions = buffer.getGlyphPositions();
      infos.forEach((info, i) => {
        const p = positions[i]!;
        out.push({ outline: outline(s, info.codepoint), cluster: info.cluster, advance: p.xAdvance / em, dx: p.xOffset / em, dy: p.yOffset / em, unsafeToBreak: (info.flags & hb.GlyphFlag.UNSAFE_TO_BREAK) !== 0 });
      });
    }
    return out;
  }

  /** The text in runs of graphemes drawn by one slice, or undefined when a grapheme has no font. */
  private runs(text: string): Array<{ start: number; end: number; slice: Slice }> | undefined {
    const runs: Array<{ start: number; end: number; slice: Slice | undefined }> = [];
    const bounds = graphemeBoundaries(text);
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [start, end] = [bounds[i]!, bounds[i + 1]!];
      const grapheme = text.slice(start, end);
      const last = runs.at(-1);
      // Joiners and ZWSP alone go with their neighbours: shaping hides them where a font has none.
      if ([...grapheme].every((c) => ignorable.test(c))) {
        if (last) last.end = end;
        else runs.push({ start, end, slice: undefined });
        continue;
      }
      const s = this.sliceFor(grapheme);
      if (!s) return undefined;
      if (last && (last.slice === s || last.slice === undefined)) {
        last.end = end;
        last.slice = s;
      } else runs.push({ start, end, slice: s });
    }
    // Text of ignorables only draws nothing.
    return runs.filter((r): r is { start: number; end: number; slice: Slice } => r.slice !== undefined);
  }

  private sliceFor(grapheme: string): Slice | undefined {
    if (this.chosen.has(grapheme)) return this.chosen.get(grapheme);
    let found: Slice | undefined;
    const codePoints = [...grapheme].map((c) => c.codePointAt(0)!);
    for (const { lookup, files } of this.fonts) {
      const drawn = codePoints.filter((c) => !ignorable.test(String.fromCodePoint(c)));
      const subsets = new Set(drawn.map((c) => lookup.subsetOf(c)));
      // One slice must hold the whole grapheme: a mark from another file could not be placed on its base.
      const [subset] = subsets;
      if (subsets.size !== 1 || subset === undefined) continue;
      const path = files.get(subset);
      if (!path) continue;
      const s = slice(path);
      if (drawn.every((c) => s.font.nominalGlyph(c) !== undefined)) {
        found = s;
        break;
      }
    }
    this.chosen.set(grapheme, found);
    return found;
  }
}

const fonts = new Map<string, TextFont>();

/** The stack at a weight; one per stack and weight for the whole process. */
export function textFont(stack: readonly StackEntry[], weight: number): TextFont {
  const key = `${stack.map((e) => (typeof e === 'string' ? e : `${e.id}:${e.family.package}`)).join(',')}@${weight}`;
  let font = fonts.get(key);
  if (!font) {
    font = new StackFont(stack, weight);
    fonts.set(key, font);
  }
  return font;
}
