/**
 * Fallback resolution: which translation a reader of a locale is shown. Pure, so the site and
 * print resolve the same way.
 */
import { fallbackChain, type LocaleId } from './locales.ts';

export interface Resolved<T> {
  /** The translation shown. */
  value: T;
  /** The language of what is shown. */
  locale: LocaleId;
  /** The language the reader asked for. */
  requested: LocaleId;
  /** True when `locale` differs from `requested`: the page needs a notice and `noindex`. */
  isFallback: boolean;
}

/**
 * Picks the first translation along the requested locale's fallback chain. Undefined only when no
 * locale of the chain has one (the chain ends at the source language, so this means no source).
 */
export function resolveTranslation<T>(
  translations: ReadonlyMap<LocaleId, T> | Partial<Record<LocaleId, T>>,
  requested: LocaleId,
): Resolved<T> | undefined {
  const get = (locale: LocaleId) =>
    translations instanceof Map ? translations.get(locale) : (translations as Partial<Record<LocaleId, T>>)[locale];
  for (const locale of fallbackChain(requested)) {
    const value = get(locale);
    if (value !== undefined) return { value, locale, requested, isFallback: locale !== requested };
  }
  return undefined;
}

/** The locales that have their own translation (used for hreflang alternates). */
export function translatedLocales<T>(translations: ReadonlyMap<LocaleId, T>): LocaleId[] {
  return [...translations.keys()];
}
