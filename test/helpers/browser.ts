/**
 * A real browser on a built site: the run's one Chromium (Debian's, started by fixture-setup.ts and
 * driven by playwright-core) and a loopback server.
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { serveSite, type StaticServer } from '../../src/site/static-server.ts';

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
