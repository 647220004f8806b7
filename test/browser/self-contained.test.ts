/**
 * Readers abroad load every page from this site alone: no font, script or image from a third party,
 * and no file the site lacks.
 *
 * Proved in two halves. Here, from the files the build wrote, for every page (web, 404 and print
 * pages, in every language): each URL the markup and its stylesheets have the browser fetch names
 * a file of the site. What only a browser sees, files a page asks for as it runs, is recorded on the
 * pages the accessibility pass opens anyway, one per template, shape and language
 * (accessibility.test.ts), and on the search page while it searches (search.test.ts). Loading every
 * page in Chromium, as this file did, added nothing to that: two pages of one template differ at run
 * time only in which font slices their text picks, and every slice their rules name is checked here;
 * the only script that fetches is the search page's (Pagefind).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { localeIds } from '../../src/i18n/locales.ts';
import { htmlFiles, pageLoadedUrls, selfContainedProblems } from '../helpers/site.ts';

const siteDir = inject('fixtureSite');

describe('a self-contained site', () => {
  const pages = htmlFiles(siteDir).sort();

  it('every page, and every stylesheet it links, fetches only files of its own site, and every one exists', () => {
    // Each language, the print pages and the 404 pages are among them.
    for (const folder of [...localeIds, 'print']) expect(pages.filter((p) => p.startsWith(`${folder}/`)).length, folder).toBeGreaterThan(5);
    expect(pages.filter((p) => p.endsWith('404.html')).length).toBeGreaterThan(localeIds.length);
    expect(selfContainedProblems(siteDir, pages)).toEqual([]);
  });

  it('reads what pages fetch: fonts from the stylesheets, pictures in every size, the language redirect', () => {
    const all = pages.flatMap((p) => pageLoadedUrls(readFileSync(join(siteDir, p), 'utf8')));
    const from = (source: string) => all.filter((l) => l.from.startsWith(source));
    expect(from('<style>').some((l) => l.url.endsWith('.woff2'))).toBe(true);
    expect(from('<link rel="stylesheet">').some((l) => l.url.endsWith('.css'))).toBe(true);
    expect(from('<source srcset>').length).toBeGreaterThan(0);
    expect(from('<img src>').length).toBeGreaterThan(0);
    expect(from('<meta http-equiv="refresh">').map((l) => l.url)).toContain('/vi/');
  });

  it('names what a page fetches from another host or does not have', () => {
    const dir = mkdtempSync(join(tmpdir(), 'self-contained-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('fonts/a.css', "@font-face{src:url(a.woff2)}@font-face{src:url('https://fonts.example/b.woff2')}");
    write('fonts/a.woff2', '');
    write('x/logo.png', '');
    write('x/index.html', '<link rel="stylesheet" href="/fonts/a.css"><link rel="canonical" href="https://elsewhere.example/"><img src="logo.png" srcset="logo.png 1x, /missing.png 2x"><script src="//cdn.example/x.js"></script>');
    write('x/404.html', '<img src="logo.png">');
    try {
      expect(selfContainedProblems(dir, ['x/index.html', 'x/404.html'])).toEqual([
        '/fonts/a.css (from x/index.html): url() https://fonts.example/b.woff2: on another host (https://fonts.example)',
        'x/index.html: <img srcset> /missing.png: no such file in the site',
        'x/index.html: <script src> //cdn.example/x.js: on another host (https://cdn.example)',
        'x/404.html: <img src> logo.png: no such file in the site',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
