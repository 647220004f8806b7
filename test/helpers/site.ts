/** Reading a built site the way a browser or crawler sees it. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export function htmlFiles(siteDir: string, under = ''): string[] {
  return readdirSync(join(siteDir, under), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => relative(siteDir, join(siteDir, under, f)).split(sep).join('/'));
}

export function readPage(siteDir: string, path: string): HTMLElement {
  const file = path.endsWith('.html') ? path : join(path, 'index.html');
  return parse(readFileSync(join(siteDir, file), 'utf8'));
}

/** True when a site-relative URL path is served by a file in the build. */
export function resolves(siteDir: string, urlPath: string): boolean {
  const file = join(siteDir, decodeURIComponent(urlPath.split(/[?#]/)[0] ?? ''));
  if (!existsSync(file)) return false;
  return statSync(file).isDirectory() ? existsSync(join(file, 'index.html')) : true;
}

/** Where a page makes the browser fetch a file, and the URL as written there. */
export interface LoadedUrl {
  /** `<img src>`, `<link rel="stylesheet" href>`, `url() in /fonts/noto-sans.css`… */
  from: string;
  url: string;
}

// Attributes the browser fetches without the reader doing anything (not <a href>, not canonical or
// alternate links, which name pages for crawlers).
const fetchedAttributes = ['src', 'poster', 'data'];
const fetchedLinkRels = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'mask-icon', 'manifest', 'preload', 'modulepreload', 'prefetch']);
const cssUrl = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;

/** The URLs a piece of CSS fetches: `url()` (fonts, images) and `@import`. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(cssUrl)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim()).filter(Boolean);
}

/**
 * Every URL an HTML page has the browser fetch as it loads, as written in the markup: sources of
 * images, media, scripts and frames (srcset candidates one by one), stylesheets, icons and preloads,
 * `url()` and `@import` in <style> and style attributes, and the target of a meta refresh.
 * Scripts' own fetches (Pagefind) are not in the markup: only a browser sees those.
 */
export function pageLoadedUrls(html: string): LoadedUrl[] {
  const root = parse(html);
  const found: LoadedUrl[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const name of fetchedAttributes) {
      const value = el.getAttribute(name);
      if (value && !(name === 'data' && tag !== 'object')) found.push({ from: `<${tag} ${name}>`, url: value.trim() });
    }
    for (const name of ['srcset', 'imagesrcset']) {
      for (const candidate of (el.getAttribute(name) ?? '').split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push({ from: `<${tag} ${name}>`, url });
      }
    }
    if (tag === 'link' && (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).some((rel) => fetchedLinkRels.has(rel))) {
      const href = el.getAttribute('href');
      if (href) found.push({ from: `<link rel="${el.getAttribute('rel')}">`, url: href.trim() });
    }
    // SVG: <image href> and <use href="file.svg#id"> fetch; a fragment alone names this document.
    if (tag === 'image' || tag === 'use' || tag === 'feimage') {
      const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
      if (href && !href.startsWith('#')) found.push({ from: `<${tag} href>`, url: href.trim() });
    }
    if (tag === 'meta' && (el.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') {
      const target = /url\s*=\s*['"]?([^'"\s]+)/i.exec(el.getAttribute('content') ?? '')?.[1];
      if (target) found.push({ from: '<meta http-equiv="refresh">', url: target });
    }
    const style = el.getAttribute('style');
    if (style) for (const url of cssUrls(style)) found.push({ from: `<${tag} style>`, url });
    if (tag === 'style') for (const url of cssUrls(el.textContent)) found.push({ from: '<style>', url });
  }
  return found;
}

/**
 * What keeps a built site from standing on its own: every file its pages, and the stylesheets they
 * link (followed to the end), have the browser fetch must be a file of the site, never one on another
 * host. A 404 page is served at any missing address, so it is read as if from a deeper one. One line
 * per problem: the page (or stylesheet), where it names the URL, what is wrong.
 */
export function selfContainedProblems(siteDir: string, pages: readonly string[]): string[] {
  const origin = 'https://site.invalid';
  const problems: string[] = [];
  const stylesheets = new Set<string>();
  const check = (source: string, base: string, loaded: LoadedUrl): void => {
    if (/^(data|blob|about):/i.test(loaded.url)) return;
    const where = `${source}: ${loaded.from} ${loaded.url}`;
    let url: URL;
    try {
      url = new URL(loaded.url, base);
    } catch {
      problems.push(`${where}: not a URL`);
      return;
    }
    if (url.origin !== origin) {
      problems.push(`${where}: on another host (${url.protocol}//${url.host})`);
      return;
    }
    if (!resolves(siteDir, url.pathname)) {
      problems.push(`${where}: no such file in the site`);
      return;
    }
    // A stylesheet's own URLs are checked once, against its own address.
    if (!url.pathname.endsWith('.css') || stylesheets.has(url.pathname)) return;
    stylesheets.add(url.pathname);
    const css = readFileSync(join(siteDir, decodeURIComponent(url.pathname)), 'utf8');
    for (const nested of cssUrls(css)) check(`${url.pathname} (from ${source})`, url.href, { from: 'url()', url: nested });
  };
  for (const page of pages) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    const served = '/' + page.replace(/(^|\/)index\.html$/, '$1').replace(/(^|\/)404\.html$/, '$1missing/address/');
    const pageUrl = new URL(served, origin).href;
    const base = new URL(parse(html).querySelector('base')?.getAttribute('href') ?? pageUrl, pageUrl).href;
    for (const loaded of pageLoadedUrls(html)) check(page, base, loaded);
  }
  return problems;
}
