import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchIndexKey, SearchIndexCache } from '../../src/site/search-cache.ts';

const site = mkdtempSync(join(tmpdir(), 'press-search-cache-'));
const write = (path: string, text: string) => {
  mkdirSync(join(site, path, '..'), { recursive: true });
  writeFileSync(join(site, path), text);
};

describe('the search index kept between builds', () => {
  write('vi/a/index.html', '<p>một</p>');
  write('en/a/index.html', '<p>one</p>');
  const pages = ['vi/a/index.html', 'en/a/index.html'];

  it('is keyed by every indexed page and the indexer, not by their order', () => {
    const key = searchIndexKey(site, pages, 'pagefind 1');
    expect(searchIndexKey(site, [...pages].reverse(), 'pagefind 1')).toBe(key);
    expect(searchIndexKey(site, pages, 'pagefind 2')).not.toBe(key);
    write('en/a/index.html', '<p>two</p>');
    expect(searchIndexKey(site, pages, 'pagefind 1')).not.toBe(key);
    expect(searchIndexKey(site, pages.slice(1), 'pagefind 1')).not.toBe(searchIndexKey(site, pages, 'pagefind 1'));
  });

  it('restores only the index stored under the same key, and keeps the last one only', () => {
    const cache = new SearchIndexCache(join(site, 'cache'));
    write('pagefind/pagefind-entry.json', '{"first":true}');
    expect(cache.restore('k1', join(site, 'out1'))).toBe(false);
    cache.store('k1', join(site, 'pagefind'));
    write('pagefind/pagefind-entry.json', '{"second":true}');
    cache.store('k2', join(site, 'pagefind'));
    expect(readdirSync(join(site, 'cache'))).toEqual(['k2']);
    expect(cache.restore('k1', join(site, 'out1'))).toBe(false);
    expect(cache.restore('k2', join(site, 'out2'))).toBe(true);
    expect(readFileSync(join(site, 'out2', 'pagefind-entry.json'), 'utf8')).toBe('{"second":true}');
    expect(existsSync(join(site, 'out1'))).toBe(false);
  });
});
