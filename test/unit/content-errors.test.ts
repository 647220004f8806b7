/**
 * Every error in the catalogue, from a fixture of its own, stops the build with the file, the line
 * or field, what was expected and a hint — and no stack trace. Adding an error code without a
 * fixture here fails the first test. The content check and its report run in-process, as the build
 * script runs them first; test/build/build-command.test.ts runs the real command on bad content.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { problemCatalogue, type ProblemCode } from '../../src/content/problems.ts';
import { checkContentAsBuild } from '../helpers/content-check.ts';

const article = (fields: string, body = 'Văn bản.') => `---\n${fields}\n---\n\n${body}\n`;
const good = 'title: "Chè"\nsummary: "Về chè."\ntopic: tea\ndate: 2026-09-01';
const issue = (extra = '', articles = '[tea]') => `number: 1\nmonth: 2026-10\neditions: [vi]\narticles: ${articles}\n${extra}`;
const foreword = article('title: "Lời ngỏ"');

/** The smallest content folder that shows each error, and the file and line or field it must name. */
/** A PNG's header claiming a size (no pixel data: only the header and the end chunk the check reads). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, data.length]), Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IEND', Buffer.alloc(0))]);
}
const withImage = (body: string) => article(good, `Văn bản.\n\n${body}`);

const cases: Record<string, { files: Record<string, string | Buffer>; file: string; where: string }> = {
  'yaml-syntax': { files: { 'articles/tea/vi.mdx': article('title: "Chè\nsummary: x') }, file: 'articles/tea/vi.mdx', where: ':3' },
  'frontmatter-missing': { files: { 'articles/tea/vi.mdx': 'Chỉ có văn bản.' }, file: 'articles/tea/vi.mdx', where: ':1' },
  'field-missing': { files: { 'articles/tea/vi.mdx': article('title: "Chè"\ntopic: tea\ndate: 2026-09-01') }, file: 'articles/tea/vi.mdx', where: 'field "summary"' },
  'field-unknown': { files: { 'articles/tea/vi.mdx': article(`${good}\nauthor: "Lan"`) }, file: 'articles/tea/vi.mdx', where: 'field "author"' },
  'field-invalid': { files: { 'articles/tea/vi.mdx': article(good.replace('topic: tea', 'topic: trà')) }, file: 'articles/tea/vi.mdx', where: 'field "topic"' },
  'field-source-only': {
    files: {
      'projects/park/vi.mdx': article('title: "KCN"\nsummary: "x"\nsector: industry\ndistrict: pho-yen\nareaHa: 10\ninvestmentUsd: 1000000\nstatus: proposed\nincentives: ["a"]\ncontact: { office: "A", phone: "+84 208 000000", email: "a@b.example" }'),
      'projects/park/en.mdx': article('title: "Park"\nsummary: "x"\nincentives: ["a"]\ncontact: { office: "A" }\nareaHa: 12'),
    },
    file: 'projects/park/en.mdx',
    where: 'field "areaHa"',
  },
  // jp is a country code, not a language: the language is ja. (French could be added with npm run new.)
  'locale-unknown': { files: { 'articles/tea/vi.mdx': article(good), 'articles/tea/jp.mdx': article(good) }, file: 'articles/tea/jp.mdx', where: '' },
  'source-missing': { files: { 'articles/tea/en.mdx': article(good) }, file: 'articles/tea/en.mdx', where: '' },
  'slug-invalid': { files: { 'articles/Trà Xanh/vi.mdx': article(good) }, file: 'articles/Trà Xanh/vi.mdx', where: '' },
  'month-mismatch': { files: { 'articles/tea/vi.mdx': article(good), 'bulletins/2026-11/issue.yaml': issue(), 'bulletins/2026-11/vi.mdx': foreword }, file: 'bulletins/2026-11/issue.yaml', where: 'field "month"' },
  'reference-unknown': { files: { 'articles/tea/vi.mdx': article(good), 'bulletins/2026-10/issue.yaml': issue('', '[tea, coffee]'), 'bulletins/2026-10/vi.mdx': foreword }, file: 'bulletins/2026-10/issue.yaml', where: 'field "articles[2]"' },
  'duplicate-entry': { files: { 'articles/tea/vi.mdx': article(good), 'bulletins/2026-10/issue.yaml': issue('', '[tea, tea]'), 'bulletins/2026-10/vi.mdx': foreword }, file: 'bulletins/2026-10/issue.yaml', where: 'field "articles[2]"' },
  'edition-text-missing': { files: { 'articles/tea/vi.mdx': article(good), 'bulletins/2026-10/issue.yaml': issue() }, file: 'bulletins/2026-10/issue.yaml', where: 'field "editions"' },
  'bulletin-number-duplicate': {
    files: {
      'articles/tea/vi.mdx': article(good),
      'bulletins/2026-10/issue.yaml': issue(),
      'bulletins/2026-10/vi.mdx': foreword,
      'bulletins/2026-11/issue.yaml': issue().replace('2026-10', '2026-11'),
      'bulletins/2026-11/vi.mdx': foreword,
    },
    file: 'bulletins/2026-11/issue.yaml',
    where: 'field "number"',
  },
  'print-run-missing': {
    files: {
      'articles/tea/vi.mdx': article(good),
      'booklets/invest/booklet.yaml': 'format: A5\ndate: 2026-10-15\neditions: [vi]\nprintRun: {}\nsections:\n  - kind: articles\n    articles: [tea]\n',
      'booklets/invest/vi.mdx': article('title: "Đầu tư"\nsubtitle: "2026"'),
    },
    file: 'booklets/invest/booklet.yaml',
    where: 'field "printRun.vi"',
  },
  'image-alt-missing': {
    files: { 'articles/tea/vi.mdx': article(`${good}\ncover:\n  src: ./hills.jpg\n  alt: ""`), 'articles/tea/hills.jpg': 'image' },
    file: 'articles/tea/vi.mdx',
    where: 'field "cover.alt"',
  },
  'image-missing': { files: { 'articles/tea/vi.mdx': article(`${good}\ncover:\n  src: ./hills.jpg\n  alt: "Đồi chè"`) }, file: 'articles/tea/vi.mdx', where: 'field "cover.src"' },
  'image-unreadable': { files: { 'articles/tea/vi.mdx': withImage('![Đồi chè](./hills.jpg)'), 'articles/tea/hills.jpg': 'not a picture' }, file: 'articles/tea/vi.mdx', where: ':10' },
  'image-too-large': { files: { 'articles/tea/vi.mdx': withImage('![Đồi chè](./hills.png)'), 'articles/tea/hills.png': pngHeader(20_000, 20_000) }, file: 'articles/tea/vi.mdx', where: 'field "src"' },
  'image-unsafe': {
    files: { 'articles/tea/vi.mdx': withImage('![Bản đồ](./map.svg)'), 'articles/tea/map.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>' },
    file: 'articles/tea/vi.mdx',
    where: ':10',
  },
  'image-title-invalid': { files: { 'articles/tea/vi.mdx': withImage('![Đồi chè](./hills.png "Đồi chè | Ảnh: Minh | sideways")'), 'articles/tea/hills.png': pngHeader(2000, 1000) }, file: 'articles/tea/vi.mdx', where: 'field "title"' },
  'mdx-syntax': { files: { 'articles/tea/vi.mdx': article(good, 'Giá {chưa đóng') }, file: 'articles/tea/vi.mdx', where: ':8' },
  'body-empty': { files: { 'articles/tea/vi.mdx': article(good, '') }, file: 'articles/tea/vi.mdx', where: ':7' },
};

const work = mkdtempSync(join(tmpdir(), 'press-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(name: string, files: Record<string, string | Buffer>) {
  const content = join(work, name, 'content');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  return { content, result: checkContentAsBuild(content) };
}

describe('content errors', () => {
  it('has a fixture for every error in the catalogue', () => {
    const errors = Object.entries(problemCatalogue).filter(([, p]) => p.severity === 'error').map(([code]) => code);
    expect(Object.keys(cases).sort()).toEqual(errors.sort());
  });

  it.each(Object.entries(cases))('%s: stops the build and names the file, line or field, with a hint', (code, { files, file, where }) => {
    const { content, result } = build(code, files);
    expect(result.stops).toBe(true);
    const [entry] = result.stderr.split('\n\n').filter((block) => block.includes(`[${code as ProblemCode}]`));
    expect(entry, result.stderr).toBeDefined();
    // Paths are shown relative to where the build runs.
    expect(entry).toContain(`${relative(process.cwd(), content)}/${file}`);
    if (where) expect(entry).toContain(where);
    expect(entry).toMatch(/\n {2}\S.+\n {2}Hint: \S/);
    expect(result.output).not.toMatch(/^\s+at .+:\d+/m);
  });

  it('reports all the errors of a build at once', () => {
    const { result } = build('several', { ...cases['field-invalid']!.files, 'articles/other/vi.mdx': 'no frontmatter', 'articles/third/vi.mdx': article(good, '') });
    expect(result.stderr).toContain('3 errors, 0 warnings in content.');
  });
});
