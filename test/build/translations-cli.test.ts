/** `npm run translations` as an editor uses it, on a copy of the fixture content. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLocale, localeIds } from '../../src/i18n/locales.ts';
import { checkContentFolder } from '../../src/content/read.ts';
import { contentStatus, type StatusRow } from '../../src/translations/status.ts';

const work = mkdtempSync(join(tmpdir(), 'press-translations-'));
const content = join(work, 'content');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/translations.ts', '--content', content, ...args], { encoding: 'utf8' });
const find = (rows: StatusRow[], kind: string, id: string, locale: string) => rows.find((r) => r.kind === kind && r.id === id && r.locale === locale)?.state;
/** A text's state as `--json` gives it. */
const state = (kind: string, id: string, locale: string) => find((JSON.parse(run('--json').stdout) as { rows: StatusRow[] }).rows, kind, id, locale);
/**
 * The same state from the function `--json` prints (scripts/translations.ts), read in this process:
 * the checks between two commands need no command of their own (a Node start each, a second or more).
 */
const stateNow = (kind: string, id: string, locale: string) => find(contentStatus(checkContentFolder(content, content).index, content), kind, id, locale);

describe('translations command', () => {
  beforeAll(() => cpSync('test/fixtures/site/content', content, { recursive: true }));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('--done records a translation as current in its own frontmatter', () => {
    // The fixture's Chinese alpha records no source: it counts as outdated.
    expect(state('article', 'alpha', 'zh')).toBe('outdated');
    const done = run('--done', 'zh', join(content, 'articles/alpha/zh.mdx'));
    expect(done.status).toBe(0);
    expect(readFileSync(join(content, 'articles/alpha/zh.mdx'), 'utf8')).toMatch(/^translatedFrom: [0-9a-f]{12}$/m);
    expect(stateNow('article', 'alpha', 'zh')).toBe('up-to-date');
  });

  it('shows a translation as outdated after its Vietnamese source is edited, until --done again', () => {
    expect(stateNow('article', 'alpha', 'ko')).toBe('up-to-date');
    appendFileSync(join(content, 'articles/alpha/vi.mdx'), '\nMột câu mới về khu công nghiệp.\n');
    expect(state('article', 'alpha', 'ko')).toBe('outdated');
    expect(run('--done', 'ko', join(content, 'articles/alpha/ko.mdx')).status).toBe(0);
    expect(stateNow('article', 'alpha', 'ko')).toBe('up-to-date');
  });

  it('shows a deleted translation as missing', () => {
    rmSync(join(content, 'articles/alpha/ko.mdx'));
    expect(stateNow('article', 'alpha', 'ko')).toBe('missing');
  });

  it('prints a table an editor can read', () => {
    const table = run();
    expect(table.status).toBe(0);
    // One column per translation language, in the languages file's order; the fixture has no text
    // in a language added since (npm run new -- locale), so it shows "missing" there.
    const row = (item: string, states: Record<string, string>) =>
      new RegExp(`^${item}${localeIds.filter((id) => id !== defaultLocale).map((id) => `\\s+${states[id] ?? 'missing'}`).join('')}$`, 'm');
    expect(table.stdout).toMatch(row('article alpha', { en: 'OUTDATED', ja: 'OUTDATED', zh: 'OUTDATED' }));
    expect(table.stdout).toMatch(row('article gamma', {}));
  });

  it('--strict fails when a publication due for print lacks a translation, and names it', () => {
    const strict = run('--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('bulletin 2026-09 (en): article "gamma" is missing');
    expect(strict.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses to record a file under the wrong language, with a clear message', () => {
    const wrong = run('--done', 'ja', join(content, 'articles/alpha/en.mdx'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('is not the ja translation: its name should be ja.mdx');
  });
});
