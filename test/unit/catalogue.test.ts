import { describe, expect, it } from 'vitest';
import { formatHectareRange } from '../../src/i18n/format.ts';
import { localeIds, type LocaleId } from '../../src/i18n/locales.ts';
import { routes } from '../../src/i18n/routes.ts';
import { bookletFigures } from '../../src/publications/booklet.ts';
import {
  cardData,
  catalogueFilters,
  catalogueOrder,
  filterGroups,
  inBand,
  matches,
  sizeBandOf,
  sizeBands,
  telHref,
  type ProjectFacts,
} from '../../src/site/catalogue.ts';
import { catalogueEntries } from '../../src/site/catalogue-entries.ts';
import { filterLabel, resultSummary, sizeBandLabel } from '../../src/site/catalogue-text.ts';
import type { BookletData } from '../../src/content/schema.ts';
import { en, hectaresIn, ja, ko, numberIn, vi, zh } from '../helpers/locales.ts';

const facts = (sector: ProjectFacts['sector'], district: ProjectFacts['district'], areaHa: number, investmentUsd = 1_000_000): ProjectFacts => ({
  sector,
  district,
  areaHa,
  investmentUsd,
});

const park = facts('industry', 'song-cong', 250, 120_000_000);
const farm = facts('agriculture', 'dai-tu', 150, 25_000_000);
const tea = facts('agriculture', 'thai-nguyen-city', 25, 12_000_000);
const resort = facts('tourism', 'dai-tu', 80, 50_000_000);
const catalogue = [park, farm, tea, resort];

describe('size bands', () => {
  it('puts every area in exactly one band, boundaries included', () => {
    for (const area of [0.5, 49.9, 50, 50.1, 120, 199.9, 200, 200.1, 5000]) {
      expect(sizeBands.filter((b) => inBand(area, b)), `${area} ha`).toHaveLength(1);
    }
  });

  // Areas and ranges as Intl writes them ("50 ha", "50–200 ha", "50～200 ha", "50公顷"): ICU data,
  // which changes with Node releases, so not written out here.
  const hectares = hectaresIn;

  it('reads as the labels say: under 50 ha, 50–200 ha with both ends, over 200 ha', () => {
    expect([49.9, 50, 200, 200.1].map((a) => sizeBandOf(a).id)).toEqual(['under-50-ha', '50-200-ha', '50-200-ha', 'over-200-ha']);
    expect(sizeBands.map((b) => sizeBandLabel(b, en))).toEqual([`Under ${hectares(en, 50)}`, hectares(en, 50, 200), `Over ${hectares(en, 200)}`]);
  });

  it('labels bands with each language’s own words, range sign and unit', () => {
    expect(sizeBands.map((b) => sizeBandLabel(b, ja))).toEqual([`${hectares(ja, 50)}未満`, hectares(ja, 50, 200), `${hectares(ja, 200)}超`]);
    expect(sizeBandLabel(sizeBands[0]!, zh)).toBe(`小于${hectares(zh, 50)}`);
    expect(sizeBandLabel(sizeBands[2]!, vi)).toBe(`Trên ${hectares(vi, 200)}`);
    expect(formatHectareRange(50, 200, ko)).toBe(hectares(ko, 50, 200));
  });

  it.each(localeIds)('%s: labels every band with both numbers of the range', (locale) => {
    const [below, between, above] = sizeBands.map((b) => sizeBandLabel(b, locale));
    expect(below).toContain(hectares(locale, 50));
    expect(above).toContain(hectares(locale, 200));
    for (const n of [50, 200]) expect(between).toContain(numberIn(locale, n));
  });
});

