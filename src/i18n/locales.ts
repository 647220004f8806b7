/**
 * The languages this product publishes in, as written in `locales/languages.yaml` (the one list,
 * checked by ./language-schema.ts). Read once, when this module is first loaded.
 *
 * Everything else — Astro's i18n config, routes, the language switcher, UI strings, print, tests —
 * derives from this module. Adding a language means an entry in the languages file (plus its UI
 * strings in `locales/<id>/`), nothing else: `npm run new -- locale <id>` writes both.
 */
import { LanguagesError, readLanguagesFile, type FontFamily, type FontId, type LocaleDefinition, type LocaleId } from './language-schema.ts';

export type { FontFamily, FontId, LocaleDefinition, LocaleId };

function load() {
  const { data, problems } = readLanguagesFile();
  // Commands check the file first and report without a stack trace (src/cli/languages.ts); here
  // (astro check, vitest) the error's message carries the same report.
  if (!data) throw new LanguagesError(problems);
  return data;
}
const languages = load();

/** Self-hosted font families, by id; each is an @fontsource package with static TrueType-outline files. */
export const fontFamilies: Readonly<Record<FontId, FontFamily>> = Object.freeze(languages.fonts);

/** Every font id in the languages file. */
export const fontIds: readonly FontId[] = Object.freeze(Object.keys(fontFamilies) as FontId[]);

/**
 * Every weight and style the templates use. Each one is loaded as a real font file, because Chromium
 * prints synthetic bold or italic as Type 3 fonts, which print shops reject. A property of the
 * templates, not of a language: it stays here, beside the code that uses it.
 */
export const fontFaces = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
] as const;

/**
 * Every language by id. Indexing it with a LocaleId gives `LocaleDefinition | undefined` (ids are
 * data, not a closed union any more): use `getLocale(id)` for one language.
 */
export const locales: Readonly<Record<LocaleId, LocaleDefinition>> = Object.freeze(languages.languages);

/** All locale ids, in the order the switcher shows them (the order of the languages file). */
export const localeIds: readonly LocaleId[] = Object.freeze(Object.keys(locales) as LocaleId[]);

/** The source language: every translation is made from it, and it is served at `x-default`. */
export const defaultLocale: LocaleId = languages.default;

const known = new Set<string>(localeIds);

export function isLocaleId(value: string): value is LocaleId {
  return known.has(value);
}

/** `value` as a LocaleId, for ids written in code (tests, tools); throws when it is no language of the site. */
export function asLocaleId(value: string): LocaleId {
  if (!isLocaleId(value)) throw new Error(`"${value}" is not a language in locales/languages.yaml (${localeIds.join(', ')}).`);
  return value;
}

export function getLocale(id: LocaleId): LocaleDefinition {
  const locale = locales[id];
  // Only an id made by a cast can miss: every other LocaleId came through isLocaleId or the schema.
  if (!locale) throw new Error(`"${id}" is not a language in locales/languages.yaml (${localeIds.join(', ')}).`);
  return locale;
}

export function isFontId(value: string): value is FontId {
  return Object.hasOwn(fontFamilies, value);
}

/** `value` as a FontId, for fonts named in code (the order sheet's); throws when the languages file has no such font. */
export function asFontId(value: string): FontId {
  if (!isFontId(value)) throw new Error(`"${value}" is not a font in locales/languages.yaml (${fontIds.join(', ')}).`);
  return value;
}

export function getFontFamily(id: FontId): FontFamily {
  const family = fontFamilies[id];
  if (!family) throw new Error(`"${id}" is not a font in locales/languages.yaml (${fontIds.join(', ')}).`);
  return family;
}

/** The locale itself, then its fallbacks: where content for `id` is looked for, in order. */
export function fallbackChain(id: LocaleId): LocaleId[] {
  return [id, ...getLocale(id).fallback];
}

/** The font families a page in this locale needs, text first. */
export function fontsFor(id: LocaleId): FontId[] {
  const { text, heading } = getLocale(id).fonts;
  return [...new Set([...text, ...heading])];
}

/** CSS `font-family` value for a stack of font ids. */
export function fontStack(ids: readonly FontId[]): string {
  return [...ids.map((id) => `'${getFontFamily(id).family}'`), 'sans-serif'].join(', ');
}
