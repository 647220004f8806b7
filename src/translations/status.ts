/**
 * Translation status: for every article, project, publication text and UI string, in every
 * language it should exist in, whether the translation is up to date, outdated or missing.
 * Decided by content, not dates: a translation records the fingerprint of the Vietnamese source it
 * was made from (`translatedFrom`), so touching a file or a shallow clone changes nothing. Pure: the
 * content index and UI strings come in, rows come out.
 */
import { createHash } from 'node:crypto';
import type { ContentIndex, Translation } from '../content/check.ts';
import { defaultLocale, getLocale, localeIds, type LocaleId } from '../i18n/locales.ts';
import { flattenStrings, isUntranslated } from '../i18n/ui-records.ts';

export type TranslationState = 'up-to-date' | 'outdated' | 'missing';
export const itemKinds = ['article', 'project', 'foreword', 'booklet', 'edition', 'ui'] as const;
export type ItemKind = (typeof itemKinds)[number];

export interface StatusRow {
  kind: ItemKind;
  /** Slug, month, or `namespace:key` for UI strings. */
  id: string;
  locale: LocaleId;
  state: TranslationState;
  /** Where the translation is (or should be written). */
  file: string;
  /** The Vietnamese source. */
  source: string;
}

/** The fingerprint of a Vietnamese source: the same text always gives the same 12 hex digits. */
export function fingerprint(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trimEnd();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 12);
}

type WithTranslatedFrom = { translatedFrom?: string | undefined };

function rowsFor(
  kind: ItemKind,
  id: string,
  translations: ReadonlyMap<LocaleId, Translation<object>>,
  expected: readonly LocaleId[],
  fileFor: (locale: LocaleId) => string,
): StatusRow[] {
  const source = translations.get(defaultLocale);
  if (!source) return [];
  const current = fingerprint(source.text);
  return expected
    .filter((locale) => locale !== defaultLocale)
    .map((locale) => {
      const translation = translations.get(locale);
      const state: TranslationState = !translation ? 'missing' : (translation.data as WithTranslatedFrom).translatedFrom === current ? 'up-to-date' : 'outdated';
      return { kind, id, locale, state, file: translation?.file ?? fileFor(locale), source: source.file };
    });
}

/** Status of every translated content file. `root` is how the content folder is shown (e.g. `content`). */
export function contentStatus(index: ContentIndex, root: string): StatusRow[] {
  const path = (...parts: string[]) => [root, ...parts].join('/');
  return [
    ...[...index.articles].flatMap(([slug, t]) => rowsFor('article', slug, t, localeIds, (l) => path('articles', slug, `${l}.mdx`))),
    ...[...index.projects].flatMap(([slug, t]) => rowsFor('project', slug, t, localeIds, (l) => path('projects', slug, `${l}.mdx`))),
    ...[...index.bulletins].flatMap(([month, b]) => rowsFor('foreword', month, b.texts, b.data.editions, (l) => path('bulletins', month, `${l}.mdx`))),
    ...[...index.booklets].flatMap(([slug, b]) => rowsFor('booklet', slug, b.texts, b.data.editions, (l) => path('booklets', slug, `${l}.mdx`))),
    ...[...index.editions].flatMap(([slug, e]) => rowsFor('edition', slug, e.texts, e.data.languages, (l) => path('editions', slug, `${l}.mdx`))),
  ];
}

/** UI strings as nested objects per locale and namespace. */
export type UiStrings = Partial<Record<LocaleId, Record<string, unknown>>>;
/** Recorded fingerprints per locale: namespace → key → fingerprint of the Vietnamese string. */
export type UiRecords = Partial<Record<LocaleId, Record<string, Record<string, string>>>>;

export { flattenStrings };

// Plural forms differ by language (Vietnamese has one, English two): compare the base key.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Status of every UI string, by `namespace:key`; plural forms count as one string. */
export function uiStatus(strings: UiStrings, records: UiRecords, root = 'locales'): StatusRow[] {
  const source = strings[defaultLocale] ?? {};
  const rows: StatusRow[] = [];
  for (const [namespace, tree] of Object.entries(source)) {
    const sourceStrings = groupPlurals(flattenStrings(tree));
    for (const locale of localeIds.filter((l) => l !== defaultLocale)) {
      const localeStrings = flattenStrings((strings[locale] ?? {})[namespace]);
      const translated = groupPlurals(localeStrings);
      const fallbacks = getLocale(locale).fallback.map((l) => flattenStrings((strings[l] ?? {})[namespace]));
      const recorded = records[locale]?.[namespace] ?? {};
      for (const [key, text] of sourceStrings) {
        // A string still the copy of its fallback's that `new -- locale` seeded is not translated yet (src/i18n/ui-records.ts).
        const untranslated = isUntranslated(localeStrings, fallbacks, records[locale], namespace, key);
        const state: TranslationState = !translated.has(key) || untranslated ? 'missing' : recorded[key] === fingerprint(text) ? 'up-to-date' : 'outdated';
        rows.push({ kind: 'ui', id: `${namespace}:${key}`, locale, state, file: `${root}/${locale}/${namespace}.json`, source: `${root}/${defaultLocale}/${namespace}.json` });
      }
    }
  }
  return rows;
}

