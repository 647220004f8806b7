/**
 * The studio's Build button: a new bulletin made through the form, built into PDFs and the order
 * sheet, then a content error after a build, in plain words and linked to its field; axe on the
 * build screen with what a build leaves there.
 *
 * A studio of its own, beside the other studio tests, on the fixture content without what this
 * file does not walk: the pictures article, the booklet and the edition. The Build button builds
 * all the content it is given (site, search, every PDF); the booklet's three A5 editions were the
 * longest documents of that build, and booklets and editions are the build project's to prove
 * (the fixture build), not the studio's. What is left still makes a site and two bulletins (the
 * issue the test creates among them), and the order sheet.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/studio.ts';
import { axe, launchChromium, networkQuiet, open as openPage, show, withAxe } from './screens.ts';

let studio: TestStudio;
let browser: Browser;

beforeAll(async () => {
  [studio, browser] = await Promise.all([startTestStudio([], {}, { leaveOut: ['articles/pictures', 'booklets/invest', 'editions/tea'] }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

const open = (hash: string, options?: Parameters<typeof openPage>[3]): Promise<Page> => openPage(browser, studio, hash, options);
const file = (path: string) => join(studio.content, path);

/** The build screen passes axe at both widths in both interface languages, as every other screen. */
async function buildScreenPasses(state: string) {
  for (const language of ['en', 'vi']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: language });
    await withAxe(context);
    const page = await context.newPage();
    const settled = networkQuiet(page);
    await page.goto(`${studio.url}#/`);
    await show(page, '#/build');
    await settled();
    for (const width of [1280, 820]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axe(page), `#/build ${state} (${language}) at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `#/build ${state} (${language}) at ${width} px`).toBe(true);
    }
    await context.close();
  }
}

describe('studio: the Build button', () => {
  it('creates the next bulletin through the form and builds it into PDFs and the order sheet', async () => {
    const page = await open('#/new?what=bulletin');
    await expect.poll(() => page.getByLabel('Month').inputValue()).toBe('2026-10');
    // Pick the articles: only alpha and beta, beta first.
    const chosen = () => page.locator('ol.ordered li').evaluateAll((items) => items.map((li) => li.getAttribute('data-slug')));
    for (const slug of await chosen()) if (slug !== 'alpha' && slug !== 'beta') await page.locator(`ol.ordered li[data-slug="${slug}"] button.remove`).click();
    for (const slug of ['alpha', 'beta']) if (!(await chosen()).includes(slug)) await page.locator(`ul.pick li[data-slug="${slug}"] button`).click();
    if ((await chosen())[0] === 'alpha') await page.locator('ol.ordered li[data-slug="beta"] button.up').click();
    expect(await chosen()).toEqual(['beta', 'alpha']);
    await page.getByRole('button', { name: 'Create the bulletin' }).click();
    await page.waitForURL(/#\/edit\?path=content%2Fbulletins%2F2026-10%2Fissue\.yaml/);
    const issue = readFileSync(file('bulletins/2026-10/issue.yaml'), 'utf8');
    expect(issue).toMatch(/number: 2/);
    expect(issue).toMatch(/articles:\n\s+- beta\n\s+- alpha/);
    expect(existsSync(file('bulletins/2026-10/en.mdx'))).toBe(true);

    await page.goto(`${studio.url}#/build`);
    await page.getByRole('button', { name: 'Build the site and PDFs' }).click();
    await page.locator('#results-title').waitFor({ timeout: 240_000 });
    const links = await page.locator('section[aria-labelledby="results-title"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/__studio/dist/print/bulletin-2026-10-vi.pdf');
    expect(links).toContain('/__studio/dist/print/bulletin-2026-10-en.pdf');
    expect(links).toContain('/__studio/dist/print/order-sheet.pdf');
    const pdf = await page.evaluate(async () => {
      const response = await fetch('/__studio/dist/print/bulletin-2026-10-en.pdf');
      return { status: response.status, type: response.headers.get('content-type'), start: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)) };
    });
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' });
    expect(readdirSync(join(studio.out, 'print'))).toContain('bulletin-2026-10-en.pdf');
    // The print shop's order has the new issue in both languages, with its pages, file and checksum.
    const sheet = readFileSync(join(studio.out, 'print', 'order-sheet.csv'), 'utf8');
    for (const locale of ['vi', 'en']) expect(sheet).toMatch(new RegExp(`^bulletin 2026-10,${locale},A4,[1-9]\\d*,.*,bulletin-2026-10-${locale}\\.pdf,[0-9a-f]{64}$`, 'm'));
    await page.close();
  }, 300_000);

  it('shows a content error after a build in plain words, linked to its field', async () => {
    const issue = file('bulletins/2026-10/issue.yaml');
    writeFileSync(issue, readFileSync(issue, 'utf8').replace('- beta', '- no-such-article'));
    const page = await open('#/build');
    await page.getByRole('button', { name: 'Build the site and PDFs' }).click();
    await page.locator('#problems-title').waitFor({ timeout: 120_000 });
    const link = page.locator('section[aria-labelledby="problems-title"] a').first();
    expect(await link.getAttribute('href')).toMatch(/#\/edit\?path=content%2Fbulletins%2F2026-10%2Fissue\.yaml&field=articles/);
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('articles');
    await page.close();
    await buildScreenPasses('after a failed build');
  }, 180_000);
});
