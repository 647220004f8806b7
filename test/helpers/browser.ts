/** A real browser on a built site: Debian's Chromium (driven by playwright-core) and a loopback server. */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/print/browser.ts';
import { serveSite, type StaticServer } from '../../src/site/static-server.ts';

export interface SiteInBrowser {
  browser: Browser;
  server: StaticServer;
  /** An absolute URL for a site path (`/ja/`). */
  url(path: string): string;
  close(): Promise<void>;
}

export async function openSite(siteDir: string): Promise<SiteInBrowser> {
  const [browser, server] = await Promise.all([launchChromium(), serveSite(siteDir)]);
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
