/**
 * Every language `npm run new -- locale` offers in a script written without spaces between words
 * (Lao, Khmer, Thai), added the way a new user would: one project copy with all of them and texts
 * written for this test (test/fixtures/scripts/: an article translated into each, one left in
 * English, a booklet edition in each), built once with its PDFs. Its pages, PDFs, search and cards
 * are then read as readers and printers meet them. A language with spaces between words (French)
 * is added to the same copy, for what `new -- locale` writes and how the site falls back for it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languagesFile, readLanguages } from '../../src/i18n/language-schema.ts';
import { isLocaleId } from '../../src/i18n/locales.ts';
import { knownLocales } from '../../src/scaffold/locale.ts';
import { serveSite, type StaticServer } from '../../src/server/static-server.ts';
import { connectChromium } from '../helpers/browser.ts';
import { foreignFonts } from '../helpers/fonts-used.ts';

// The offered languages that break lines by dictionary, whose font is installed (the command would install it).
const added = Object.values(knownLocales).filter((l) => l.lineBreak === 'dictionary' && (!l.font || existsSync(join('node_modules', l.font.package))));
const fixture = 'test/fixtures/scripts/content';

/** A word of each language's article that only its running text has (not the title): "airport". */
const runningWord: Record<string, string> = { km: 'អាកាសយានដ្ឋាន', lo: 'ສະໜາມບິນ', th: 'สนามบิน' };

// A known language with spaces between words that the project does not have yet, and whose font (if
// it needs one) is installed: French until someone adds French, then German. Added to the same
// project copy, so one build serves both: `npm run new -- locale` for a language as it comes.
const spaced = Object.values(knownLocales).find((l) => l.lineBreak !== 'dictionary' && !isLocaleId(l.id) && (!l.font || existsSync(join('node_modules', l.font.package))));
const scaffolded = [...added, ...(spaced ? [spaced] : [])];

