/** The fixture site as search engines, feed readers and social networks see it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContentFolder } from '../../src/content/read.ts';
import { getLocale, localeIds, type LocaleId } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import { connectChromium } from '../helpers/browser.ts';
import { en, ja, ko, vi, zh } from '../helpers/locales.ts';
import { htmlFiles, readPage as parsePage, resolves } from '../helpers/site.ts';

const site = inject('fixtureSite');
const fixture = checkContentFolder('test/fixtures/site/content', 'content').index;
const siteUrl = 'https://sngv.thainguyen.gov.vn';
const local = (url: string) => url.slice(siteUrl.length);
/** Each built page parsed once: the checks below read a dozen tags of every page, and the site does not change. */
const parsed = new Map<string, ReturnType<typeof parsePage>>();
const readPage = (dir: string, page: string) => {
  let html = parsed.get(page);
  if (!html) parsed.set(page, (html = parsePage(dir, page)));
  return html;
};
const meta = (page: string, key: string) => {
  const html = readPage(site, page);
  return (html.querySelector(`meta[property="${key}"]`) ?? html.querySelector(`meta[name="${key}"]`))?.getAttribute('content');
};
type Node = Record<string, unknown> & { '@type': string };
const jsonLd = (page: string): Node[] => {
  const scripts = readPage(site, page).querySelectorAll('script[type="application/ld+json"]');
  return scripts.flatMap((s) => (JSON.parse(s.textContent) as { '@graph': Node[] })['@graph']);
};
const pagesOf = (locale: LocaleId) => htmlFiles(site, locale).filter((p) => !p.endsWith('404.html'));

describe('RSS feeds', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(() => browser?.close());

  /** Parses a feed with the browser's strict XML parser. */
  async function readFeed(locale: LocaleId) {
    const xml = readFileSync(join(site, locale, 'rss.xml'), 'utf8');
    const page = await browser.newPage();
    try {
      return await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const field = (el: Element, name: string) => el.querySelector(`:scope > ${name}`)?.textContent ?? '';
        const channel = doc.querySelector('rss > channel');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          title: channel ? field(channel, 'title') : '',
          language: channel ? field(channel, 'language') : '',
          items: [...doc.querySelectorAll('item')].map((item) => ({ title: field(item, 'title'), link: field(item, 'link'), pubDate: field(item, 'pubDate') })),
        };
      }, xml);
    } finally {
      await page.close();
    }
  }

  it.each(localeIds)('%s: parses as XML, in its language, with only items written in it', async (locale) => {
    const feed = await readFeed(locale);
    expect(feed.error).toBeNull();
    expect(feed.language).toBe(getLocale(locale).tag);
    expect(feed.title).toBe(useTranslations(locale)('feed.title'));
    // Empty only for a language the fixture has no article or bulletin in (one added with npm run new).
    const written = [...fixture.articles.values()].some((t) => t.has(locale)) || [...fixture.bulletins.values()].some((b) => b.texts.has(locale));
    expect(feed.items.length > 0).toBe(written);
    for (const item of feed.items) {
      expect(item.link.startsWith(`${siteUrl}/${locale}/`), item.link).toBe(true);
      const page = readPage(site, local(item.link));
      // The linked page is written in the feed's language: not a fallback, and its title is the item's.
      expect(page.querySelector('meta[name="robots"]'), item.link).toBeNull();
      expect(page.querySelector('h1')?.text.trim(), item.link).toBe(item.title);
    }
  });

  it('lists articles and bulletin issues with the dates from the content', async () => {
    const viFeed = await readFeed(vi);
    expect(viFeed.items.map((i) => local(i.link))).toEqual(['/vi/articles/alpha/', '/vi/articles/beta/', '/vi/articles/gamma/', '/vi/bulletins/2026-09/', '/vi/articles/pictures/']);
    expect(viFeed.items[0]!.pubDate).toBe('Thu, 10 Sep 2026 00:00:00 GMT');
    expect((await readFeed(en)).items.map((i) => local(i.link))).toEqual(['/en/articles/alpha/', '/en/articles/beta/', '/en/bulletins/2026-09/', '/en/articles/pictures/']);
    // Japanese readers get the one article translated into Japanese, not the fallbacks.
    expect((await readFeed(ja)).items.map((i) => i.title)).toEqual(['アルファ工業団地が拡張']);
  });

  it('is announced in the head of every page of its language', () => {
    for (const locale of localeIds) {
      for (const page of [...pagesOf(locale), `${locale}/404.html`]) {
        const link = readPage(site, page).querySelector('link[rel="alternate"][type="application/rss+xml"]');
        expect(link?.getAttribute('href'), page).toBe(`/${locale}/rss.xml`);
      }
    }
  });
});

