/**
 * What goes into the RSS feed of each language: articles and bulletin issues written in that
 * language — never a fallback, which a reader of that feed could not read. Dates come from the
 * content, so building twice gives the same feed. Pure: entries in, items out.
 */
import type { Topic } from '../content/schema.ts';
import type { LocaleId } from '../i18n/locales.ts';
import { routes } from '../i18n/routes.ts';

export interface FeedArticle {
  slug: string;
  translations: ReadonlyMap<LocaleId, { title: string; summary: string; date: Date; topic: Topic }>;
}

export interface FeedBulletin {
  month: string;
  number: number;
  /** Articles of the issue, in order. */
  articles: readonly string[];
  /** Languages the issue has a foreword in: its page is written in those. */
  forewords: ReadonlyMap<LocaleId, { title: string }>;
}

/** Words of the feed's language, from the UI strings. */
export interface FeedLabels {
  topic(topic: Topic): string;
  bulletinTitle(number: number, month: string): string;
  /** "In this issue: A, B and C". */
  bulletinContents(titles: readonly string[]): string;
}

export interface FeedItem {
  title: string;
  /** Absolute address. */
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** A bulletin is dated by its month: the first day of it. */
export function bulletinDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

export function feedItems(
  locale: LocaleId,
  content: { articles: readonly FeedArticle[]; bulletins: readonly FeedBulletin[] },
  site: URL | string,
  labels: FeedLabels,
): FeedItem[] {
  const url = (path: string) => new URL(path, site).href;
  const articles = content.articles.flatMap(({ slug, translations }) => {
    const own = translations.get(locale);
    if (!own) return [];
    return [{ title: own.title, link: url(routes.article(slug)(locale)), pubDate: own.date, description: own.summary, categories: [labels.topic(own.topic)] }];
  });
  const titles = new Map(content.articles.map((a) => [a.slug, a.translations.get(locale)?.title]));
  const bulletins = content.bulletins.flatMap((bulletin) => {
    const foreword = bulletin.forewords.get(locale);
    if (!foreword) return [];
    const inIssue = bulletin.articles.map((slug) => titles.get(slug)).filter((t): t is string => t !== undefined);
    return [
      {
        title: labels.bulletinTitle(bulletin.number, bulletin.month),
        link: url(routes.bulletin(bulletin.month)(locale)),
        pubDate: bulletinDate(bulletin.month),
        description: inIssue.length ? labels.bulletinContents(inIssue) : foreword.title,
        categories: [],
      },
    ];
  });
  return [...articles, ...bulletins].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link));
}

/** Where the feed of a language is served. */
export function feedPath(locale: LocaleId): string {
  return `/${locale}/rss.xml`;
}