const project = mkdtempSync(join(tmpdir(), 'press-scripts-'));
const dist = join(project, 'dist');
const print = join(dist, 'print');
const scaffolds = new Map<string, ReturnType<typeof spawnSync>>();
let build: ReturnType<typeof spawnSync>;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!scaffolded.length) return;
  for (const entry of ['src', 'locales', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(entry)) cpSync(entry, join(project, entry), { recursive: true });
  }
  cpSync(fixture, join(project, 'content'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(project, 'node_modules'));
  const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
  for (const locale of scaffolded) scaffolds.set(locale.id, node('scripts/new.ts', 'locale', locale.id));
  build = node('scripts/build.ts', '--content', 'content', '--no-cache', '--cache-dir', join(project, '.cache'));
  if (build.status === 0) [browser, server] = await Promise.all([connectChromium(), serveSite(dist, { unchanging: true })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(project, { recursive: true, force: true });
});

describe.skipIf(added.length === 0)(`languages without spaces between words (${added.map((l) => l.id).join(', ')})`, () => {
  const pageIn = async <T>(use: (page: Page) => Promise<T>): Promise<T> => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      return await use(page);
    } finally {
      await page.close();
    }
  };
  const pdf = (locale: string) => join(print, `booklet-guide-${locale}.pdf`);
  const tool = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });

  it('are each added with their script’s font and dictionary line breaking', () => {
    for (const locale of added) expect(scaffolds.get(locale.id)?.status, String(scaffolds.get(locale.id)?.stderr)).toBe(0);
    const { data } = readLanguages(readFileSync(join(project, languagesFile), 'utf8'));
    for (const locale of added) {
      const entry = data?.languages[locale.id as keyof typeof data.languages];
      expect(entry, locale.id).toMatchObject({ lineBreak: 'dictionary', fonts: { text: [locale.font?.id, 'noto-sans'] } });
    }
  });

  it('build a site and a booklet edition in each language, listed on the order sheet', () => {
    expect(build.status, String(build.stderr) + String(build.stdout)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(print, 'manifest.json'), 'utf8')) as Array<{ kind: string; locale: string; file: string }>;
    const orderSheet = readFileSync(join(print, 'order-sheet.csv'), 'utf8');
    for (const { id } of added) {
      expect(manifest.find((e) => e.kind === 'booklet' && e.locale === id)?.file).toBe(`booklet-guide-${id}.pdf`);
      expect(orderSheet).toMatch(new RegExp(`^booklet guide,${id},A5,\\d+,\\d+,.*,booklet-guide-${id}\\.pdf,`, 'm'));
    }
  });

  it.each(added.map((l) => l.id))('%s: every font of the PDF embedded, none of Type 3, the script’s own among them', (id) => {
    const rows = tool('pdffonts', pdf(id)).trim().split('\n').slice(2);
    for (const row of rows) {
      expect(row).not.toContain('Type 3');
      expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
    }
    const family = knownLocales[id]!.font!.family.replaceAll(' ', '');
    expect(rows.some((row) => row.includes(`+${family}-Regular`)), rows.join('\n')).toBe(true);
  });

  it.each(added.map((l) => l.id))('%s: the contents list the page each part starts on, where its running head names it', (id) => {
    const pageText = (n: number) => tool('pdftotext', '-f', String(n), '-l', String(n), '-layout', pdf(id), '-').replace(/\s+/g, '');
    const title = /^title: "(.*)"$/m.exec(readFileSync(join(fixture, 'articles/expressway', `${id}.mdx`), 'utf8'))![1]!;
    // The contents page: the article's title followed by the page its text starts on.
    const contents = tool('pdftotext', '-layout', pdf(id), '-').split('\f').findIndex((p) => /Contents/.test(p)) + 1;
    const entry = new RegExp(`${title.replace(/\s+/g, '')}\\.*(\\d+)`).exec(pageText(contents));
    expect(entry, `contents on page ${contents}`).not.toBeNull();
    const start = Number(entry![1]);
    // That page shows the title twice: the running head and the heading.
    expect(pageText(start).split(title.replace(/\s+/g, '')).length - 1).toBeGreaterThanOrEqual(2);
  });

  it.each(added.map((l) => l.id))('%s: no line of the PDF ends inside a word', (id) => {
    // The texts as written, without spaces (pdftotext adds some after marks), and where their words end.
    const strip = (s: string) => s.replace(/\s+/g, '');
    const segmenter = new Intl.Segmenter(id, { granularity: 'word' });
    let source = '';
    const wordEnds = new Set<number>();
    for (const file of [`booklets/guide/${id}.mdx`, `articles/expressway/${id}.mdx`]) {
      for (const line of readFileSync(join(fixture, file), 'utf8').split('\n')) {
        for (const { segment } of segmenter.segment(line)) {
          wordEnds.add(source.length);
          source += strip(segment);
        }
        wordEnds.add(source.length);
        source += '\n';
      }
    }
    const lines = tool('pdftotext', '-raw', pdf(id), '-').split('\n').map(strip).filter(Boolean);
    let lineEnds = 0;
    const inside: string[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      // A line end inside the running text: the end of one line and the start of the next, together in the source.
      const [end, start] = [lines[i]!.slice(-10), lines[i + 1]!.slice(0, 10)];
      const at = source.indexOf(end + start);
      if (at < 0) continue;
      lineEnds++;
      if (!wordEnds.has(at + end.length)) inside.push(`${end}|${start}`);
    }
    expect(lineEnds, 'line ends found in the running text').toBeGreaterThanOrEqual(4);
    expect(inside).toEqual([]);
  });

  it.each(added.map((l) => l.id))('%s: the key-figures graphic sets its long label in lines that end between words, printed as text', (id) => {
    const label = /^ {2}area: "(.*)"$/m.exec(readFileSync(join(fixture, 'booklets/guide', `${id}.mdx`), 'utf8'))![1]!;
    const html = readFileSync(join(dist, 'print', 'booklet', 'guide', id, 'index.html'), 'utf8');
    const tile = /<text class="figure-label"[^>]*>([\s\S]*?)<\/text>/.exec(html)![1]!;
    const lines = [...tile.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);
    expect(lines.length, lines.join(' | ')).toBeGreaterThan(1);
    expect(lines.join('')).toBe(label);
    const ends = new Set<number>();
    let at = 0;
    for (const { segment } of new Intl.Segmenter(id, { granularity: 'word' }).segment(label)) ends.add((at += segment.length));
    let offset = 0;
    for (const line of lines) expect(ends.has((offset += line.length)), lines.join(' | ')).toBe(true);
    expect(tool('pdftotext', pdf(id), '-').replace(/\s+/g, '')).toContain(label);
  });

  // Browser checks of the three languages side by side: most of their time is Chromium's.
  it.concurrent.each(added.map((l) => l.id))('%s: a search for a word inside running text finds its page; fallback pages are not indexed', async (id) => {
    const search = (query: string) =>
      pageIn(async (page) => {
        await page.goto(`${server.url}/${id}/search/?q=${encodeURIComponent(query)}`);
        await expect.poll(() => page.locator('.search-status').innerText()).toContain(query);
        await expect.poll(() => page.locator('.site-search').getAttribute('aria-busy')).toBeNull();
        return {
          links: await page.locator('.search-results h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
          marks: await page.locator('.search-results mark').allInnerTexts(),
        };
      });
    const found = await search(runningWord[id]!);
    expect(found.links).toEqual([`/${id}/articles/expressway/`]);
    expect(found.marks).toContain(runningWord[id]);
    // The untranslated article is shown in English at /<id>/articles/tea-farms/, and not searched there.
    expect((await search('roasting')).links).toEqual([]);
  });

  it.concurrent.each(added.map((l) => l.id))('%s: every glyph of its pages, fallback pages, search and print pages from the self-hosted fonts', async (id) => {
    const { data } = readLanguages(readFileSync(join(project, languagesFile), 'utf8'));
    const families = Object.values(data!.fonts).map((f) => f.family);
    const paths = [`/${id}/`, `/${id}/articles/expressway/`, `/${id}/articles/tea-farms/`, `/${id}/404.html`, `/${id}/search/?q=${encodeURIComponent(runningWord[id]!)}`, `/print/booklet/guide/${id}/`, '/vi/'];
    const found: string[] = [];
    // One context for the language's pages: its font slices are fetched once (the site is served as unchanging).
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of paths) {
        const page = await context.newPage();
        await page.goto(server.url + path, { waitUntil: 'load' });
        if (path.includes('/search/')) await expect.poll(() => page.locator('.search-results mark').count()).toBeGreaterThan(0);
        await page.evaluate(() => document.fonts.ready);
        found.push(...(await foreignFonts(await context.newCDPSession(page), families)).map((f) => `${path}: ${f}`));
        await page.close();
      }
    } finally {
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it.each(added.map((l) => l.id))('%s: UI strings not yet translated read as English, marked so, naming the page’s own language', (id) => {
    const name = knownLocales[id]!.name;
    const search = readFileSync(join(dist, id, 'search/index.html'), 'utf8');
    expect(search).toContain(`<span class="ui-string" lang="en">Search every page of this site published in <span lang="${id}"`);
    expect(search).toMatch(new RegExp(`lang="${id}"[^>]*>(?:<span class="word">)?${name}(?:</span>)+\\.</span>`));
    expect(search).not.toContain('published in English');
    const home = readFileSync(join(dist, id, 'index.html'), 'utf8');
    expect(home).toMatch(/<a href="\/\w+\/"><span class="ui-string" lang="en">Home<\/span><\/a>/);
    // The booklet names its own language: "ខ្មែរ edition", not "English edition".
    const booklet = readFileSync(join(print, 'booklet/guide', id, 'index.html'), 'utf8');
    expect(booklet).toMatch(new RegExp(`${name}(?:</span>)+ edition`));
    expect(booklet).not.toContain('English edition');
  });

  it.each(added.map((l) => l.id))('%s: the article’s card carries its title, not the site name alone', async (id) => {
    const card = (path: string) => /property="og:image" content="[^"]*?(\/social\/[^"]+)"/.exec(readFileSync(join(dist, path), 'utf8'))![1]!;
    const article = card(`${id}/articles/expressway/index.html`);
    expect(article).toBe(`/social/${id}/articles/expressway.png`);
    // The home page's card has the site name as its title: the article's must show other glyphs.
    const [a, b] = await Promise.all([article, card(`${id}/index.html`)].map((path) => sharp(join(dist, path)).raw().toBuffer()));
    let different = 0;
    for (let i = 0; i < a!.length; i++) if (a![i] !== b![i]) different++;
    expect(different).toBeGreaterThan(20_000);
  });
});

describe.skipIf(!spaced)(`a new language with spaces between words (${spaced?.id})`, () => {
  const locale = spaced!;

  it('is added to the languages file, after the others, with UI strings seeded from English', () => {
    expect(scaffolds.get(locale.id)?.status, String(scaffolds.get(locale.id)?.stderr)).toBe(0);
    const before = readFileSync(languagesFile, 'utf8');
    const after = readFileSync(join(project, languagesFile), 'utf8');
    const { data } = readLanguages(after);
    expect(Object.keys(data?.languages ?? {})).toEqual([...Object.keys(readLanguages(before).data!.languages), ...scaffolded.map((l) => l.id)]);
    expect(data?.languages[locale.id as keyof typeof data.languages]).toMatchObject({ tag: locale.tag, name: locale.name, intl: locale.intl });
    // The file's own words are kept: every comment line is still there.
    for (const line of before.split('\n').filter((l) => l.startsWith('#'))) expect(after).toContain(line);
    const common = JSON.parse(readFileSync(join(project, `locales/${locale.id}/common.json`), 'utf8'));
    expect(common.nav.home).toBe('Home');
    // Every plural form of the language (French has "many": 1 000 000 de…), seeded from English.
    for (const category of new Intl.PluralRules(locale.intl).resolvedOptions().pluralCategories) {
      expect(common.search[`resultCount_${category}`], category).toBe(common.search[`resultCount_${category === 'one' ? 'one' : 'other'}`]);
    }
  });

  it('builds: every page exists in the new language, served by fallback until translated', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    const home = readFileSync(join(dist, `${locale.id}/index.html`), 'utf8');
    expect(home).toMatch(new RegExp(`<html lang="${locale.tag}"`));
    const article = readFileSync(join(dist, `${locale.id}/articles/tea-farms/index.html`), 'utf8');
    expect(article).toContain('class="fallback-notice"');
    expect(article).toContain('<meta name="robots" content="noindex"');
    expect(readFileSync(join(dist, 'vi/index.html'), 'utf8')).toContain(`href="/${locale.id}/" hreflang="${locale.tag}"`);
  });
});
