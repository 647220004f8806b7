import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { defaultLocale, localeIds } from '../../src/i18n/locales.ts';
import { contentStatus, fingerprint, printBlockers, uiRecordFor, uiStatus } from '../../src/translations/status.ts';

const source = '---\ntitle: "Chè"\nsummary: "Về chè."\ntopic: tea\ndate: 2026-09-01\n---\n\nVăn bản.\n';
const translation = (from?: string) =>
  `---\ntitle: "Tea"\nsummary: "About tea."\ntopic: tea\ndate: 2026-09-01\n${from ? `translatedFrom: "${from}"\n` : ''}---\n\nText.\n`;

function status(files: Record<string, string>) {
  const { index } = checkContent({ files: Object.entries(files).map(([path, text]) => ({ path, text })), assets: [], displayRoot: 'content' });
  return { index, rows: contentStatus(index, 'content') };
}

describe('translation status of content', () => {
  it('is up to date when the translation records the current source fingerprint', () => {
    const { rows } = status({ 'articles/tea/vi.mdx': source, 'articles/tea/en.mdx': translation(fingerprint(source)) });
    expect(rows.find((r) => r.locale === 'en')).toMatchObject({ kind: 'article', id: 'tea', state: 'up-to-date', file: 'content/articles/tea/en.mdx' });
  });

  it('is outdated once the Vietnamese changes, or when nothing was recorded', () => {
    const old = fingerprint(source);
    const { rows } = status({ 'articles/tea/vi.mdx': source.replace('Văn bản.', 'Văn bản mới.'), 'articles/tea/en.mdx': translation(old), 'articles/tea/ja.mdx': translation() });
    expect(rows.filter((r) => r.locale === 'en' || r.locale === 'ja').map((r) => r.state)).toEqual(['outdated', 'outdated']);
  });

  it('lists every missing language with the file to create', () => {
    const { rows } = status({ 'articles/tea/vi.mdx': source });
    const translations = localeIds.filter((id) => id !== defaultLocale);
    expect(translations.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r.locale, r.state, r.file])).toEqual(translations.map((id) => [id, 'missing', `content/articles/tea/${id}.mdx`]));
  });

  it('ignores line endings and trailing spaces: only a change of words makes a translation outdated', () => {
    expect(fingerprint(source.replace(/\n/g, '\r\n').replace('Văn bản.', 'Văn bản.   '))).toBe(fingerprint(source));
  });

  it('names the publications that would print a translation that is not up to date', () => {
    const { index, rows } = status({
      'articles/tea/vi.mdx': source,
      'articles/tea/en.mdx': translation(),
      'bulletins/2026-10/issue.yaml': 'number: 1\nmonth: 2026-10\neditions: [vi, en]\narticles: [tea]\n',
      'bulletins/2026-10/vi.mdx': '---\ntitle: "Lời ngỏ"\n---\n\nChào.\n',
      'bulletins/2026-10/en.mdx': `---\ntitle: "Foreword"\ntranslatedFrom: "${fingerprint('---\ntitle: "Lời ngỏ"\n---\n\nChào.\n')}"\n---\n\nHello.\n`,
    });
    expect(printBlockers(index, rows)).toEqual(['bulletin 2026-10 (en): article "tea" is outdated (content/articles/tea/en.mdx)']);
  });
});

describe('translation status of UI strings', () => {
  const strings = { vi: { common: { a: 'Một', n: { count_other: '{{count}} bài' } } }, en: { common: { a: 'One', n: { count_one: '1 article', count_other: '{{count}} articles' } } } };

  it('compares keys by their Vietnamese text, plural forms as one string', () => {
    const records = { en: { common: uiRecordFor(strings.vi.common, strings.en.common) } };
    const rows = uiStatus(strings, records).filter((r) => r.locale === 'en');
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['common:a', 'up-to-date'],
      ['common:n.count', 'up-to-date'],
    ]);
    const changed = { ...strings, vi: { common: { ...strings.vi.common, a: 'Một (mới)' } } };
    expect(uiStatus(changed, records).find((r) => r.locale === 'en' && r.id === 'common:a')?.state).toBe('outdated');
    expect(uiStatus(strings, {}).find((r) => r.locale === 'ja' && r.id === 'common:a')?.state).toBe('missing');
  });
});
