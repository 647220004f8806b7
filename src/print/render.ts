/**
 * Lays out one print page with Paged.js and prints it to PDF.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { printOrigin, siteContext } from './browser.ts';

const require = createRequire(import.meta.url);
// pagedjs's exports map hides dist/ (it offers it only under a "polyfill" condition), so find the
// package through its CommonJS entry, lib/index.cjs, and take the polyfill beside it.
const pagedPolyfill = join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

export class RenderError extends Error {}

export interface RenderResult {
  pdf: Buffer;
  /** What the print HTML says about itself: title, language, author and date. */
  meta: { title: string; lang: string; author: string; date: string };
  /** Messages the page wrote to its console while laying out (warnings, errors). */
  console: string[];
}

export async function renderPdf(browser: Browser, siteDir: string, pagePath: string): Promise<RenderResult> {
  const { context, missing } = await siteContext(browser, siteDir);
  const messages: string[] = [];
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(() => {
      (window as unknown as { PagedConfig: object }).PagedConfig = { auto: false };
    });
    const response = await page.goto(printOrigin + pagePath, { waitUntil: 'load' });
    if (!response?.ok()) throw new RenderError(`The print page ${pagePath} was not built (HTTP ${response?.status()}).`);
    await page.addScriptTag({ path: pagedPolyfill });
    // Fonts first: Paged.js measures text, and a late font would move every line break.
    await page.evaluate(async () => {
      await document.fonts.ready;
      await (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview();
      await document.fonts.ready;
    });
    if (pageErrors.length) throw new RenderError(`Laying out ${pagePath} failed: ${pageErrors.join('; ')}`);
    if (missing.length) throw new RenderError(`${pagePath} refers to files that do not exist: ${[...new Set(missing)].join(', ')}`);
    const meta = await page.evaluate(() => ({
      title: document.title,
      lang: document.documentElement.lang,
      author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
      date: document.querySelector<HTMLMetaElement>('meta[name="date"]')?.content ?? '',
    }));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    return { pdf, meta, console: messages };
  } finally {
    await context.close();
  }
}
