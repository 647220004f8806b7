/** Dates and numbers for readers of each locale, through Intl. */
import { getLocale, type LocaleId } from './locales.ts';

/** Making an Intl formatter costs far more than using one, and a build formats thousands of dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: LocaleId, style: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    // Content dates are calendar days; format them in UTC so no time zone shifts the day.
    const options: Intl.DateTimeFormatOptions = style === 'day' ? { dateStyle: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'long', timeZone: 'UTC' };
    format = new Intl.DateTimeFormat(getLocale(locale).intl, options);
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(date: Date, locale: LocaleId): string {
  return dateFormat(locale, 'day').format(date);
}

/** `2026-10` → "tháng 10 năm 2026", "October 2026", "2026年10月", ... */
export function formatMonth(month: string, locale: LocaleId): string {
  const [year = 0, monthIndex = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthIndex - 1, 1));
  return dateFormat(locale, 'month').format(date);
}

export function formatNumber(value: number, locale: LocaleId, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

const intl = (locale: LocaleId) => getLocale(locale).intl;

const numberFormats = new Map<string, Intl.NumberFormat>();
/** One formatter per locale and options for the whole build: a catalogue formats thousands of numbers. */
function numberFormat(locale: LocaleId, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intl(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Investment amounts in full, so no reader has to decode "Tr" or "億": "US$120,000,000". */
export function formatUsd(value: number, locale: LocaleId): string {
  return numberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
}

/** Areas in hectares, with the locale's unit ("22,000 ha", "22,000公顷"). */
export function formatHectares(value: number, locale: LocaleId): string {
  return numberFormat(locale, { style: 'unit', unit: 'hectare', maximumFractionDigits: 1 }).format(value);
}

/** A span of areas with the locale's range sign and unit ("50–200 ha", "50～200 ha", "50-200公顷"). */
export function formatHectareRange(from: number, to: number, locale: LocaleId): string {
  return numberFormat(locale, { style: 'unit', unit: 'hectare', maximumFractionDigits: 1 }).formatRange(from, to);
}

/** Units key figures are written in. */
export const figureUnits = ['km2', 'ha', 'km', 'people', 'usd', 'percent', 'count'] as const;
export type FigureUnit = (typeof figureUnits)[number];

/** A key figure as printed in the booklet: large numbers compact ("1.34 million", "134万"). */
export function formatFigure(value: number, unit: FigureUnit, locale: LocaleId): string {
  const number = (options: Intl.NumberFormatOptions) => numberFormat(locale, options).format(value);
  switch (unit) {
    case 'km2':
      return `${number({ maximumFractionDigits: 0 })} km²`;
    case 'ha':
      return formatHectares(value, locale);
    case 'km':
      return number({ style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 });
    case 'people':
      return number({ notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 });
    case 'usd':
      return number({ style: 'currency', currency: 'USD', notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 });
    case 'percent':
      return number({ style: 'percent', maximumFractionDigits: 1 });
    case 'count':
      return number({ maximumFractionDigits: 0 });
  }
}

/** A file's size as readers expect it: "1.2 MB", "850 kB" (decimal units, like file browsers). */
export function formatFileSize(bytes: number, locale: LocaleId): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [Math.max(1, bytes / 1e3), 'kilobyte'];
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: bytes >= 1e6 ? 1 : 0 }).format(value);
}
