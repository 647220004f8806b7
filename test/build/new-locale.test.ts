/** `npm run new -- locale fr` on a copy of the project: the site then builds with the new language. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('a new language', () => {
  const project = mkdtempSync(join(tmpdir(), 'press-locale-'));
  let scaffold: ReturnType<typeof spawnSync>;
  let build: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    for (const entry of ['src', 'locales', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      if (existsSync(entry)) cpSync(entry, join(project, entry), { recursive: true });
    }
    // One article in every language is all the assertions read: no publications to print, no images
    // to process, so the real commands run in seconds rather than minutes.
    cpSync('test/fixtures/site/content/articles/alpha', join(project, 'content/articles/alpha'), { recursive: true });
    symlinkSync(resolve('node_modules'), join(project, 'node_modules'));
    const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: { ...process.env, PRESS_CONTENT_DIR: '' } });
    scaffold = node('scripts/new.ts', 'locale', 'fr');
    build = node('scripts/build.ts', '--content', 'content', '--no-cache');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('is added to the locale module with UI strings seeded from English', () => {
    expect(scaffold.status, String(scaffold.stderr)).toBe(0);
    expect(readFileSync(join(project, 'src/i18n/locales.ts'), 'utf8')).toContain("'zh', 'fr'] as const;");
    expect(JSON.parse(readFileSync(join(project, 'locales/fr/common.json'), 'utf8')).nav.home).toBe('Home');
  });

  it('builds: every page exists in French, served by fallback until translated', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    const home = readFileSync(join(project, 'dist/fr/index.html'), 'utf8');
    expect(home).toMatch(/<html lang="fr"/);
    const article = readFileSync(join(project, 'dist/fr/articles/alpha/index.html'), 'utf8');
    expect(article).toContain('class="fallback-notice"');
    expect(article).toContain('<meta name="robots" content="noindex"');
    expect(existsSync(join(project, 'dist/vi/index.html'))).toBe(true);
  });
});
