/** What the 404 pages link to. */
import type { LocaleId } from '../i18n/locales.ts';

// The search page is another part of the site; the 404 pages link to it once it is there, so a
// build never links to a page it does not have.
const searchPages = import.meta.glob('/src/pages/\\[locale\\]/search{.astro,/index.astro}');

export function searchPath(locale: LocaleId): string | undefined {
  return Object.keys(searchPages).length ? `/${locale}/search/` : undefined;
}
