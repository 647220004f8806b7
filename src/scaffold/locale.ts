/**
 * `npm run new -- locale <id>`: adds a language. The languages file (locales/languages.yaml) gets
 * an entry (tag, name, fallback to English then the default language, fonts, Intl locale) and, for
 * a script Noto Sans/Serif do not cover, its font; comments and layout of the file stay as they are.
 * UI strings are seeded from English (`seedUiStrings`), with the plural forms of the new language.
 */
import { isMap, isScalar, parseDocument, visit, type Document, type YAMLMap } from 'yaml';
import { formatProblem, type ContentProblem } from '../content/problems.ts';
import { languagesFile, readLanguages, type LineBreakKind } from '../i18n/language-schema.ts';
import { ScaffoldError } from './templates.ts';

export interface NewLocale {
  id: string;
  tag: string;
  name: string;
  intl: string;
  /** How its lines break: Thai, Lao and Khmer write words without spaces (`dictionary`). */
  lineBreak: LineBreakKind;
  /** A font family to add for the script (an @fontsource package), if Noto Sans/Serif do not cover it. */
  font?: { id: string; family: string; package: string };
}

/** Languages the provincial guidance names, and a few neighbours; others are added by hand. */
export const knownLocales: Record<string, NewLocale> = {
  lo: { id: 'lo', tag: 'lo', name: 'ລາວ', intl: 'lo-LA', lineBreak: 'dictionary', font: { id: 'noto-sans-lao', family: 'Noto Sans Lao', package: '@fontsource/noto-sans-lao' } },
  km: { id: 'km', tag: 'km', name: 'ខ្មែរ', intl: 'km-KH', lineBreak: 'dictionary', font: { id: 'noto-sans-khmer', family: 'Noto Sans Khmer', package: '@fontsource/noto-sans-khmer' } },
  th: { id: 'th', tag: 'th', name: 'ไทย', intl: 'th-TH', lineBreak: 'dictionary', font: { id: 'noto-sans-thai', family: 'Noto Sans Thai', package: '@fontsource/noto-sans-thai' } },
  fr: { id: 'fr', tag: 'fr', name: 'Français', intl: 'fr-FR', lineBreak: 'latin' },
  de: { id: 'de', tag: 'de', name: 'Deutsch', intl: 'de-DE', lineBreak: 'latin' },
};

/** A language this command knows, or an error that says which ones it does. */
export function knownLocale(id: string): NewLocale {
  const locale = Object.hasOwn(knownLocales, id) ? knownLocales[id] : undefined;
  if (!locale) {
    throw new ScaffoldError(
      `"${id}" is not a language this command knows (${Object.keys(knownLocales).join(', ')}). Add it to ${languagesFile} by hand, following the entries there.`,
    );
  }
  return locale;
}

// The layout the languages file is written in: `[a, b]` lists, single quotes, no folding.
const layout = { flowCollectionPadding: false, singleQuote: true, lineWidth: 0 } as const;

/**
 * The languages file's text with the known language `id` added after the others (and its script's
 * font after the other fonts). Refuses an unknown id, a language already there, and a file that
 * does not pass its check before or after the change.
 */
export function addLocaleToLanguages(text: string, id: string): string {
  const locale = knownLocale(id);
  const before = readLanguages(text);
  if (!before.data) throw notValid(before.problems, 'fix it first');
  const { data } = before;
  if (Object.hasOwn(data.languages, locale.id)) throw new ScaffoldError(`The language "${locale.id}" already exists in ${languagesFile}.`);

  const doc = parseDocument(text);
  const languages = doc.get('languages', true);
  const fonts = doc.get('fonts', true);
  if (!isMap(languages) || !isMap(fonts)) throw new ScaffoldError(`${languagesFile} has no "languages" and "fonts" maps; add the language there by hand.`);

  // Missing pages and strings come from English where there is English, then from the source language.
  const fallback = data.default !== 'en' && Object.hasOwn(data.languages, 'en') ? ['en', data.default] : [data.default];
  // The source language's fonts; a script of its own is drawn by its font, with the sans for Latin text.
  const source = data.languages[data.default]!.fonts;
  const script = locale.font && [locale.font.id, ...source.heading];
  append(doc, languages, locale.id, {
    tag: locale.tag,
    name: locale.name,
    dir: 'ltr',
    fallback,
    fonts: { text: script ?? source.text, heading: script ?? source.heading },
    intl: locale.intl,
    lineBreak: locale.lineBreak,
  });
  if (locale.font && !Object.hasOwn(data.fonts, locale.font.id)) {
    append(doc, fonts, locale.font.id, { family: locale.font.family, package: locale.font.package, subsets: 'all' });
  }

  const out = doc.toString(layout);
  const after = readLanguages(out);
  if (!after.data) throw notValid(after.problems, 'the new entry does not fit it; add the language by hand');
  return out;
}

