import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { addLocaleToModule, knownLocales } from '../../src/scaffold/locale.ts';
import { articleFiles, bulletinFiles, nextMonth, projectFiles, ScaffoldError } from '../../src/scaffold/templates.ts';

const valid = (files: Record<string, string>) =>
  checkContent({ files: Object.entries(files).map(([path, text]) => ({ path, text })), assets: [], displayRoot: 'content' }).problems.filter((p) => p.severity === 'error');

describe('npm run new templates', () => {
  it('writes articles and projects that pass the content check as they are', () => {
    expect(valid({ ...articleFiles('tea-route', '2026-11-23'), ...projectFiles('new-park') })).toEqual([]);
  });

  it('refuses a folder name that cannot be a web address', () => {
    expect(() => articleFiles('Trà Xanh', '2026-11-23')).toThrow(ScaffoldError);
  });

  it('starts the next bulletin: next month and number, same editions, a foreword each, newest articles', () => {
    const files = bulletinFiles(undefined, { month: '2026-12', number: 94, editions: ['vi', 'en'] }, ['a', 'b', 'c', 'd', 'e'], '2026-11-23');
    expect(Object.keys(files)).toEqual(['bulletins/2027-01/issue.yaml', 'bulletins/2027-01/vi.mdx', 'bulletins/2027-01/en.mdx']);
    expect(files['bulletins/2027-01/issue.yaml']).toContain('number: 95\nmonth: 2027-01\n');
    const article = (slug: string) => ({ [`articles/${slug}/vi.mdx`]: articleFiles(slug, '2026-11-01')[`articles/${slug}/vi.mdx`]! });
    expect(valid({ ...files, ...article('a'), ...article('b'), ...article('c'), ...article('d') })).toEqual([]);
    expect(nextMonth('2026-09')).toBe('2026-10');
  });

  it('adds a language to the locale module: id, definition with English then Vietnamese fallback, its script font', () => {
    const source = readFileSync('src/i18n/locales.ts', 'utf8');
    const out = addLocaleToModule(source, knownLocales.lo!);
    expect(out).toContain("export const localeIds = ['vi', 'en', 'ja', 'ko', 'zh', 'lo'] as const;");
    expect(out).toMatch(/ {2}lo: \{\n {4}tag: 'lo',\n {4}name: 'ລາວ',[\s\S]*fallback: \['en', 'vi'\],\n {4}fonts: \{ text: \['noto-sans-lao', 'noto-sans'\]/);
    expect(out).toContain("'noto-sans-lao': { family: 'Noto Sans Lao', package: '@fontsource/noto-sans-lao', subsets: 'all' },");
    expect(() => addLocaleToModule(out, knownLocales.lo!)).toThrow('already exists');
  });
});
