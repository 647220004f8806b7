import { describe, expect, it } from 'vitest';
import type { BookletData } from '../../src/content/schema.ts';
import { formatFigure, formatHectares, formatUsd } from '../../src/i18n/format.ts';
import { getLocale, localeIds, type LocaleId } from '../../src/i18n/locales.ts';
import { assembleBooklet } from '../../src/publications/booklet.ts';
import { fillerPagesNeeded, sheetsPerCopy } from '../../src/publications/pages.ts';
import { pairParallel } from '../../src/publications/parallel.ts';
import { vi, en, ja } from '../helpers/locales.ts';

const byLocale = <T>(entries: Array<[LocaleId, T]>) => new Map(entries);

describe('booklet assembly', () => {
  const booklet: BookletData = {
    format: 'A5',
    date: new Date('2026-10-15'),
    editions: [vi, ja],
    printRun: { [vi]: 10, [ja]: 2 },
    figures: [{ id: 'area', value: 3521.96, unit: 'km2' }, { id: 'people', value: 1340000, unit: 'people' }],
    sections: [{ kind: 'articles', articles: ['a'] }, { kind: 'figures' }, { kind: 'projects', projects: ['p'] }],
  };
  const texts = byLocale<{ data: { figures?: Record<string, string> } }>([
    [vi, { data: { figures: { area: 'Diện tích', people: 'Dân số' } } }],
    [ja, { data: { figures: { area: '面積' } } }],
  ]);
  const articles = new Map([['a', byLocale([[vi, 'a-vi'], [en, 'a-en']])]]);
  const projects = new Map([['p', byLocale([[vi, 'p-vi'], [ja, 'p-ja']])]]);

  it('keeps the section order and resolves each entry along the fallback chain', () => {
    const edition = assembleBooklet(booklet, texts, articles, projects, ja);
    expect(edition.parts.map((p) => p.kind)).toEqual(['articles', 'figures', 'projects']);
    expect(edition.parts[0]).toMatchObject({ articles: [{ slug: 'a', value: 'a-en', locale: en, isFallback: true }] });
    expect(edition.parts[2]).toMatchObject({ projects: [{ slug: 'p', value: 'p-ja', isFallback: false }] });
    expect(edition.untranslated).toEqual(['a']);
  });

  it('labels key figures in the edition language, falling back to the Vietnamese label', () => {
    const figures = assembleBooklet(booklet, texts, articles, projects, ja).parts[1];
    expect(figures).toMatchObject({ figures: [{ id: 'area', label: '面積' }, { id: 'people', label: 'Dân số' }] });
  });
});

describe('formatting for investors', () => {
  // Expectations come from Intl with each language's Intl locale: the exact output ("US$120,000,000",
  // "134万") changes with ICU releases, the rules below do not.
  const number = (locale: LocaleId, options: Intl.NumberFormatOptions = {}) => new Intl.NumberFormat(getLocale(locale).intl, options);

  it.each(localeIds)('%s: writes money in full and areas with the local unit', (locale) => {
    const usd = formatUsd(120_000_000, locale);
    expect(usd).toBe(number(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(120_000_000));
    // In full, every digit group written out: no "120M" or "1.2億".
    expect(usd).toContain(number(locale, { maximumFractionDigits: 0 }).format(120_000_000));
    const area = formatHectares(250.5, locale);
    expect(area).toBe(number(locale, { style: 'unit', unit: 'hectare', maximumFractionDigits: 1 }).format(250.5));
    expect(area).toContain(number(locale, { maximumFractionDigits: 1 }).format(250.5));
  });

  it.each(localeIds)('%s: writes key figures compactly', (locale) => {
    const people = formatFigure(1_340_000, 'people', locale);
    expect(people).toBe(number(locale, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 }).format(1_340_000));
    expect(people).not.toContain(number(locale).format(1_340_000));
    expect(formatFigure(3521.96, 'km2', locale)).toBe(`${number(locale, { maximumFractionDigits: 0 }).format(3522)} km²`);
    expect(formatFigure(80, 'km', locale)).toBe(number(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 }).format(80));
  });

  it('writes figures differently per language', () => {
    expect(formatFigure(1_340_000, 'people', en)).not.toBe(formatFigure(1_340_000, 'people', ja));
    expect(formatUsd(120_000_000, en)).not.toBe(formatUsd(120_000_000, vi));
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
