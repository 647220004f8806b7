/**
 * Site search: Pagefind indexes the built site into `<site>/pagefind/`, one index per language.
 *
 * Pagefind splits the index by each page's `<html lang>`, and the search page loads the index of
 * its own `lang`, so a reader searches only pages written in their language. Which pages count is
 * decided in the templates: Base.astro marks `<main data-pagefind-body>` on pages in their own
 * language only, and once any page has that mark, Pagefind skips every page without it (fallback
 * pages, print sources, /status/, the search pages, the language redirect at `/`); article cards
 * and breadcrumbs carry `data-pagefind-ignore`. Only the locale folders are read, so print sources
 * would stay out even without the mark.
 *
 * Pagefind's extended binary (which @pagefind/<platform> ships, and the Node API prefers) splits
 * Chinese and Japanese text into words while indexing; the plain one would not, so it is required.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { getLocale, localeIds, type LocaleId } from '../i18n/locales.ts';
import { searchIndexKey, SearchIndexCache } from './search-cache.ts';
import { indexWordSeparator } from './search-text.ts';
import { separateWords, tagPattern } from '../i18n/word-breaks.ts';

/** Changed whenever spacedForIndex sets words apart differently, so a kept index is not reused. */
const indexWordsVersion = 1;

/**
 * A page's HTML with the words of its Thai, Lao and Khmer text apart. The separator ends in a
 * space, where Pagefind splits; its word joiner is no letter, so the word is indexed without it, and
 * the search page takes both out of excerpts again (search-text.ts).
 */
export function spacedForIndex(html: string): string {
  return html
    .split(tagPattern)
    // Words the pages mark (src/middleware.ts) end at their <wbr>; other runs are split here.
    .map((part, i) => (i % 2 === 0 ? separateWords(part, indexWordSeparator) : /^<wbr\b/i.test(part) ? indexWordSeparator : part))
    .join('');
}

/** An error an editor can act on; `describeError` prints the hint. */
class SearchIndexError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** Pagefind's index key for a locale: its `lang` tag, lower-cased (`zh-Hans` → `zh-hans`). */
export function indexKey(locale: LocaleId): string {
  return getLocale(locale).tag.toLowerCase();
}

/** Pages per locale from `pagefind-entry.json`; a language that is no locale of ours is an error. */
function pagesPerLocale(entry: { languages: Record<string, { page_count: number }> }): Map<LocaleId, number> {
  const known = new Map(localeIds.map((id) => [indexKey(id), id]));
  const strangers = Object.keys(entry.languages).filter((key) => !known.has(key));
  if (strangers.length) {
    throw new SearchIndexError(
      `search: pages in language ${strangers.map((s) => `"${s}"`).join(', ')} were indexed, which is no language in locales/languages.yaml.`,
      'Every page in a locale folder must carry its locale’s tag in <html lang> (src/layouts/Base.astro does this).',
    );
  }
  const counts = new Map(localeIds.map((id) => [id, entry.languages[indexKey(id)]?.page_count ?? 0]));
  const empty = localeIds.filter((id) => counts.get(id) === 0);
  if (empty.length) {
    throw new SearchIndexError(
      `search: no pages were indexed in ${empty.join(', ')}; the search page there would show results in another language.`,
      'Pages are indexed from <main data-pagefind-body> in src/layouts/Base.astro; keep that mark on pages in their own language.',
    );
  }
  return counts;
}

// Pagefind writes its ready-made search UIs too; the search page has its own small script.
const unusedBundles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/**
 * The extended Pagefind binary, found the way the Node API finds it. Checked first, so a missing
 * binary is one clear error rather than the API's stack traces, and so Chinese and Japanese are
 * never indexed unsegmented by the plain build.
 */
