import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../../src/i18n/format.ts';
import { localeIds } from '../../src/i18n/locales.ts';
import { readTranslations } from '../../src/i18n/ui-files.ts';
import type { ManifestEntry } from '../../src/print/manifest.ts';
import { figureText, figureToken, fillFigures, FigureError, textForFonts, type Figure } from '../../src/site/print-figures.ts';
import { en, ja, vi } from '../helpers/locales.ts';

const { useTranslations } = readTranslations('locales');
const entry: ManifestEntry = {
  kind: 'booklet',
  slug: 'invest',
  locale: en,
  variant: 'screen',
  file: 'booklet-invest-en.pdf',
  pages: 24,
  bytes: 1_234_567,
  sha256: '0'.repeat(64),
  anchors: { 'project-park': 17 },
};
const lookup = (file: string) => (file === entry.file ? entry : undefined);
const text = (figure: Figure) => figureText(figure, lookup, useTranslations);

describe('print figures', () => {
  it('state pages and size the way the reader’s language writes them', () => {
    for (const locale of localeIds) {
      const shown = text({ show: 'download', file: entry.file, locale })!;
      expect(shown).toContain(formatFileSize(entry.bytes, locale));
      expect(shown).toContain(String(entry.pages));
    }
    expect(text({ show: 'download', file: entry.file, locale: en })).toBe(`PDF · 24 pages · ${formatFileSize(entry.bytes, en)}`);
  });

  it('give the page a project’s sheet starts on, and name the booklet’s language when it is not the reader’s', () => {
    expect(text({ show: 'page', file: entry.file, project: 'park' })).toBe('17');
    const other = text({ show: 'sheet', form: 'short', file: entry.file, project: 'park', locale: ja, sheetLocale: en })!;
    expect(other).toContain('English');
    expect(other).toContain('17');
    expect(text({ show: 'sheet', form: 'short', file: entry.file, project: 'park', locale: en, sheetLocale: en })).not.toContain('English');
  });

  it('are undefined for a PDF or sheet that was not printed', () => {
    expect(text({ show: 'size', file: 'missing.pdf', locale: vi })).toBeUndefined();
    expect(text({ show: 'page', file: entry.file, project: 'nowhere' })).toBeUndefined();
  });
});

describe('figure tokens', () => {
  const figure: Figure = { show: 'sheet', form: 'full', file: entry.file, project: 'park', locale: en, sheetLocale: en };

  it('are filled in text and attributes, escaped as Astro escapes', () => {
    const page = `<a href="/print/x.pdf#page=${figureToken({ show: 'page', file: entry.file, project: 'park' })}">${figureToken(figure)}</a>`;
    expect(fillFigures(page, text)).toBe(`<a href="/print/x.pdf#page=17">This project&#39;s sheet in the investor booklet (English, page 17)</a>`);
  });

  it('leave a page without tokens alone', () => {
    expect(fillFigures('<p>no figures</p>', text)).toBeUndefined();
  });

  it('stop the build when the site names a PDF print did not make', () => {
    expect(() => fillFigures(figureToken({ show: 'size', file: 'gone.pdf', locale: vi }), text)).toThrow(FigureError);
    expect(() => fillFigures(figureToken({ show: 'size', file: 'gone.pdf', locale: vi }), text)).toThrow(/gone\.pdf/);
  });

  it('count, for fonts, as the characters a figure can show instead of their own letters', () => {
    for (const locale of localeIds) {
      const fonts = textForFonts(`a${figureToken(figure)}b`, locale);
      expect(fonts).not.toContain('@@press');
      for (const c of `0123456789${formatFileSize(entry.bytes, locale)}${formatFileSize(4321, locale)}`) expect(fonts).toContain(c);
    }
  });
});

describe('UI strings from disk', () => {
  it('are the strings pages bundle', () => {
    const strings = JSON.parse(readFileSync('locales/vi/common.json', 'utf8')) as { downloads: { title: string } };
    expect(useTranslations(vi)('downloads.title')).toBe(strings.downloads.title);
  });
});
