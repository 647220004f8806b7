/** A real browser on a built site: Debian's Chromium (driven by playwright-core) and a loopback server. */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/print/browser.ts';
import { serveSite, type StaticServer } from '../../src/server/static-server.ts';
import { resolveBuildConfig } from '../../src/build/config.ts';

/** The Chromium and render timeout the build would use (PRESS_CHROMIUM, PRESS_RENDER_TIMEOUT). */
export const { chromium, renderTimeoutMs } = resolveBuildConfig().print;

export interface SiteInBrowser {
  browser: Browser;
  server: StaticServer;
  /** An absolute URL for a site path (`/ja/`). */
  url(path: string): string;
  close(): Promise<void>;
}

export async function openSite(siteDir: string): Promise<SiteInBrowser> {
  const [browser, server] = await Promise.all([launchChromium(chromium), serveSite(siteDir)]);
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
