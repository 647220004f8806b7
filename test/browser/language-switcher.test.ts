/** Readers in a real browser (Debian's Chromium) moving between languages. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type SiteInBrowser } from '../helpers/browser.ts';

const siteDir = inject('fixtureSite');

describe('language switcher in the browser', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(() => site?.close());

  it('keeps the reader on the same article when they change language', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url('/vi/articles/alpha/'));
    const title = await page.locator('h1').innerText();
    await page.locator('.language-switcher a[hreflang="ja"]').click();
    await page.waitForURL('**/ja/articles/alpha/');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    const jaTitle = await page.locator('h1').innerText();
    expect(jaTitle).not.toBe(title);
    await page.locator('.language-switcher a[hreflang="vi"]').click();
    await page.waitForURL('**/vi/articles/alpha/');
    expect(await page.locator('h1').innerText()).toBe(title);
    await page.close();
  });
});
