/**
 * UI strings through i18next, from resources however they were read: Vite's glob in pages
 * (./ui.ts), the files on disk in command-line tools (./ui-files.ts). Keys are typed from the
 * Vietnamese files (./i18next.d.ts), so a misspelt key fails type checking.
 */
import i18next, { type ParseKeys, type Resource } from 'i18next';
import { defaultLocale, getLocale, localeIds, type LocaleId } from './locales.ts';
import { uiNamespaces } from './namespaces.ts';
import { recordKey, translatedStrings, type UiRecord } from './ui-records.ts';

/** UI strings by locale and namespace, and each language's translation records (./ui-records.ts). */
export interface UiFiles {
  strings: Resource;
  records: Partial<Record<string, UiRecord>>;
}

/** UI strings and records from `locales/<locale>/<namespace>.json` and `translated-from.json` files (path → parsed JSON). */
export function resourcesFromFiles(files: Record<string, unknown>): UiFiles {
  const strings: Resource = {};
  const records: UiFiles['records'] = {};
  for (const [path, content] of Object.entries(files)) {
    const [locale = '', file = ''] = path.split('/').slice(-2);
    const namespace = file.replace(/\.json$/, '');
    if ((uiNamespaces as readonly string[]).includes(namespace)) (strings[locale] ??= {})[namespace] = content as Record<string, unknown>;
    else if (file === 'translated-from.json') records[locale] = content as UiRecord;
  }
  return { strings, records };
}

/**
 * What pages are given: the source language's strings, and of every other language the strings it
 * has translated (./ui-records.ts). i18next takes the others from the fallback chain (English).
 */
function translatedResources({ strings, records }: UiFiles): Resource {
  return Object.fromEntries(
    Object.entries(strings).map(([locale, namespaces]) => {
      if (locale === defaultLocale || !localeIds.includes(locale as LocaleId)) return [locale, namespaces];
      const fallback = getLocale(locale as LocaleId).fallback;
      const translated = Object.entries(namespaces).map(([namespace, tree]) => [
        namespace,
        translatedStrings(tree, fallback.map((l) => strings[l]?.[namespace]), records[locale], namespace),
      ]);
      return [locale, Object.fromEntries(translated)];
    }),
  );
}

/** A UI string's key, `nav.home` or `print:contents`, checked against the Vietnamese files (plural keys without their suffix). */
export type UiKey = ParseKeys<typeof uiNamespaces>;

/** A value put into a UI string: text in the page's language, a number, or text in a language of its own. */
export type UiValue = string | number | { text: string; lang: LocaleId };

/** A piece of a UI string as shown: the string's own words, or a value put into it, each with its language. */
export interface UiPart {
  text: string;
  lang: LocaleId;
}

function createInstance(resources: Resource) {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources,
    lng: defaultLocale,
    supportedLngs: [...localeIds],
    // A string missing in a locale comes from the same fallback chain as pages do.
    fallbackLng: { ...Object.fromEntries(localeIds.map((id) => [id, [...getLocale(id).fallback]])), default: [defaultLocale] },
    ns: uiNamespaces,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18n;
}

declare const instance: ReturnType<typeof createInstance>;
export type Translate = ReturnType<typeof instance.getFixedT<typeof uiNamespaces>>;

export interface Translations {
  /** The translate function of one locale; `t('print:contents')` reaches other namespaces. */
  useTranslations(locale: LocaleId): Translate;
  /** Every UI string pages in `locale` show (its own or its fallback's), as one text. */
  uiText(locale: LocaleId): string;
  /** The language of the string `key` shown in `locale`: its own once translated, else its fallback's. */
  uiLocaleOf(locale: LocaleId, key: string): LocaleId;
  /**
   * The string `key` in `locale` as pieces, each with its language: the string's words in the
   * language they are written in, the values put into it in theirs (`Published {{date}}` with a
   * Khmer date, on a Khmer page still showing the English string).
   */
  uiParts(locale: LocaleId, key: string, values?: Readonly<Record<string, UiValue>>): { lang: LocaleId; parts: UiPart[] };
}

const flattened = new WeakMap<object, Map<string, string>>();

/** A namespace tree's strings by dotted key. */
function flatten(tree: unknown): Map<string, string> {
  if (!tree || typeof tree !== 'object') return new Map();
  let found = flattened.get(tree);
  if (!found) {
    found = new Map();
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') found.set(key, value);
      else for (const [k, v] of flatten(value)) found.set(`${key}.${k}`, v);
    }
    flattened.set(tree, found);
  }
  return found;
}

