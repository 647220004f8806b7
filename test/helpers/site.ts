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
