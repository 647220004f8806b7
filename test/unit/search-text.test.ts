import { describe, expect, it } from 'vitest';
import { getLocale, localeIds } from '../../src/i18n/locales.ts';
import { searchStrings } from '../../src/site/search-strings.ts';
import { excerptParts, fillTemplate, matchDiacriticsExactly, resultCountText } from '../../src/site/search-text.ts';
import { en, ja, numberIn, vi } from '../helpers/locales.ts';

describe('search page strings', () => {
  it.each(localeIds)('%s has an "n results" line for every plural form of its language, with placeholders filled in the browser', (locale) => {
    const strings = searchStrings(locale);
    const categories = new Intl.PluralRules(getLocale(locale).intl).resolvedOptions().pluralCategories;
    expect(Object.keys(strings.resultCount).sort()).toEqual([...categories].sort());
    for (const template of [...Object.values(strings.resultCount), strings.noResults]) {
      expect(template).toContain('{query}');
      expect(template).not.toContain('{{');
    }
  });

  it('picks the plural form and formats the count in the reader’s language', () => {
    const english = searchStrings(en);
    expect(resultCountText(english, 1, 'tea')).toBe('1 result for “tea”');
    // The count grouped as Intl groups it in the language ("1,200", "1.200"): ICU data, not written out.
    expect(resultCountText(english, 1200, 'tea')).toBe(`${numberIn(en, 1200)} results for “tea”`);
    expect(resultCountText(searchStrings(vi), 1200, 'chè')).toBe(`${numberIn(vi, 1200)} kết quả cho “chè”`);
    expect(resultCountText(searchStrings(ja), 3, '茶')).toContain('「茶」');
  });

  it('shows the query as typed, even with $ patterns', () => {
    expect(fillTemplate('“{query}”', { query: '$& $1' }, en)).toBe('“$& $1”');
  });
});

describe('search excerpts', () => {
  it('keeps the highlighted words and decodes the page text without parsing it as HTML', () => {
    expect(excerptParts('Roads &amp; <mark>power</mark> &lt;img src=x&gt; &#8212; ok')).toEqual([
      { text: 'Roads & ', marked: false },
      { text: 'power', marked: true },
      { text: ' <img src=x> — ok', marked: false },
    ]);
  });

  it('highlights the word, not the punctuation Pagefind keeps with it', () => {
    expect(excerptParts('điện và <mark>nước</mark> <mark>sạch,</mark> đã')).toEqual([
      { text: 'điện và ', marked: false },
      { text: 'nước', marked: true },
      { text: ' ', marked: false },
      { text: 'sạch', marked: true },
      { text: ', đã', marked: false },
    ]);
  });

  it('joins Chinese and Japanese blocks with 。 where Pagefind puts ". "', () => {
    expect(excerptParts('ハイテク投資の<mark>波</mark>. サムスン電子. Samsung. 2026').map((p) => p.text).join('')).toBe('ハイテク投資の波。サムスン電子。Samsung. 2026');
  });

  it('drops the zero-width spaces Pagefind puts between Chinese and Japanese words', () => {
    const text = excerptParts('すでに\u200b<mark>操業</mark>\u200bして').map((p) => p.text).join('');
    expect(text).toBe('すでに操業して');
  });
});

describe('diacritics in queries', () => {
  it('folds Latin accents but matches Hangul and kana as typed', () => {
    expect(matchDiacriticsExactly('Thai Nguyen')).toBe(false);
    expect(matchDiacriticsExactly('nước sạch')).toBe(false);
    expect(matchDiacriticsExactly('차')).toBe(true);
    expect(matchDiacriticsExactly('タイ')).toBe(true);
    expect(matchDiacriticsExactly('ひらがな')).toBe(true);
  });

  it('joins the Thai, Lao and Khmer words the index set apart, and marks the word found as one', () => {
    // As Pagefind returns it for ទៅកាន់អាកាសយានដ្ឋានអន្តរជាតិ indexed as separate words.
    expect(excerptParts('ទៅកាន់\u2060 <mark>អាកាសយាន\u2060</mark> <mark>ដ្ឋាន\u2060</mark> អន្តរ\u2060')).toEqual([
      { text: 'ទៅកាន់', marked: false },
      { text: 'អាកាសយានដ្ឋាន', marked: true },
      { text: 'អន្តរ', marked: false },
    ]);
  });
});