/** A string at a dotted key of a namespace tree, or one of its plural forms. */
function hasString(tree: unknown, key: string): boolean {
  let node: unknown = tree;
  const path = key.split('.');
  for (const [i, part] of path.entries()) {
    if (!node || typeof node !== 'object') return false;
    const record = node as Record<string, unknown>;
    if (i === path.length - 1) return typeof record[part] === 'string' || Object.keys(record).some((k) => k.startsWith(`${part}_`) && typeof record[k] === 'string');
    node = record[part];
  }
  return false;
}

export function createTranslations(files: UiFiles): Translations {
  const resources = translatedResources(files);
  const i18n = createInstance(resources);
  const where = (key: string) => {
    const at = key.indexOf(':');
    return at < 0 ? { namespace: 'common', path: key } : { namespace: key.slice(0, at), path: key.slice(at + 1) };
  };
  const languageOf = new Map<string, LocaleId>();
  const uiLocaleOf = (locale: LocaleId, key: string): LocaleId => {
    const memo = `${locale}\u0000${key}`;
    let found = languageOf.get(memo);
    if (!found) {
      const { namespace, path } = where(key);
      if (!hasString(resources[defaultLocale]?.[namespace], path)) throw new Error(`"${key}" is no UI string of locales/${defaultLocale}/${namespace}.json.`);
      found = [locale, ...getLocale(locale).fallback].find((l) => hasString(resources[l]?.[namespace], path)) ?? defaultLocale;
      languageOf.set(memo, found);
    }
    return found;
  };
  const translators = new Map<LocaleId, Translate>();
  const uiTexts = new Map<LocaleId, string>();
  const translations: Translations = {
    useTranslations(locale) {
      let translate = translators.get(locale);
      if (!translate) {
        const fixed = i18n.getFixedT(locale, uiNamespaces);
        // Every page asks for the same few dozen strings: each key, with the same options, is looked up once.
        const found = new Map<string, string>();
        // Untyped inside: the typed signature is the one callers see.
        const call = fixed as unknown as (...args: unknown[]) => string;
        translate = ((...args: unknown[]) => {
          const [key, options] = args;
          if (args.length > 2 || typeof key !== 'string') return call(...args);
          const memo = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
          let text = found.get(memo);
          if (text === undefined) {
            text = call(...args);
            found.set(memo, text);
          }
          return text;
        }) as unknown as Translate;
        translators.set(locale, translate);
      }
      return translate;
    },
    uiText(locale) {
      let text = uiTexts.get(locale);
      if (text === undefined) {
        // The strings shown: for each key, every plural form in the language it is shown in.
        const shown: string[] = [];
        for (const [namespace, tree] of Object.entries(resources[defaultLocale] ?? {})) {
          for (const key of new Set([...flatten(tree).keys()].map(recordKey))) {
            const from = flatten(resources[uiLocaleOf(locale, `${namespace}:${key}`)]?.[namespace]);
            for (const [k, v] of from) if (recordKey(k) === key) shown.push(v);
          }
        }
        text = shown.join('');
        uiTexts.set(locale, text);
      }
      return text;
    },
    uiLocaleOf,
    uiParts(locale, key, values = {}) {
      const lang = uiLocaleOf(locale, key);
      const call = translations.useTranslations(locale) as unknown as (key: string, options?: object) => string;
      const entries = Object.entries(values);
      // Each value as a marker that cannot occur in a string; numbers still choose the plural form.
      const replace = Object.fromEntries(entries.map(([name], i) => [name, `\u0001${i}\u0001`]));
      const plain = Object.fromEntries(entries.filter(([, v]) => typeof v !== 'object'));
      const pieces = call(key, entries.length ? { ...plain, replace } : undefined).split(/\u0001(\d+)\u0001/);
      const parts: UiPart[] = [];
      pieces.forEach((piece, i) => {
        if (i % 2 === 0) {
          if (piece) parts.push({ text: piece, lang });
          return;
        }
        const value = entries[Number(piece)]![1];
        parts.push(typeof value === 'object' ? { text: value.text, lang: value.lang } : { text: String(value), lang: locale });
      });
      return { lang, parts };
    },
  };
  return translations;
}
