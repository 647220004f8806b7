/**
 * Every piece of text is drawn by the self-hosted fonts, never by whatever the machine has: a
 * system font would print as Type 3 (or as boxes where the machine has no font for the script) and
 * look different on every reader's device. Checked with Chromium's own record of the fonts it used.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fontFamilies } from '../../src/i18n/locales.ts';
import { findPublications } from '../../src/print/stage.ts';
import { printPagePath } from '../../src/print/publication.ts';
import { openSite, type SiteInBrowser } from '../helpers/browser.ts';
import { foreignFonts } from '../helpers/fonts-used.ts';

const siteDir = inject('fixtureSite');
const families = Object.values(fontFamilies).map((f) => f.family);

// Each page in a context of its own, side by side.
describe.concurrent('fonts actually used', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(() => site?.close());

  // Print pages, and web pages showing text in a language other than the page's (fallbacks).
  const pages = [...findPublications(siteDir).map(printPagePath), '/ja/articles/beta/', '/ko/invest/beta-farm/', '/ko/invest/gamma-resort/', '/vi/'];

  it.each(pages)('%s: every glyph from the self-hosted fonts', async (path) => {
    const page = await site.browser.newPage();
    await page.goto(site.url(path), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    expect(await foreignFonts(cdp, families)).toEqual([]);
    await page.close();
  });
});
