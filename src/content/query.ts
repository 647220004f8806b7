/** The site's view of the content collections: translations grouped by article, issues by month. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, isLocaleId, type LocaleId } from '../i18n/locales.ts';
import type { BookletData, EditionData, ProjectSourceData } from './schema.ts';
import { printPlan, type PlannedPdf } from '../publications/print-plan.ts';
import type { ItemKind, StatusRow } from '../translations/status.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type BulletinEntry = CollectionEntry<'bulletins'>;
export type ForewordEntry = CollectionEntry<'forewords'>;
export type Translations<Entry> = Map<LocaleId, Entry>;

/** `tan-cuong-tea/en` → slug and locale. The content check has vetted the locale already. */
export function splitTranslationId(id: string): { slug: string; locale: LocaleId } {
  const cut = id.lastIndexOf('/');
  const slug = id.slice(0, cut);
  const locale = id.slice(cut + 1);
  if (!isLocaleId(locale)) throw new Error(`"${id}" is not named after a language of this site.`);
  return { slug, locale };
}

function groupTranslations<Entry extends { id: string }>(entries: Entry[]): Map<string, Translations<Entry>> {
  const grouped = new Map<string, Translations<Entry>>();
  for (const entry of entries) {
    const { slug, locale } = splitTranslationId(entry.id);
    const translations = grouped.get(slug) ?? new Map();
    translations.set(locale, entry);
    grouped.set(slug, translations);
  }
  return grouped;
}

/** Every article with its translations, newest first (by the Vietnamese source's date). */
export async function getArticles(): Promise<Map<string, Translations<ArticleEntry>>> {
  const grouped = groupTranslations(await getCollection('articles'));
  const date = (t: Translations<ArticleEntry>) => t.get(defaultLocale)?.data.date.getTime() ?? 0;
  return new Map([...grouped].sort(([a, ta], [b, tb]) => date(tb) - date(ta) || a.localeCompare(b)));
}

export interface BulletinIssue {
  month: string;
  issue: BulletinEntry;
  forewords: Translations<ForewordEntry>;
}

/** Every bulletin issue with its forewords, newest first. */
export async function getBulletins(): Promise<BulletinIssue[]> {
  const forewords = groupTranslations(await getCollection('forewords'));
  const issues = await getCollection('bulletins');
  return issues
    .map((issue) => ({ month: issue.id, issue, forewords: forewords.get(issue.id) ?? new Map() }))
    .sort((a, b) => b.month.localeCompare(a.month));
}

export type ProjectEntry = CollectionEntry<'projects'>;
export type PublicationTextEntry = CollectionEntry<'bookletTexts'> | CollectionEntry<'editionTexts'>;

export interface Project {
  slug: string;
  /** The facts, from the Vietnamese source: the same in every language. */
  facts: ProjectSourceData;
  translations: Translations<ProjectEntry>;
}

/** Every investment project with its translations, by slug. */
export async function getProjects(): Promise<Map<string, Project>> {
  const projects = new Map<string, Project>();
  for (const [slug, translations] of groupTranslations(await getCollection('projects'))) {
    const source = translations.get(defaultLocale)?.data;
    if (!source || !('sector' in source)) throw new Error(`The project "${slug}" has no Vietnamese source with its facts.`);
    projects.set(slug, { slug, facts: source, translations });
  }
  return projects;
}

export interface Publication<Definition> {
  slug: string;
  definition: Definition;
  texts: Translations<PublicationTextEntry>;
}

function publications<Definition>(definitions: Array<{ id: string; data: Definition }>, texts: PublicationTextEntry[]) {
  const grouped = groupTranslations(texts);
  return definitions
    .map((d) => ({ slug: d.id, definition: d.data, texts: grouped.get(d.id) ?? new Map() }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

export async function getBooklets(): Promise<Array<Publication<BookletData>>> {
  return publications((await getCollection('booklets')) as Array<{ id: string; data: BookletData }>, await getCollection('bookletTexts'));
}

export async function getEditions(): Promise<Array<Publication<EditionData>>> {
  return publications((await getCollection('editions')) as Array<{ id: string; data: EditionData }>, await getCollection('editionTexts'));
}

/** Every PDF the build prints (src/publications/print-plan.ts), from the collections. */
export async function getPrintPlan(): Promise<PlannedPdf[]> {
  const [bulletins, booklets, editions] = await Promise.all([getBulletins(), getBooklets(), getEditions()]);
  return printPlan({
    bulletins: bulletins.map((b) => ({ month: b.month, editions: b.issue.data.editions })),
    booklets: booklets.map((b) => ({ slug: b.slug, editions: b.definition.editions, sections: b.definition.sections })),
    editions: editions.map((e) => ({ slug: e.slug, languages: e.definition.languages })),
  });
}

export interface TranslationStatus {
  rows: StatusRow[];
  /** What would print a translation that is not up to date (src/translations/status.ts). */
  blockers: string[];
}

/** Translation status as the content reader found it (the `translationStatus` collection). */
export async function getTranslationStatus(): Promise<TranslationStatus> {
  const [entry] = await getCollection('translationStatus');
  return (entry?.data ?? { rows: [], blockers: [] }) as TranslationStatus;
}

/** Whether the translation shown was made from an older version of its Vietnamese source. */
export async function isOutdated(kind: ItemKind, slug: string, locale: LocaleId): Promise<boolean> {
  const { rows } = await getTranslationStatus();
  return rows.some((r) => r.kind === kind && r.id === slug && r.locale === locale && r.state === 'outdated');
}
