/**
 * JSON-LD (schema.org) for search engines: the department as publisher and the site on every page,
 * an Article on article pages. Pure: the page hands in its words and addresses.
 */
import { defaultLocale, getLocale, locales, type LocaleId } from '../i18n/locales.ts';
import { department } from './department.ts';

type Node = Record<string, unknown>;

export interface SiteContext {
  /** The site's origin, e.g. `https://sngv.thainguyen.gov.vn/`. */
  site: URL | string;
  /** The language the page is written for. */
  locale: LocaleId;
  /** The department's name in that language. */
  organizationName: string;
  /** The site's name in that language. */
  siteName: string;
  /** Absolute address of the site's home page in that language. */
  homeUrl: string;
}

export interface ArticleFacts {
  /** Canonical address of the page. */
  url: string;
  headline: string;
  description: string;
  published: Date;
  /** The language the text is written in (a fallback page shows another language than its address). */
  inLanguage: LocaleId;
  /** Absolute address of the page's image (cover or social card). */
  image: string;
  /** Topic name, in the page's language. */
  section: string;
  /** Canonical addresses of the article in every language it is written in. */
  translations: Partial<Record<LocaleId, string>>;
}

/** The department is one organisation whatever the language: one id for all pages. */
export function organizationId(site: URL | string): string {
  return new URL('/#organization', site).href;
}

export function organization(context: SiteContext): Node {
  return {
    '@type': 'GovernmentOrganization',
    '@id': organizationId(context.site),
    name: context.organizationName,
    url: context.homeUrl,
    logo: { '@type': 'ImageObject', url: new URL(department.logo.path, context.site).href, width: department.logo.size, height: department.logo.size },
    address: { '@type': 'PostalAddress', ...department.address },
    contactPoint: {
      '@type': 'ContactPoint',
      contactType: 'public relations',
      telephone: department.telephone,
      email: department.email,
      availableLanguage: Object.values(locales).map((l) => l.tag),
    },
  };
}

/** The site in one language, published by the department. */
export function website(context: SiteContext): Node {
  return {
    '@type': 'WebSite',
    '@id': `${context.homeUrl}#website`,
    url: context.homeUrl,
    name: context.siteName,
    inLanguage: getLocale(context.locale).tag,
    publisher: { '@id': organizationId(context.site) },
  };
}

export function article(context: SiteContext, facts: ArticleFacts): Node {
  const source = facts.translations[defaultLocale];
  const isTranslation = facts.inLanguage !== defaultLocale && source !== undefined;
  const translations = Object.entries(facts.translations).filter(([id]) => id !== defaultLocale).map(([, url]) => ({ '@id': `${url}#article` }));
  return {
    '@type': 'Article',
    '@id': `${facts.url}#article`,
    url: facts.url,
    mainEntityOfPage: facts.url,
    headline: facts.headline,
    description: facts.description,
    datePublished: facts.published.toISOString().slice(0, 10),
    inLanguage: getLocale(facts.inLanguage).tag,
    articleSection: facts.section,
    image: facts.image,
    author: { '@id': organizationId(context.site) },
    publisher: { '@id': organizationId(context.site) },
    isPartOf: { '@id': `${context.homeUrl}#website` },
    // Translations point to the Vietnamese original, the original lists its translations.
    ...(isTranslation ? { translationOfWork: { '@id': `${source}#article` } } : {}),
    ...(facts.inLanguage === defaultLocale && translations.length ? { workTranslation: translations } : {}),
  };
}

/** One JSON-LD document holding every node of the page. */
export function graph(nodes: Node[]): Node {
  return { '@context': 'https://schema.org', '@graph': nodes };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` are written as
 * \u escapes, so no text from content (a title with `</script>` in it) can end the element early;
 * U+2028/2029 likewise, for older JavaScript parsers. The JSON value is unchanged.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
