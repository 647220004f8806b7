import { describe, expect, it } from 'vitest';
import type { BookletData } from '../../src/content/schema.ts';
import { formatFigure, formatHectares, formatUsd } from '../../src/i18n/format.ts';
import type { LocaleId } from '../../src/i18n/locales.ts';
import { assembleBooklet } from '../../src/publications/booklet.ts';
import { fillerPagesNeeded, sheetsPerCopy } from '../../src/publications/pages.ts';
import { pairParallel } from '../../src/publications/parallel.ts';

const byLocale = <T>(entries: Array<[LocaleId, T]>) => new Map(entries);

describe('booklet assembly', () => {
  const booklet: BookletData = {
    format: 'A5',
    date: new Date('2026-10-15'),
    editions: ['vi', 'ja'],
    printRun: { vi: 10, ja: 2 },
    figures: [{ id: 'area', value: 3521.96, unit: 'km2' }, { id: 'people', value: 1340000, unit: 'people' }],
    sections: [{ kind: 'articles', articles: ['a'] }, { kind: 'figures' }, { kind: 'projects', projects: ['p'] }],
  };
  const texts = byLocale<{ data: { figures?: Record<string, string> } }>([
    ['vi', { data: { figures: { area: 'Diện tích', people: 'Dân số' } } }],
    ['ja', { data: { figures: { area: '面積' } } }],
  ]);
  const articles = new Map([['a', byLocale([['vi', 'a-vi'], ['en', 'a-en']])]]);
  const projects = new Map([['p', byLocale([['vi', 'p-vi'], ['ja', 'p-ja']])]]);

  it('keeps the section order and resolves each entry along the fallback chain', () => {
    const edition = assembleBooklet(booklet, texts, articles, projects, 'ja');
    expect(edition.parts.map((p) => p.kind)).toEqual(['articles', 'figures', 'projects']);
    expect(edition.parts[0]).toMatchObject({ articles: [{ slug: 'a', value: 'a-en', locale: 'en', isFallback: true }] });
    expect(edition.parts[2]).toMatchObject({ projects: [{ slug: 'p', value: 'p-ja', isFallback: false }] });
    expect(edition.untranslated).toEqual(['a']);
  });

  it('labels key figures in the edition language, falling back to the Vietnamese label', () => {
    const figures = assembleBooklet(booklet, texts, articles, projects, 'ja').parts[1];
    expect(figures).toMatchObject({ figures: [{ id: 'area', label: '面積' }, { id: 'people', label: 'Dân số' }] });
  });
});

describe('formatting for investors', () => {
  it('writes money in full and areas with the local unit', () => {
    expect(formatUsd(120_000_000, 'en')).toBe('US$120,000,000');
    expect(formatUsd(120_000_000, 'vi')).toBe('120.000.000\u00a0US$');
    expect(formatHectares(250.5, 'zh')).toBe('250.5公顷');
  });

  it('writes key figures compactly in each language', () => {
    expect(formatFigure(1_340_000, 'people', 'en')).toBe('1.34 million');
    expect(formatFigure(1_340_000, 'people', 'ja')).toBe('134万');
    expect(formatFigure(3521.96, 'km2', 'vi')).toBe('3.522 km²');
    expect(formatFigure(80, 'km', 'ko')).toBe('80km');
  });
});

describe('saddle stitching', () => {
  it('pads to a multiple of four pages', () => {
    expect([28, 29, 30, 31, 32].map((n) => fillerPagesNeeded(n))).toEqual([0, 3, 2, 1, 0]);
    expect(sheetsPerCopy(32)).toBe(8);
    expect(sheetsPerCopy(30)).toBe(8);
  });
});

describe('parallel text', () => {
  it('pairs headings with headings and blocks with their translations', () => {
    const { rows, mismatched } = pairParallel(
      '<p>Mở đầu</p><h2>Lịch sử</h2><p>Một</p><ul><li>Hai</li></ul>',
      '<p>Intro</p><h2>History</h2><p>One</p><ul><li>Two</li></ul>',
    );
    expect(rows).toEqual([
      { left: '<p>Mở đầu</p>', right: '<p>Intro</p>', heading: false },
      { left: '<h2>Lịch sử</h2>', right: '<h2>History</h2>', heading: true },
      { left: '<p>Một</p>', right: '<p>One</p>', heading: false },
      { left: '<ul><li>Hai</li></ul>', right: '<ul><li>Two</li></ul>', heading: false },
    ]);
    expect(mismatched).toBe(false);
  });

  it('keeps every block when one side has more, and says so', () => {
    const { rows, mismatched } = pairParallel('<h2>A</h2><p>1</p><p>2</p>', '<h2>B</h2><p>one</p>');
    expect(rows.at(-1)).toEqual({ left: '<p>2</p>', right: undefined, heading: false });
    expect(mismatched).toBe(true);
  });
});
