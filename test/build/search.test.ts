/** Site search: what the Pagefind index of the fixture site holds, and how indexing reports. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeError } from '../../src/cli/report.ts';
import { fallbackPaths } from '../helpers/fallback-pages.ts';
import { checkContentFolder } from '../../src/content/read.ts';
import { getLocale, localeIds, type LocaleId } from '../../src/i18n/locales.ts';
import { routes } from '../../src/i18n/routes.ts';
import { indexKey, indexSite } from '../../src/site/search-index.ts';
import { ja, vi } from '../helpers/locales.ts';
import { htmlFiles, readPage } from '../helpers/site.ts';
import { filterKinds } from '../../src/site/catalogue.ts';

const site = inject('fixtureSite');
const pagefindDir = join(site, 'pagefind');

/** Page addresses per index, read back from Pagefind's fragments (gzip, signature, JSON). */
function indexedPages(): Map<string, string[]> {
  const byIndex = new Map<string, string[]>();
  for (const file of readdirSync(join(pagefindDir, 'fragment'))) {
    const data = gunzipSync(readFileSync(join(pagefindDir, 'fragment', file)));
    expect(data.subarray(0, 12).toString()).toBe('pagefind_dcd');
    const { url } = JSON.parse(data.subarray(12).toString('utf8')) as { url: string };
    const key = file.replace(/_[0-9a-f]+\.pf_fragment$/, '');
    byIndex.set(key, [...(byIndex.get(key) ?? []), url]);
  }
  return byIndex;
}

const urlOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

describe('search index of the fixture site', () => {
  let indexed: Map<string, string[]>;
  let fallbacks: Set<string>;
  beforeAll(() => {
    indexed = indexedPages();
    fallbacks = fallbackPaths(checkContentFolder('test/fixtures/site/content', 'content').index);
  });

  it('has one index per language, each holding only pages at that language’s addresses', () => {
    const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(localeIds.map(indexKey).sort());
    expect([...indexed.keys()].sort()).toEqual(localeIds.map(indexKey).sort());
    for (const locale of localeIds) {
      const urls = indexed.get(indexKey(locale))!;
      expect(entry.languages[indexKey(locale)].page_count).toBe(urls.length);
      for (const url of urls) expect(url, `${url} in the ${locale} index`).toMatch(new RegExp(`^/${locale}/`));
    }
  });

  it('indexes every page written in its own language, and no fallback, catalogue filter or 404 page', () => {
    expect(fallbacks).toContain('/ja/articles/beta/');
    for (const locale of localeIds) {
      const filterPages = new RegExp(`^/${locale}/invest/(${filterKinds.join('|')})/[^/]+/$`);
      const expected = htmlFiles(site, locale)
        .map(urlOf)
        .filter((url) => !fallbacks.has(url) && url !== routes.search()(locale) && !filterPages.test(url) && !url.endsWith('/404.html'));
      expect(indexed.get(indexKey(locale))!.sort(), locale).toEqual(expected.sort());
    }
    expect(indexed.get(indexKey(ja))).toContain('/ja/articles/alpha/');
  });

  it('leaves out print pages, the status page, the search pages and the language redirect', () => {
    const all = [...indexed.values()].flat();
    expect(htmlFiles(site, 'print').length).toBeGreaterThan(0);
    expect(all.filter((url) => url === '/' || url.startsWith('/print/') || url.startsWith('/status/') || url.endsWith('/search/'))).toEqual([]);
  });

  it('indexes article text, not the lists that point to it', () => {
    // The vi home page lists alpha's card; only the article itself should answer for its summary.
    const fragments = readdirSync(join(pagefindDir, 'fragment')).map((f) =>
      JSON.parse(gunzipSync(readFileSync(join(pagefindDir, 'fragment', f))).subarray(12).toString('utf8')) as { url: string; content: string },
    );
    const summary = 'Khu công nghiệp thử nghiệm dành cho kiểm thử bản dựng';
    expect(readPage(site, 'vi/').text).toContain(summary);
    expect(fragments.filter((f) => f.content.includes(summary)).map((f) => f.url)).toEqual(['/vi/articles/alpha/']);
  });

  it('holds no print figure: the index is made before the PDFs’ pages and sizes are known', () => {
    const fragments = readdirSync(join(pagefindDir, 'fragment')).map((f) => gunzipSync(readFileSync(join(pagefindDir, 'fragment', f))).subarray(12).toString('utf8'));
    // The downloads page shows figures, and is indexed.
    expect(readPage(site, 'vi/downloads/').text).toMatch(/PDF/);
    expect(fragments.some((f) => f.includes('/vi/downloads/'))).toBe(true);
    expect(fragments.filter((f) => f.includes('@@press:'))).toEqual([]);
  });
});

