import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from '../../src/cli/arguments.ts';
import { ConfigError, environmentVariables, resolveBuildConfig } from '../../src/build/config.ts';
import { siteConfig } from '../../src/build/site-config.ts';
import { sitemapFilter } from '../../src/site/sitemap.ts';

describe('the build configuration', () => {
  it('has defaults for everything, from the project folder', () => {
    const config = resolveBuildConfig({}, {});
    expect(config.content.dir).toBe(resolve('content'));
    expect(config.content.shown).toBe('content');
    expect(config.outDir).toBe(resolve('dist'));
    expect(config.print.press).toBeNull();
    expect(config.print.jobs).toBeGreaterThanOrEqual(2);
    expect(config.caches.print).toBe(resolve('node_modules/.cache/press-print-2'));
    expect(config.debug).toBe(false);
  });

  it('takes the command line and the documented variables', () => {
    const env = { PRESS_SITE_URL: 'https://example.test', PRESS_PRINT_JOBS: '1', PRESS_RENDER_TIMEOUT: '2', PRESS_OUTPUT_CONDITION: 'FOGRA39', PRESS_DEBUG: '1', BENCH_ROUNDS: '5' };
    const config = resolveBuildConfig({ content: 'test/fixtures/site/content', press: true, marks: true, noCache: true }, env);
    expect(config.content.shown).toBe('test/fixtures/site/content');
    expect(config.siteUrl).toBe('https://example.test');
    expect(config.print).toMatchObject({ jobs: 1, renderTimeoutMs: 2000, marks: true, press: { outputCondition: 'FOGRA39' } });
    expect(config.caches).toMatchObject({ print: null, cards: null });
    expect(config.debug).toBe(true);
    expect(config.bench.rounds).toBe(5);
  });

  it('prints press files for FOGRA39 by default, with the profile this project builds; PRESS_ICC_PROFILE replaces it', () => {
    const fogra = resolveBuildConfig({ press: true }, {}).print.press;
    expect(fogra).toEqual({ iccProfile: resolve('node_modules/.cache/press-icc/FOGRA39.icc'), outputCondition: 'FOGRA39', info: 'Coated FOGRA39 (ISO 12647-2:2004)', build: true });
    const shop = resolveBuildConfig({ press: true }, { PRESS_ICC_PROFILE: 'shop.icc', PRESS_OUTPUT_CONDITION: 'FOGRA51' }).print.press;
    expect(shop).toEqual({ iccProfile: resolve('shop.icc'), outputCondition: 'FOGRA51' });
  });

  it('gives each content folder its own Astro cache, under the cache folder asked for', () => {
    const a = resolveBuildConfig({ content: 'a', cacheDir: '/tmp/caches' }, {});
    const b = resolveBuildConfig({ content: 'b', cacheDir: '/tmp/caches' }, {});
    expect(a.caches.astro).not.toBe(b.caches.astro);
    expect(a.caches.astro.startsWith('/tmp/caches/')).toBe(true);
  });

  it('refuses a number that is not one, naming the variable', () => {
    expect(() => resolveBuildConfig({}, { PRESS_PRINT_JOBS: 'many' })).toThrow(ConfigError);
    expect(() => resolveBuildConfig({}, { PRESS_RENDER_TIMEOUT: '-3' })).toThrow(/PRESS_RENDER_TIMEOUT is "-3"; expected a positive number/);
  });

  it('lists every variable it reads', () => {
    const source = resolveBuildConfig.toString();
    for (const name of source.match(/\b(?:PRESS|BENCH|PAGEFIND)_[A-Z_]+/g) ?? []) expect(Object.keys(environmentVariables)).toContain(name);
  });

  it('hands pages figures as tokens in a build, from the last manifest when serving', () => {
    const config = resolveBuildConfig({}, {});
    expect(siteConfig(config, 'build')).toMatchObject({ figures: { from: 'build' }, contentProblems: 'fail' });
    expect(siteConfig(config, 'serve')).toMatchObject({ figures: { from: 'manifest', file: join(config.outDir, 'print', 'manifest.json') }, contentProblems: 'report' });
  });
});

describe('command-line options', () => {
  it('parses the options a command declares', () => {
    const options = { out: { type: 'string', description: 'where' }, press: { type: 'boolean', description: 'press' } } as const;
    expect(parseCommandLine('npm run build --', options, { argv: ['--out', 'x', '--press'] })?.values).toEqual({ out: 'x', press: true });
  });

  it('reports an unknown option with the usage as hint, no stack trace', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const parsed = parseCommandLine('npm run build --', { out: { type: 'string', description: 'where the site goes' } }, { argv: ['--outt', 'x'] });
      expect(parsed).toBeUndefined();
      const message = String(error.mock.calls[0]?.[0]);
      expect(message).toMatch(/^error: Unknown option '--outt'/);
      expect(message).toContain('Hint: usage: npm run build -- [options]');
      expect(message).toContain('--out <out>  where the site goes');
      expect(message).not.toMatch(/^\s+at /m);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = 0;
      error.mockRestore();
    }
  });
});

describe('the sitemap', () => {
  const out = mkdtempSync(join(tmpdir(), 'press-sitemap-'));
  const page = (path: string, robots?: string) => {
    mkdirSync(join(out, path), { recursive: true });
    writeFileSync(join(out, path, 'index.html'), `<!doctype html><html><head>${robots ? `<meta name="robots" content="${robots}" />` : ''}</head></html>`);
  };
  page('vi/articles/a');
  page('ja/articles/a', 'noindex');
  const inSitemap = sitemapFilter(() => out);

  it("lists a page unless its own robots tag says noindex", () => {
    expect(inSitemap('https://x.test/vi/articles/a/')).toBe(true);
    expect(inSitemap('https://x.test/ja/articles/a/')).toBe(false);
  });

  it('leaves out the root, print sources, the status page and 404 pages', () => {
    for (const path of ['/', '/print/bulletin/2026-10/vi/', '/status/', '/vi/404/']) expect(inSitemap(`https://x.test${path}`)).toBe(false);
  });
});
