/**
 * A real browser on a built site: the run's one Chromium (Debian's, started by fixture-setup.ts and
 * driven by playwright-core) and a loopback server.
 */
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response } from 'playwright-core';
import { inject } from 'vitest';
import { serveSite, type StaticServer } from '../../src/server/static-server.ts';
import { resolveBuildConfig } from '../../src/build/config.ts';

/** The Chromium and render timeout the build would use (PRESS_CHROMIUM, PRESS_RENDER_TIMEOUT). */
export const { chromium: chromiumPath, renderTimeoutMs } = resolveBuildConfig().print;

/** Where openSite serves axe-core, beside the site. */
const axePath = '/.tests/axe-core.js';

export interface SiteInBrowser {
  browser: Browser;
  server: StaticServer;
  /** An absolute URL for a site path (`/ja/`). */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * A connection to the shared Chromium. Closing it closes the contexts and pages it opened and
 * leaves the browser running for the next test file.
 */
export function connectChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}

/**
 * The site on loopback, each file served as unchanging (nothing changes while a test file runs): a
 * context fetches and decodes a stylesheet or font slice once, not on every page. A Japanese page
 * asks for some 50 font slices; every test page asking for them afresh was most of what a check
 * of a CJK page cost. Requests answered from the cache are still reported (watchRequests).
 * axe-core is served beside the site, at a path no site has (axeViolations).
 */
export async function openSite(siteDir: string): Promise<SiteInBrowser> {
  const extraFiles = { [axePath]: createRequire(import.meta.url).resolve('axe-core/axe.min.js') };
  const [browser, server] = await Promise.all([connectChromium(), serveSite(siteDir, { unchanging: true, extraFiles })]);
  return {
    browser,
    server,
    url: (path) => server.url + path,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Pages of one context handed from test to test. A new page costs Chromium a renderer process of
 * its own (about 0.4 s of CPU); a page that navigates on keeps it. Each test gets a page no other
 * test is using, with no routes left from the last; a page whose test failed is closed, not reused.
 */
export function pagePool(context: () => BrowserContext) {
  const idle: Page[] = [];
  return async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
    const page = idle.pop() ?? (await context().newPage());
    try {
      const result = await use(page);
      await page.unrouteAll();
      idle.push(page);
      return result;
    } catch (error) {
      await page.close().catch(() => {});
      throw error;
    }
  };
}

/** What a page asked for while watched: files on another host, and answers of 400 or more. */
export interface PageRequests {
  elsewhere: string[];
  broken: string[];
  /** Stops watching (a pooled page goes on to another test). */
  stop(): void;
}

/** Watches the requests of a page from now on: anything not from `origin` (data: and blob: URLs aside) or answered with an error. */
export function watchRequests(page: Page, origin: string): PageRequests {
  const watched: PageRequests = { elsewhere: [], broken: [], stop: () => page.off('request', onRequest).off('response', onResponse) };
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') watched.elsewhere.push(`${request.url()} (from ${request.frame().url()})`);
  };
  const onResponse = (response: Response) => {
    if (response.status() >= 400) watched.broken.push(`${new URL(response.url()).pathname} (${response.status()})`);
  };
  page.on('request', onRequest).on('response', onResponse);
  return watched;
}

/**
 * axe-core's violations on a page of a site opened with openSite, as it is now. axe runs inside the
 * page (the site has no frames, self-contained.test.ts), loaded as a script file: Chromium keeps it
 * compiled from one page to the next, where @axe-core/playwright sent its 500 kB source through the
 * protocol twice per check. Only the violations come back whole (the passes, which no test reads,
 * are cut to one node each).
 */
export async function axeViolations(page: Page, options: RunOptions = {}): Promise<Result[]> {
  await page.addScriptTag({ url: axePath });
  return page.evaluate(
    (options) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, options).then((results) => results.violations),
    { ...options, resultTypes: ['violations'] } satisfies RunOptions,
  );
}
