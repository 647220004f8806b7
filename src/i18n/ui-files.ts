/** UI strings for command-line tools and build steps: the same files pages bundle, read from disk. */
import type { Resource } from 'i18next';
import { readUiStrings } from '../translations/records.ts';
import { createTranslations, type Translations } from './translator.ts';

export function readTranslations(localesDir: string): Translations {
  // readUiStrings reads every language's namespaces (and its translation records, unused here).
  return createTranslations(readUiStrings(localesDir).strings as Resource);
}
