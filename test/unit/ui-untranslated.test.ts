/**
 * UI strings seeded from English and not yet translated (still the English text, no record): shown
 * as the English, marked as English, missing in the status.
 */
import { describe, expect, it } from 'vitest';
import { createTranslations } from '../../src/i18n/translator.ts';
import { uiStatus, uiRecordFor } from '../../src/translations/status.ts';
import { en, ja, vi } from '../helpers/locales.ts';

// Japanese stands in for a language just added: its file is a copy of the English, nothing recorded.
const english = { nav: { home: 'Home' }, published: 'Published {{date}}', count_one: '{{count}} article', count_other: '{{count}} articles' };
const strings = {
  vi: { common: { nav: { home: 'Trang chủ' }, published: 'Đăng ngày {{date}}', count_other: '{{count}} bài' } },
  en: { common: english },
  ja: { common: { ...english, count_other: english.count_other } },
};
const recorded = (tree: object) => ({ common: uiRecordFor(strings.vi.common, tree) });

describe('UI strings not yet translated', () => {
  const seeded = createTranslations({ strings, records: { en: recorded(english), ja: {} } });

  it('come from the fallback chain, in its language, with values in the page’s own', () => {
    expect(seeded.uiLocaleOf(ja, 'nav.home')).toBe(en);
    expect(seeded.uiLocaleOf(en, 'nav.home')).toBe(en);
    expect(seeded.uiLocaleOf(vi, 'nav.home')).toBe(vi);
    expect(seeded.uiParts(ja, 'published', { date: '2026年10月5日' })).toEqual({
      lang: en,
      parts: [
        { text: 'Published ', lang: en },
        { text: '2026年10月5日', lang: ja },
      ],
    });
    // Plural forms are still chosen by the number.
    expect(seeded.uiParts(ja, 'count', { count: 1 }).parts.map((p) => p.text).join('')).toBe('1 article');
    expect(seeded.uiParts(en, 'count', { count: 3 }).parts).toEqual([
      { text: '3', lang: en },
      { text: ' articles', lang: en },
    ]);
    expect(() => seeded.uiParts(ja, 'nav.hoem')).toThrow(/"nav\.hoem" is no UI string/);
  });

  it('count as missing in the translation status until the translation is recorded', () => {
    expect(uiStatus(strings, { [en]: recorded(english), [ja]: {} }).filter((r) => r.locale === ja).map((r) => r.state)).toEqual(['missing', 'missing', 'missing']);
  });

  it('are the language’s own once written, recorded or not', () => {
    // A developer adding a key writes every language's words and may record them later: they show at once.
    const written = { ...strings, ja: { common: { ...strings.ja.common, nav: { home: 'ホーム' } } } };
    const unrecorded = createTranslations({ strings: written, records: { en: recorded(english), ja: {} } });
    expect(unrecorded.uiLocaleOf(ja, 'nav.home')).toBe(ja);
    expect(unrecorded.uiLocaleOf(ja, 'published')).toBe(en);
    expect(uiStatus(written, { [en]: recorded(english), [ja]: {} }).find((r) => r.locale === ja && r.id === 'common:nav.home')?.state).toBe('outdated');
  });

  it('are the language’s own once recorded', () => {
    const translated = { ...strings, ja: { common: { nav: { home: 'ホーム' }, published: '{{date}}掲載', count_other: '{{count}}件' } } };
    const done = createTranslations({ strings: translated, records: { en: recorded(english), ja: recorded(translated.ja.common) } });
    expect(done.uiLocaleOf(ja, 'nav.home')).toBe(ja);
    expect(done.useTranslations(ja)('nav.home' as never)).toBe('ホーム');
    expect(done.uiText(ja)).toContain('ホーム');
    expect(seeded.uiText(ja)).toContain('Home');
  });
});
