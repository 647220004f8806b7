/** Readers searching the fixture site in a real browser (Debian's Chromium), in their own language. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openSite, watchRequests, type PageRequests, type SiteInBrowser } from '../helpers/browser.ts';

const siteDir = inject('fixtureSite');

describe('site search in the browser', () => {
  let site: SiteInBrowser;
  let page: Page;
  const requests: string[] = [];
  // What Pagefind fetches as it searches: the browser half of self-contained.test.ts for the search.
  let watched: PageRequests;
  beforeAll(async () => {
    site = await openSite(siteDir);
    page = await (await site.browser.newContext()).newPage();
    page.on('request', (r) => requests.push(r.url()));
    watched = watchRequests(page, site.server.url);
  });
  afterAll(() => site?.close());

  /** Types a query the way a reader does and waits for the announced result line. */
  async function search(locale: string, query: string) {
    await page.goto(site.url(`/${locale}/search/`));
    const box = page.getByRole('searchbox');
    await box.click();
    await page.keyboard.type(query);
    await expect.poll(() => page.getByRole('status').innerText()).toContain(query);
    await expect.poll(() => page.locator('.site-search').getAttribute('aria-busy')).toBeNull();
    return {
      status: await page.getByRole('status').innerText(),
      links: await page.locator('.search-results h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      marks: await page.locator('.search-results mark').allInnerTexts(),
    };
  }

  it('finds a Japanese word in the middle of a Japanese sentence', async () => {
    // 操業 sits inside 「…企業が、すでに操業しています」: no spaces around it.
    const result = await search('ja', '操業');
    expect(result.links).toContain('/ja/articles/alpha/');
    expect(result.marks).toContain('操業');
    expect(result.status).toMatch(/\d+件/);
    expect(page.url()).toContain(`?q=${encodeURIComponent('操業')}`);
  });

  it('finds a Chinese word in the middle of a Chinese sentence', async () => {
    // 用水 inside 「道路、电力和清洁用水已为投资者准备就绪。」
    const result = await search('zh', '用水');
    expect(result.links).toEqual(['/zh/articles/alpha/']);
    expect(result.marks).toContain('用水');
  });

  it('finds a Korean word with its particle attached, and not other syllables that share its letters', async () => {
    // 투자자를 (investor + object particle): Korean is indexed by space-separated words, found by their start.
    const found = await search('ko', '투자자');
    expect(found.links).toContain('/ko/articles/alpha/');
    // 비 must not find 빌드 (빌 = ㅂ+ㅣ+ㄹ): Pagefind's accent folding takes Hangul syllables apart.
    const strict = await search('ko', '비');
    expect(strict.links).toEqual([]);
  });

  it('finds Vietnamese words with or without their diacritics, only in Vietnamese pages', async () => {
    const typed = await search('vi', 'nước sạch');
    expect(typed.links).toContain('/vi/articles/alpha/');
    expect(typed.marks).toEqual(expect.arrayContaining(['nước', 'sạch']));
    expect(typed.status).toContain('kết quả');
    const bare = await search('vi', 'nuoc sach');
    expect(bare.links).toContain('/vi/articles/alpha/');
    // The same words on the English search page: English pages only, and none of them says this.
    const english = await search('en', 'nghiệp');
    expect(english.links).toEqual([]);
    expect(english.status).toContain('No pages found');
  });

  it('answers a search address (?q=) as a plain form would, with results a keyboard reaches', async () => {
    await page.goto(site.url(`/ja/search/?q=${encodeURIComponent('許認可')}`));
    await expect.poll(() => page.locator('.search-results h2 a').count()).toBeGreaterThan(0);
    expect(await page.getByRole('searchbox').inputValue()).toBe('許認可');
    expect(await page.getByLabel('検索語').count()).toBe(1);
    await page.getByRole('searchbox').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/ja/articles/alpha/');
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

  it('asks nothing of any other host, and every file it asks for exists', () => {
    const hosts = new Set(requests.map((u) => new URL(u).origin));
    expect([...hosts]).toEqual([site.server.url]);
    expect(requests.filter((u) => new URL(u).pathname.startsWith('/pagefind/')).length, 'Pagefind’s own fetches were watched').toBeGreaterThan(3);
    expect(watched.elsewhere).toEqual([]);
    expect(watched.broken).toEqual([]);
  });
});
