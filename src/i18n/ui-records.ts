/**
 * Which UI strings of a language are translated: the one rule pages, print and the translation
 * status share. A string counts as translated once its translation is recorded in
 * `locales/<id>/translated-from.json` (`npm run translations -- --done <id> <file>`). The strings
 * `npm run new -- locale` seeds from English have no record: pages show the string of the next
 * language in the fallback chain (English), marked as that language, until a translator records theirs.
 */

/** Recorded fingerprints of one language: namespace → key (plural forms as one) → fingerprint. */
export type UiRecord = Readonly<Record<string, Readonly<Record<string, string>>>>;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The key a string is recorded under: plural forms (`count_one`, `count_other`) as one. */
export function recordKey(key: string): string {
  return key.replace(pluralSuffix, '');
}

/** Whether the string at `key` (dotted, e.g. `nav.home`) of `namespace` has a recorded translation. */
export function isRecorded(record: UiRecord | undefined, namespace: string, key: string): boolean {
  return Object.hasOwn(record?.[namespace] ?? {}, recordKey(key));
}

/** A namespace's strings without those that have no recorded translation (nested objects kept nested). */
export function recordedStrings(tree: unknown, namespace: string, record: UiRecord | undefined, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!tree || typeof tree !== 'object') return out;
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      if (isRecorded(record, namespace, path)) out[key] = value;
    } else if (value && typeof value === 'object') {
      const inner = recordedStrings(value, namespace, record, path);
      if (Object.keys(inner).length) out[key] = inner;
    }
  }
  return out;
}
