import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { parse } from 'yaml';
import { languagesFile, readLanguages } from '../../src/i18n/language-schema.ts';
import { isLocaleId } from '../../src/i18n/locales.ts';
import { addLocaleToLanguages, knownLocales, seedUiStrings } from '../../src/scaffold/locale.ts';
import { articleFiles, bulletinFiles, nextMonth, projectFiles, ScaffoldError } from '../../src/scaffold/templates.ts';
import { vi, en } from '../helpers/locales.ts';

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
    const files = bulletinFiles(undefined, { month: '2026-12', number: 94, editions: [vi, en] }, ['a', 'b', 'c', 'd', 'e'], '2026-11-23');
    expect(Object.keys(files)).toEqual(['bulletins/2027-01/issue.yaml', 'bulletins/2027-01/vi.mdx', 'bulletins/2027-01/en.mdx']);
    expect(files['bulletins/2027-01/issue.yaml']).toContain('number: 95\nmonth: 2027-01\n');
    const article = (slug: string) => ({ [`articles/${slug}/vi.mdx`]: articleFiles(slug, '2026-11-01')[`articles/${slug}/vi.mdx`]! });
    expect(valid({ ...files, ...article('a'), ...article('b'), ...article('c'), ...article('d') })).toEqual([]);
    expect(nextMonth('2026-09')).toBe('2026-10');
  });
});

describe('npm run new -- locale', () => {
  /** A languages file of its own, so the repository's languages (which this command changes) change nothing here. */
  const file = [
    '# The languages.',
    'default: vi',
    '',
    '# In switcher order.',
    'languages:',
    '  vi:',
    '    tag: vi',
    '    name: Tiếng Việt',
    '    dir: ltr',
    '    fallback: []',
    '    fonts:',
    '      text: [noto-serif]',
    '      heading: [noto-sans]',
    '    intl: vi-VN',
    '    lineBreak: latin # between words',
    '',
    '  en:',
    '    tag: en',
    '    name: English',
    '    dir: ltr',
    '    fallback: [vi]',
    '    fonts:',
    '      text: [noto-serif]',
    '      heading: [noto-sans]',
    '    intl: en-GB',
    '    lineBreak: latin',
    '',
    '# Fonts.',
    'fonts:',
    '  noto-sans:',
    '    family: Noto Sans',
    "    package: '@fontsource/noto-sans'",
    '    subsets: [latin, latin-ext, vietnamese]',
    '',
    '  noto-serif:',
    '    family: Noto Serif',
    "    package: '@fontsource/noto-serif'",
    '    subsets: [latin, latin-ext, vietnamese]',
    '',
  ].join('\n');
  const entries = (text: string) => parse(text) as { default: string; languages: Record<string, unknown>; fonts: Record<string, unknown> };

  it('adds a known language after the others: English then the default as fallback, its script font', () => {
    expect(readLanguages(file).problems).toEqual([]);
    const out = addLocaleToLanguages(file, 'lo');
    const data = entries(out);
    expect(Object.keys(data.languages)).toEqual(['vi', 'en', 'lo']);
    expect(data.languages.lo).toEqual({
      tag: 'lo',
      name: 'ລາວ',
      dir: 'ltr',
      fallback: ['en', 'vi'],
      fonts: { text: ['noto-sans-lao', 'noto-sans'], heading: ['noto-sans-lao', 'noto-sans'] },
      intl: 'lo-LA',
      // Lao writes words without spaces: lines break between dictionary words.
      lineBreak: 'dictionary',
    });
    expect(Object.keys(data.fonts)).toEqual(['noto-sans', 'noto-serif', 'noto-sans-lao']);
    expect(data.fonts['noto-sans-lao']).toEqual({ family: 'Noto Sans Lao', package: '@fontsource/noto-sans-lao', subsets: 'all' });
    expect(readLanguages(out).problems).toEqual([]);
  });

  it('keeps every comment and line of the file, and writes the entry in its layout', () => {
    const out = addLocaleToLanguages(file, 'fr');
    expect(out).toBe(
      file.replace(
        '    lineBreak: latin\n\n# Fonts.',
        '    lineBreak: latin\n\n  fr:\n    tag: fr\n    name: Français\n    dir: ltr\n    fallback: [en, vi]\n    fonts:\n      text: [noto-serif]\n      heading: [noto-sans]\n    intl: fr-FR\n    lineBreak: latin\n\n# Fonts.',
      ),
    );
  });

  it('falls back to the default language alone where there is no English', () => {
    const withoutEnglish = file.replace(/\n {2}en:[\s\S]*?lineBreak: latin\n/, '\n');
    expect(entries(addLocaleToLanguages(withoutEnglish, 'de')).languages.de).toMatchObject({ fallback: ['vi'] });
  });

  it('refuses a language that is already there, and one it does not know', () => {
    const out = addLocaleToLanguages(file, 'th');
    expect(() => addLocaleToLanguages(out, 'th')).toThrow(new ScaffoldError('The language "th" already exists in locales/languages.yaml.'));
    expect(() => addLocaleToLanguages(file, 'xx')).toThrow(/"xx" is not a language this command knows \(lo, km, th, fr, de\)/);
    expect(() => addLocaleToLanguages(file, 'toString')).toThrow(ScaffoldError);
  });

  it('refuses to edit a languages file that does not pass its check', () => {
    const broken = file.replace('fallback: [vi]', 'fallback: [xx, vi]');
    expect(() => addLocaleToLanguages(broken, 'fr')).toThrow(/does not pass its check[\s\S]*language-unknown/);
  });

  it('can add every known language the project does not have yet to its languages file', () => {
    let text = readFileSync(languagesFile, 'utf8');
    for (const id of Object.keys(knownLocales).filter((id) => !isLocaleId(id))) text = addLocaleToLanguages(text, id);
    expect(readLanguages(text).problems).toEqual([]);
  });

  it('seeds UI strings from English in the plural forms of the new language', () => {
    const english = { a: { count_one: '{{count}} item', count_other: '{{count}} items', title: 'Title' }, b: 'B' };
    expect(seedUiStrings(english, 'fr-FR')).toEqual({ a: { count_one: '{{count}} item', count_many: '{{count}} items', count_other: '{{count}} items', title: 'Title' }, b: 'B' });
    expect(seedUiStrings(english, 'lo-LA')).toEqual({ a: { count_other: '{{count}} items', title: 'Title' }, b: 'B' });
    expect(seedUiStrings(english, 'en-GB')).toEqual(english);
  });
});
