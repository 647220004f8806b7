/**
 * `npm run new -- locale <id>`: adds a language. The locale module gets an entry (tag, name,
 * fallback to English then Vietnamese, fonts, Intl locale), and UI strings are seeded from English,
 * recorded as not yet translated. Known languages carry their own script's font.
 */
import { ScaffoldError } from './templates.ts';

export interface NewLocale {
  id: string;
  tag: string;
  name: string;
  intl: string;
  /** A font family to add for the script (an @fontsource package), if Noto Sans/Serif do not cover it. */
  font?: { id: string; family: string; package: string };
}

/** Languages the provincial guidance names, and a few neighbours; others are added by hand. */
export const knownLocales: Record<string, NewLocale> = {
  lo: { id: 'lo', tag: 'lo', name: 'ລາວ', intl: 'lo-LA', font: { id: 'noto-sans-lao', family: 'Noto Sans Lao', package: '@fontsource/noto-sans-lao' } },
  km: { id: 'km', tag: 'km', name: 'ខ្មែរ', intl: 'km-KH', font: { id: 'noto-sans-khmer', family: 'Noto Sans Khmer', package: '@fontsource/noto-sans-khmer' } },
  th: { id: 'th', tag: 'th', name: 'ไทย', intl: 'th-TH', font: { id: 'noto-sans-thai', family: 'Noto Sans Thai', package: '@fontsource/noto-sans-thai' } },
  fr: { id: 'fr', tag: 'fr', name: 'Français', intl: 'fr-FR' },
  de: { id: 'de', tag: 'de', name: 'Deutsch', intl: 'de-DE' },
};

const idsLine = /^export const localeIds = \[(.*)\] as const;$/m;
const localesEnd = /^};\n(?![\s\S]*^};\n)/m;
const familiesEnd = /^} as const satisfies Record<string, FontFamily>;$/m;

/** The locale module's source with `locale` added. */
export function addLocaleToModule(source: string, locale: NewLocale): string {
  const ids = idsLine.exec(source);
  if (!ids || !localesEnd.test(source) || !familiesEnd.test(source)) {
    throw new ScaffoldError('src/i18n/locales.ts does not have the shape this command edits; add the language there by hand.');
  }
  if (ids[1]!.split(',').some((id) => id.trim() === `'${locale.id}'`)) throw new ScaffoldError(`The language "${locale.id}" already exists.`);
  const fonts = locale.font ? `['${locale.font.id}', 'noto-sans']` : undefined;
  const entry = [
    `  ${locale.id}: {`,
    `    tag: '${locale.tag}',`,
    `    name: '${locale.name}',`,
    `    dir: 'ltr',`,
    `    fallback: ['en', 'vi'],`,
    `    fonts: { text: ${fonts ?? "['noto-serif']"}, heading: ${fonts ?? "['noto-sans']"} },`,
    `    intl: '${locale.intl}',`,
    `    lineBreak: 'latin',`,
    `  },`,
    '',
  ].join('\n');
  let out = source.replace(idsLine, `export const localeIds = [${ids[1]}, '${locale.id}'] as const;`);
  out = out.replace(localesEnd, `${entry}};\n`);
  if (locale.font && !out.includes(`'${locale.font.id}':`)) {
    out = out.replace(
      familiesEnd,
      `  '${locale.font.id}': { family: '${locale.font.family}', package: '${locale.font.package}', subsets: 'all' },\n} as const satisfies Record<string, FontFamily>;`,
    );
  }
  return out;
}
