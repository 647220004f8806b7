/**
 * The investment-project catalogue: which projects a filter keeps, how many each filter finds,
 * the size bands and the catalogue's order. Pure, so the static filter pages, the filter links
 * and the tests all answer from the same rules; the client script only compares the values
 * written here into data attributes.
 */
import { districts, sectors, type ProjectSourceData } from '../content/schema.ts';

export type Sector = (typeof sectors)[number];
export type District = (typeof districts)[number];

/**
 * Size bands in hectares, the one place they are defined. `below` and `above` are strict,
 * `from`–`to` includes both ends: under 50 ha, 50–200 ha, over 200 ha.
 */
export interface SizeBand {
  /** URL segment and data attribute value, derived from the bounds ("50-200-ha"). */
  id: string;
  below?: number;
  from?: number;
  to?: number;
  above?: number;
}

const bandId = (b: Omit<SizeBand, 'id'>): string => {
  if (b.below !== undefined) return `under-${b.below}-ha`;
  if (b.above !== undefined) return `over-${b.above}-ha`;
  return `${b.from}-${b.to}-ha`;
};

export const sizeBands: readonly SizeBand[] = [{ below: 50 }, { from: 50, to: 200 }, { above: 200 }].map((b) => ({ id: bandId(b), ...b }));

export function inBand(areaHa: number, band: SizeBand): boolean {
  return (
    (band.below === undefined || areaHa < band.below) &&
    (band.above === undefined || areaHa > band.above) &&
    (band.from === undefined || areaHa >= band.from) &&
    (band.to === undefined || areaHa <= band.to)
  );
}

/** The band a project's area falls in. The bands cover every positive area (tested), so this always finds one. */
export function sizeBandOf(areaHa: number): SizeBand {
  const band = sizeBands.find((b) => inBand(areaHa, b));
  if (!band) throw new Error(`No size band holds ${areaHa} ha; the bands in src/site/catalogue.ts leave a gap.`);
  return band;
}

export const filterKinds = ['sector', 'district', 'size'] as const;
export type FilterKind = (typeof filterKinds)[number];

export type CatalogueFilter = { kind: 'sector'; value: Sector } | { kind: 'district'; value: District } | { kind: 'size'; value: string };

/** What the catalogue needs to know of a project: its facts from the Vietnamese source. */
export type ProjectFacts = Pick<ProjectSourceData, 'sector' | 'district' | 'areaHa' | 'investmentUsd'>;

/** A project's value on one filter dimension: its sector, its district or its size band id. */
export function valueOf(facts: ProjectFacts, kind: FilterKind): string {
  switch (kind) {
    case 'sector':
      return facts.sector;
    case 'district':
      return facts.district;
    case 'size':
      return sizeBandOf(facts.areaHa).id;
  }
}

/** No filter keeps every project. */
export function matches(facts: ProjectFacts, filter?: CatalogueFilter): boolean {
  return !filter || valueOf(facts, filter.kind) === filter.value;
}

/** The possible values of a dimension, in the order readers see them (schema order, small to large). */
function valuesOf(kind: FilterKind): readonly string[] {
  switch (kind) {
    case 'sector':
      return sectors;
    case 'district':
      return districts;
    case 'size':
      return sizeBands.map((b) => b.id);
  }
}

export interface FilterOption {
  filter: CatalogueFilter;
  /** Projects this filter finds. */
  count: number;
}

export interface FilterGroup {
  kind: FilterKind;
  options: FilterOption[];
}

/**
 * The filter links: per dimension, every value at least one project has, with its count. Values
 * no project has get no link and no page, so a reader never lands on an empty list.
 */
export function filterGroups(projects: readonly ProjectFacts[]): FilterGroup[] {
  return filterKinds.map((kind) => ({
    kind,
    options: valuesOf(kind)
      .map((value) => ({ filter: { kind, value } as CatalogueFilter, count: projects.filter((p) => valueOf(p, kind) === value).length }))
      .filter((o) => o.count > 0),
  }));
}

/** Every filter that gets its own static page. */
export function catalogueFilters(projects: readonly ProjectFacts[]): CatalogueFilter[] {
  return filterGroups(projects).flatMap((g) => g.options.map((o) => o.filter));
}

export function sameFilter(a: CatalogueFilter | undefined, b: CatalogueFilter | undefined): boolean {
  return a?.kind === b?.kind && a?.value === b?.value;
}

/** Catalogue order: the largest investment first, then by slug so the order never depends on the build. */
export function catalogueOrder<P extends { slug: string; facts: ProjectFacts }>(projects: Iterable<P>): P[] {
  return [...projects].sort((a, b) => b.facts.investmentUsd - a.facts.investmentUsd || a.slug.localeCompare(b.slug));
}

/** Data attributes a project card carries, so the client script can filter in place by the same values. */
export function cardData(facts: ProjectFacts): Record<`data-${FilterKind}`, string> {
  return { 'data-sector': valueOf(facts, 'sector'), 'data-district': valueOf(facts, 'district'), 'data-size': valueOf(facts, 'size') };
}

/** `tel:` link target: the number without spaces or punctuation, keeping a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
