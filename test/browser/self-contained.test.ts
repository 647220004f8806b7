/** Readers abroad load every page from this site alone: no font, script or image from a third party. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localeIds } from '../../src/i18n/locales.ts';
import { openSite, type SiteInBrowser } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/site.ts';

const siteDir = inject('fixtureSite');

// One language per context, side by side.
describe.concurrent('a self-contained site', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(() => site?.close());

  it.each(localeIds)('%s: every page loads only files of its own site, and every file it asks for exists', async (locale) => {
    const context = await site.browser.newContext();
    const elsewhere = new Set<string>();
    const broken = new Set<string>();
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== site.server.url && url.protocol !== 'data:') elsewhere.add(`${url.origin} (from ${request.frame().url()})`);
    });
    context.on('response', (response) => {
      if (response.status() >= 400) broken.add(`${new URL(response.url()).pathname} (${response.status()})`);
    });
    const page = await context.newPage();
    const paths = htmlFiles(siteDir, locale).filter((p) => !p.endsWith('404.html'));
    for (const path of paths) await page.goto(site.url(`/${path.replace(/index\.html$/, '')}`), { waitUntil: 'load' });
    await context.close();
    expect(paths.length).toBeGreaterThan(5);
    expect([...elsewhere]).toEqual([]);
    expect([...broken]).toEqual([]);
  });
});
