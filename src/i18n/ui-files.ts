/** UI strings for command-line tools and build steps: the same files pages bundle, read from disk. */
import type { Resource } from 'i18next';
import { readUiStrings } from '../translations/records.ts';
import { createTranslations, type Translations } from './translator.ts';

export function readTranslations(localesDir: string): Translations {
  // Every language's namespaces and translation records: strings not yet translated come from the fallback.
  const { strings, records } = readUiStrings(localesDir);
  return createTranslations({ strings: strings as Resource, records });
}