function extendedBinary(fromEnv: string | undefined): string {
  const hint = 'Run npm run setup to install the npm packages again (Pagefind ships its binary as @pagefind/<platform>).';
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new SearchIndexError(`search: PAGEFIND_EXTENDED_BINARY_PATH names ${fromEnv}, which does not exist.`, 'Point it at a pagefind_extended binary, or unset it.');
  }
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@pagefind/${platform}-${process.arch}/bin/pagefind_extended${platform === 'windows' ? '.exe' : ''}`;
  try {
    return createRequire(import.meta.url).resolve(name);
  } catch {
    throw new SearchIndexError(`search: Pagefind's extended binary (${name}), which splits Chinese and Japanese text into words, is not installed.`, hint);
  }
}

/** Writes `<siteDir>/pagefind/` and logs how many pages each language's index holds. */
/** The pages the index reads: every HTML page under a language's folder. */
function indexedPages(siteDir: string): string[] {
  return localeIds.flatMap((id) =>
    existsSync(join(siteDir, id)) ? readdirSync(join(siteDir, id), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => `${id}/${f}`) : [],
  );
}

export interface SearchIndexOptions {
  pagefindBinary: string | undefined;
  /** Where the last index is kept, to be reused while no page changed; null indexes every time. */
  cacheDir?: string | null | undefined;
}

export async function indexSite(siteDir: string, log: (line: string) => void, options: SearchIndexOptions): Promise<Map<LocaleId, number>> {
  const outputPath = join(siteDir, 'pagefind');
  const failed = (step: string, errors: readonly string[]) =>
    new SearchIndexError(`search: Pagefind could not ${step}:\n  ${errors.join('\n  ')}`, 'These are Pagefind’s own messages; if it cannot start at all, run npm run setup.');
  // Pagefind's Node API reads PAGEFIND_EXTENDED_BINARY_PATH itself; the build configuration passes it here to check it first.
  const binary = extendedBinary(options.pagefindBinary);
  const cache = options.cacheDir ? new SearchIndexCache(options.cacheDir) : undefined;
  // The indexer's identity: Pagefind's binary, and how Thai, Lao and Khmer words are set apart (see spacedForIndex).
  const key = cache && searchIndexKey(siteDir, indexedPages(siteDir), `${binary} ${statSync(binary).size} ${statSync(binary).mtimeMs} words:${indexWordsVersion}`);
  if (cache && key && cache.restore(key, outputPath)) return report(outputPath, log, ' (unchanged, from the cache)');
  try {
    const created = await pagefind.createIndex({});
    if (!created.index || created.errors.length) throw failed('start', created.errors);
    const { index } = created;
    const spaced = localeIds.filter((id) => getLocale(id).lineBreak === 'dictionary');
    const plain = localeIds.filter((id) => !spaced.includes(id));
    if (plain.length) {
      const added = await index.addDirectory({ path: siteDir, glob: plain.length > 1 ? `{${plain.join(',')}}/**/*.html` : `${plain[0]}/**/*.html` });
      if (added.errors.length) throw failed(`read the pages in ${siteDir}`, added.errors);
    }
    // Pagefind finds words at spaces only: Thai, Lao and Khmer pages are indexed with their words apart.
    for (const sourcePath of indexedPages(siteDir).filter((page) => spaced.some((id) => page.startsWith(`${id}/`)))) {
      const content = spacedForIndex(readFileSync(join(siteDir, sourcePath), 'utf8'));
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length) throw failed(`read ${sourcePath}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw failed(`write ${outputPath}`, written.errors);
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    // The Node API throws plain errors when its binary is missing or dies.
    throw failed('index the site', [error instanceof Error ? error.message.split('\n')[0]! : String(error)]);
  } finally {
    await pagefind.close();
  }
  for (const file of unusedBundles) rmSync(join(outputPath, file), { force: true });
  const counts = report(outputPath, log);
  if (cache && key) cache.store(key, outputPath);
  return counts;
}

function report(outputPath: string, log: (line: string) => void, note = ''): Map<LocaleId, number> {
  const counts = pagesPerLocale(JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')));
  log(localeIds.map((id) => `${id} ${counts.get(id)} ${counts.get(id) === 1 ? 'page' : 'pages'}`).join(', ') + note);
  return counts;
}
