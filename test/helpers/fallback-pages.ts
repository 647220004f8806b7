/**
 * The web addresses served by fallback (a page whose text is in another language than its
 * address): they are noindex, and kept out of the sitemap and search. Derived from the content
 * index with the same rules the pages use.
 */
import type { ContentIndex } from '../../src/content/check.ts';
import { resolveTranslation } from '../../src/i18n/fallback.ts';
import { localeIds } from '../../src/i18n/locales.ts';
import { routes } from '../../src/i18n/routes.ts';

export function fallbackPaths(index: ContentIndex): Set<string> {
  const paths = new Set<string>();
  for (const locale of localeIds) {
    for (const [slug, translations] of index.articles) {
      if (resolveTranslation(translations, locale)?.isFallback) paths.add(routes.article(slug)(locale));
    }
    for (const [slug, translations] of index.projects) {
      if (resolveTranslation(translations, locale)?.isFallback) paths.add(routes.investProject(slug)(locale));
    }
    for (const [month, bulletin] of index.bulletins) {
      if (resolveTranslation(bulletin.texts, locale)?.isFallback) paths.add(routes.bulletin(month)(locale));
    }
  }
  return paths;
}
