/**
 * The languages and fonts tests name on purpose, as checked ids (a test about Japanese line
 * breaking needs Japanese). Adding a language changes none of them; tests about "every language"
 * read localeIds instead.
 */
import { asFontId, asLocaleId, getLocale, type FontId, type LocaleId } from '../../src/i18n/locales.ts';

export const vi = asLocaleId('vi');
export const en = asLocaleId('en');
export const ja = asLocaleId('ja');
export const ko = asLocaleId('ko');
export const zh = asLocaleId('zh');

/** A font id from locales/languages.yaml. */
export const font = (id: string): FontId => asFontId(id);

/**
 * Numbers as Intl writes them in a language (its Intl locale from the languages file): tests take
 * expected digits, separators, units and range signs from here, since they change with ICU data.
 */
export function numberIn(locale: LocaleId, value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(getLocale(locale).intl, options).format(value);
}

const hectareOptions = { style: 'unit', unit: 'hectare', maximumFractionDigits: 1 } as const;

/** "250.5 ha", "250,5 ha", "250.5公顷"; with `to`, the range ("50–200 ha", "50～200 ha"). */
export function hectaresIn(locale: LocaleId, from: number, to?: number): string {
  const format = new Intl.NumberFormat(getLocale(locale).intl, hectareOptions);
  return to === undefined ? format.format(from) : format.formatRange(from, to);
}

/** Money in full: "US$120,000,000", "120.000.000 US$". */
export function usdIn(locale: LocaleId, value: number): string {
  return numberIn(locale, value, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
}

/** A month as Intl writes it in a language ("tháng 9 năm 2026", "September 2026"). */
export function monthIn(locale: LocaleId, month: string): string {
  const [year = 0, index = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(getLocale(locale).intl, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, index - 1, 1)));
}
