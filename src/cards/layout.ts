/**
 * The social card of a page (1200×630): the site's mark and name, the page title in large type and
 * the site's address. All text is shaped by HarfBuzz and drawn as glyph outlines (src/cards/text.ts),
 * so Khmer, Thai, CJK and Vietnamese titles look the same on every build machine.
 *
 * Pure: fonts come in; out come the background as SVG (the same for every page of a language) and
 * the title as placed glyphs, which src/cards/painter.ts draws from glyph images kept between
 * cards: a thousand cards share a few hundred glyphs.
 */
import type { LocaleDefinition } from '../i18n/locales.ts';
import { cardSize } from '../site/social.ts';
import { graphemeBoundaries, outlinePath, type GlyphOutline, type ShapedGlyph, type TextFont } from './text.ts';

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
  title: TextFont;
  /** Regular, for the site name and address. */
  label: TextFont;
}

/** One glyph of the title: where its outline's origin goes, in card pixels (y pointing down). */
export interface PlacedGlyph {
  glyph: GlyphOutline;
  x: number;
  y: number;
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

/** Titles as laid out: composed (NFC), runs of white space as one space, no space at either end. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The text's graphemes (after NFC). */
export function graphemes(text: string): string[] {
  const normal = text.normalize('NFC');
  const bounds = graphemeBoundaries(normal);
  return bounds.slice(1).map((end, i) => normal.slice(bounds[i], end));
}

/** True when every grapheme of the text has a font. */
export function drawable(text: string, font: TextFont): boolean {
  return font.covers(text.normalize('NFC'));
}

// Kinsoku: characters that may not start a line (closing marks, small kana) or end one (opening marks).
const noLineStart = /^[、。，．,.!?！？:：;；)）\]」』】〕〉》・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜…]$/u;
const noLineEnd = /^[(（[「『【〔〈《]$/u;
const wordChar = /^[\p{Script=Latin}\p{N}'’\-]+$/u;
/** Scripts written without spaces between words: lines break between dictionary words. */
const spaceless = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** A space-separated word of Thai, Lao or Khmer in dictionary words (as browsers break them), punctuation kept with the word before. */
function spacelessWords(word: string): string[] {
  if (!spaceless.test(word)) return [word];
  return [...wordSegmenter.segment(word)].reduce<string[]>((units, s) => {
    if (units.length && !s.isWordLike) units[units.length - 1] += s.segment;
    else units.push(s.segment);
    return units;
  }, []);
}

/**
 * The pieces a line may break between. Latin and Korean text breaks at spaces (Thai, Lao and Khmer
 * also between words); CJK text between characters, keeping Latin words and numbers whole and
 * punctuation on the right side of a break. The pieces put together are the clean text.
 */
export function breakUnits(text: string, lineBreak: LineBreak): string[] {
  const clean = cleanText(text);
  if (lineBreak !== 'cjk') {
    // A dash stays at the end of its line, a number with the word before it ("No. 94", "October 2026").
    const glued = /^(?:[—–-]|\d[\d.,]*)$/;
    return clean.split(/(?<= )/).reduce<string[]>((units, word) => {
      if (units.length && glued.test(word.trim())) units[units.length - 1] += word;
      else units.push(...spacelessWords(word));
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

/** A stretch of the clean text, as UTF-16 offsets. */
type Range = readonly [start: number, end: number];

/**
 * Widths of stretches of one text, from one shaping of the whole text (as browsers measure lines):
 * each glyph's advance counts for the cluster it belongs to.
 */
class Measure {
  readonly text: string;
  readonly glyphs: readonly ShapedGlyph[];
  private readonly sums: Float64Array;
  /** Offsets a line may be cut at: grapheme boundaries that do not split a shaped cluster (a Khmer syllable). */
  readonly cuts: Set<number>;

  constructor(text: string, glyphs: readonly ShapedGlyph[]) {
    this.text = text;
    this.glyphs = glyphs;
    const advances = new Float64Array(text.length + 1);
    for (const g of glyphs) advances[g.cluster]! += g.advance;
    this.sums = new Float64Array(text.length + 1);
    for (let i = 0; i < text.length; i++) this.sums[i + 1] = this.sums[i]! + advances[i]!;
    const clusters = new Set(glyphs.map((g) => g.cluster));
    // A cluster runs from its offset to the next glyph's cluster offset; offsets inside it are no cut.
    const sorted = [...clusters].sort((a, b) => a - b);
    const inside = new Set<number>();
    sorted.forEach((start, i) => {
      for (let o = start + 1; o < (sorted[i + 1] ?? text.length); o++) inside.add(o);
    });
    this.cuts = new Set(graphemeBoundaries(text).filter((o) => !inside.has(o)));
  }

  /** The stretch without white space at either end. */
  trim([start, end]: Range): Range {
    while (start < end && this.text[start] === ' ') start++;
    while (end > start && this.text[end - 1] === ' ') end--;
    return [start, end];
  }

  /** Width in ems, white space at either end left out. */
  width(range: Range): number {
    const [start, end] = this.trim(range);
    return this.sums[end]! - this.sums[start]!;
  }

  /** The stretch cut where it may be (graphemes, whole clusters). */
  pieces([start, end]: Range): Range[] {
    const at = [start, ...[...this.cuts].filter((o) => o > start && o < end).sort((a, b) => a - b), end];
    return at.slice(1).map((e, i) => [at[i]!, e] as const);
  }

  line(range: Range): string {
    const [start, end] = this.trim(range);
    return this.text.slice(start, end);
  }
}

/** Greedy line filling; a unit wider than a whole line is cut between graphemes. */
function fillLines(units: readonly Range[], fits: (range: Range) => boolean, m: Measure): Range[] {
  const lines: Range[] = [];
  let line: Range | undefined;
  for (const piece of units.flatMap((u) => (fits(u) ? [u] : m.pieces(u)))) {
    if (line && !fits([line[0], piece[1]])) {
      lines.push(line);
      line = piece;
    } else line = [line?.[0] ?? piece[0], piece[1]];
  }
  if (line && m.line(line)) lines.push(line);
  return lines;
}

/**
 * The same number of lines, as even as they go (like CSS `text-wrap: balance`): the narrowest
 * measure that still needs no more lines. Keeps a lone word off the last line.
 */
function balance(units: readonly Range[], count: number, widthAt: (range: Range) => number, maxWidth: number, m: Measure): Range[] {
  const fill = (limit: number) => fillLines(units, (range) => widthAt(range) <= limit, m);
  // Never narrower than the widest unit: balancing must not cut a word.
  let low = Math.min(maxWidth, Math.max(...units.map(widthAt)));
  if (fill(low).length <= count) return fill(low);
  let high = maxWidth;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (fill(middle).length <= count) high = middle;
    else low = middle;
  }
  return fill(high);
}

/** A title laid out: its size and lines (the last may end in an ellipsis), each shaped. */
export interface TitleLayout {
  size: number;
  lines: string[];
  /** Each line's glyphs, pen positions from the line's start, in ems. */
  shaped: Array<Array<ShapedGlyph & { x: number }>>;
}

/** The largest title size at which the title fits in three lines; cut with an ellipsis at the smallest. */
export function layoutTitle(title: string, lineBreak: LineBreak, font: TextFont, maxWidth: number): TitleLayout {
  const clean = cleanText(title);
  const glyphs = font.shape(clean);
  if (!glyphs) throw new Error(`No font of the stack can draw every character of "${clean}".`);
  const m = new Measure(clean, glyphs);
  let offset = 0;
  const units = breakUnits(clean, lineBreak).map((u): Range => [offset, (offset += u.length)]);
  for (const size of titleSizes) {
    const widthAt = (range: Range) => m.width(range) * size;
    const fits = (range: Range) => widthAt(range) <= maxWidth;
    const lines = fillLines(units, fits, m);
    if (lines.length <= maxLines) return shapeLines(balance(units, lines.length, widthAt, maxWidth, m), m, font, size);
    if (size === titleSizes.at(-1)) {
      const kept = lines.slice(0, maxLines);
      kept[maxLines - 1] = [kept[maxLines - 1]![0], lines[maxLines]![1]];
      return shapeLines(kept, m, font, size, maxWidth);
    }
  }
  throw new Error('unreachable: the smallest title size always returns');
}

/**
 * Each line's glyphs: the whole title's, where HarfBuzz says the text may be broken there; shaped
 * again alone where not. The last line, when `truncateAt` is given, is shortened to fit with an ellipsis.
 */
function shapeLines(ranges: Range[], m: Measure, font: TextFont, size: number, truncateAt?: number): TitleLayout {
  const lines: string[] = [];
  const shaped: TitleLayout['shaped'] = [];
  ranges.forEach((range, i) => {
    let [start, end] = m.trim(range);
    let text = m.text.slice(start, end);
    let glyphs: ShapedGlyph[] | undefined;
    if (truncateAt !== undefined && i === ranges.length - 1) {
      const ellipsis = font.shape('…') ?? [];
      const ellipsisWidth = ellipsis.reduce((w, g) => w + g.advance, 0) * size;
      const cuts = [...m.cuts].filter((o) => o > start && o <= end).sort((a, b) => b - a);
      end = cuts.find((o) => m.width([start, o]) * size + ellipsisWidth <= truncateAt) ?? start;
      text = `${m.line([start, end])}…`;
      glyphs = font.shape(text);
    } else {
      const inLine = m.glyphs.filter((g) => g.cluster >= start && g.cluster < end);
      const after = m.glyphs.find((g) => g.cluster >= end);
      glyphs = inLine[0]?.unsafeToBreak || after?.unsafeToBreak ? font.shape(text) : inLine.map((g) => ({ ...g, cluster: g.cluster - start }));
    }
    let pen = 0;
    const placed = (glyphs ?? []).map((g) => {
      const x = pen;
      pen += g.advance;
      return { ...g, x };
    });
    lines.push(text);
    shaped.push(placed);
  });
  return { size, lines, shaped };
}

/** Outlines of one line of shaped glyphs, pen starting at (x, baseline). */
export function placeLine(glyphs: ReadonlyArray<ShapedGlyph & { x: number }>, x: number, baseline: number, size: number): PlacedGlyph[] {
  return glyphs.map((g) => ({ glyph: g.outline, x: x + (g.x + g.dx) * size, y: baseline - g.dy * size, size }));
}

/** Path data of a line of text, pen starting at (x, baseline). */
export function drawLine(text: string, font: TextFont, x: number, baseline: number, size: number): string {
  let pen = 0;
  const glyphs = (font.shape(text) ?? []).map((g) => {
    const placed = { ...g, x: pen };
    pen += g.advance;
    return placed;
  });
  return placeLine(glyphs, x, baseline, size)
    .map((p) => outlinePath(p.glyph, p.x, p.y, p.size))
    .join('');
}

/** Width of a line of text in pixels. */
function lineWidth(text: string, font: TextFont, size: number): number {
  return (font.shape(text) ?? []).reduce((w, g) => w + g.advance, 0) * size;
}

/**
 * The card. `logo` is the site's square mark as an SVG document (the favicon); it is nested
 * at the top left.
 */
export function composeCard(words: CardWords, fonts: CardFonts, logo: string): Card {
  const textWidth = cardSize.width - 2 * margin;
  const titleDrawn = drawable(words.title, fonts.title) && cleanText(words.title) !== '';
  const title = titleDrawn ? words.title : words.siteName;
  for (const [what, text, font] of [['site name', words.siteName, fonts.title], ['site name', words.siteName, fonts.label], ['address', words.domain, fonts.label]] as const) {
    if (!drawable(text, font)) throw new Error(`The social card's ${what} "${text}" has characters none of the language's fonts can draw.`);
  }
  const { size, lines, shaped } = layoutTitle(title, words.lineBreak, fonts.title, textWidth);

  const step = size * lineHeight;
  const blockHeight = step * (lines.length - 1) + size;
  const firstBaseline = titleArea.top + (titleArea.bottom - titleArea.top - blockHeight) / 2 + size * 0.9;
  // Baselines on whole pixels: glyph images are then reused across lines and cards (marks placed
  // above or below by shaping still land on a quarter pixel).
  const titleGlyphs = shaped.flatMap((line, i) => placeLine(line, margin, Math.round(firstBaseline + i * step), size));

  // The site name is not repeated above itself (home pages, titles that cannot be drawn).
  const label = cleanText(title) !== cleanText(words.siteName) ? words.siteName : '';
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
const backgroundCache = new WeakMap<TextFont, Map<string, string>>();

function cardBackground(siteName: string, domain: string, logo: string, font: TextFont): string {
  const { width: cardWidth, height: cardHeight } = cardSize;
  const labelSize = 30;
  const logoSize = 68;
  const labelX = margin + logoSize + 24;
  const room = cardWidth - labelX - margin;
  let label = cleanText(siteName);
  if (lineWidth(label, font, labelSize) > room) {
    const chars = graphemes(label);
    while (chars.length && lineWidth(`${chars.join('').trimEnd()}…`, font, labelSize) > room) chars.pop();
    label = `${chars.join('').trimEnd()}…`;
  }
  const labelPath = label ? drawLine(label, font, labelX, 66 + logoSize / 2 + labelSize * 0.35, labelSize) : '';
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
