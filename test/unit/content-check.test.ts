import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';

const article = (fields: string, body = 'Text.') => `---\n${fields}\n---\n\n${body}\n`;
const good = 'title: "Tea"\nsummary: "About tea."\ntopic: tea\ndate: 2026-09-01';

function check(files: Record<string, string>, assets: string[] = []) {
  const list: ContentFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  return checkContent({ files: list, assets, displayRoot: 'content' });
}

describe('content check', () => {
  it('accepts valid articles and bulletins and indexes them', () => {
    const { problems, index } = check({
      'articles/tea/vi.mdx': article(good),
      'articles/tea/en.mdx': article(good),
      'bulletins/2026-10/issue.yaml': 'number: 1\nmonth: 2026-10\neditions: [vi, en]\narticles: [tea]\nprintRun: { vi: 10, en: 5 }\n',
      'bulletins/2026-10/vi.mdx': article('title: "Lời ngỏ"'),
      'bulletins/2026-10/en.mdx': article('title: "Foreword"'),
    });
    expect(problems).toEqual([]);
    expect([...index.articles.get('tea')!.keys()]).toEqual(['en', 'vi']);
    expect(index.bulletins.get('2026-10')!.texts.size).toBe(2);
  });

  it('names the file, line and field of a wrong topic, with the allowed values', () => {
    const { problems } = check({ 'articles/tea/vi.mdx': article(good.replace('topic: tea', 'topic: teaa')) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'field-invalid', file: 'content/articles/tea/vi.mdx', line: 4, field: 'topic' });
    expect(problems[0]!.message).toContain('investment, tea, tourism, culture, foreign-affairs');
    expect(problems[0]!.message).toContain('"teaa"');
  });

  it('reports a missing field and an unknown field, all at once', () => {
    const { problems } = check({
      'articles/a/vi.mdx': article('title: "A"\ntopic: tea\ndate: 2026-09-01'),
      'articles/b/vi.mdx': article(`${good}\nauthor: "Lan"`),
    });
    expect(problems.map((p) => [p.code, p.file, p.field, p.line])).toEqual([
      ['field-missing', 'content/articles/a/vi.mdx', 'summary', 2],
      ['field-unknown', 'content/articles/b/vi.mdx', 'author', 6],
    ]);
  });

  it('gives the line of a YAML syntax error', () => {
    const { problems } = check({ 'articles/a/vi.mdx': article('title: "A"\nsummary: [unclosed\ntopic: tea') });
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', file: 'content/articles/a/vi.mdx' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects a translation named for an unknown language and one without a Vietnamese source', () => {
    const { problems } = check({ 'articles/a/jp.mdx': article(good), 'articles/b/en.mdx': article(good) });
    expect(problems.map((p) => p.code)).toEqual(['locale-unknown', 'source-missing']);
  });

  it('finds bulletins naming missing articles, a month that does not match its folder, and missing forewords', () => {
    const { problems } = check({
      'articles/tea/vi.mdx': article(good),
      'bulletins/2026-10/issue.yaml': 'number: 1\nmonth: 2026-10\neditions: [vi]\narticles:\n  - tea\n  - missing-one\nprintRun: { vi: 10 }\n',
      'bulletins/2026-11/issue.yaml': 'number: 2\nmonth: 2026-12\neditions: [vi]\narticles: [tea]\nprintRun: { vi: 10 }\n',
    });
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['month-mismatch', 2, 'month'],
      ['reference-unknown', 6, 'articles[2]'],
      ['edition-text-missing', 3, 'editions'],
    ]);
  });

  it('warns, without stopping the build, when an edition prints an untranslated article', () => {
    const { problems } = check({
      'articles/tea/vi.mdx': article(good),
      'bulletins/2026-10/issue.yaml': 'number: 1\nmonth: 2026-10\neditions: [vi, en]\narticles: [tea]\nprintRun: { vi: 10, en: 5 }\n',
      'bulletins/2026-10/vi.mdx': article('title: "Lời ngỏ"'),
      'bulletins/2026-10/en.mdx': article('title: "Foreword"'),
    });
    expect(problems).toMatchObject([{ code: 'translation-missing-for-edition', severity: 'warning' }]);
  });

  it('checks that a cover image exists next to the text', () => {
    const withCover = `${good}\ncover:\n  src: ./hills.jpg\n  alt: "Tea hills"`;
    expect(check({ 'articles/tea/vi.mdx': article(withCover) }, ['articles/tea/hills.jpg']).problems).toEqual([]);
    expect(check({ 'articles/tea/vi.mdx': article(withCover) }).problems).toMatchObject([{ code: 'image-missing', field: 'cover.src', line: 7 }]);
  });

  it('refuses empty texts and files without frontmatter, and points at stray files', () => {
    const { problems } = check({
      'articles/a/vi.mdx': article(good, ''),
      'articles/b/vi.mdx': 'Just text.',
      'articles/c/notes.md': 'notes',
    });
    expect(problems.map((p) => p.code)).toEqual(['body-empty', 'frontmatter-missing', 'file-unexpected']);
  });

  it('prints a problem as location, explanation and hint, without a stack trace', () => {
    const { problems } = check({ 'articles/tea/vi.mdx': article(good.replace('2026-09-01', 'next week')) });
    const text = formatProblem(problems[0]!);
    expect(text).toMatch(/^error \[field-invalid\] content\/articles\/tea\/vi\.mdx:5 {2}field "date"\n/);
    expect(text).toContain('Expected a date written yyyy-mm-dd');
    expect(text).toContain('Hint: ');
    expect(text).not.toMatch(/\n\s+at /);
  });
});

describe('editor mistakes that do not stop the build', () => {
  it('warns about a bulletin edition without a print run, and a text left as the template wrote it', () => {
    const { problems } = check({
      'articles/tea/vi.mdx': article('title: "Tiêu đề bài viết"\nsummary: "x"\ntopic: tea\ndate: 2026-09-01'),
      'bulletins/2026-10/issue.yaml': 'number: 1\nmonth: 2026-10\neditions: [vi]\narticles: [tea]\n',
      'bulletins/2026-10/vi.mdx': article('title: "Lời ngỏ"'),
    });
    expect(problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ['placeholder-text', 'warning', undefined],
      ['print-run-unset', 'warning', 'printRun.vi'],
    ]);
  });

  it('does not blame translations for a problem in their Vietnamese source', () => {
    const { problems } = check({ 'articles/tea/vi.mdx': article(good.replace('topic: tea', 'topic: x')), 'articles/tea/en.mdx': article(good) });
    expect(problems.map((p) => p.code)).toEqual(['field-invalid']);
  });
});

describe('MDX syntax', () => {
  it('reports an unclosed brace with the line in the file', () => {
    const { problems } = check({ 'articles/a/vi.mdx': article(good, 'First line.\n\nMặt hồ {phẳng lặng') });
    expect(problems).toMatchObject([{ code: 'mdx-syntax', file: 'content/articles/a/vi.mdx', line: 10 }]);
    expect(problems[0]!.message).toContain('closing brace');
  });

  it('reports an unclosed tag', () => {
    const { problems } = check({ 'articles/a/vi.mdx': article(good, 'x <div>unclosed') });
    expect(problems).toMatchObject([{ code: 'mdx-syntax', line: 8 }]);
    expect(problems[0]!.message).toContain('closing tag for `<div>`');
  });
});
