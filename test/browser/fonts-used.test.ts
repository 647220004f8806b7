/**
 * Every piece of text is drawn by the self-hosted fonts, never by whatever the machine has: a
 * system font would print as Type 3 (or as boxes where the machine has no font for the script) and
 * look different on every reader's device. Checked with Chromium's own record of the fonts it used.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fontFamilies } from '../../src/i18n/locales.ts';
import { parsePrintPagePath, printPagePath } from '../../src/print/publication.ts';
import type { BrowserContext } from 'playwright-core';
import { openSite, pagePool, type SiteInBrowser } from '../helpers/browser.ts';
import { foreignFonts } from '../helpers/fonts-used.ts';
import { htmlFiles } from '../helpers/site.ts';

const siteDir = inject('fixtureSite');
const families = Object.values(fontFamilies).map((f) => f.family);

// Side by side, in one context: a font slice one page fetched is not fetched again for the next.
describe.concurrent('fonts actually used', () => {
  let site: SiteInBrowser;
  let context: BrowserContext;
  beforeAll(async () => {
    site = await openSite(siteDir);
    context = await site.browser.newContext();
  });
  const withPage = pagePool(() => context);
  afterAll(() => site?.close());

  // Print pages, and web pages showing text in a language other than the page's (fallbacks).
  // The print pages found the way the print stage finds them (its module, stage.ts, takes seconds to import).
  const printPages = htmlFiles(siteDir, 'print').map(parsePrintPagePath).filter((p) => p !== undefined).map(printPagePath).sort();
  const pages = [...printPages, '/ja/articles/beta/', '/ko/invest/beta-farm/', '/ko/invest/gamma-resort/', '/vi/'];

  it.each(pages)('%s: every glyph from the self-hosted fonts', (path) =>
    withPage(async (page) => {
      await page.goto(site.url(path), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const cdp = await context.newCDPSession(page);
      expect(await foreignFonts(cdp, families)).toEqual([]);
      await cdp.detach();
    }));
});
