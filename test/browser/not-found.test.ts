/** A reader who follows a broken link gets the 404 page of their language, with a 404 status. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localeIds } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import { openSite, type SiteInBrowser } from '../helpers/browser.ts';
import { ja } from '../helpers/locales.ts';

const siteDir = inject('fixtureSite');

describe('404 pages in the browser', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(() => site?.close());

  it('answers a missing Japanese address with status 404 and the Japanese 404 page', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(site.url('/ja/nope/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('h1').innerText()).toBe(useTranslations(ja)('notFound.title'));
    await page.locator('.not-found-links a', { hasText: useTranslations(ja)('notFound.home') }).click();
    await page.waitForURL('**/ja/');
    await page.close();
  });

  it('answers a missing address outside the language folders with every language', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(site.url('/nope.html'));
    expect(response?.status()).toBe(404);
    for (const locale of localeIds) expect(await page.locator('body').innerText()).toContain(useTranslations(locale)('notFound.title'));
    await page.close();
  });
});
