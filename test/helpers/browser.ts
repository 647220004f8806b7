/**
 * A real browser on a built site: the run's one Chromium (Debian's, started by fixture-setup.ts and
 * driven by playwright-core) and a loopback server.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { serveSite, type StaticServer } from '../../src/server/static-server.ts';
import { resolveBuildConfig } from '../../src/build/config.ts';

/** The Chromium and render timeout the build would use (PRESS_CHROMIUM, PRESS_RENDER_TIMEOUT). */
export const { chromium: chromiumPath, renderTimeoutMs } = resolveBuildConfig().print;

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

export async function openSite(siteDir: string): Promise<SiteInBrowser> {
  const [browser, server] = await Promise.all([connectChromium(), serveSite(siteDir)]);
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
