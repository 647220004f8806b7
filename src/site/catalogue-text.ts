/** What the catalogue's filters are called in each language: filter names, size band labels, counts. */
import { formatHectareRange, formatHectares } from '../i18n/format.ts';
import type { LocaleId } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import { sizeBands, type CatalogueFilter, type SizeBand } from './catalogue.ts';

/** "Under 50 ha", "50–200 ha", "200 公顷" …: the numbers come from the band, the words from the locale. */
export function sizeBandLabel(band: SizeBand, locale: LocaleId): string {
  const t = useTranslations(locale);
  if (band.below !== undefined) return t('invest.sizeBelow', { area: formatHectares(band.below, locale) });
  if (band.above !== undefined) return t('invest.sizeAbove', { area: formatHectares(band.above, locale) });
  return formatHectareRange(band.from ?? 0, band.to ?? 0, locale);
}

export function filterLabel(filter: CatalogueFilter, locale: LocaleId): string {
  const t = useTranslations(locale);
  switch (filter.kind) {
    case 'sector':
      return t(`sector.${filter.value}`);
    case 'district':
      return t(`district.${filter.value}`);
    case 'size': {
      const band = sizeBands.find((b) => b.id === filter.value);
      if (!band) throw new Error(`"${filter.value}" is not a size band of the catalogue.`);
      return sizeBandLabel(band, locale);
    }
  }
}

/** The sentence the catalogue shows (and announces) above the list: "Industry: 2 projects", "6 projects". */
export function resultSummary(count: number, locale: LocaleId, filter?: CatalogueFilter): string {
  const t = useTranslations(locale);
  return filter ? t('invest.matching', { count, filter: filterLabel(filter, locale) }) : t('invest.count', { count });
}
