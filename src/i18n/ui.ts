/**
 * UI strings: `locales/<locale>/<namespace>.json`, read through i18next. Keys are typed from the
 * Vietnamese files (./i18next.d.ts), so a misspelt key fails type checking.
 */
import i18next, { type Resource } from 'i18next';
import { defaultLocale, getLocale, localeIds, type LocaleId } from './locales.ts';
import { uiNamespaces } from './namespaces.ts';

const files = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', { eager: true, import: 'default' });

// locales/<locale>/translated-from.json holds translation records, not strings: only namespaces are loaded.
export { uiNamespaces };

/** UI strings by locale and namespace, as read from `locales/`. */
export function uiResources(): Resource {
  const resources: Resource = {};
  for (const [path, strings] of Object.entries(files)) {
    const [, , locale = '', file = ''] = path.split('/');
    const namespace = file.replace(/\.json$/, '');
    if ((uiNamespaces as readonly string[]).includes(namespace)) (resources[locale] ??= {})[namespace] = strings;
  }
  return resources;
}

const resources = uiResources();
const namespaces = uiNamespaces;
const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: defaultLocale,
  supportedLngs: localeIds,
  // A string missing in a locale comes from the same fallback chain as pages do.
  fallbackLng: { ...Object.fromEntries(localeIds.map((id) => [id, [...getLocale(id).fallback]])), default: [defaultLocale] },
  ns: namespaces,
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
});

type Translate = ReturnType<typeof i18n.getFixedT<typeof namespaces>>;
const translators = new Map<LocaleId, Translate>();

/** The translate function of one locale; `t('print:contents')` reaches other namespaces. */
export function useTranslations(locale: LocaleId): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    const fixed = i18n.getFixedT(locale, namespaces);
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
}

const uiTexts = new Map<LocaleId, string>();

/** Every UI string of `locale`, as one text (each locale has every key: a test checks it). */
export function uiText(locale: LocaleId): string {
  let text = uiTexts.get(locale);
  if (text === undefined) {
    const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);
    text = strings(resources[locale]).join('');
    uiTexts.set(locale, text);
  }
  return text;
}
