import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchRoute, routePatterns, servedPath, surveyTemplates } from '../helpers/page-templates.ts';

const work = mkdtempSync(join(tmpdir(), 'press-templates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(root: string, entries: Record<string, string>) {
  for (const [path, text] of Object.entries(entries)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const pagesDir = join(work, 'pages');
files(pagesDir, {
  'index.astro': '',
  '404.astro': '',
  '[locale]/index.astro': '',
  '[locale]/articles/[slug].astro': '',
  '[locale]/invest/index.astro': '',
  '[locale]/invest/[sector].astro': '',
  '[locale]/invest/new.astro': '',
  '[locale]/docs/[...path].astro': '',
  '[locale]/_draft.astro': '',
  'robots.txt.ts': '',
});

describe('route patterns from src/pages', () => {
  const routes = routePatterns(pagesDir);

  it('reads page files only, skipping endpoints and underscored files', () => {
    expect(routes.map((r) => r.pattern).sort()).toEqual(
      ['/', '/404', '/[locale]', '/[locale]/articles/[slug]', '/[locale]/docs/[...path]', '/[locale]/invest', '/[locale]/invest/[sector]', '/[locale]/invest/new'].sort(),
    );
  });

  it('matches built paths to their route, static segments before parameters', () => {
    const match = (path: string) => {
      const m = matchRoute(routes, path);
      return m && [m.route.pattern, m.params];
    };
    expect(match('/vi/invest/new')).toEqual(['/[locale]/invest/new', { locale: 'vi' }]);
    expect(match('/ja/invest/tea')).toEqual(['/[locale]/invest/[sector]', { locale: 'ja', sector: 'tea' }]);
    expect(match('/en/docs/a/b')).toEqual(['/[locale]/docs/[...path]', { locale: 'en', path: 'a/b' }]);
    expect(match('/en/docs')).toEqual(['/[locale]/docs/[...path]', { locale: 'en', path: '' }]);
    expect(match('')).toEqual(['/', {}]);
    expect(match('/404')).toEqual(['/404', {}]);
    expect(match('/vi/unknown/deep/path')).toBeUndefined();
  });

  it('reads the served path of a built file', () => {
    expect(servedPath('index.html')).toBe('');
    expect(servedPath('vi/articles/a/index.html')).toBe('/vi/articles/a');
    expect(servedPath('404.html')).toBe('/404');
  });
});

describe('template survey of a built site', () => {
  const siteDir = join(work, 'site');
  const page = (classes: string) => `<html><body><main class="${classes}"><p>x</p></main></body></html>`;
  files(siteDir, {
    'index.html': page('chooser'),
    '404.html': page('not-found'),
    'vi/index.html': page('home'),
    'en/index.html': page('home'),
    'vi/articles/a/index.html': page('article'),
    'vi/articles/b/index.html': page('article'),
    'en/articles/a/index.html': page('article'),
    'en/articles/b/index.html': page('article fallback-notice'),
    'vi/invest/index.html': page('catalogue'),
    'print/bulletin/x/vi/index.html': page('print'),
    'vi/extra/page.html': page('extra'),
  });
  const survey = surveyTemplates(siteDir, pagesDir, ['print/']);
  const picked = survey.pages.map((p) => `${p.template} ${p.locale ?? '-'} ${p.url}`);

  it('takes one page per template, language and shape', () => {
    expect(picked).toContain('/[locale]/articles/[slug] vi /vi/articles/a/');
    expect(picked).not.toContain('/[locale]/articles/[slug] vi /vi/articles/b/');
    // A fallback article looks different from a translated one: both are checked.
    expect(picked).toContain('/[locale]/articles/[slug] en /en/articles/a/');
    expect(picked).toContain('/[locale]/articles/[slug] en /en/articles/b/');
    expect(picked).toContain('/ - /');
    expect(picked).toContain('/404 - /404.html');
    expect(picked).toContain('/[locale]/invest vi /vi/invest/');
  });

  it('keeps pages no route explains, leaves out excluded folders, lists routes without pages', () => {
    expect(picked).toContain('/vi/extra/page.html - /vi/extra/page.html');
    expect(picked.some((p) => p.includes('print'))).toBe(false);
    expect(survey.unused.map((r) => r.pattern).sort()).toEqual(['/[locale]/docs/[...path]', '/[locale]/invest/[sector]', '/[locale]/invest/new']);
  });
});
