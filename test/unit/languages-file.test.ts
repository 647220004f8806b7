/** locales/languages.yaml: its check names file, line, field, what was expected and a hint, like the content check. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, languageProblemCatalogue } from '../../src/content/problems.ts';
import { languagesFile, LanguagesError, readLanguages, readLanguagesFile } from '../../src/i18n/language-schema.ts';

const file = readFileSync(languagesFile, 'utf8');
/** The project's file with one change, which must be there to make. */
const edit = (from: string | RegExp, to: string) => {
  const out = file.replace(from, to);
  expect(out, `${String(from)} is in ${languagesFile}`).not.toBe(file);
  return out;
};
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('the languages file', () => {
  it('passes its own check', () => {
    expect(readLanguages(file).problems).toEqual([]);
  });

  /** For each problem: the file as broken, and the field and line it must be reported at. */
  const cases = {
    'languages-file-missing': undefined,
    'language-duplicate': () => {
      const text = edit(/\n {2}ko:\n/, '\n  ja:\n');
      return { text, field: 'languages.ja', line: text.slice(0, text.lastIndexOf('\n  ja:\n') + 1).split('\n').length };
    },
    'language-unknown': () => {
      const text = edit('fallback: [vi]', 'fallback: [xx, vi]');
      return { text, field: 'languages.en.fallback[1]', line: lineOf(text, 'fallback: [xx, vi]') };
    },
    'font-unknown': () => {
      const text = edit(/text: \[noto-serif\]/, 'text: [noto-serif, noto-sans-xx]');
      return { text, field: 'languages.vi.fonts.text[2]', line: lineOf(text, 'noto-sans-xx') };
    },
    'fallback-invalid': () => {
      const text = edit('fallback: []', 'fallback: [en]');
      return { text, field: 'languages.vi.fallback', line: lineOf(text, 'fallback: [en]') };
    },
  } as const;

  it('has a case for every problem of its own', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(languageProblemCatalogue).sort());
  });

  it.each(Object.entries(cases).filter(([, make]) => make))('%s: names the file, line and field, with a hint', (code, make) => {
    const { text, field, line } = make!();
    const problems = readLanguages(text).problems;
    const found = problems.find((p) => p.code === code);
    expect(found, JSON.stringify(problems, null, 2)).toMatchObject({ file: languagesFile, field, line, severity: 'error' });
    expect(found!.hint).toBe(languageProblemCatalogue[code as keyof typeof languageProblemCatalogue].hint);
  });

  it('describes fields of the wrong form as the content check does', () => {
    const problems = readLanguages(edit(/dir: ltr/, 'dir: sideways').replace(/lineBreak: cjk/, 'lineBreak: kinsoku')).problems;
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^error \[field-invalid\] locales\/languages\.yaml:\d+ {2}field "languages\.vi\.dir"\n {2}Expected one of: ltr, rtl; found "sideways"\.\n {2}Hint: /),
      expect.stringMatching(/field "languages\.ja\.lineBreak"\n {2}Expected one of: latin, cjk, korean, dictionary; found "kinsoku"\./),
    ]);
  });

  it('names a language id that cannot be an address, an unknown field, a missing field and a bad tag', () => {
    const text = edit(/\n {2}zh:\n/, '\n  Zh:\n').replace('intl: en-GB', 'intl: en-GB\n    colour: red').replace('name: English\n    dir: ltr\n', 'name: English\n').replace('tag: ko', 'tag: ko_KR!');
    const problems = readLanguages(text).problems;
    expect(problems.map((p) => [p.code, p.field]).sort()).toEqual([
      ['field-invalid', 'languages.Zh'],
      ['field-invalid', 'languages.ko.tag'],
      ['field-missing', 'languages.en.dir'],
      ['field-unknown', 'languages.en.colour'],
    ]);
    const at = (field: string) => problems.find((p) => p.field === field)!;
    expect(at('languages.Zh')).toMatchObject({ line: lineOf(text, 'Zh:'), message: '"Zh" cannot be used as a name here. Expected text matching a language id: 2 or 3 lowercase letters, e.g. fr (or fr-ca).' });
    expect(at('languages.ko.tag')).toMatchObject({ line: lineOf(text, 'ko_KR!'), message: 'Expected a BCP 47 language tag (e.g. en, zh-Hans); found "ko_KR!".' });
    expect(at('languages.en.colour')).toMatchObject({ line: lineOf(text, 'colour') });
    expect(at('languages.en.dir')).toMatchObject({ line: lineOf(text, 'name: English') - 1, message: 'The required field "languages.en.dir" is missing.' });
  });

  it('checks the default language and every fallback chain against the others', () => {
    const problems = readLanguages(edit('default: vi', 'default: xx').replace('fallback: [vi]', 'fallback: [vi, en]')).problems;
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['language-unknown', 'default'],
      ['fallback-invalid', 'languages.en.fallback[2]'],
    ]);
    const noDefault = readLanguages(edit('fallback: [vi]', 'fallback: [ja]')).problems;
    expect(noDefault.map((p) => p.message)).toEqual(['The fallback list of "en" must end with the default language "vi", where every text exists; found [ja].']);
  });

  it('says so when the file cannot be read', () => {
    expect(readLanguagesFile('locales/no-such-file.yaml').problems).toMatchObject([{ code: 'languages-file-missing', file: 'locales/no-such-file.yaml' }]);
  });

  it('reports invalid YAML with its line', () => {
    const problems = readLanguages('default: vi\nlanguages:\n  vi: [\n').problems;
    expect(problems).toMatchObject([{ code: 'yaml-syntax', file: languagesFile }]);
  });

  it('carries every problem in the message of the error the locale module throws', () => {
    const error = new LanguagesError(readLanguages(edit('fallback: [vi]', 'fallback: [xx, vi]')).problems);
    expect(error.message).toMatch(/^error \[language-unknown\] locales\/languages\.yaml:\d+ {2}field "languages\.en\.fallback\[1\]"[\s\S]*1 error, 0 warnings in locales\/languages\.yaml\.$/);
  });
});

describe('a command with a broken languages file', () => {
  it('stops before anything else, with the problems and no stack trace', () => {
    const project = mkdtempSync(join(tmpdir(), 'press-languages-'));
    try {
      for (const entry of ['src', 'scripts', 'package.json']) cpSync(entry, join(project, entry), { recursive: true });
      cpSync('locales', join(project, 'locales'), { recursive: true });
      symlinkSync(resolve('node_modules'), join(project, 'node_modules'));
      writeFileSync(join(project, languagesFile), file.replace('fallback: [vi]', 'fallback: [xx, vi]'));
      const result = spawnSync(process.execPath, ['scripts/translations.ts'], { cwd: project, encoding: 'utf8', env: { ...process.env, PRESS_DEBUG: '' } });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^error \[language-unknown\] locales\/languages\.yaml:\d+ {2}field "languages\.en\.fallback\[1\]"\n {2}"xx" is not a language/);
      expect(result.stderr).toContain('Hint: ');
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stdout).toBe('');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