/** Adds `key: value` at the end of `map`, laid out like the entries before it. */
function append(doc: Document, map: YAMLMap, key: string, value: object) {
  const keyNode = doc.createNode(key);
  // A blank line between entries where the file has them.
  keyNode.spaceBefore = map.items.slice(1).some((pair) => isScalar(pair.key) && pair.key.spaceBefore);
  const valueNode = doc.createNode(value, { aliasDuplicateObjects: false });
  visit(valueNode, {
    Seq(_, seq) {
      seq.flow = true;
    },
  });
  map.add(doc.createPair(keyNode, valueNode));
}

function notValid(problems: readonly ContentProblem[], what: string): ScaffoldError {
  return new ScaffoldError(`${languagesFile} does not pass its check (${what}):\n\n${problems.map(formatProblem).join('\n\n')}`);
}

const pluralKey = /^(.*)_(zero|one|two|few|many|other)$/;

/**
 * English UI strings as the starting strings of a language whose Intl locale is `intl`: the same
 * keys, but each plural key in that language's forms (French needs `_many`, Lao only `_other`),
 * taken from the English form of the same name, or from `_other`.
 */
export function seedUiStrings(english: unknown, intl: string): unknown {
  const categories = new Intl.PluralRules(intl).resolvedOptions().pluralCategories;
  const seed = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const entries = Object.entries(value);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of entries) {
      const plural = pluralKey.exec(key);
      if (!plural) {
        out[key] = seed(inner);
        continue;
      }
      const base = plural[1]!;
      if (categories.some((c) => `${base}_${c}` in out)) continue;
      const forms = Object.fromEntries(entries.filter(([k]) => pluralKey.exec(k)?.[1] === base).map(([k, v]) => [pluralKey.exec(k)![2]!, v]));
      for (const category of categories) out[`${base}_${category}`] = forms[category] ?? forms.other;
    }
    return out;
  };
  return seed(english);
}

/** What adding a language writes: the languages file's new text and the seeded UI string files. */
export interface LocalePlan {
  locale: NewLocale;
  /** The languages file as it will be. */
  languages: string;
  /** The UI string files, relative to locales/: `<id>/<namespace>.json` and an empty record file. */
  files: Record<string, string>;
}

/**
 * Everything `new -- locale <id>` and the studio's language form write, before anything is written:
 * the languages file with the entry added (see addLocaleToLanguages), and the language's UI strings
 * seeded from English (`english(namespace)`), with an empty record file, so every string shows as not
 * yet translated until someone translates it. Whether the script's font is installed is the caller's.
 */
export function planNewLocale(languagesText: string, id: string, namespaces: readonly string[], english: (namespace: string) => unknown, recordFile: string): LocalePlan {
  const locale = knownLocale(id);
  const languages = addLocaleToLanguages(languagesText, locale.id);
  const files: Record<string, string> = {};
  for (const namespace of namespaces) files[`${locale.id}/${namespace}.json`] = `${JSON.stringify(seedUiStrings(english(namespace), locale.intl), null, 2)}\n`;
  files[`${locale.id}/${recordFile}`] = '{}\n';
  return { locale, languages, files };
}
