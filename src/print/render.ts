/**
 * Lays out one print page with Paged.js and prints it to PDF.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { fillerPagesNeeded } from '../publications/pages.ts';
import { filesRead, watchRequests, type PrintSite } from './browser.ts';
import { pagedPolyfillUrlPath } from './pagedjs.ts';
import { auditLayout, prepareSource, removeFillerPages, type ImageUse, type PrintMeta } from './layout-audit.ts';
import { layoutFixes } from './layout-fixes.ts';


export class RenderError extends Error {}

/** Chromium stopped answering while laying out a document (seen on a heavily loaded machine). */
export class RenderTimeoutError extends RenderError {}


export interface RenderResult {
  pdf: Buffer;
  pages: number;
  /** Layout passes it took to settle every heading and line (1 when nothing had to move). */
  passes: number;
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
  /** Start page of each named part (project sheets), for links into the PDF. */
  anchors: Record<string, number>;
}


/**
 * Runs in the page before Paged.js: its queue lays out one page per animation frame
 * (requestAnimationFrame), so a document waited for Chromium to draw a frame between any two of its
 * pages, and frames come late while other documents keep both cores busy. Here the queue's next page
 * follows as the next task instead. Same PDFs, byte for byte. Measured on 2 busy cores: the English
 * booklet alone 4.5 → 2.2 s; in the 8-document run (3 at once), where it was the last to finish,
 * 38.7 → 21.0 s and 23.8 → 9.2 s, the whole run 41.3 → 35.7 s and 24.7 → 17.2 s.
 */
function tickWithoutFrames(): void {
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    waiting.push(() => callback(performance.now()));
    channel.port2.postMessage(null);
    return 0;
  };
}

/** Layout passes at most: each pass may move a heading or paragraph to the next page. */
const maxPasses = 5;

/**
 * Lays out and prints one document. A document that takes longer than `timeoutMs` is given up with
 * a RenderTimeoutError instead of holding the whole run forever.
 */
export async function renderPdf(site: PrintSite, pagePath: string, options: { timeoutMs: number }): Promise<RenderResult> {
  let page: Page | undefined;
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const seconds = options.timeoutMs / 1000;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderTimeoutError(`${pagePath}: Chromium did not finish laying it out within ${seconds} s.\n  Hint: run the build again; on a slow machine raise PRESS_RENDER_TIMEOUT (seconds).`)), options.timeoutMs);
  });
  try {
    const result = await Promise.race([
      site.takePage().then((taken) => {
        page = taken;
        return renderOn(taken, site, pagePath);
      }),
      deadline,
    ]);
    done = true;
    return result;
  } finally {
    clearTimeout(timer);
    // A page that failed or timed out is closed, which also ends whatever Chromium was still doing for it.
    if (page && done) site.givePage(page);
    else await page?.close().catch(() => {});
  }
}

async function renderOn(page: Page, site: PrintSite, pagePath: string): Promise<RenderResult> {
  const watch = watchRequests(page, site);
  const { missing } = watch;
  const messages: string[] = [];
  const pageErrors: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  };
  const onPageError = (e: Error) => pageErrors.push(e.message);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    return await layOut(page, site, pagePath, { missing, messages, pageErrors });
  } finally {
    watch.stop();
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
}

async function layOut(page: Page, site: PrintSite, pagePath: string, { missing, messages, pageErrors }: { missing: string[]; messages: string[]; pageErrors: string[] }): Promise<RenderResult> {
  const checkFiles = () => {
    if (missing.length) throw new RenderError(`${pagePath} refers to files that do not exist in the built site: ${[...new Set(missing)].join(', ')}\n  Hint: print pages may only use the site's own files; check the path of each image and stylesheet.`);
  };
  const layout = async (breakBefore: number[]) => {
    const response = await page.goto(site.origin + pagePath, { waitUntil: 'load' });
    if (!response?.ok()) throw new RenderError(`The print page ${pagePath} was not built (HTTP ${response?.status()}).`);
    checkFiles();
    const source = await page.evaluate(prepareSource, { breakBefore });
    await page.evaluate(tickWithoutFrames);
    // By URL, not inline: the browser compiles it once for the whole run and caches the code.
    await page.addScriptTag({ url: pagedPolyfillUrlPath });
    // Fonts first: Paged.js measures text, and a late font would move every line break.
    await page.evaluate(async () => {
      await document.fonts.ready;
      await (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview();
      await document.fonts.ready;
    });
    if (pageErrors.length) throw new RenderError(`Laying out ${pagePath} failed: ${pageErrors.join('; ')}`);
    checkFiles();
    return { ...source, audit: await page.evaluate(auditLayout) };
  };

  // Pass 1..n: each pass moves the headings and lines the audit found stranded to the next page.
  let fixes: number[] = [];
  let result = await layout(fixes);
  let passes = 1;
  for (; passes < maxPasses; passes++) {
    const { audit, blocks } = result;
    const headingBefore = (id: number) => {
      const previous = blocks[id]?.previous ?? null;
      return previous !== null && /^h[2-6]$/.test(blocks[previous]?.tag ?? '') ? previous : null;
    };
    const faults = {
      headingsAtFoot: audit.headingsAtFoot.map((id) => ({ id, next: blocks[id]?.next ?? null })),
      orphans: audit.orphans.map((id) => ({ id, heading: headingBefore(id) })),
      widows: audit.widows.map((id) => ({ id, heading: headingBefore(id) })),
    };
    const nextFixes = layoutFixes(faults, fixes);
    // Settled when no block is added or removed (a block moved once stays moved: no loops).
    if (nextFixes.length === fixes.length && nextFixes.every((id) => fixes.includes(id))) break;
    fixes = nextFixes;
    result = await layout(fixes);
  }
  const { meta } = result;
  // Saddle stitching: every filler page was laid out at the end; keep as many as the count needs.
  let pages = result.audit.pages;
  if (meta.pagesMultipleOf) {
    const base = pages - result.audit.fillerPages;
    const keep = fillerPagesNeeded(base, meta.pagesMultipleOf);
    if (keep > result.audit.fillerPages) {
      throw new RenderError(`${pagePath}: ${base} pages need ${keep} filler pages to reach a multiple of ${meta.pagesMultipleOf}, but only ${result.audit.fillerPages} exist.`);
    }
    pages = base + keep;
    await page.evaluate(removeFillerPages, keep);
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
  const warnings = [
    ...audit.headingsAtFoot.map((id) => `heading alone at a page foot: ${describe(id)}`),
    ...audit.orphans.map((id) => `single line at a page foot: ${describe(id)}`),
    ...audit.widows.map((id) => `single line at the top of a page: ${describe(id)}`),
  ];
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  return { pdf, pages, passes, meta, warnings, images: audit.images, console: messages, inputs: await filesRead(page, site), anchors: audit.anchors };
}
