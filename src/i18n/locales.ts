/**
 * The one source of truth for the languages this product publishes in.
 *
 * Everything else — Astro's i18n config, routes, the language switcher, UI strings, print, tests —
 * derives from this module. Adding a language means adding an entry here (plus its UI strings in
 * `locales/<id>/`), nothing else.
 */

/** Self-hosted font families; each is an @fontsource package with static TrueType-outline files. */
export const fontFamilies = {
  'noto-sans': { family: 'Noto Sans', package: '@fontsource/noto-sans', subsets: ['latin', 'latin-ext', 'vietnamese'] },
  'noto-serif': { family: 'Noto Serif', package: '@fontsource/noto-serif', subsets: ['latin', 'latin-ext', 'vietnamese'] },
  'noto-sans-jp': { family: 'Noto Sans JP', package: '@fontsource/noto-sans-jp', subsets: 'all' },
  'noto-sans-kr': { family: 'Noto Sans KR', package: '@fontsource/noto-sans-kr', subsets: 'all' },
  'noto-sans-sc': { family: 'Noto Sans SC', package: '@fontsource/noto-sans-sc', subsets: 'all' },
} as const satisfies Record<string, FontFamily>;

export interface FontFamily {
  family: string;
  package: string;
  /** Which of the package's unicode-range subsets to serve; `all` for CJK, which is split in ~100 slices. */
  subsets: readonly string[] | 'all';
}

export type FontId = keyof typeof fontFamilies;

/**
 * Every weight and style the templates use. Each one is loaded as a real font file, because Chromium
 * prints synthetic bold or italic as Type 3 fonts, which print shops reject.
 */
export const fontFaces = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
] as const;

export interface LocaleDefinition {
  /** BCP 47 tag written into `lang` attributes. */
  tag: string;
  /** The language's name in that language, for the switcher. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Where a missing page or string is taken from, in order. The default locale has none. */
  fallback: readonly LocaleId[];
  /** Font stacks; the first family that has a glyph draws it. */
  fonts: { text: readonly FontId[]; heading: readonly FontId[] };
  /** Locale handed to Intl for dates and numbers. */
  intl: string;
  /**
   * How lines may break: CJK text breaks between characters with strict kinsoku rules; Korean
   * breaks between words like Latin text.
   */
  lineBreak: 'latin' | 'cjk' | 'korean';
}

/** All locale ids, default first, in the order the switcher shows them. */
export const localeIds = ['vi', 'en', 'ja', 'ko', 'zh'] as const;

export type LocaleId = (typeof localeIds)[number];

// Typed as a Record over LocaleId, so an id without a definition (or the reverse) fails type checking.
export const locales: Readonly<Record<LocaleId, LocaleDefinition>> = {
  vi: {
    tag: 'vi',
    name: 'Tiếng Việt',
    dir: 'ltr',
    fallback: [],
    fonts: { text: ['noto-serif'], heading: ['noto-sans'] },
    intl: 'vi-VN',
    lineBreak: 'latin',
  },
  en: {
    tag: 'en',
    name: 'English',
    dir: 'ltr',
    fallback: ['vi'],
    fonts: { text: ['noto-serif'], heading: ['noto-sans'] },
    intl: 'en-GB',
    lineBreak: 'latin',
  },
  ja: {
    tag: 'ja',
    name: '日本語',
    dir: 'ltr',
    fallback: ['en', 'vi'],
    fonts: { text: ['noto-sans-jp'], heading: ['noto-sans-jp'] },
    intl: 'ja-JP',
    lineBreak: 'cjk',
  },
  ko: {
    tag: 'ko',
    name: '한국어',
    dir: 'ltr',
    fallback: ['en', 'vi'],
    fonts: { text: ['noto-sans-kr'], heading: ['noto-sans-kr'] },
    intl: 'ko-KR',
    lineBreak: 'korean',
  },
  zh: {
    tag: 'zh-Hans',
    name: '简体中文',
    dir: 'ltr',
    fallback: ['en', 'vi'],
    fonts: { text: ['noto-sans-sc'], heading: ['noto-sans-sc'] },
    intl: 'zh-CN',
    lineBreak: 'cjk',
  },
};

/** The source language: every translation is made from it, and it is served at `x-default`. */
export const defaultLocale: LocaleId = 'vi';

export function isLocaleId(value: string): value is LocaleId {
  return (localeIds as readonly string[]).includes(value);
}

export function getLocale(id: LocaleId): LocaleDefinition {
  return locales[id];
}

/** The locale itself, then its fallbacks: where content for `id` is looked for, in order. */
export function fallbackChain(id: LocaleId): LocaleId[] {
  return [id, ...locales[id].fallback];
}

/** The font families a page in this locale needs, text first. */
export function fontsFor(id: LocaleId): FontId[] {
  const { text, heading } = locales[id].fonts;
  return [...new Set([...text, ...heading])];
}

/** CSS `font-family` value for a stack of font ids. */
export function fontStack(ids: readonly FontId[]): string {
  return [...ids.map((id) => `'${fontFamilies[id].family}'`), 'sans-serif'].join(', ');
}
