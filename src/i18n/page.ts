/**
 * What every page says about its languages: hreflang alternates and the language switcher.
 * Pure, so tests can check the rules without a build.
 */
import { defaultLocale, fallbackChain, fontsFor, fontStack, getLocale, localeIds, type LocaleId } from './locales.ts';
import type { LocalizedPath } from './routes.ts';

export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * One alternate per locale that has its own version of the page (a fallback is not a version),
 * plus `x-default` pointing at the source language.
 */
export function alternates(path: LocalizedPath, available: readonly LocaleId[], site: URL | string): Alternate[] {
  const url = (locale: LocaleId) => new URL(path(locale), site).href;
  const own = localeIds.filter((id) => available.includes(id));
  const links = own.map((id) => ({ hreflang: getLocale(id).tag, href: url(id) }));
  if (own.includes(defaultLocale)) links.push({ hreflang: 'x-default', href: url(defaultLocale) });
  return links;
}

export interface LanguageLink {
  locale: LocaleId;
  tag: string;
  name: string;
  href: string;
  current: boolean;
}

/** The switcher: the same page in every language (missing translations are served by fallback). */
export function languageLinks(path: LocalizedPath, current: LocaleId): LanguageLink[] {
  return localeIds.map((id) => ({ locale: id, tag: getLocale(id).tag, name: getLocale(id).name, href: path(id), current: id === current }));
}

/**
 * Every element marked with a language takes that language's font stacks, whatever its ancestors
 * use: a Korean label inside an English text printed in a Korean booklet is drawn by the Korean
 * font, never by a system font (which Chromium would print as Type 3, or as boxes).
 */
export function languageFontRules(): string {
  return localeIds.map((id) => `[lang="${getLocale(id).tag}"]{${languageStyle(id)}}`).join('');
}

/** Font stacks and line breaking of a locale, as CSS custom properties on the element in that language. */
export function languageStyle(locale: LocaleId): string {
  const { fonts } = getLocale(locale);
  return `--font-text: ${fontStack(fonts.text)}; --font-heading: ${fontStack(fonts.heading)};`;
}

/** Font families a page needs: its own language's and those of the languages it may fall back to. */
export function pageFonts(locale: LocaleId) {
  return [...new Set(fallbackChain(locale).flatMap(fontsFor))];
}

/**
 * `lang` and font attributes for text in `shown` placed inside a page or document in `context`:
 * none when they are the same language.
 */
export function languageAttrs(shown: LocaleId, context?: LocaleId): Record<string, string> {
  return shown === context ? {} : { lang: getLocale(shown).tag, style: languageStyle(shown) };
}
