/**
 * Lays out one print page with Paged.js and prints it to PDF.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { fillerPagesNeeded } from '../publications/pages.ts';
import { printOrigin, siteContext } from './browser.ts';
import { auditLayout, prepareSource, type ImageUse } from './layout-audit.ts';
import { layoutFixes } from './layout-fixes.ts';

const require = createRequire(import.meta.url);
// pagedjs's exports map hides dist/ (it offers it only under a "polyfill" condition), so find the
// package through its CommonJS entry, lib/index.cjs, and take the polyfill beside it.
export const pagedjsDir = join(dirname(require.resolve('pagedjs')), '..');
const pagedPolyfill = join(pagedjsDir, 'dist', 'paged.polyfill.js');

export class RenderError extends Error {}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  /** What the print HTML says about itself: title, language, author and date. */
  meta: PrintMeta;
  /** Typographic faults left after the layout passes. */
  warnings: string[];
  /** Every image as printed, with its resolution at the printed size. */
  images: ImageUse[];
  /** Messages the page wrote to its console while laying out (warnings, errors). */
  console: string[];
  /** Files of the site the page read (HTML, CSS, fonts, images), relative to the site. */
  inputs: string[];
}

export interface PrintMeta {
  title: string;
  lang: string;
  author: string;
  date: string;
  /** Saddle-stitched: pad to a multiple of this many pages. */
  pagesMultipleOf: number | null;
  /** Trim format (A4, A5) and copies to print, for the print shop's order sheet. */
  format: string;
  printRun: number | null;
}

/** Layout passes at most: each pass may move a heading or paragraph to the next page. */
const maxPasses = 5;

export async function renderPdf(browser: Browser, siteDir: string, pagePath: string): Promise<RenderResult> {
  const { context, missing, loaded } = await siteContext(browser, siteDir);
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

    const layout = async (breakBefore: number[], fillers: number | null) => {
      const response = await page.goto(printOrigin + pagePath, { waitUntil: 'load' });
      if (!response?.ok()) throw new RenderError(`The print page ${pagePath} was not built (HTTP ${response?.status()}).`);
      const blocks = await page.evaluate(prepareSource, { breakBefore, fillers });
      await page.addScriptTag({ path: pagedPolyfill });
      // Fonts first: Paged.js measures text, and a late font would move every line break.
      await page.evaluate(async () => {
        await document.fonts.ready;
        await (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview();
        await document.fonts.ready;
      });
      if (pageErrors.length) throw new RenderError(`Laying out ${pagePath} failed: ${pageErrors.join('; ')}`);
      if (missing.length) throw new RenderError(`${pagePath} refers to files that do not exist: ${[...new Set(missing)].join(', ')}`);
      return { blocks, audit: await page.evaluate(auditLayout) };
    };

    const meta: PrintMeta = await page.goto(printOrigin + pagePath).then(() =>
      page.evaluate(() => {
        const content = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
        return {
          title: document.title,
          lang: document.documentElement.lang,
          author: content('author'),
          date: content('date'),
          pagesMultipleOf: Number(content('pages-multiple-of')) || null,
          format: document.documentElement.dataset.format ?? '',
          printRun: content('print-run') === '' ? null : Number(content('print-run')),
        };
      }),
    );

    // Pass 1..n: fix typographic faults; then keep just enough filler pages for saddle stitching.
    let fixes: number[] = [];
    let fillers: number | null = meta.pagesMultipleOf ? 0 : null;
    let result = await layout(fixes, fillers);
    for (let pass = 1; pass < maxPasses; pass++) {
      const nextFixes = layoutFixes(result.audit, fixes);
      const multiple = meta.pagesMultipleOf;
      // Modulo: when fixes add pages, fewer fillers may be needed than before.
      const nextFillers = multiple ? ((fillers ?? 0) + fillerPagesNeeded(result.audit.pages, multiple)) % multiple : null;
      if (nextFixes.length === fixes.length && nextFillers === fillers) break;
      fixes = nextFixes;
      fillers = nextFillers;
      result = await layout(fixes, fillers);
    }

    const { blocks, audit } = result;
    const describe = (id: number) => {
      const b = blocks[id];
      return b ? `${b.source || pagePath}: <${b.tag}> "${b.text}"` : `block ${id}`;
    };
    const present = new Set(audit.present);
    const lost = blocks.filter((b) => !present.has(b.id)).map((b) => b.id);
    if (lost.length || audit.overflowing.length) {
      const lines = [...lost.map((id) => `dropped: ${describe(id)}`), ...audit.overflowing.map((id) => `cut off at the page edge: ${describe(id)}`)];
      throw new RenderError(`${pagePath}: content does not fit its page and would be lost in print:\n  ${lines.join('\n  ')}\n  Hint: make the image or table smaller than the page, or split it.`);
    }
    if (meta.pagesMultipleOf && audit.pages % meta.pagesMultipleOf !== 0) {
      throw new RenderError(`${pagePath}: ${audit.pages} pages is not a multiple of ${meta.pagesMultipleOf}, even with filler pages.`);
    }
    const warnings = [
      ...audit.headingsAtFoot.map((id) => `heading alone at a page foot: ${describe(id)}`),
      ...audit.orphans.map((id) => `single line at a page foot: ${describe(id)}`),
      ...audit.widows.map((id) => `single line at the top of a page: ${describe(id)}`),
    ];
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    return { pdf, pages: audit.pages, meta, warnings, images: audit.images, console: messages, inputs: [...loaded].sort() };
  } finally {
    await context.close();
  }
}
