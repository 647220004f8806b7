/**
 * Which UI strings of a language are translated: the one rule pages, print and the translation
 * status share. `npm run new -- locale` seeds a language's strings as copies of the English; a
 * string that is still such a copy (the same text as a language it falls back to) and has no record
 * in `locales/<id>/translated-from.json` is not translated yet. Pages show it as the fallback's
 * string, marked as that language, and the status counts it as missing. Once the translator writes
 * their own words, or records the string with `npm run translations -- --done <id> <file>` (a word
 * that is the same in both languages, "PDF"), it is the language's own.
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

/** A namespace's strings by dotted key (`nav.home`, `search.resultCount_other`). */
export function flattenStrings(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [k, v] of flattenStrings(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

/** The forms of the string at `base` (plural suffix → text; `''` for a string without plural forms). */
function formsOf(strings: ReadonlyMap<string, string>, base: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const [key, text] of strings) if (recordKey(key) === base) forms.set(key.slice(base.length + 1), text);
  return forms;
}

/**
 * Whether a language's string at `base` (plural forms as one) is not translated yet: no record,
 * and every form the same text as a fallback language's form of that name (or its `other`).
 */
export function isUntranslated(
  strings: ReadonlyMap<string, string>,
  fallbacks: ReadonlyArray<ReadonlyMap<string, string>>,
  record: UiRecord | undefined,
  namespace: string,
  base: string,
): boolean {
  if (isRecorded(record, namespace, base)) return false;
  const forms = formsOf(strings, base);
  if (!forms.size) return false;
  return fallbacks.some((fallback) => {
    const theirs = formsOf(fallback, base);
    return [...forms].every(([form, text]) => text === (theirs.get(form) ?? theirs.get('other')));
  });
}

/** A namespace's strings without those not yet translated, nested again. */
export function translatedStrings(
  tree: unknown,
  fallbacks: ReadonlyArray<unknown>,
  record: UiRecord | undefined,
  namespace: string,
): Record<string, unknown> {
  const strings = flattenStrings(tree);
  const theirs = fallbacks.map((f) => flattenStrings(f));
  const out: Record<string, unknown> = {};
  for (const [key, text] of strings) {
    if (isUntranslated(strings, theirs, record, namespace, recordKey(key))) continue;
    const path = key.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = text;
  }
  return out;
}
