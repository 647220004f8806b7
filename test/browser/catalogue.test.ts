/** Investors narrowing the project catalogue in a real browser, with and without JavaScript. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type SiteInBrowser } from '../helpers/browser.ts';
import { en, hectaresIn } from '../helpers/locales.ts';

const siteDir = inject('fixtureSite');

const visibleTitles = (page: Page) => page.locator('[data-project]:visible h3').allInnerTexts();

describe('project catalogue filters in the browser', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(() => site?.close());

  it('with JavaScript: a sector filter leaves only that sector’s cards, without reloading, and announces the count', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url('/en/invest/'));
    expect(await visibleTitles(page)).toHaveLength(3);
    // A reload would lose this marker.
    await page.evaluate(() => Object.assign(window, { stillHere: true }));

    await page.locator('.catalogue-filters a', { hasText: 'Agriculture' }).click();
    await page.waitForURL('**/en/invest/sector/agriculture/');
    expect(await visibleTitles(page)).toEqual(['Beta high-tech vegetable zone']);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await page.locator('[aria-live="polite"]').innerText()).toBe('Agriculture: 1 project');
    expect(await page.locator('.catalogue-filters a[aria-current="page"]').innerText()).toContain('Agriculture');
    expect(await page.title()).toContain('Investment projects: Agriculture');
    // Changing language now keeps the filter.
    expect(await page.locator('.language-switcher a[hreflang="ja"]').getAttribute('href')).toBe('/ja/invest/sector/agriculture/');

    await page.locator('.catalogue-filters a', { hasText: 'Đại Từ District' }).click();
    await page.waitForURL('**/en/invest/district/dai-tu/');
    expect(await visibleTitles(page)).toEqual(['Khu nghỉ dưỡng Gamma', 'Beta high-tech vegetable zone']);

    await page.goBack();
    await page.waitForURL('**/en/invest/sector/agriculture/');
    expect(await visibleTitles(page)).toEqual(['Beta high-tech vegetable zone']);
    await page.goBack();
    await page.waitForURL('**/en/invest/');
    expect(await visibleTitles(page)).toHaveLength(3);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.close();
  });

  it('without JavaScript: the filter link leads to a page listing only the matching projects', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('/en/invest/'));
    await page.locator('.catalogue-filters a', { hasText: 'Industry' }).click();
    await page.waitForURL('**/en/invest/sector/industry/');
    expect(await visibleTitles(page)).toEqual(['Alpha Industrial Park, phase II']);
    expect(await page.locator('.catalogue-summary').innerText()).toBe('Industry: 1 project');

    await page.locator('.catalogue-filters a', { hasText: `Under ${hectaresIn(en, 50)}` }).click();
    await page.waitForURL('**/en/invest/size/under-50-ha/');
    expect(await visibleTitles(page)).toEqual(['Beta high-tech vegetable zone']);
    await context.close();
  });
});