describe('social cards and Open Graph', () => {
  it('gives every page title, description, type, canonical url, locale, site name and an image with its size', () => {
    for (const page of [...localeIds.flatMap((l) => htmlFiles(site, l)), 'index.html']) {
      for (const key of ['og:title', 'og:description', 'og:type', 'og:url', 'og:locale', 'og:site_name', 'og:image', 'og:image:width', 'og:image:height', 'twitter:card', 'twitter:image']) {
        expect(meta(page, key), `${page} ${key}`).toBeTruthy();
      }
      expect(meta(page, 'og:url'), page).toBe(readPage(site, page).querySelector('link[rel="canonical"]')?.getAttribute('href'));
      expect(resolves(site, local(meta(page, 'og:image')!)), `${page}: ${meta(page, 'og:image')}`).toBe(true);
    }
  });

  it('draws a 1200×630 card per page, with the size the tags announce', async () => {
    for (const page of ['vi/articles/alpha/', 'ja/articles/alpha/', 'zh/', 'ko/topics/tea/', 'en/bulletins/2026-09/']) {
      const image = meta(page, 'og:image')!;
      expect(image, page).toMatch(new RegExp(`^${siteUrl}/social/.+\\.png$`));
      const { width, height, format } = await sharp(join(site, local(image))).metadata();
      expect([format, width, height, Number(meta(page, 'og:image:width')), Number(meta(page, 'og:image:height'))], page).toEqual(['png', 1200, 630, 1200, 630]);
    }
    expect(meta('vi/articles/alpha/', 'og:image')).not.toBe(meta('ja/articles/alpha/', 'og:image'));
  });

  it('shares the cover of an article that has one, described by its alt text', async () => {
    const image = meta('en/articles/beta/', 'og:image')!;
    expect(image).toMatch(/\.jpe?g$/);
    const { width, height } = await sharp(join(site, local(image))).metadata();
    expect([width, height]).toEqual([Number(meta('en/articles/beta/', 'og:image:width')), Number(meta('en/articles/beta/', 'og:image:height'))]);
    expect(width).toBe(1200);
    expect(meta('en/articles/beta/', 'og:image:alt')).toBe('Green tea hills under the morning sky');
  });

  it('marks articles as articles, in the language of their text, with real translations as alternates', () => {
    expect(meta('ja/articles/alpha/', 'og:type')).toBe('article');
    expect(meta('ja/articles/alpha/', 'og:locale')).toBe('ja_JP');
    const alternates = readPage(site, 'ja/articles/alpha/').querySelectorAll('meta[property="og:locale:alternate"]').map((m) => m.getAttribute('content'));
    // The languages alpha is written in, other than Japanese, as Open Graph writes their Intl locales (vi_VN).
    expect(alternates).toEqual([vi, en, ko, zh].map((id) => getLocale(id).intl.replace('-', '_')));
    // A fallback page shares the original it shows.
    expect(meta('ja/articles/beta/', 'og:url')).toBe(`${siteUrl}/en/articles/beta/`);
    expect(meta('ja/articles/beta/', 'og:locale')).toBe('en_GB');
    expect(meta('vi/topics/tea/', 'og:type')).toBe('website');
  });
});

