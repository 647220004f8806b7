/**
 * Web addresses of the site's pages. A page is described once as a function of the locale, so the
 * language switcher and hreflang links can ask for the same page in every other language.
 */
import { localeIds, type LocaleId } from './locales.ts';
import type { Topic } from '../content/schema.ts';
import type { CatalogueFilter } from '../site/catalogue.ts';

export type LocalizedPath = (locale: LocaleId) => string;

export const routes = {
  home: (): LocalizedPath => (l) => `/${l}/`,
  article: (slug: string): LocalizedPath => (l) => `/${l}/articles/${slug}/`,
  topic: (topic: Topic): LocalizedPath => (l) => `/${l}/topics/${topic}/`,
  bulletins: (): LocalizedPath => (l) => `/${l}/bulletins/`,
  bulletin: (month: string): LocalizedPath => (l) => `/${l}/bulletins/${month}/`,
  downloads: (): LocalizedPath => (l) => `/${l}/downloads/`,
  search: (): LocalizedPath => (l) => `/${l}/search/`,
  invest: (): LocalizedPath => (l) => `/${l}/invest/`,
  investProject: (slug: string): LocalizedPath => (l) => `/${l}/invest/${slug}/`,
  // Two segments (`sector/industry`), so a filter never takes a project slug's address.
  investFilter: (filter: CatalogueFilter): LocalizedPath => (l) => `/${l}/invest/${filter.kind}/${filter.value}/`,
};

/** Static paths for a page that exists once per locale. */
export function perLocale<Extra extends Record<string, string>, P extends object>(
  items: ReadonlyArray<{ params: Extra; props: P }> = [{ params: {} as Extra, props: {} as P }],
) {
  return localeIds.flatMap((locale) => items.map(({ params, props }) => ({ params: { ...params, locale }, props: { ...props, locale } })));
}
