/**
 * Open Graph and Twitter card tags: what a page looks like when it is shared. Pure, so the rules
 * (which locale, which image, article or website) are tested without a build.
 */
import type { ImageMetadata } from 'astro';
import type { Topic } from '../content/schema.ts';
import { getLocale, localeIds, type LocaleId } from '../i18n/locales.ts';

/** Social cards are drawn at the size every network shows large (1.91:1). */
export const cardSize = { width: 1200, height: 630 } as const;

/** What a page adds to its head beyond title and description (src/components/SeoHead.astro). */
export interface SeoProps {
  /** The article's cover image: shared instead of the generated card. */
  cover?: { src: ImageMetadata; alt: string } | undefined;
  /** Article pages: Open Graph type `article` and an Article in JSON-LD. */
  article?: { published: Date; topic: Topic } | undefined;
}

export interface SocialImage {
  /** Absolute address. */
  url: string;
  width: number;
  height: number;
  alt: string;
  /** MIME type, e.g. `image/png`. */
  type: string;
}

export interface SocialPage {
  title: string;
  description: string;
  /** The canonical address. */
  url: string;
  siteName: string;
  /** The language the page's text is written in. */
  inLanguage: LocaleId;
  /** Other languages the page is written in (real translations, not fallbacks). */
  translations: readonly LocaleId[];
  image: SocialImage;
  article?: { published: Date; section: string };
}

export interface MetaTag {
  /** `property` for Open Graph, `name` for Twitter. */
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/** Open Graph writes locales as language_TERRITORY: `vi_VN`, `zh_CN`. */
export function ogLocale(id: LocaleId): string {
  return getLocale(id).intl.replace('-', '_');
}

export function socialTags(page: SocialPage): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key: `og:${key}`, content });
  const twitter = (key: string, content: string): MetaTag => ({ attribute: 'name', key: `twitter:${key}`, content });
  const alternates = localeIds.filter((id) => id !== page.inLanguage && page.translations.includes(id));
  return [
    og('type', page.article ? 'article' : 'website'),
    og('site_name', page.siteName),
    og('title', page.title),
    og('description', page.description),
    og('url', page.url),
    og('locale', ogLocale(page.inLanguage)),
    ...alternates.map((id) => og('locale:alternate', ogLocale(id))),
    og('image', page.image.url),
    og('image:type', page.image.type),
    og('image:width', String(page.image.width)),
    og('image:height', String(page.image.height)),
    og('image:alt', page.image.alt),
    ...(page.article
      ? [
          { attribute: 'property', key: 'article:published_time', content: page.article.published.toISOString().slice(0, 10) } as const,
          { attribute: 'property', key: 'article:section', content: page.article.section } as const,
        ]
      : []),
    twitter('card', 'summary_large_image'),
    twitter('title', page.title),
    twitter('description', page.description),
    twitter('image', page.image.url),
    twitter('image:alt', page.image.alt),
  ];
}

/**
 * Where the generated social card of a page is served: `/vi/articles/tea/` → `/social/vi/articles/tea.png`,
 * `/vi/404.html` → `/social/vi/404.png`.
 */
export function cardPath(pagePath: string): string {
  const page = pagePath.replace(/(?:\/index)?\.html$/, '').replace(/\/+$/, '');
  if (!page) throw new Error('The root address has no social card of its own; use the default language home page.');
  return `/social${page}.png`;
}

/** The page a card is drawn for (the inverse of cardPath), as `astro dev` serves it. */
export function cardPage(path: string): string | undefined {
  const match = /^\/social(\/.+)\.png$/.exec(path);
  return match ? `${match[1]}/` : undefined;
}
