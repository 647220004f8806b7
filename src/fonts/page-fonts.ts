/**
 * @font-face rules written into each web page: only the font slices that draw the page's own
 * characters, each with its unicode-range narrowed to those characters. A Japanese page otherwise
 * waits for a 188 KB stylesheet of every slice before it shows any text; this way it carries a few
 * kilobytes inline and the browser fetches the same cached woff2 slices as before.
 */
import { fontFamilies, fontsFor, localeIds, locales, type FontId, type LocaleId } from '../i18n/locales.ts';
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

/** The distinct code points of a text. */
function codePoints(text: string): Set<number> {
  const points = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i)!;
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

const sharedPoints = new Map<string, Set<number>>();

/**
 * The @font-face rules a page needs: for each family, every face (weight, style) of each slice that
 * draws some of its text, narrowed to that text. Families the page does not use get no rule.
 */
export function pageFontCss(uses: readonly FontUse[], files: ReadonlyMap<FontId, readonly FontFile[]>, lookups: ReadonlyMap<FontId, SliceLookup>, baseUrl: string): string {
  const wanted = new Map<FontId, Map<string, Set<number>>>();
  // A page's whole text is used by several families: its characters are collected once.
  const pointsOf = new Map<string, Set<number>>();
  for (const { font, text, shared } of uses) {
    const lookup = lookups.get(font);
    if (!lookup) continue;
    const bySubset = wanted.get(font) ?? new Map<string, Set<number>>();
    wanted.set(font, bySubset);
    const known = shared ? sharedPoints : pointsOf;
    let points = known.get(text);
    if (!points) {
      points = codePoints(text + generatedCharacters);
      known.set(text, points);
    }
    for (const codePoint of points) {
      const subset = lookup.subsetOf(codePoint);
      if (subset === undefined) continue;
      const inSubset = bySubset.get(subset) ?? new Set<number>();
      inSubset.add(codePoint);
      bySubset.set(subset, inSubset);
    }
  }
  const rules: string[] = [];
  // Families in a fixed order, so the same page always gets the same stylesheet.
  for (const font of Object.keys(fontFamilies) as FontId[]) {
    const bySubset = wanted.get(font);
    if (!bySubset?.size) continue;
    // Every face (weight, style) of a slice gets the same range.
    const ranges = new Map([...bySubset].map(([subset, points]) => [subset, unicodeRangeOf(points)]));
    const faces = (files.get(font) ?? []).filter((f) => ranges.has(f.subset)).map((f) => ({ ...f, unicodeRange: ranges.get(f.subset)! }));
    if (faces.length) rules.push(fontFaceCss(font, faces, baseUrl));
  }
  return rules.join('\n');
}

/**
 * What a web page in `locale` may draw, and with which families: its text in the fonts of its
 * language and the languages it falls back to, and each other language's name (the language
 * switcher) in that language's own fonts.
 */
export function webPageFontUses(locale: LocaleId, pageText: string, uiText: string): FontUse[] {
  const own = pageFonts(locale).flatMap((font) => [
    { font, text: pageText },
    { font, text: uiText, shared: true },
  ]);
  const names = localeIds.filter((id) => id !== locale).flatMap((id) => fontsFor(id).map((font) => ({ font, text: locales[id].name, shared: true })));
  return [...own, ...names];
}
