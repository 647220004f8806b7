import { describe, expect, it } from 'vitest';
import { alternates, languageLinks, pageFonts } from '../../src/i18n/page.ts';
import { routes } from '../../src/i18n/routes.ts';
import { formatDate, formatMonth } from '../../src/i18n/format.ts';

const site = 'https://example.org';

describe('hreflang alternates', () => {
  it('lists only the languages that have the page, plus x-default for the source', () => {
    expect(alternates(routes.article('tea'), ['vi', 'en'], site)).toEqual([
      { hreflang: 'vi', href: 'https://example.org/vi/articles/tea/' },
      { hreflang: 'en', href: 'https://example.org/en/articles/tea/' },
      { hreflang: 'x-default', href: 'https://example.org/vi/articles/tea/' },
    ]);
  });

  it('uses BCP 47 tags (zh-Hans) but the route folder (zh)', () => {
    expect(alternates(routes.home(), ['zh'], site)).toEqual([{ hreflang: 'zh-Hans', href: 'https://example.org/zh/' }]);
  });
});

describe('language switcher', () => {
  it('links the same page in every language and marks the current one', () => {
    const links = languageLinks(routes.bulletin('2026-10'), 'ko');
    expect(links.map((l) => l.href)).toEqual(['/vi/bulletins/2026-10/', '/en/bulletins/2026-10/', '/ja/bulletins/2026-10/', '/ko/bulletins/2026-10/', '/zh/bulletins/2026-10/']);
    expect(links.filter((l) => l.current).map((l) => l.locale)).toEqual(['ko']);
  });
});

describe('fonts per page', () => {
  it('loads the fonts of the fallback languages too, since their text may be shown', () => {
    expect(pageFonts('ja')).toEqual(['noto-sans-jp', 'noto-serif', 'noto-sans']);
    expect(pageFonts('vi')).toEqual(['noto-serif', 'noto-sans']);
  });
});

describe('Intl formatting', () => {
  it('formats dates and months for each reader', () => {
    const date = new Date('2026-10-05');
    expect(formatDate(date, 'en')).toBe('5 October 2026');
    expect(formatDate(date, 'ja')).toBe('2026年10月5日');
    expect(formatMonth('2026-10', 'vi')).toBe('tháng 10 năm 2026');
    expect(formatMonth('2026-10', 'ko')).toBe('2026년 10월');
  });
});
