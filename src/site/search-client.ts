/**
 * The search page in the browser. The page is a plain GET form (`?q=`); this script answers it
 * with Pagefind's JS API, which loads only here and picks the index of the page's `<html lang>`.
 * Results are built from text nodes; the result count is announced through a live region.
 */
import { separateWords } from '../i18n/word-breaks.ts';
import { excerptParts, fillTemplate, matchDiacriticsExactly, resultCountText, type SearchStrings } from './search-text.ts';

/** The part of Pagefind's JS API this page uses (`/pagefind/pagefind.js`, written by the build). */
interface Pagefind {
  options(options: { excerptLength?: number; exactDiacritics?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
  debouncedSearch(query: string, options?: object, timeout?: number): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>;
}

const pageSize = 10;
// A variable, so the bundler leaves the import to the browser: the file exists only in the built site.
const pagefindUrl = '/pagefind/pagefind.js';

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  if (!pagefind) {
    pagefind = import(/* @vite-ignore */ pagefindUrl).then(async (api: Pagefind) => {
      // Options given before init are replaced by the next call, so init right after them.
      await api.options({ excerptLength: 24 });
      await api.init();
      return api;
    });
    // A failed load (offline, say) is tried again on the next search.
    pagefind.catch(() => (pagefind = undefined));
  }
  return pagefind;
}

export function startSearch(root: HTMLElement): void {
  const strings = JSON.parse(root.dataset.search ?? '{}') as SearchStrings;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const more = root.querySelector<HTMLButtonElement>('.search-more')!;

  let current = 0;
  let pending: PagefindResult[] = [];

  async function showNext(token: number, focusFirst: boolean) {
    const batch = pending.slice(0, pageSize);
    pending = pending.slice(pageSize);
    const pages = await Promise.all(batch.map((r) => r.data()));
    if (token !== current) return;
    const items = pages.map((page) => {
      const item = document.createElement('li');
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = page.url;
      link.textContent = excerptParts(page.meta.title ?? page.url).map((p) => p.text).join('');
      heading.append(link);
      const excerpt = document.createElement('p');
      for (const part of excerptParts(page.excerpt)) {
        if (!part.marked) excerpt.append(part.text);
        else excerpt.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
      }
      item.append(heading, excerpt);
      return item;
    });
    list.append(...items);
    more.hidden = pending.length === 0;
    // After "more", keyboard and screen-reader users continue at the first new result.
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  }

  async function run(query: string, debounce: boolean) {
    const token = ++current;
    const q = query.trim();
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!q) {
      status.textContent = '';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = strings.loading;
    root.setAttribute('aria-busy', 'true');
    try {
      const api = await loadPagefind();
      await api.options({ exactDiacritics: matchDiacriticsExactly(q) });
      // Thai, Lao and Khmer words were indexed apart (search-index.ts): the query's words are looked up the same way.
      const words = separateWords(q);
      const search = debounce ? await api.debouncedSearch(words, {}, 250) : await api.search(words);
      // A newer query has started: leave the page to it.
      if (!search || token !== current) return;
      list.replaceChildren();
      pending = search.results;
      await showNext(token, false);
      if (token !== current) return;
      const count = search.results.length;
      status.textContent = count ? resultCountText(strings, count, q) : fillTemplate(strings.noResults, { query: q }, strings.intl);
    } catch {
      if (token !== current) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = strings.unavailable;
    } finally {
      if (token === current) root.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value, false);
  });
  input.addEventListener('input', () => void run(input.value, true));
  // Fetch Pagefind while the reader is still typing their first word.
  input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
  more.addEventListener('click', () => void showNext(current, true));

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial, false);
  }
}
