/** A reader downloading a printed publication from the site, in a real browser. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { manifestSchema } from '../../src/print/manifest.ts';
import { openSite, type SiteInBrowser } from '../helpers/browser.ts';

const siteDir = inject('fixtureSite');
const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(siteDir, 'print', 'manifest.json'), 'utf8')));

describe('downloads in the browser', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(() => site?.close());

  it("serves the bulletin issue's PDF from its link, with the pages and size the manifest records", async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url('/en/bulletins/2026-09/'));
    const links = page.locator('.downloads a[type="application/pdf"]');
    expect(await links.count()).toBe(2);
    const link = links.filter({ hasText: 'English' });
    const entry = manifest.find((e) => e.kind === 'bulletin' && e.locale === 'en' && e.variant === 'screen')!;
    expect(await link.innerText()).toContain(`${entry.pages} pages`);
    const href = await link.getAttribute('href');
    expect(href).toBe(`/print/${entry.file}`);
    const response = await page.request.get(site.url(href!));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const body = await response.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.byteLength).toBe(entry.bytes);
    await page.close();
  });

  it('lists every printed publication on the downloads page, each link naming a file that exists', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url('/ja/downloads/'));
    const hrefs = await page.locator('main a[type="application/pdf"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const screen = manifest.filter((e) => e.variant === 'screen').map((e) => `/print/${e.file}`);
    expect([...hrefs].sort()).toEqual([...screen].sort());
    for (const href of hrefs) expect((await page.request.head(site.url(href!))).status(), href!).toBe(200);
    await page.close();
  });
});
