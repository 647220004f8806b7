/** Dates and numbers for readers of each locale, through Intl. */
import { locales, type LocaleId } from './locales.ts';

// Content dates are calendar days; format them in UTC so no time zone shifts the day.
export function formatDate(date: Date, locale: LocaleId): string {
  return new Intl.DateTimeFormat(locales[locale].intl, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** `2026-10` → "tháng 10 năm 2026", "October 2026", "2026年10月", ... */
export function formatMonth(month: string, locale: LocaleId): string {
  const [year = 0, monthIndex = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthIndex - 1, 1));
  return new Intl.DateTimeFormat(locales[locale].intl, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, locale: LocaleId, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locales[locale].intl, options).format(value);
}
