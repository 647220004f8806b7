/**
 * Assembles one edition of a bulletin: its foreword and articles in the edition's language,
 * falling back along the language chain where a translation is missing. The site's issue page and
 * the print edition both use this, so they list the same articles in the same order.
 */
import { resolveTranslation, type Resolved } from '../i18n/fallback.ts';
import type { LocaleId } from '../i18n/locales.ts';

export interface BulletinEdition<Article, Foreword> {
  locale: LocaleId;
  foreword: Resolved<Foreword> | undefined;
  articles: Array<Resolved<Article> & { slug: string }>;
  /** Articles printed in another language than the edition's: the edition is not ready for print. */
  untranslated: string[];
}

export function assembleBulletinEdition<Article, Foreword>(
  issue: { articles: readonly string[] },
  articles: ReadonlyMap<string, ReadonlyMap<LocaleId, Article>>,
  forewords: ReadonlyMap<LocaleId, Foreword>,
  locale: LocaleId,
): BulletinEdition<Article, Foreword> {
  const resolved = issue.articles.map((slug) => {
    const translation = resolveTranslation(articles.get(slug) ?? new Map(), locale);
    // The content check rejects a bulletin naming a missing article before any build starts.
    if (!translation) throw new Error(`Bulletin names the article "${slug}", which does not exist.`);
    return { slug, ...translation };
  });
  return {
    locale,
    foreword: resolveTranslation(forewords, locale),
    articles: resolved,
    untranslated: resolved.filter((a) => a.isFallback).map((a) => a.slug),
  };
}
