/** Whether a translation shown on the site was made from an older version of its Vietnamese source. */
import { readFileSync } from 'node:fs';
import { defaultLocale } from '../i18n/locales.ts';
import { fingerprint } from './status.ts';

interface Entry {
  id: string;
  filePath?: string | undefined;
  /** The content layer's hash of the entry's file, when it has one. */
  digest?: string | number | undefined;
  data: { translatedFrom?: string | undefined };
}

export function isOutdated(source: Entry | undefined, translation: Entry): boolean {
  if (!source?.filePath || translation.id === source.id || translation.id.endsWith(`/${defaultLocale}`)) return false;
  return translation.data.translatedFrom !== sourceFingerprint(source.filePath, source.digest);
}

// Each of a source's translations asks for its fingerprint: read and hashed once per version of the file.
const fingerprints = new Map<string, string>();

function sourceFingerprint(filePath: string, digest: string | number | undefined): string {
  if (digest === undefined) return fingerprint(readFileSync(filePath, 'utf8'));
  const key = `${filePath}\u0000${digest}`;
  let found = fingerprints.get(key);
  if (found === undefined) {
    found = fingerprint(readFileSync(filePath, 'utf8'));
    fingerprints.set(key, found);
  }
  return found;
}
