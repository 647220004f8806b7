/**
 * Search page text in the browser: filling the UI string templates made by ./search-strings.ts and
 * turning Pagefind's excerpts into safe DOM. No i18next and no Node here: this runs in the reader's
 * browser.
 */

/** Strings with `{count}` and `{query}` placeholders, as the browser script fills them in. */
export interface SearchStrings {
  /** Locale for Intl number formatting and plural rules. */
  intl: string;
  loading: string;
  noResults: string;
  unavailable: string;
  /** "n results" per plural category of the language; `other` is always there. */
  resultCount: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}

/** Fills a template: the count formatted for the language, the query as typed. */
export function fillTemplate(template: string, values: { count?: number; query?: string }, intl: string): string {
  return template
    .replace('{count}', () => (values.count === undefined ? '' : new Intl.NumberFormat(intl).format(values.count)))
    // A function, so `$&` and the like in a query stay as typed.
    .replace('{query}', () => values.query ?? '');
}

/** The "n results" line in the reader's language. */
export function resultCountText(strings: SearchStrings, count: number, query: string): string {
  const category = new Intl.PluralRules(strings.intl).select(count);
  return fillTemplate(strings.resultCount[category] ?? strings.resultCount.other, { count, query }, strings.intl);
}

/**
 * Whether Pagefind should match this query's marks exactly. Pagefind folds diacritics by Unicode
 * decomposition, so "Thai Nguyen" finds "Thái Nguyên"; but decomposition also takes Hangul
 * syllables apart (차 would find 찾는 and 참여) and drops the voicing marks of kana (タイ would find
 * ダイ). Marks in those scripts are letters, not accents.
 */
export function matchDiacriticsExactly(query: string): boolean {
  return /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query);
}

/**
 * Put between the words of Thai, Lao and Khmer text when it is indexed (search-index.ts), and
 * between the words of a query in these scripts: Pagefind splits words at spaces only.
 */
export const indexWordSeparator = '\u2060 ';

/** A run of excerpt text; `marked` when it is a word the reader searched for. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text as Pagefind stores it: the page's HTML source text, entities and all. */
function decodeHtmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    // Pagefind joins Chinese and Japanese words with zero-width spaces; a reader copying text needs none.
    .replace(/\u200b/g, '')
    // A word joiner left at the excerpt's end, from the Thai, Lao and Khmer index separator.
    .replace(/\u2060/g, '');
}

/**
 * Pagefind's excerpt (HTML with `<mark>` around the matches) as plain text runs, so the page
 * builds it with text nodes and never parses page text as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  // Pagefind ends a heading or other block with ". "; after Chinese or Japanese text that is "。".
  let text = excerpt.replace(/([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}](?:<\/mark>)?)\. /gu, '$1。');
  // Thai, Lao and Khmer words were set apart for the index only: joined again, marks and all.
  text = text.replace(/\u2060((?:<\/?mark>)*) /g, '$1');
  for (const token of text.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(token)) marked = true;
    else if (/^<\/mark>$/i.test(token)) marked = false;
    else if (!marked) push(decodeHtmlText(token), false);
    else {
      // Pagefind marks whole space-separated tokens ("sạch," "차:"); the highlight belongs to the word.
      const [, before = '', word = '', after = ''] = /^([\p{P}\s]*)(.*?)([\p{P}\s]*)$/su.exec(decodeHtmlText(token)) ?? [];
      push(before, false);
      push(word, true);
      push(after, false);
    }
  }
  return parts;
}