describe('JSON-LD', () => {
  it('names the department on every page, in the page language', () => {
    for (const locale of localeIds) {
      for (const page of pagesOf(locale)) {
        const org = jsonLd(page).find((n) => n['@type'] === 'GovernmentOrganization');
        expect(org?.name, page).toBe(useTranslations(locale)('site.department'));
        expect(org?.url, page).toBe(`${siteUrl}/${locale}/`);
        expect(org, page).toMatchObject({ address: { addressLocality: 'Thái Nguyên' }, logo: { url: `${siteUrl}/logo.png` } });
      }
    }
    expect(resolves(site, '/logo.png')).toBe(true);
  });

  it.each([vi, ja])('describes the %s article as an Article by the department', (locale) => {
    const page = `${locale}/articles/alpha/`;
    const nodes = jsonLd(page);
    const article = nodes.find((n) => n['@type'] === 'Article');
    const org = nodes.find((n) => n['@type'] === 'GovernmentOrganization')!;
    expect(article).toMatchObject({
      headline: readPage(site, page).querySelector('h1')?.text.trim(),
      inLanguage: getLocale(locale).tag,
      datePublished: '2026-09-10',
      image: meta(page, 'og:image'),
      url: `${siteUrl}/${page}`,
      author: { '@id': org['@id'] },
      publisher: { '@id': org['@id'] },
    });
    if (locale === 'ja') expect(article?.translationOfWork).toEqual({ '@id': `${siteUrl}/vi/articles/alpha/#article` });
    else expect(article?.workTranslation).toHaveLength(4);
    expect(jsonLd('vi/topics/tea/').some((n) => n['@type'] === 'Article')).toBe(false);
  });
});

describe('404 pages', () => {
  it.each(localeIds)('%s: says the page was not found and links home, to the bulletins (and search, when the site has it)', (locale) => {
    const t = useTranslations(locale);
    const page = readPage(site, `${locale}/404.html`);
    expect(page.querySelector('html')?.getAttribute('lang')).toBe(getLocale(locale).tag);
    expect(page.querySelector('h1')?.text).toBe(t('notFound.title'));
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    const links = page.querySelectorAll('.not-found-links a').map((a) => a.getAttribute('href')!);
    expect(links).toEqual(expect.arrayContaining([`/${locale}/`, `/${locale}/bulletins/`]));
    expect(links.includes(`/${locale}/search/`)).toBe(resolves(site, `/${locale}/search/`));
    for (const link of links) expect(resolves(site, link), link).toBe(true);
  });

  it('offers every language at the root 404 page', () => {
    const page = readPage(site, '404.html');
    for (const locale of localeIds) {
      const section = page.querySelector(`section[lang="${getLocale(locale).tag}"]`);
      expect(section?.text, locale).toContain(useTranslations(locale)('notFound.title'));
      expect(section?.querySelector(`a[href="/${locale}/"]`), locale).not.toBeNull();
    }
  });

  it('keeps 404 pages out of the sitemap', () => {
    expect(readFileSync(join(site, 'sitemap-0.xml'), 'utf8')).not.toContain('404');
  });
});

describe('article images', () => {
  it('serves AVIF and WebP in several widths, with width and height, the cover at once and the rest lazily', () => {
    const page = readPage(site, 'en/articles/beta/');
    const pictures = page.querySelectorAll('article picture');
    expect(pictures).toHaveLength(2);
    for (const picture of pictures) {
      expect(picture.querySelectorAll('source').map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
      const img = picture.querySelector('img')!;
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
      for (const source of picture.querySelectorAll('source')) {
        for (const candidate of source.getAttribute('srcset')!.split(', ')) expect(resolves(site, candidate.split(' ')[0]!), candidate).toBe(true);
      }
    }
    const [cover, inline] = pictures;
    expect(cover!.querySelector('source')!.getAttribute('srcset')!.split(', ').length).toBeGreaterThanOrEqual(3);
    expect(cover!.querySelector('img')?.getAttribute('loading')).toBe('eager');
    expect(inline!.querySelector('img')?.getAttribute('loading')).toBe('lazy');
    expect(inline!.querySelector('img')?.getAttribute('alt')).toBe('Tea hills in the morning');
  });

  it('gives every image of every article page width, height and alt text', () => {
    for (const page of localeIds.flatMap((l) => htmlFiles(site, `${l}/articles`))) {
      for (const img of readPage(site, page).querySelectorAll('main img')) {
        expect(img.getAttribute('width'), page).toBeTruthy();
        expect(img.getAttribute('height'), page).toBeTruthy();
        expect(img.getAttribute('alt')?.trim(), page).toBeTruthy();
      }
    }
  });
});
