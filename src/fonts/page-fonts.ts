/**
 * @font-face rules written into each web page: only the font slices that draw the page's own
 * characters, each with its unicode-range narrowed to those characters. A Japanese page otherwise
 * waits for a 188 KB stylesheet of every slice before it shows any text; this way it carries a few
 * kilobytes inline and the browser fetches the same cached woff2 slices as before.
 */
import { fontIds, fontsFor, getLocale, localeIds, type FontId, type LocaleId } from '../i18n/locales.ts';
import { pageFonts } from '../i18n/page.ts';
import { fontFaceCss, parseUnicodeRange, type FontFile } from './faces.ts';

/** Text that a font family may draw on the page. */
export interface FontUse {
  font: FontId;
  text: string;
  /** The same text is on many pages (UI strings, language names): its characters are collected once per build. */
  shared?: boolean;
}

/** Drawn by CSS rather than written in the page (list bullets, quotes, separators). */
const generatedCharacters = '•◦▪–—‘’“”…›‹·×';

/** Finds the slice (subset) of a family that draws a code point. */
export class SliceLookup {
  private readonly starts: number[] = [];
  private readonly intervals: Array<[number, number, string]> = [];
  /** The furthest end of intervals 0..i: no earlier interval can reach a code point beyond it. */
  private readonly reach: number[] = [];

  constructor(files: readonly FontFile[]) {
    const seen = new Set<string>();
    for (const file of files) {
      if (seen.has(file.subset)) continue;
      seen.add(file.subset);
      for (const [start, end] of parseUnicodeRange(file.unicodeRange)) this.intervals.push([start, end, file.subset]);
    }
    this.intervals.sort((a, b) => a[0] - b[0]);
    let reach = -1;
    for (const [start, end] of this.intervals) {
      this.starts.push(start);
      reach = Math.max(reach, end);
      this.reach.push(reach);
    }
  }

  private readonly found = new Map<number, string | undefined>();

  subsetOf(codePoint: number): string | undefined {
    if (this.found.has(codePoint)) return this.found.get(codePoint);
    const subset = this.search(codePoint);
    this.found.set(codePoint, subset);
    return subset;
  }

  private search(codePoint: number): string | undefined {
    // The last interval starting at or before the code point, or, where slices overlap (latin-ext
    // and vietnamese), an earlier one that still reaches it.
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! <= codePoint) low = middle + 1;
      else high = middle - 1;
    }
    for (let i = high; i >= 0 && this.reach[i]! >= codePoint; i--) {
      const [, end, subset] = this.intervals[i]!;
      if (codePoint <= end) return subset;
    }
    return undefined;
  }
}

const decompositions = new Map<number, number[]>();

/**
 * The characters a code point may be drawn as. Chromium shapes some characters through their
 * decomposition (Lao ຳ as ໍ + າ, Thai ำ as ํ + า): a range narrowed to ຳ alone sends ໍ to a system font.
 */
function decomposed(point: number): number[] {
  let parts = decompositions.get(point);
  if (!parts) {
    const char = String.fromCodePoint(point);
    parts = [...new Set([...char.normalize('NFD'), ...char.normalize('NFKD')])].map((c) => c.codePointAt(0)!).filter((p) => p !== point);
    decompositions.set(point, parts);
  }
  return parts;
}

// Thai, Lao, Myanmar, Khmer. Not everywhere: Hangul would pull in the jamo slices, full-width forms the Latin ones.
const shapedByParts = (point: number) => (point >= 0x0e00 && point <= 0x0eff) || (point >= 0x1000 && point <= 0x109f) || (point >= 0x1780 && point <= 0x17ff);

/** The distinct code points of a text, with those Thai, Lao, Myanmar and Khmer letters decompose into. */
function codePoints(text: string): Set<number> {
  const points = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i)!;
    if (!points.has(point) && shapedByParts(point)) for (const part of decomposed(point)) points.add(part);
    points.add(point);
    if (point > 0xffff) i++;
  }
  return points;
}

const hexOf = new Map<number, string>();
const hex = (n: number) => {
  let found = hexOf.get(n);
  if (found === undefined) {
    found = n.toString(16).toUpperCase();
    hexOf.set(n, found);
  }
  return found;
};

/** `[0x41, 0x42, 0x43, 0x5a]` → `U+41-43,U+5A`. */
export function unicodeRangeOf(codePoints: Iterable<number>): string {
  const sorted = Uint32Array.from(new Set(codePoints)).sort();
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? `U+${hex(start)}` : `U+${hex(start)}-${hex(sorted[i]!)}`);
  }
  return parts.join(',');
}

/** A family's faces by slice, slices in the order of the package's files. */
interface FamilyFaces {
  order: string[];
  bySubset: Map<string, FontFile[]>;
}

const familyFacesCache = new WeakMap<readonly FontFile[], FamilyFaces>();

function familyFaces(files: readonly FontFile[]): FamilyFaces {
  let faces = familyFacesCache.get(files);
  if (!faces) {
    const bySubset = new Map<string, FontFile[]>();
    for (const file of files) bySubset.set(file.subset, [...(bySubset.get(file.subset) ?? []), file]);
    faces = { order: [...bySubset.keys()], bySubset };
    familyFacesCache.set(files, faces);
  }
  return faces;
}

/**
 * The characters of the texts many pages share (UI strings, language names) in one family, by
 * slice, with each slice's rules; and the rules of slices to which pages added characters of their
 * own, by those characters (pages of one language mostly add the same few).
 */
interface SharedGrouping {
  points: Map<string, Set<number>>;
  rules: Map<string, string>;
  extended: Map<string, string>;
}

// By family and base address, then by the shared texts (the one text itself when there is one: no
// joined key to hash on every page).
const sharedGroupings = new Map<string, Map<string, SharedGrouping>>();

