/**
 * One Chromium (Debian's) for a whole print run, driven by playwright-core. The built site is served
 * to it from disk through request interception, so no port is opened and nothing leaves the machine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { contentTypes } from '../site/static-server.ts';

export const chromiumPath = process.env.PRESS_CHROMIUM ?? '/usr/bin/chromium';

/** The origin print pages are loaded from; requests to it are answered from the built site. */
export const printOrigin = 'http://press.localhost';

export class BrowserMissingError extends Error {}

/** Chromium's flags here: no sandbox (root in containers), no GPU, no calls home. */
export const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new BrowserMissingError(
      `Chromium was not found at ${chromiumPath}. Run "npm run setup" (it installs Debian's chromium), or set PRESS_CHROMIUM to its path.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumFlags,
  });
}


/**
 * A browser context that sees `siteDir` at `printOrigin` and nothing else. Requests for files that
 * do not exist are recorded in `missing`: a print page must never quietly lose a font or image.
 */
export async function siteContext(browser: Browser, siteDir: string): Promise<{ context: BrowserContext; missing: string[]; loaded: Set<string> }> {
  const context = await browser.newContext();
  const missing: string[] = [];
  /** Every file of the site the page read, relative to the site: the inputs of the PDF. */
  const loaded = new Set<string>();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== printOrigin) {
      missing.push(url.href);
      return route.abort('blockedbyclient');
    }
    let file = normalize(join(siteDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(normalize(siteDir))) return route.abort('accessdenied');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      missing.push(url.pathname);
      return route.fulfill({ status: 404, body: 'not found' });
    }
    loaded.add(relative(siteDir, file));
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      contentType: contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    });
  });
  return { context, missing, loaded };
}
