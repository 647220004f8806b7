/** Whether a translation shown on the site was made from an older version of its Vietnamese source. */
import { readFileSync } from 'node:fs';
import { defaultLocale } from '../i18n/locales.ts';
import { fingerprint } from './status.ts';

interface Entry {
  id: string;
  filePath?: string | undefined;
  data: { translatedFrom?: string | undefined };
}

export function isOutdated(source: Entry | undefined, translation: Entry): boolean {
  if (!source?.filePath || translation.id === source.id || translation.id.endsWith(`/${defaultLocale}`)) return false;
  return translation.data.translatedFrom !== fingerprint(readFileSync(source.filePath, 'utf8'));
}
