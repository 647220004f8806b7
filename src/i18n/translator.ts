/**
 * UI strings through i18next, from resources however they were read: Vite's glob in pages
 * (./ui.ts), the files on disk in command-line tools (./ui-files.ts). Keys are typed from the
 * Vietnamese files (./i18next.d.ts), so a misspelt key fails type checking.
 */
import i18next, { type Resource } from 'i18next';
import { defaultLocale, getLocale, localeIds, type LocaleId } from './locales.ts';
import { uiNamespaces } from './namespaces.ts';

/** UI strings by locale and namespace from `locales/<locale>/<namespace>.json` files (path → parsed JSON). */
export function resourcesFromFiles(files: Record<string, unknown>): Resource {
  const resources: Resource = {};
  for (const [path, strings] of Object.entries(files)) {
    const [locale = '', file = ''] = path.split('/').slice(-2);
    const namespace = file.replace(/\.json$/, '');
    // locales/<locale>/translated-from.json holds translation records, not strings: only namespaces are loaded.
    if ((uiNamespaces as readonly string[]).includes(namespace)) (resources[locale] ??= {})[namespace] = strings as Record<string, unknown>;
  }
  return resources;
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
  /** Every UI string of `locale`, as one text (each locale has every key: a test checks it). */
  uiText(locale: LocaleId): string;
}

export function createTranslations(resources: Resource): Translations {
  const i18n = createInstance(resources);
  const translators = new Map<LocaleId, Translate>();
  const uiTexts = new Map<LocaleId, string>();
  return {
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
        const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);
        text = strings(resources[locale]).join('');
        uiTexts.set(locale, text);
      }
      return text;
    },
  };
}