/** Rules of every face (weight, style) of a slice, all with the same range. */
function sliceRules(font: FontId, faces: FamilyFaces, subset: string, points: Iterable<number>, baseUrl: string): string {
  const unicodeRange = unicodeRangeOf(points);
  return fontFaceCss(font, faces.bySubset.get(subset)!.map((f) => ({ ...f, unicodeRange })), baseUrl);
}

/** The grouping of a family's shared texts (and the characters CSS draws), made once per build. */
function sharedGrouping(font: FontId, texts: readonly string[], lookup: SliceLookup, faces: FamilyFaces, baseUrl: string): SharedGrouping {
  const familyKey = `${font}\u0000${baseUrl}`;
  const byTexts = sharedGroupings.get(familyKey) ?? new Map<string, SharedGrouping>();
  sharedGroupings.set(familyKey, byTexts);
  const key = texts.length === 1 ? texts[0]! : texts.join('\u0000');
  let grouping = byTexts.get(key);
  if (!grouping) {
    const points = new Map<string, Set<number>>();
    for (const codePoint of codePoints(texts.join('') + generatedCharacters)) {
      const subset = lookup.subsetOf(codePoint);
      if (subset !== undefined && faces.bySubset.has(subset)) points.set(subset, (points.get(subset) ?? new Set()).add(codePoint));
    }
    const rules = new Map([...points].map(([subset, inSubset]) => [subset, sliceRules(font, faces, subset, inSubset, baseUrl)]));
    grouping = { points, rules, extended: new Map() };
    byTexts.set(key, grouping);
  }
  return grouping;
}

/**
 * The @font-face rules a page needs: for each family, every face (weight, style) of each slice that
 * draws some of its text, narrowed to that text. Families the page does not use get no rule.
 */
export function pageFontCss(uses: readonly FontUse[], files: ReadonlyMap<FontId, readonly FontFile[]>, lookups: ReadonlyMap<FontId, SliceLookup>, baseUrl: string): string {
  const textsByFont = new Map<FontId, { own: string[]; shared: string[] }>();
  for (const { font, text, shared } of uses) {
    const texts = textsByFont.get(font) ?? { own: [], shared: [] };
    (shared ? texts.shared : texts.own).push(text);
    textsByFont.set(font, texts);
  }
  // A page's own text is used by several families: its characters are collected once.
  const pointsOf = new Map<string, Set<number>>();
  const rules: string[] = [];
  // Families in a fixed order, so the same page always gets the same stylesheet.
  for (const font of fontIds) {
    const texts = textsByFont.get(font);
    const lookup = lookups.get(font);
    if (!texts || !lookup) continue;
    const faces = familyFaces(files.get(font) ?? []);
    const shared = sharedGrouping(font, texts.shared, lookup, faces, baseUrl);
    // Only the characters the shared texts do not have change a slice's rules.
    const extra = new Map<string, Set<number>>();
    for (const text of texts.own) {
      let points = pointsOf.get(text);
      if (!points) {
        points = codePoints(text);
        pointsOf.set(text, points);
      }
      for (const codePoint of points) {
        const subset = lookup.subsetOf(codePoint);
        if (subset === undefined || !faces.bySubset.has(subset) || shared.points.get(subset)?.has(codePoint)) continue;
        extra.set(subset, (extra.get(subset) ?? new Set()).add(codePoint));
      }
    }
    const family: string[] = [];
    for (const subset of faces.order) {
      const added = extra.get(subset);
      if (!added) {
        const sharedRules = shared.rules.get(subset);
        if (sharedRules !== undefined) family.push(sharedRules);
        continue;
      }
      const key = `${subset}\u0000${[...added].sort((a, b) => a - b).join(',')}`;
      let extended = shared.extended.get(key);
      if (extended === undefined) {
        extended = sliceRules(font, faces, subset, [...(shared.points.get(subset) ?? []), ...added], baseUrl);
        // Bounded: pages of CJK text add characters no other page adds.
        if (shared.extended.size < 5000) shared.extended.set(key, extended);
      }
      family.push(extended);
    }
    if (family.length) rules.push(family.join('\n'));
  }
  return rules.join('\n');
}

/**
 * What a web page in `locale` may draw, and with which families: its text in the fonts of its
 * language and the languages it falls back to, and each other language's name (the language
 * switcher, its own included) in that language's own fonts.
 */
export function webPageFontUses(locale: LocaleId, pageText: string, uiText: string): FontUse[] {
  const own = pageFonts(locale).flatMap((font) => [
    { font, text: pageText },
    { font, text: uiText, shared: true },
  ]);
  // Its own name too: the switcher shows it on pages whose text is all another language's (fallbacks, 404).
  const names = localeIds.flatMap((id) => fontsFor(id).map((font) => ({ font, text: getLocale(id).name, shared: true })));
  return [...own, ...names];
}

/** Drawn by the print stylesheet rather than written in the page: page numbers and TOC page references. */
const printGeneratedCharacters = '0123456789';

/**
 * What a print page may draw: its own text in every family of its languages. No language names (a
 * print page has no switcher). Paged.js loads every face the page declares before it lays out, so
 * the family stylesheets (248 faces for Japanese) had Chromium fetch and decode all of them: the
 * Japanese booklet read 249 Japanese slices to draw from 85.
 */
export function printPageFontUses(fonts: readonly FontId[], pageText: string): FontUse[] {
  // The print stylesheet sets kickers in capitals (text-transform): "Đầu tư" is drawn as "ĐẦU TƯ".
  const text = pageText + pageText.toUpperCase();
  return fonts.flatMap((font) => [
    { font, text },
    { font, text: printGeneratedCharacters, shared: true },
  ]);
}
