/** The site's view of the content collections: translations grouped by article, issues by month. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, isLocaleId, type LocaleId } from '../i18n/locales.ts';

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
