/**
 * The social card of a page (1200×630): the site's mark and name, the page title in large type and
 * the site's address. All text is drawn as glyph outlines (src/fonts/drawing.ts), so CJK and
 * Vietnamese titles look the same on every build machine.
 *
 * Pure: glyph lookups come in; out come the background as SVG (the same for every page of a
 * language) and the title as placed glyphs, which src/site/card-painter.ts draws from glyph images
 * kept between cards: a thousand cards share a few hundred glyphs.
 */
import type { DrawnGlyph, GlyphLookup } from '../fonts/drawing.ts';
import type { LocaleDefinition } from '../i18n/locales.ts';
import { cardSize } from './social.ts';

export type LineBreak = LocaleDefinition['lineBreak'];

export interface CardWords {
  /** The site's name in the page's language (top line). */
  siteName: string;
  /**
   * The page title. When no font of the language can draw it, the card shows the site name in its
   * place (a card per language, without the title) rather than tofu boxes.
   */
  title: string;
  /** The site's address without scheme, e.g. `sngv.thainguyen.gov.vn`. */
  domain: string;
  lineBreak: LineBreak;
}

export interface CardFonts {
  /** Bold, for the title. */
  title: GlyphLookup;
  /** Regular, for the site name and address. */
  label: GlyphLookup;
}

/** One glyph of the title: its pen position on the baseline, in card pixels. */
export interface PlacedGlyph {
  glyph: DrawnGlyph;
  x: number;
  baseline: number;
  /** Pixels per em. */
  size: number;
}

export interface Card {
  /** Everything but the title, as SVG of the card's size. */
  background: string;
  /** The colour the background is filled with, under the title. */
  backgroundColour: string;
  title: { colour: string; glyphs: PlacedGlyph[] };
  /** False when the title could not be drawn and the site name took its place. */
  titleDrawn: boolean;
  /** The title as laid out, one entry per line (for tests and messages). */
  lines: string[];
}

const colours = { background: '#1d4d3a', title: '#ffffff', label: '#d9c27a', domain: '#b9d3c5', rule: '#d9c27a' };
const margin = 80;
const titleSizes = [76, 68, 60, 52, 46];
const maxLines = 3;
const lineHeight = 1.3;
const titleArea = { top: 170, bottom: 540 };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemeCache = new Map<string, string[]>();
// Latin (with Vietnamese), general punctuation without joiners, CJK punctuation, kana without the
// combining sound marks, CJK ideographs, Hangul syllables, full-width forms.
const singleCharacterGraphemes = /^[\u0020-\u007e\u00a0-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u3000-\u303f\u3041-\u3096\u309b-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff01-\uffee]*$/;
/** The text's graphemes; remembered while one card is laid out, which measures the same words many times. */
export function graphemes(text: string): string[] {
  let found = graphemeCache.get(text);
  if (!found) {
    const normal = text.normalize('NFC');
    // Where no character can join the next (no combining marks, jamo, surrogates or joiners), each
    // character is a grapheme, and splitting is many times faster than segmenting.
    found = singleCharacterGraphemes.test(normal) ? [...normal] : [...segmenter.segment(normal)].map((s) => s.segment);
    graphemeCache.set(text, found);
  }
  return found;
}

/** True when every character of the text has a glyph in the lookup. */
export function drawable(text: string, lookup: GlyphLookup): boolean {
  return graphemes(text).every((g) => lookup(g) !== undefined);
}

