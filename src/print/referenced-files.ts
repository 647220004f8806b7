/**
 * The site files a print page refers to by path (images, stylesheets, fonts in inline CSS). The
 * build lays out print pages while Astro is still working: a page whose optimised images Astro has
 * not written yet waits for the site to be finished (src/build/print-first.ts).
 */
import { resolveFile } from '../server/static-server.ts';

// Loaded by the browser: src and poster anywhere, href of <link> and SVG <image> (not of <a>).
const attribute = /\s(?:src|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const loadedHref = /<(?:link|image)\b[^>]*?\s(?:xlink:)?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const srcset = /\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const cssUrl = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi;

/** Site-root paths (`/_astro/x.webp`) the HTML names, without query or fragment, each once. */
export function referencedPaths(html: string): string[] {
  const found = new Set<string>();
  const add = (value: string | undefined) => {
    const url = value?.trim().replace(/&amp;/g, '&');
    if (!url || !url.startsWith('/') || url.startsWith('//')) return;
    found.add(url.replace(/[?#].*$/, ''));
  };
  for (const pattern of [attribute, loadedHref]) for (const m of html.matchAll(pattern)) add(m[1] ?? m[2] ?? m[3]);
  for (const m of html.matchAll(cssUrl)) add(m[1] ?? m[2] ?? m[3]);
  for (const m of html.matchAll(srcset)) for (const candidate of (m[1] ?? m[2] ?? '').split(',')) add(candidate.trim().split(/\s+/)[0]);
  return [...found].sort();
}

/** The referenced paths with no file in the site folder (yet). */
export function missingFiles(html: string, siteDir: string): string[] {
  return referencedPaths(html).filter((path) => resolveFile(siteDir, path) === undefined);
}
