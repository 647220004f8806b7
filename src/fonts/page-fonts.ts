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

  subsetOf(codePoint: number): string | undefined {
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

/** `[0x41, 0x42, 0x43, 0x5a]` → `U+41-43,U+5A`. */
export function unicodeRangeOf(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (sorted[i + 1] === sorted[i]! + 1) i++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(start === sorted[i] ? `U+${hex(start)}` : `U+${hex(start)}-${hex(sorted[i]!)}`);
  }
  return parts.join(',');
}

/**
 * The @font-face rules a page needs: for each family, every face (weight, style) of each slice that
 * draws some of its text, narrowed to that text. Families the page does not use get no rule.
 */
export function pageFontCss(uses: readonly FontUse[], files: ReadonlyMap<FontId, readonly FontFile[]>, lookups: ReadonlyMap<FontId, SliceLookup>, baseUrl: string): string {
  const wanted = new Map<FontId, Map<string, Set<number>>>();
  for (const { font, text } of uses) {
    const lookup = lookups.get(font);
    if (!lookup) continue;
    const bySubset = wanted.get(font) ?? new Map<string, Set<number>>();
    wanted.set(font, bySubset);
    for (const character of new Set(text + generatedCharacters)) {
      const codePoint = character.codePointAt(0)!;
      const subset = lookup.subsetOf(codePoint);
      if (subset === undefined) continue;
      const points = bySubset.get(subset) ?? new Set<number>();
      points.add(codePoint);
      bySubset.set(subset, points);
    }
  }
  const rules: string[] = [];
  // Families in a fixed order, so the same page always gets the same stylesheet.
  for (const font of Object.keys(fontFamilies) as FontId[]) {
    const bySubset = wanted.get(font);
    if (!bySubset?.size) continue;
    const faces = (files.get(font) ?? []).filter((f) => bySubset.has(f.subset)).map((f) => ({ ...f, unicodeRange: unicodeRangeOf(bySubset.get(f.subset)!) }));
    if (faces.length) rules.push(fontFaceCss(font, faces, baseUrl));
  }
  return rules.join('\n');
}

/**
 * What a web page in `locale` may draw, and with which families: its text in the fonts of its
 * language and the languages it falls back to, and each other language's name (the language
 * switcher) in that language's own fonts.
 */
export function webPageFontUses(locale: LocaleId, pageText: string): FontUse[] {
  const own = pageFonts(locale).map((font) => ({ font, text: pageText }));
  const names = localeIds.filter((id) => id !== locale).flatMap((id) => fontsFor(id).map((font) => ({ font, text: locales[id].name })));
  return [...own, ...names];
}