describe('catalogue filters', () => {
  it('keeps only the projects of a sector, a district or a size band; no filter keeps all', () => {
    expect(catalogue.filter((p) => matches(p, { kind: 'sector', value: 'agriculture' }))).toEqual([farm, tea]);
    expect(catalogue.filter((p) => matches(p, { kind: 'district', value: 'dai-tu' }))).toEqual([farm, resort]);
    expect(catalogue.filter((p) => matches(p, { kind: 'size', value: '50-200-ha' }))).toEqual([farm, resort]);
    expect(catalogue.filter((p) => matches(p))).toEqual(catalogue);
  });

  it('offers a link, with its count, for each value some project has, in schema order', () => {
    const groups = filterGroups(catalogue);
    const summary = Object.fromEntries(groups.map((g) => [g.kind, g.options.map((o) => `${o.filter.value}:${o.count}`)]));
    expect(summary).toEqual({
      sector: ['industry:1', 'agriculture:2', 'tourism:1'],
      district: ['thai-nguyen-city:1', 'song-cong:1', 'dai-tu:2'],
      size: ['under-50-ha:1', '50-200-ha:2', 'over-200-ha:1'],
    });
  });

  it('makes no page for a value without projects', () => {
    const pages = catalogueFilters([tea]).map((f) => routes.investFilter(f)(en));
    expect(pages).toEqual(['/en/invest/sector/agriculture/', '/en/invest/district/thai-nguyen-city/', '/en/invest/size/under-50-ha/']);
    expect(catalogueFilters([])).toEqual([]);
  });

  it('writes on each card the values the filter links compare', () => {
    expect(cardData(farm)).toEqual({ 'data-sector': 'agriculture', 'data-district': 'dai-tu', 'data-size': '50-200-ha' });
  });

  it('names filters and results in the reader’s language', () => {
    expect(filterLabel({ kind: 'district', value: 'dai-tu' }, ja)).toBe('ダイトゥ県');
    expect(resultSummary(1, en, { kind: 'sector', value: 'tourism' })).toBe('Tourism: 1 project');
    expect(resultSummary(2, en, { kind: 'size', value: 'under-50-ha' })).toBe(`Under ${hectaresIn(en, 50)}: 2 projects`);
    expect(resultSummary(6, vi)).toBe('6 dự án');
  });
});

describe('catalogue order and entries', () => {
  const project = (slug: string, f: ProjectFacts, locales: LocaleId[]) => ({
    slug,
    facts: f,
    translations: new Map(locales.map((l) => [l, `${slug} in ${l}`])),
  });

  it('lists the largest investment first, ties by slug', () => {
    const order = catalogueOrder([project('b', farm, [vi]), project('a', farm, [vi]), project('c', park, [vi])]).map((p) => p.slug);
    expect(order).toEqual(['c', 'a', 'b']);
  });

  it('resolves each project for the reader and attaches the booklet sheet the lookup finds', () => {
    const projects = new Map([
      ['park', project('park', park, [vi, en, ja])],
      ['farm', project('farm', farm, [vi])],
    ]);
    const sheet = { kind: 'booklet', slug: 'b', locales: [en], href: '/print/booklet-b-en.pdf', file: 'booklet-b-en.pdf', locale: en, project: 'park' } as const;
    const entries = catalogueEntries(projects, ko, (slug) => (slug === 'park' ? { ...sheet, locales: [en] } : undefined));
    expect(entries.map((e) => [e.project.slug, e.text.value, e.text.isFallback, e.sheet?.file])).toEqual([
      ['park', 'park in en', true, 'booklet-b-en.pdf'],
      ['farm', 'farm in vi', true, undefined],
    ]);
  });
});

describe('contact links', () => {
  it('dials the number without spaces or brackets', () => {
    expect(telHref('+84 208 (3) 111 222')).toBe('tel:+842083111222');
    expect(telHref('0208-3-000-000')).toBe('tel:02083000000');
  });
});

describe('booklet key figures on the site', () => {
  const booklet = { figures: [{ id: 'area', value: 3521.96, unit: 'km2' }, { id: 'people', value: 1_340_000, unit: 'people' }] } as BookletData;
  const texts = new Map<LocaleId, { data: { figures?: Record<string, string> } }>([
    [vi, { data: { figures: { area: 'Diện tích', people: 'Dân số' } } }],
    [en, { data: { figures: { area: 'Area' } } }],
  ]);

  it('labels each figure in the nearest language that has the label, and says which', () => {
    expect(bookletFigures(booklet, texts, ja).map((f) => [f.label, f.labelLocale])).toEqual([
      ['Area', en],
      ['Dân số', vi],
    ]);
    expect(bookletFigures(booklet, new Map([[vi, { data: {} }]]), en).map((f) => f.label)).toEqual(['area', 'people']);
  });
});