describe('search page and header link', () => {
  it('links the search page of the reader’s language from every page header', () => {
    for (const locale of localeIds) {
      for (const page of [`${locale}/`, `${locale}/articles/alpha/`, `${locale}/articles/gamma/`]) {
        expect(readPage(site, page).querySelector('.site-header a.search-link')?.getAttribute('href'), page).toBe(routes.search()(locale));
      }
    }
  });

  it('is a plain GET form with a label, not indexed and not in the sitemap', () => {
    for (const locale of localeIds) {
      const page = readPage(site, `${locale}/search/`);
      const form = page.querySelector('form[role="search"]')!;
      expect(form.getAttribute('action')).toBe(routes.search()(locale));
      expect(form.getAttribute('method')).toBe('get');
      const input = form.querySelector('input[name="q"]')!;
      expect(page.querySelector(`label[for="${input.getAttribute('id')}"]`)?.text.trim()).not.toBe('');
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(page.querySelector('html')?.getAttribute('lang')).toBe(getLocale(locale).tag);
    }
    expect(readFileSync(join(site, 'sitemap-0.xml'), 'utf8')).not.toContain('/search/');
  });

  it('loads Pagefind on the search page only', () => {
    const scripts = (page: string) => readPage(site, page).querySelectorAll('script').map((s) => `${s.getAttribute('src') ?? ''} ${s.text}`).join('\n');
    expect(scripts('ja/search/')).toContain('/pagefind/pagefind.js');
    const others = localeIds.flatMap((l) => htmlFiles(site, l)).filter((p) => !p.includes('/search/'));
    expect(others.length).toBeGreaterThan(20);
    for (const page of others) expect(scripts(page), page).not.toMatch(/pagefind|startSearch/);
  });
});

describe('indexSite', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A tiny built site: one page per locale (lang from its folder unless given), plus extras. */
  function miniSite(pages: Record<string, string | undefined> = {}): string {
    dir = mkdtempSync(join(tmpdir(), 'press-search-'));
    const all: Record<string, string | undefined> = { ...Object.fromEntries(localeIds.map((l) => [`${l}/index.html`, getLocale(l).tag])), ...pages };
    for (const [file, lang] of Object.entries(all)) {
      if (lang === undefined) continue;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), `<!doctype html><html lang="${lang}"><body><main data-pagefind-body><h1>${file}</h1><p>text of ${file}</p></main></body></html>`);
    }
    return dir;
  }

  it('writes one index per language and reports the pages of each, leaving out what is outside the locale folders', async () => {
    const lines: string[] = [];
    const counts = await indexSite(miniSite({ 'vi/articles/a/index.html': 'vi', 'print/x/vi/index.html': 'vi', 'status/index.html': 'vi' }), (l) => lines.push(l), { pagefindBinary: undefined });
    expect(counts.get(vi)).toBe(2);
    expect(lines).toHaveLength(1);
    const expected = localeIds.map((l: LocaleId) => `${l} ${l === vi ? '2 pages' : '1 page'}`).join(', ');
    expect(lines[0]).toBe(expected);
    expect(readdirSync(join(dir, 'pagefind'))).toContain('pagefind.js');
  });

  it('stops with a hint when a language has no page to search', async () => {
    const error = await indexSite(miniSite({ 'ja/index.html': undefined }), () => {}, { pagefindBinary: undefined }).catch((e: unknown) => e);
    const message = describeError(error);
    expect(message).toMatch(/no pages were indexed in ja\b/);
    expect(message).toContain('Hint: ');
    expect(message).not.toMatch(/^\s+at /m);
  });

  it('stops before indexing when the extended Pagefind binary (CJK word splitting) is missing', async () => {
    const error = await indexSite(miniSite(), () => {}, { pagefindBinary: join(tmpdir(), 'no-such-pagefind') }).catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/PAGEFIND_EXTENDED_BINARY_PATH names .*no-such-pagefind, which does not exist\.\n  Hint: /);
    expect(readdirSync(dir)).not.toContain('pagefind');
  });

  it('stops when pages carry a language the site does not publish in', async () => {
    // A tag no language of the languages file has (French may be added with npm run new).
    const stranger = ['fr', 'de', 'eo'].find((tag) => !localeIds.some((id) => indexKey(id) === tag))!;
    const error = await indexSite(miniSite({ 'vi/wrong/index.html': stranger }), () => {}, { pagefindBinary: undefined }).catch((e: unknown) => e);
    expect(describeError(error)).toMatch(new RegExp(`language "${stranger}".*locales/languages\\.yaml[\\s\\S]*Hint: `));
  });
});
