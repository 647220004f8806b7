/**
 * The search page's UI strings, handed to its browser script as templates: the script stays small
 * (no i18next in the browser), and plural forms are chosen there with Intl.PluralRules, the same
 * rules i18next uses on the server.
 */
import { getLocale, type LocaleId } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import type { SearchStrings } from './search-text.ts';

const placeholders = { count: '{count}', query: '{query}' };

/**
 * A count that falls into `category` in this language, to make i18next pick that plural form. Small
 * numbers first; some forms only take round millions (French "many": 1 000 000 de résultats).
 */
function sampleCount(rules: Intl.PluralRules, category: Intl.LDMLPluralRule): number | undefined {
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === category) return n;
  for (let n = 1e4; n <= 1e9; n *= 10) if (rules.select(n) === category) return n;
  return undefined;
}

export function searchStrings(locale: LocaleId): SearchStrings {
  const t = useTranslations(locale);
  const intl = getLocale(locale).intl;
  const rules = new Intl.PluralRules(intl);
  const resultCount = { other: '' } as SearchStrings['resultCount'];
  for (const category of rules.resolvedOptions().pluralCategories) {
    const n = sampleCount(rules, category);
    // i18next picks the form from `count` and fills the text from `replace`, leaving placeholders.
    if (n !== undefined) resultCount[category] = t('search.resultCount', { count: n, replace: placeholders });
  }
  return {
    intl,
    loading: t('search.loading'),
    noResults: t('search.noResults', { replace: placeholders }),
    unavailable: t('search.unavailable'),
    resultCount,
  };
}