function groupPlurals(strings: Map<string, string>): Map<string, string> {
  const grouped = new Map<string, string>();
  for (const [key, text] of [...strings].sort(([a], [b]) => a.localeCompare(b))) {
    const base = key.replace(pluralSuffix, '');
    grouped.set(base, (grouped.get(base) ?? '') + text);
  }
  return grouped;
}

/** The strings of a UI namespace as the status fingerprints them: by key, plural forms joined. */
export function uiStringsByKey(tree: unknown): Map<string, string> {
  return groupPlurals(flattenStrings(tree));
}

/** Fingerprints to record for a UI file marked as translated: every key the translation has. */
export function uiRecordFor(sourceTree: unknown, translatedTree: unknown): Record<string, string> {
  const translated = uiStringsByKey(translatedTree);
  return Object.fromEntries([...uiStringsByKey(sourceTree)].filter(([key]) => translated.has(key)).map(([key, text]) => [key, fingerprint(text)]));
}

/**
 * Publications due for print whose editions would print a missing or outdated translation: the
 * problems `--strict` fails on.
 */
export function printBlockers(index: ContentIndex, rows: readonly StatusRow[]): string[] {
  const blockers: string[] = [];
  const check = (publication: string, locale: LocaleId, kind: ItemKind, id: string) => {
    const row = rows.find((r) => r.kind === kind && r.id === id && r.locale === locale);
    if (row && row.state !== 'up-to-date') blockers.push(`${publication} (${locale}): ${kind} "${id}" is ${row.state} (${row.file})`);
  };
  for (const [month, b] of index.bulletins) {
    for (const locale of b.data.editions) {
      check(`bulletin ${month}`, locale, 'foreword', month);
      for (const slug of b.data.articles) check(`bulletin ${month}`, locale, 'article', slug);
    }
  }
  for (const [slug, b] of index.booklets) {
    for (const locale of b.data.editions) {
      check(`booklet ${slug}`, locale, 'booklet', slug);
      for (const section of b.data.sections) {
        if (section.kind === 'articles') for (const a of section.articles) check(`booklet ${slug}`, locale, 'article', a);
        if (section.kind === 'projects') for (const p of section.projects) check(`booklet ${slug}`, locale, 'project', p);
      }
    }
  }
  for (const [slug, e] of index.editions) {
    for (const locale of e.data.languages) {
      check(`edition ${slug}`, locale, 'edition', slug);
      for (const a of e.data.articles) check(`edition ${slug}`, locale, 'article', a);
    }
  }
  return [...new Set(blockers)];
}

/** One cell of the status table: the worst state of its rows, and how many rows are in each state. */
export interface StatusCell {
  state: TranslationState;
  counts: Record<TranslationState, number>;
  /** Where the (first) translation is or should be. */
  file: string;
}

const severity: TranslationState[] = ['up-to-date', 'outdated', 'missing'];

/**
 * The status as a table, shared by `npm run translations` and the /status/ page: one line per
 * content item, one per UI namespace (its strings counted together), one cell per language.
 */
export function statusTable(rows: readonly StatusRow[]): Array<{ item: string; cells: Map<LocaleId, StatusCell> }> {
  const items = new Map<string, Map<LocaleId, StatusCell>>();
  for (const row of rows) {
    const item = row.kind === 'ui' ? `ui ${row.id.split(':')[0]}` : `${row.kind} ${row.id}`;
    const cells = items.get(item) ?? new Map<LocaleId, StatusCell>();
    const cell = cells.get(row.locale) ?? { state: 'up-to-date', counts: { 'up-to-date': 0, outdated: 0, missing: 0 }, file: row.file };
    cell.counts[row.state] += 1;
    if (severity.indexOf(row.state) > severity.indexOf(cell.state)) cell.state = row.state;
    cells.set(row.locale, cell);
    items.set(item, cells);
  }
  return [...items].map(([item, cells]) => ({ item, cells }));
}
