import { describe, expect, it } from 'vitest';
import { alternates, languageLinks, pageFonts } from '../../src/i18n/page.ts';
import { routes } from '../../src/i18n/routes.ts';
import { formatDate, formatMonth } from '../../src/i18n/format.ts';
import { getLocale, localeIds, type LocaleId } from '../../src/i18n/locales.ts';
import { vi, en, ja, ko, zh } from '../helpers/locales.ts';

const site = 'https://example.org';

describe('hreflang alternates', () => {
  it('lists only the languages that have the page, plus x-default for the source', () => {
    expect(alternates(routes.article('tea'), [vi, en], site)).toEqual([
      { hreflang: 'vi', href: 'https://example.org/vi/articles/tea/' },
      { hreflang: 'en', href: 'https://example.org/en/articles/tea/' },
      { hreflang: 'x-default', href: 'https://example.org/vi/articles/tea/' },
    ]);
  });

  it('uses BCP 47 tags (zh-Hans) but the route folder (zh)', () => {
    expect(alternates(routes.home(), [zh], site)).toEqual([{ hreflang: 'zh-Hans', href: 'https://example.org/zh/' }]);
  });
});

describe('language switcher', () => {
  it('links the same page in every language and marks the current one', () => {
    const links = languageLinks(routes.bulletin('2026-10'), ko);
    expect(links.map((l) => l.href)).toEqual(localeIds.map((id) => `/${id}/bulletins/2026-10/`));
    expect(links.map((l) => l.name)).toEqual(localeIds.map((id) => getLocale(id).name));
    expect(links.filter((l) => l.current).map((l) => l.locale)).toEqual([ko]);
  });
});

describe('fonts per page', () => {
  it('loads the fonts of the fallback languages too, since their text may be shown', () => {
    expect(pageFonts(ja)).toEqual(['noto-sans-jp', 'noto-serif', 'noto-sans']);
    expect(pageFonts(vi)).toEqual(['noto-serif', 'noto-sans']);
  });
});

describe('Intl formatting', () => {
  // Expectations come from Intl itself: the exact words and order change with each ICU release.
  const date = new Date('2026-10-05');
  const intl = (locale: LocaleId, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(getLocale(locale).intl, { ...options, timeZone: 'UTC' });

  it.each(localeIds)('formats dates and months for %s readers with its Intl locale, as calendar days whatever the time zone', (locale) => {
    expect(formatDate(date, locale)).toBe(intl(locale, { dateStyle: 'long' }).format(date));
    expect(formatMonth('2026-10', locale)).toBe(intl(locale, { year: 'numeric', month: 'long' }).format(date));
    // The day and the year are there as the language writes them alone ("5日", "2026년").
    expect(formatDate(date, locale)).toContain(intl(locale, { day: 'numeric' }).format(date));
    expect(formatDate(date, locale)).toContain(intl(locale, { year: 'numeric' }).format(date));
    expect(formatMonth('2026-10', locale)).not.toBe(formatMonth('2026-11', locale));
  });

  it('writes each language in its own way', () => {
    expect(formatDate(date, en)).not.toBe(formatDate(date, ja));
    expect(formatMonth('2026-10', vi)).not.toBe(formatMonth('2026-10', ko));
  });
});
