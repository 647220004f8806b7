/** `npm run new -- locale <id>` on a copy of the project: the site then builds with the new language. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languagesFile, readLanguages } from '../../src/i18n/language-schema.ts';
import { isLocaleId } from '../../src/i18n/locales.ts';
import { knownLocales } from '../../src/scaffold/locale.ts';

// A known language the project does not have yet, and whose font (if it needs one) is installed:
// French until someone adds French, then German. The command would install a missing font with npm.
const added = Object.values(knownLocales).find((l) => !isLocaleId(l.id) && (!l.font || existsSync(join('node_modules', l.font.package))));

describe.skipIf(!added)(`a new language (${added?.id})`, () => {
  const locale = added!;
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
    const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
    scaffold = node('scripts/new.ts', 'locale', locale.id);
    build = node('scripts/build.ts', '--content', 'content', '--no-cache');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('is added to the languages file, after the others, with UI strings seeded from English', () => {
    expect(scaffold.status, String(scaffold.stderr)).toBe(0);
    const before = readFileSync(languagesFile, 'utf8');
    const after = readFileSync(join(project, languagesFile), 'utf8');
    const { data } = readLanguages(after);
    expect(Object.keys(data?.languages ?? {})).toEqual([...Object.keys(readLanguages(before).data!.languages), locale.id]);
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
    const home = readFileSync(join(project, `dist/${locale.id}/index.html`), 'utf8');
    expect(home).toMatch(new RegExp(`<html lang="${locale.tag}"`));
    const article = readFileSync(join(project, `dist/${locale.id}/articles/alpha/index.html`), 'utf8');
    expect(article).toContain('class="fallback-notice"');
    expect(article).toContain('<meta name="robots" content="noindex"');
    expect(readFileSync(join(project, 'dist/vi/index.html'), 'utf8')).toContain(`href="/${locale.id}/" hreflang="${locale.tag}"`);
  });
});
