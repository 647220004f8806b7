import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../src/content/read.ts';
import { readUiStrings } from '../../src/translations/records.ts';
import { contentStatus, uiStatus } from '../../src/translations/status.ts';
import { bulletinDefaults, filesFor } from '../../src/studio/create.ts';
import { overview } from '../../src/studio/overview.ts';
import { ScaffoldError } from '../../src/scaffold/templates.ts';

const root = 'test/fixtures/site/content';
const { index, problems } = checkContentFolder(root, 'content');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('studio overview', () => {
  const ui = readUiStrings('locales');
  const rows = [...contentStatus(index, 'content'), ...uiStatus(ui.strings, ui.records, 'locales')];
  const view = overview(index, rows, problems, 'content');

  it('names the next bulletin and the state of its texts per edition language', () => {
    expect(view.nextBulletin).toMatchObject({ kind: 'bulletin', slug: '2026-09', file: 'content/bulletins/2026-09/issue.yaml' });
    const en = view.nextBulletin!.languages.find((l) => l.locale === 'en')!;
    expect(en.pdf).toBe('bulletin-2026-09-en.pdf');
    expect(en.print).toBe('/print/bulletin/2026-09/en/');
    expect(en.texts.find((t) => t.id === 'gamma')).toMatchObject({ state: 'missing', file: 'content/articles/gamma/en.mdx' });
    expect(en.texts.find((t) => t.id === 'alpha')?.title).toBe('Khu công nghiệp Alpha mở rộng');
    expect(view.nextBulletin!.languages.find((l) => l.locale === 'vi')!.texts.every((t) => t.state === 'source')).toBe(true);
  });

  it('calls the newest bulletin the next one only until its month has passed', () => {
    expect(overview(index, rows, problems, 'content', new Date('2026-09-20T12:00:00Z')).nextBulletinDue).toBe(true);
    expect(overview(index, rows, problems, 'content', new Date('2026-08-31T12:00:00Z')).nextBulletinDue).toBe(true);
    expect(overview(index, rows, problems, 'content', new Date('2026-12-03T12:00:00Z')).nextBulletinDue).toBe(false);
  });

  it('counts what blocks each language of a publication, from the status rows', () => {
    const booklet = view.publications.find((p) => p.kind === 'booklet')!;
    const ko = booklet.languages.find((l) => l.locale === 'ko')!;
    // The booklet's articles without a ko translation (beta, pictures), and the project alpha-park.
    const booklets = [...index.booklets.values()];
    const articles = new Set(booklets.flatMap((b) => b.data.sections.flatMap((s) => (s.kind === 'articles' ? s.articles : []))));
    const untranslated = [...articles].filter((slug) => !index.articles.get(slug)?.has(ko.locale)).length;
    expect(untranslated).toBeGreaterThan(0);
    expect(ko.blockers).toEqual(expect.arrayContaining([{ kind: 'article', state: 'missing', count: untranslated }, { kind: 'project', state: 'missing', count: 1 }]));
    const edition = view.publications.find((p) => p.kind === 'edition')!;
    expect(edition.languages.map((l) => l.pdf)).toEqual(['edition-tea-vi-en.pdf', 'edition-tea-vi-en.pdf']);
  });

  it('has one matrix line per text and UI namespace, every state from the status', () => {
    const gamma = view.matrix.find((l) => l.kind === 'article' && l.id === 'gamma')!;
    expect(Object.values(gamma.cells).map((c) => c!.state)).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect(view.matrix.some((l) => l.kind === 'ui' && l.id === 'common')).toBe(true);
    for (const row of rows.filter((r) => r.kind !== 'ui')) {
      const line = view.matrix.find((l) => l.kind === row.kind && l.id === row.id)!;
      expect(line.cells[row.locale]?.state, `${row.kind} ${row.id} ${row.locale}`).toBe(row.state);
    }
  });
});

describe('studio new files', () => {
  it('starts the next bulletin from the last one', () => {
    const defaults = bulletinDefaults(index, '2026-10-02');
    expect(defaults).toMatchObject({ month: '2026-10', number: 2, editions: ['vi', 'en'], taken: ['2026-09'] });
    expect(defaults.articles.map((a) => a.slug)).toEqual(expect.arrayContaining(['alpha', 'beta', 'gamma']));
  });

  it('writes the bulletin the form describes: order, languages, print run', () => {
    const files = filesFor({ kind: 'bulletin', month: '2026-12', editions: ['vi', 'en', 'ja'], articles: ['gamma', 'alpha'], printRun: { vi: 500, en: 120, ja: 30 } }, index, '2026-11-20', read);
    expect(Object.keys(files).sort()).toEqual(['bulletins/2026-12/en.mdx', 'bulletins/2026-12/issue.yaml', 'bulletins/2026-12/ja.mdx', 'bulletins/2026-12/vi.mdx']);
    expect(parse(files['bulletins/2026-12/issue.yaml']!)).toEqual({ number: 2, month: '2026-12', editions: ['vi', 'en', 'ja'], articles: ['gamma', 'alpha'], printRun: { vi: 500, en: 120, ja: 30 } });
  });

  it('refuses a bulletin without articles, with an unknown article or language, or a bad month', () => {
    const bulletin = { kind: 'bulletin' as const, month: '2026-12', editions: ['vi'], articles: ['alpha'], printRun: {} };
    expect(() => filesFor({ ...bulletin, articles: [] }, index, '2026-11-20', read)).toThrow(ScaffoldError);
    expect(() => filesFor({ ...bulletin, articles: ['nope'] }, index, '2026-11-20', read)).toThrow(/No such article: nope/);
    expect(() => filesFor({ ...bulletin, editions: ['xx'] }, index, '2026-11-20', read)).toThrow(ScaffoldError);
    expect(() => filesFor({ ...bulletin, month: '2026-13' }, index, '2026-11-20', read)).toThrow(/not a month/);
    expect(() => filesFor({ ...bulletin, printRun: { vi: -1 } }, index, '2026-11-20', read)).toThrow(/whole number/);
  });

  it('starts a translation from the Vietnamese: a project keeps its facts in vi.mdx only', () => {
    const files = filesFor({ kind: 'translation', source: 'projects/gamma-resort/vi.mdx', locale: 'en' }, index, '2026-11-20', read);
    const text = files['projects/gamma-resort/en.mdx']!;
    const data = parse(/^---\n([\s\S]*?)---\n/.exec(text)![1]!);
    expect(Object.keys(data).sort()).toEqual(['contact', 'incentives', 'summary', 'title']);
    expect(Object.keys(data.contact)).toEqual(['office']);
    expect(text.slice(text.indexOf('---\n', 4))).toBe(read('projects/gamma-resort/vi.mdx').slice(read('projects/gamma-resort/vi.mdx').indexOf('---\n', 4)));
    expect(() => filesFor({ kind: 'translation', source: 'articles/alpha/en.mdx', locale: 'ja' }, index, '2026-11-20', read)).toThrow(ScaffoldError);
    expect(() => filesFor({ kind: 'translation', source: 'articles/gamma/vi.mdx', locale: 'vi' }, index, '2026-11-20', read)).toThrow(ScaffoldError);
  });
});
