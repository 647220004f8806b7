/** The fixture site as readers and crawlers meet it: languages, links, fallback. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { asLocaleId, defaultLocale, getLocale, localeIds, type LocaleId } from '../../src/i18n/locales.ts';
import { htmlFiles, readPage, resolves } from '../helpers/site.ts';

const site = inject('fixtureSite');
const siteUrl = 'https://sngv.thainguyen.gov.vn';

describe('fixture site', () => {
  let pages: string[];
  beforeAll(() => {
    pages = localeIds.flatMap((id) => htmlFiles(site, id));
  });

  it('builds every page in every language', () => {
    for (const id of localeIds) {
      for (const page of ['', 'articles/alpha/', 'articles/beta/', 'articles/gamma/', 'topics/tea/', 'bulletins/', 'bulletins/2026-09/']) {
        expect(resolves(site, `/${id}/${page}`), `/${id}/${page}`).toBe(true);
      }
    }
    expect(pages.length).toBeGreaterThanOrEqual(50);
  });

  it("marks each page with its locale folder's language", () => {
    for (const page of pages) {
      const folder = asLocaleId(page.split('/')[0] ?? '');
      expect(readPage(site, page).querySelector('html')?.getAttribute('lang'), page).toBe(getLocale(folder).tag);
    }
  });

  it('resolves every hreflang alternate and internal link', () => {
    const broken: string[] = [];
    for (const page of [...pages, 'index.html']) {
      const html = readPage(site, page);
      for (const link of html.querySelectorAll('link[rel="alternate"][hreflang]')) {
        const href = link.getAttribute('href') ?? '';
        if (!href.startsWith(siteUrl) || !resolves(site, href.slice(siteUrl.length))) broken.push(`${page}: hreflang ${href}`);
      }
      for (const a of html.querySelectorAll('a[href^="/"]')) {
        const href = a.getAttribute('href')!;
        if (!resolves(site, href)) broken.push(`${page}: link ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('offers hreflang only for real translations, with x-default on the Vietnamese page', () => {
    const hreflangs = (page: string) => readPage(site, page).querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute('hreflang'));
    expect(hreflangs('vi/articles/alpha/')).toEqual(['vi', 'en', 'ja', 'ko', 'zh-Hans', 'x-default']);
    expect(hreflangs('ja/articles/beta/')).toEqual(['vi', 'en', 'x-default']);
  });

  it('serves a missing translation by fallback, with a notice in the reader language, lang on the text, and noindex', () => {
    const page = readPage(site, 'ja/articles/beta/');
    const notice = page.querySelector('.fallback-notice');
    expect(notice?.text).toContain('日本語');
    expect(notice?.text).toContain('English');
    expect(page.querySelector('article')?.getAttribute('lang')).toBe('en');
    expect(page.querySelector('article h1')?.text).toBe('The Beta tea season');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');

    const viOnly = readPage(site, 'zh/articles/gamma/');
    expect(viOnly.querySelector('.fallback-notice')?.text).toContain('Tiếng Việt');
    expect(viOnly.querySelector('article')?.getAttribute('lang')).toBe('vi');
  });

  it('points the canonical of a fallback page to the original it shows', () => {
    const canonical = (page: string) => readPage(site, page).querySelector('link[rel="canonical"]')?.getAttribute('href');
    expect(canonical('ja/articles/beta/')).toBe(`${siteUrl}/en/articles/beta/`);
    expect(canonical('en/articles/gamma/')).toBe(`${siteUrl}/vi/articles/gamma/`);
    expect(canonical('ja/articles/alpha/')).toBe(`${siteUrl}/ja/articles/alpha/`);
  });

  it('notes discreetly when a translation was made from an older version of the original', () => {
    expect(readPage(site, 'zh/articles/alpha/').querySelector('.outdated-note')?.text).toContain('越南语原文');
    expect(readPage(site, 'ja/articles/alpha/').querySelector('.outdated-note')).toBeNull();
    expect(readPage(site, 'vi/articles/alpha/').querySelector('.outdated-note')).toBeNull();
  });

  it('shows no notice and no noindex on a real translation', () => {
    for (const page of ['ja/articles/alpha/', 'vi/articles/gamma/', 'en/articles/beta/']) {
      const html = readPage(site, page);
      expect(html.querySelector('.fallback-notice'), page).toBeNull();
      expect(html.querySelector('meta[name="robots"]'), page).toBeNull();
      expect(html.querySelector('article')?.getAttribute('lang'), page).toBeUndefined();
    }
  });

  it('switches language to the same page', () => {
    const switcher = readPage(site, 'ko/articles/beta/').querySelectorAll('.language-switcher a').map((a) => a.getAttribute('href'));
    expect(switcher).toEqual(localeIds.filter((id) => id !== 'ko').map((id) => `/${id}/articles/beta/`));
  });

  it('sends / to the Vietnamese site and offers the other languages', () => {
    const root = readPage(site, 'index.html');
    expect(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/vi/');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(localeIds.map((id) => `/${id}/`));
  });

  it('keeps the spaces between words around inline formatting', () => {
    const text = readPage(site, 'vi/articles/beta/').querySelector('.prose')?.text ?? '';
    expect(text).toContain('Chè được hái vào buổi sáng sớm, sao bằng tay');
  });

  it('links the PDF of each bulletin edition from the issue page', () => {
    const links = readPage(site, 'en/bulletins/2026-09/').querySelectorAll('.downloads a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/print/bulletin-2026-09-vi.pdf', '/print/bulletin-2026-09-en.pdf']);
    for (const link of links) expect(readFileSync(join(site, link!)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('translation status page', () => {
  it('lists every item per language, is not indexed, and names publications not ready for print', () => {
    const page = readPage(site, 'status/');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
    // One column per translation language; a language the fixture has no text in shows "missing".
    const states = (known: Record<string, string>) => localeIds.filter((id) => id !== defaultLocale).map((id: LocaleId) => known[id] ?? 'missing');
    const row = page.querySelectorAll('tbody tr').find((tr) => tr.querySelector('th')?.text === 'article gamma');
    expect(row?.querySelectorAll('td').map((td) => td.getAttribute('class'))).toEqual(states({}));
    const alpha = page.querySelectorAll('tbody tr').find((tr) => tr.querySelector('th')?.text === 'article alpha');
    expect(alpha?.querySelectorAll('td').map((td) => td.getAttribute('class'))).toEqual(states({ en: 'up-to-date', ja: 'up-to-date', ko: 'up-to-date', zh: 'outdated' }));
    expect(page.text).toContain('bulletin 2026-09 (en): article "gamma" is missing');
  });
});

describe('sitemap', () => {
  const xml = () => readFileSync(join(site, 'sitemap-0.xml'), 'utf8');
  const locs = () => [...xml().matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(siteUrl.length));

  it('lists every real translation, with its language alternates', () => {
    expect(locs()).toEqual(expect.arrayContaining(['/vi/articles/alpha/', '/ja/articles/alpha/', '/en/articles/beta/', '/vi/articles/gamma/']));
    expect(xml()).toContain(`<xhtml:link rel="alternate" hreflang="zh-Hans" href="${siteUrl}/zh/articles/alpha/"/>`);
  });

  it('leaves out fallback pages, the status page, print pages and the language redirect', () => {
    const listed = locs();
    for (const path of ['/ja/articles/beta/', '/en/articles/gamma/', '/zh/articles/gamma/', '/status/', '/']) expect(listed).not.toContain(path);
    expect(listed.some((p) => p.startsWith('/print/'))).toBe(false);
  });
});

describe('robots.txt', () => {
  it('points crawlers at the sitemap and away from print sources and the status page', () => {
    const robots = readFileSync(join(site, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${siteUrl}/sitemap-index.xml`);
    expect(robots).toContain('Disallow: /status/');
    expect(robots).toContain('Disallow: /print/*/');
  });
});
