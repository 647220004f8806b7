/**
 * Labels of maps and figures, broken into lines by the rules the page's text follows: Latin and
 * Korean text between words, Thai, Lao and Khmer only between dictionary words (the words
 * src/i18n/word-breaks.ts marks in the HTML), Chinese and Japanese between characters with strict
 * kinsoku (src/cards/layout.ts, as the social cards). SVG text does not wrap by itself, so the lines
 * are measured here with the fonts the page uses (HarfBuzz over the same font files) and drawn as
 * <tspan> lines: real text in the PDF, in its embedded font.
 */
import { breakUnits, cleanText } from '../cards/layout.ts';
import { textFont } from '../cards/text.ts';
import { spacelessLineWords } from '../i18n/word-breaks.ts';
import { getLocale, type LocaleDefinition, type LocaleId } from '../i18n/locales.ts';

export type LineBreak = LocaleDefinition['lineBreak'];

/** The pieces a label's lines may break between; put together they are the label (white space made single). */
export function labelUnits(text: string, lineBreak: LineBreak): string[] {
  if (lineBreak === 'cjk') return breakUnits(text, 'cjk');
  // Between words at spaces (the space stays with the word before), and inside spaceless runs between their words.
  return cleanText(text)
    .split(/(?<= )/)
    .flatMap((word) => spacelessLineWords(word));
}

/**
 * The label in lines no wider than `maxWidth` (in the unit `width` measures in), filled greedily.
 * A piece wider than a whole line gets a line of its own rather than being cut inside a word.
 */
export function wrapLabel(text: string, lineBreak: LineBreak, width: (line: string) => number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of labelUnits(text, lineBreak)) {
    const longer = line + unit;
    if (line && width(longer.trim()) > maxWidth) {
      lines.push(line.trim());
      line = unit;
    } else line = longer;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** Average advance of a character in ems, for text no font of the stack can shape (it then shows in a fallback face). */
const roughEm = 0.6;

/**
 * Widths in px of text in `locale`'s heading fonts (the face map and figure labels are set in) at
 * `size` px and `weight`.
 */
export function labelMeasure(locale: LocaleId, size: number, weight: 400 | 700): (text: string) => number {
  const font = textFont(getLocale(locale).fonts.heading, weight);
  return (text) => {
    const glyphs = font.shape(text.normalize('NFC'));
    const ems = glyphs ? glyphs.reduce((sum, g) => sum + g.advance, 0) : [...text].length * roughEm;
    return ems * size;
  };
}

/**
 * The label in lines of at most `maxWidth` px, set at `size` px in the heading font of the language
 * it is written in, broken by that language's rules. (A label in another language than its page is
 * marked with that language, whose fonts then draw it: src/i18n/page.ts, `languageAttrs`.)
 */
export function labelLines(text: string, locale: LocaleId, options: { size: number; weight: 400 | 700; maxWidth: number }): string[] {
  return wrapLabel(text, getLocale(locale).lineBreak, labelMeasure(locale, options.size, options.weight), options.maxWidth);
}
