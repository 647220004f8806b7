/**
 * Which built pages the sitemap lists: every page a reader should find, none that says `noindex`
 * (fallback pages, search pages) and none outside the readers' site (`/`, which only sends readers
 * on, print sources, the status page, 404 pages). The page's own robots tag decides, so the sitemap
 * needs no second reading of the content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const noindex = /<meta name="robots" content="[^"]*noindex/;

export function sitemapFilter(outDir: () => string): (url: string) => boolean {
  return (url) => {
    const path = decodeURIComponent(new URL(url).pathname);
    if (path === '/' || path.startsWith('/print/') || path.startsWith('/status/') || /^\/[^/]+\/404\/$/.test(path)) return false;
    const file = join(outDir(), path, 'index.html');
    if (!existsSync(file)) return true;
    // The robots tag is in the head: the first few kilobytes are enough.
    return !noindex.test(readFileSync(file, 'utf8').slice(0, 8192));
  };
}