// Kinsoku: characters that may not start a line (closing marks, small kana) or end one (opening marks).
const noLineStart = /^[、。，．,.!?！？:：;；)）\]」』】〕〉》・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜…]$/u;
const noLineEnd = /^[(（[「『【〔〈《]$/u;
const wordChar = /^[\p{Script=Latin}\p{N}'’\-]+$/u;

/**
 * The pieces a line may break between. Latin and Korean text breaks at spaces; CJK text between
 * characters, keeping Latin words and numbers whole and punctuation on the right side of a break.
 */
export function breakUnits(text: string, lineBreak: LineBreak): string[] {
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (lineBreak !== 'cjk') {
    // A dash stays at the end of its line, a number with the word before it ("No. 94", "October 2026").
    const glued = /^(?:[—–-]|\d[\d.,]*)$/;
    return clean.split(/(?<= )/).reduce<string[]>((units, word) => {
      if (units.length && glued.test(word.trim())) units[units.length - 1] += word;
      else units.push(word);
      return units;
    }, []);
  }
  const units: string[] = [];
  let opener = '';
  for (const g of graphemes(clean)) {
    const last = units.length - 1;
    const previous = units[last];
    if (noLineEnd.test(g)) opener += g;
    else if (previous !== undefined && !opener && (noLineStart.test(g) || g === ' ' || (wordChar.test(g) && wordChar.test(previous.at(-1) ?? '')))) units[last] = previous + g;
    else {
      units.push(opener + g);
      opener = '';
    }
  }
  if (opener) units.push(opener);
  return units;
}

function width(text: string, lookup: GlyphLookup, size: number): number {
  return graphemes(text).reduce((sum, g) => sum + (lookup(g)?.advance ?? 0) * size, 0);
}

/** Greedy line filling; a unit wider than a whole line is cut between characters. */
function fillLines(units: readonly string[], fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  const pieces = units.flatMap((u) => (fits(u.trimEnd()) ? [u] : graphemes(u)));
  for (const piece of pieces) {
    const candidate = line + piece;
    if (line && !fits(candidate.trimEnd())) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * The same number of lines, as even as they go (like CSS `text-wrap: balance`): the narrowest
 * measure that still needs no more lines. Keeps a lone word off the last line.
 */
function balance(units: readonly string[], count: number, measure: (line: string) => number, maxWidth: number): string[] {
  const fill = (limit: number) => fillLines(units, (line) => measure(line) <= limit);
  // Never narrower than the widest unit: balancing must not cut a word.
  let low = Math.min(maxWidth, Math.max(...units.map((u) => measure(u.trimEnd()))));
  if (fill(low).length <= count) return fill(low);
  let high = maxWidth;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (fill(middle).length <= count) high = middle;
    else low = middle;
  }
  return fill(high);
}

/** Shortens a line until it fits with an ellipsis after it. */
function truncate(line: string, fits: (line: string) => boolean): string {
  const chars = graphemes(line);
  while (chars.length && !fits(`${chars.join('').trimEnd()}…`)) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** The largest title size at which the title fits in three lines; cut with an ellipsis at the smallest. */
export function layoutTitle(title: string, lineBreak: LineBreak, lookup: GlyphLookup, maxWidth: number): { size: number; lines: string[] } {
  const units = breakUnits(title, lineBreak);
  for (const size of titleSizes) {
    const fits = (line: string) => width(line, lookup, size) <= maxWidth;
    const lines = fillLines(units, fits);
    if (lines.length <= maxLines) return { size, lines: balance(units, lines.length, (line) => width(line, lookup, size), maxWidth) };
    if (size === titleSizes.at(-1)) {
      const kept = lines.slice(0, maxLines);
      kept[maxLines - 1] = truncate(`${kept[maxLines - 1]}${lineBreak === 'cjk' ? '' : ' '}${lines[maxLines]}`, fits);
      return { size, lines: kept };
    }
  }
  throw new Error('unreachable: the smallest title size always returns');
}

/** Path data of one line of text, pen starting at (x, baseline). */
export function drawLine(text: string, lookup: GlyphLookup, x: number, baseline: number, size: number): string {
  let pen = x;
  let d = '';
  for (const g of graphemes(text)) {
    const glyph: DrawnGlyph | undefined = lookup(g);
    if (!glyph) continue;
    d += glyph.path(pen, baseline, size);
    pen += glyph.advance * size;
  }
  return d;
}

/** The glyphs of one line of text, pen starting at (x, baseline). */
export function placeLine(text: string, lookup: GlyphLookup, x: number, baseline: number, size: number): PlacedGlyph[] {
  let pen = x;
  const placed: PlacedGlyph[] = [];
  for (const g of graphemes(text)) {
    const glyph = lookup(g);
    if (!glyph) continue;
    placed.push({ glyph, x: pen, baseline, size });
    pen += glyph.advance * size;
  }
  return placed;
}

/**
 * The card. `logo` is the site's square mark as an SVG document (the favicon); it is nested
 * at the top left.
 */
export function composeCard(words: CardWords, fonts: CardFonts, logo: string): Card {
  // Graphemes are remembered for one card's layout only.
  graphemeCache.clear();
  const textWidth = cardSize.width - 2 * margin;
  const titleDrawn = drawable(words.title, fonts.title);
  const title = titleDrawn ? words.title : words.siteName;
  for (const [what, text, lookup] of [['site name', words.siteName, fonts.title], ['site name', words.siteName, fonts.label], ['address', words.domain, fonts.label]] as const) {
    if (!drawable(text, lookup)) throw new Error(`The social card's ${what} "${text}" has characters none of the language's fonts can draw.`);
  }
  const { size, lines } = layoutTitle(title, words.lineBreak, fonts.title, textWidth);

  const step = size * lineHeight;
  const blockHeight = step * (lines.length - 1) + size;
  const firstBaseline = titleArea.top + (titleArea.bottom - titleArea.top - blockHeight) / 2 + size * 0.9;
  const titleGlyphs = lines.flatMap((line, i) => placeLine(line, fonts.title, margin, firstBaseline + i * step, size));

  // The site name is not repeated above itself (home pages, titles that cannot be drawn).
  const label = title !== words.siteName ? words.siteName : '';
  const backgrounds = backgroundCache.get(fonts.label) ?? new Map<string, string>();
  backgroundCache.set(fonts.label, backgrounds);
  const backgroundKey = [label, words.domain, logo].join('\u0000');
  let background = backgrounds.get(backgroundKey);
  if (background === undefined) {
    background = cardBackground(label, words.domain, logo, fonts.label);
    backgrounds.set(backgroundKey, background);
  }
  return { background, backgroundColour: colours.background, title: { colour: colours.title, glyphs: titleGlyphs }, titleDrawn, lines };
}

/** Backgrounds by label font, then by what they show: the same for every card of a language. */
const backgroundCache = new WeakMap<GlyphLookup, Map<string, string>>();

function cardBackground(siteName: string, domain: string, logo: string, font: GlyphLookup): string {
  const { width: cardWidth, height: cardHeight } = cardSize;
  const labelSize = 30;
  const logoSize = 68;
  const labelX = margin + logoSize + 24;
  const labelFits = (line: string) => width(line, font, labelSize) <= cardWidth - labelX - margin;
  const label = labelFits(siteName) ? siteName : truncate(siteName, labelFits);
  const labelPath = drawLine(label, font, labelX, 66 + logoSize / 2 + labelSize * 0.35, labelSize);
  const domainPath = drawLine(domain, font, margin, 580, 26);
  const nestedLogo = logo.replace(/^[\s\S]*?<svg\b/, `<svg x="${margin}" y="66" width="${logoSize}" height="${logoSize}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${cardWidth}" height="${cardHeight}" viewBox="0 0 ${cardWidth} ${cardHeight}">`,
    `<rect width="${cardWidth}" height="${cardHeight}" fill="${colours.background}"/>`,
    nestedLogo,
    `<path fill="${colours.label}" d="${labelPath}"/>`,
    `<path fill="${colours.domain}" d="${domainPath}"/>`,
    `<rect y="${cardHeight - 10}" width="${cardWidth}" height="10" fill="${colours.rule}"/>`,
    '</svg>',
  ].join('');
}
