/**
 * One Chromium (Debian's) for a whole print run, driven by playwright-core, and one browser context
 * that sees the built site on a loopback port and nothing else. The context is shared by every
 * document of the run, so fonts (a Japanese page reads some 260 font slices) and Paged.js are
 * fetched and compiled once, not once per document; its pages are laid out in again, document after
 * document.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response } from 'playwright-core';
import { resolveFile, serveSite, type StaticServer } from '../server/static-server.ts';
import { pagedPolyfill, pagedPolyfillUrlPath } from './pagedjs.ts';

export class BrowserMissingError extends Error {}

/** Chromium's flags here: no sandbox (root in containers), no GPU, no calls home. */
/** No host name but loopback resolves: nothing outside this machine is depended on or reached. */
export const offlineFlag = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The Chromium features playwright-core turns off (its chromiumSwitches.ts, 1.65), repeated here:
 * Chromium reads only the last --disable-features, and ours comes after Playwright's
 * (test/unit/print-browser.test.ts checks the list against the installed playwright-core).
 */
export const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Features a print run turns off besides: they load the omnibox popup's WebUI (a renderer process of
 * its own, 0.7–1.2 s of CPU per run, sampled from /proc) into the headless window nobody sees; with
 * all four, no such renderer starts. The whole run's CPU varies more than that on the shared 2 cores
 * (PreloadTopChromeWebUI alone, alternating runs: 24.7 → 23.0, 20.9 → 20.2, 20.5 → 19.9 s).
 */
export const printDisabledFeatures = ['PreloadTopChromeWebUI', 'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/** Stops with a clear message when there is no Chromium at `chromiumPath`. */
export function requireChromium(chromiumPath: string): void {
  if (!existsSync(chromiumPath)) {
    throw new BrowserMissingError(
      `Chromium was not found at ${chromiumPath}. Run "npm run setup" (it installs Debian's chromium), or set PRESS_CHROMIUM to its path.`,
    );
  }
}

const versions = new Map<string, string>();

/**
 * `chromium --version` (Debian's wrapper script prints a harmless complaint on stderr; ignored).
 * Asked once per process: the build's record and its print stage both need it, and the print
 * stage's second call blocked the main thread for 0.52 s in the middle of a cold build (profiled).
 */
export function chromiumVersion(chromiumPath: string): string {
  requireChromium(chromiumPath);
  let version = versions.get(chromiumPath);
  if (version === undefined) {
    version = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    versions.set(chromiumPath, version);
  }
  return version;
}

/**
 * Launches Chromium (Debian's, /usr/bin/chromium, unless the caller says otherwise). `offline`
 * makes every host name but loopback unresolvable: a print page must not depend on, or leak
 * requests to, anything outside the built site.
 */
export async function launchChromium(chromiumPath: string, options: { offline?: boolean } = {}): Promise<Browser> {
  requireChromium(chromiumPath);
  const offline = options.offline ? [offlineFlag] : [];
  const features = `--disable-features=${[...playwrightDisabledFeatures, ...printDisabledFeatures].join(',')}`;
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumFlags, ...offline, features] });
}

/** The built site as the print run's browser sees it. */
export interface PrintSite {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  siteDir: string;
  context: BrowserContext;
  /** A page to lay out a document in: one laid out before (its renderer warm), or a new one. */
  takePage(): Promise<Page>;
  /** Returns a page after a document that went well, for the next document. */
  givePage(page: Page): void;
  close(): Promise<void>;
}

export async function openPrintSite(browser: Browser, siteDir: string): Promise<PrintSite> {
  const server: StaticServer = await serveSite(siteDir, { unchanging: true, extraFiles: { [pagedPolyfillUrlPath]: pagedPolyfill } });
  const context = await browser.newContext();
  // Pages are laid out in again, document after document: a new page costs a new renderer process
  // (fonts decoded again) and a new headless window. Same PDFs and inputs; measured on 2 cores, 8
  // documents 3 at once: 13.7 → 10.7 s and 13.1 → 10.4 s, CPU 28.3 → 22.2 s and 26.2 → 21.7 s.
  const idle: Page[] = [];
  return {
    origin: server.url,
    siteDir,
    context,
    takePage: async () => {
      const reused = idle.pop();
      if (reused) return reused;
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { PagedConfig: object }).PagedConfig = { auto: false };
        // Room for every font slice a CJK page reads: the PDF's inputs are read from this list.
        performance.setResourceTimingBufferSize(100_000);
      });
      return page;
    },
    givePage: (page) => void idle.push(page),
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}

/**
 * Watches what one page reads. Requests that fail or find nothing are recorded in `missing`: a
 * print page must never quietly lose a font or image.
 */
export function watchRequests(page: Page, site: PrintSite): { missing: string[]; stop(): void } {
  const missing: string[] = [];
  const onRequest = (request: Request) => {
    // Host names outside loopback do not resolve; an address written as an IP would.
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== site.origin) missing.push(url.href);
  };
  const onResponse = (response: Response) => {
    if (response.status() >= 400) missing.push(new URL(response.url()).pathname);
  };
  const onFailed = (request: Request) => {
    // Aborted: the page was left for the next layout pass while the request was under way.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') missing.push(request.url());
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  return {
    missing,
    stop: () => {
      page.off('request', onRequest);
      page.off('response', onResponse);
      page.off('requestfailed', onFailed);
    },
  };
}

/**
 * Every file of the site the page has read (the document, stylesheets, fonts, images), relative to
 * the site: the inputs of its PDF. Read from the page's resource timing, which lists files served from
 * the browser's cache too.
 */
export async function filesRead(page: Page, site: PrintSite): Promise<string[]> {
  const urls = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
  const files = new Set<string>();
  for (const url of urls) {
    const parsed = new URL(url);
    if (parsed.origin !== site.origin || parsed.pathname === pagedPolyfillUrlPath) continue;
    const file = resolveFile(site.siteDir, parsed.pathname);
    if (file) files.add(relative(site.siteDir, file));
  }
  return [...files].sort();
}
