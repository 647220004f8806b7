/**
 * What the studio tests share: Chromium, pages on a studio, axe, and waiting for a screen to have
 * everything it asked for.
 */
import { readFileSync } from 'node:fs';
import axeCore from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { resolveBuildConfig } from '../../src/build/config.ts';
import type { TestStudio } from '../helpers/studio.ts';

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: resolveBuildConfig().print.chromium });
}

/** A new page (in a context of its own: drafts in localStorage stay apart) on a screen of the studio. */
export async function open(browser: Browser, studio: TestStudio, hash: string, { width = 1280, language = 'en', context }: { width?: number; language?: string; context?: BrowserContext } = {}): Promise<Page> {
  const page = await (context ?? (await browser.newContext({ viewport: { width, height: 900 }, locale: language }))).newPage();
  await page.goto(`${studio.url}${hash}`);
  await page.locator('main h1').waitFor();
  return page;
}

/**
 * axe-core in every document of the context (the studio page and its preview frames) from its
 * first script: parsed once per document, where @axe-core/playwright evaluates its 1.5 MB source
 * in every frame again for each check (twice in the page itself).
 */
export async function withAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeCore.source });
}

/** The page's violations of `axeTags` (frames included), one line each: rule and elements. */
export async function axe(page: Page): Promise<string[]> {
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof axeCore };
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, axeTags);
}

/**
 * Waits, from now on, until the page and its frames have had no request in flight for half a
 * second: Playwright's networkidle, for screens reached without a page load. A request of a frame
 * that is gone (a preview replaced by the next screen's) is not waited for: it ends with no event.
 */
export function networkQuiet(page: Page): () => Promise<void> {
  const inFlight = new Set<Request>();
  let last = performance.now();
  page.on('request', (request) => {
    inFlight.add(request);
    last = performance.now();
  });
  const done = (request: Request) => {
    inFlight.delete(request);
    last = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('framedetached', () => {
    for (const request of inFlight) if (request.frame().isDetached()) done(request);
  });
  return async () => {
    const deadline = performance.now() + 30_000;
    while (inFlight.size > 0 || performance.now() - last < 500) {
      if (performance.now() > deadline) throw new Error(`Still loading after 30 s: ${[...inFlight].map((r) => r.url()).join(', ')}`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  };
}

/** What a screen shows until its data is in, in the studio's languages. */
const loadingWords = ['en', 'vi'].map((l) => (JSON.parse(readFileSync(`src/studio/client/strings/${l}.json`, 'utf8')) as { loading: string }).loading);

/** Shows a screen as the studio's links do (its address's hash, no reload), once its data is in. */
export async function show(page: Page, hash: string): Promise<void> {
  await page.evaluate(
    (h) =>
      new Promise<void>((shown) => {
        if (location.hash === h) return shown();
        // The screen renders in a microtask after the event; the timer runs after it.
        addEventListener('hashchange', () => setTimeout(shown), { once: true });
        location.hash = h;
      }),
    hash,
  );
  await page.locator('main h1').waitFor();
  // Not expect.poll: it belongs to one test, and the axe tests run two at once.
  await page.waitForFunction((words) => ![...document.querySelectorAll('main p')].some((p) => words.includes(p.textContent ?? '')), loadingWords);
}
