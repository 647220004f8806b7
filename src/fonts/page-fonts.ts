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

/** Characters of the texts many pages share, by family and slice, each slice with its range. */
interface SharedGrouping {
  points: Map<string, Set<number>>;
  ranges: Map<string, string>;
  /** Ranges of a slice with a page's own extra characters, by slice and those characters. */
  extended: Map<string, string>;
}

// By family, then by the shared texts (the one text itself when there is one: no joined key to hash).
const sharedGroupings = new Map<FontId, Map<string, SharedGrouping>>();

/** The grouping of a family's shared texts (and the characters CSS draws), made once per build. */
function sharedGrouping(font: FontId, texts: readonly string[], lookup: SliceLookup): SharedGrouping {
  const byTexts = sharedGroupings.get(font) ?? new Map<string, SharedGrouping>();
  sharedGroupings.set(font, byTexts);
  const key = texts.length === 1 ? texts[0]! : texts.join('\u0000');
  let grouping = byTexts.get(key);
  if (!grouping) {
    const points = new Map<string, Set<number>>();
    for (const codePoint of codePoints(texts.join('') + generatedCharacters)) {
      const subset = lookup.subsetOf(codePoint);
      if (subset !== undefined) points.set(subset, (points.get(subset) ?? new Set()).add(codePoint));
    }
    grouping = { points, ranges: new Map([...points].map(([subset, inSubset]) => [subset, unicodeRangeOf(inSubset)])), extended: new Map() };
    byTexts.set(key, grouping);
  }
  return grouping;
}

/** The range of a slice's shared characters with a page's extra ones: pages of one language mostly add the same few. */
function extendedRange(shared: SharedGrouping, subset: string, added: Set<number>): string {
  const key = `${subset}\u0000${[...added].sort((a, b) => a - b).join(',')}`;
  let range = shared.extended.get(key);
  if (range === undefined) {
    range = unicodeRangeOf([...(shared.points.get(subset) ?? []), ...added]);
    // Bounded: pages of CJK text add characters no other page adds.
    if (shared.extended.size < 5000) shared.extended.set(key, range);
  }
  return range;
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
  for (const font of Object.keys(fontFamilies) as FontId[]) {
    const texts = textsByFont.get(font);
    const lookup = lookups.get(font);
    if (!texts || !lookup) continue;
    const shared = sharedGrouping(font, texts.shared, lookup);
    // Only the characters the shared texts do not have change the ranges.
    const extra = new Map<string, Set<number>>();
    for (const text of texts.own) {
      let points = pointsOf.get(text);
      if (!points) {
        points = codePoints(text);
        pointsOf.set(text, points);
      }
      for (const codePoint of points) {
        const subset = lookup.subsetOf(codePoint);
        if (subset === undefined || shared.points.get(subset)?.has(codePoint)) continue;
        extra.set(subset, (extra.get(subset) ?? new Set()).add(codePoint));
      }
    }
    // Every face (weight, style) of a slice gets the same range.
    const ranges = new Map(shared.ranges);
    for (const [subset, added] of extra) ranges.set(subset, extendedRange(shared, subset, added));
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
