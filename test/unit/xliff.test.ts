/**
 * The XLIFF hand-off: units and placeholders, the XLIFF 1.2 and 2.1 files against their structure,
 * the round trips (sources as targets give the sources back; a pseudo-translation keeps every
 * code), an outdated text, the UI strings, and one fixture per import error with its message.
 * In-process, on a copy of test/fixtures/xliff/content and of the UI strings.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLocale, getLocale } from '../../src/i18n/locales.ts';
import { checkContentFolder } from '../../src/content/read.ts';
import { readUiStrings } from '../../src/translations/records.ts';
import { contentStatus, uiStatus } from '../../src/translations/status.ts';
import { translatableFields } from '../../src/translations/xliff/fields.ts';
import { exportTranslations, type ExportResult } from '../../src/translations/xliff/export.ts';
import { namespaces, readXliff, type XliffVersion } from '../../src/translations/xliff/format.ts';
import { importTranslations } from '../../src/translations/xliff/import.ts';
import { escapeInner, inlineText, rebuildInline } from '../../src/translations/xliff/inline.ts';
import { formatImportProblem } from '../../src/translations/xliff/problems.ts';
import { pseudoTranslate } from '../../src/translations/xliff/pseudo.ts';
import { allUnits, contentUnits, uiUnits } from '../../src/translations/xliff/units.ts';
import { ja } from '../helpers/locales.ts';

const fixture = 'test/fixtures/xliff/content';
const article = 'articles/tea-markup';
const source = readFileSync(join(fixture, article, 'vi.mdx'), 'utf8');

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** A copy of the fixture content and of the UI strings of vi and ja. */
function project() {
  work = mkdtempSync(join(tmpdir(), 'press-xliff-'));
  const content = join(work, 'content');
  const ui = join(work, 'locales');
  cpSync(fixture, content, { recursive: true });
  for (const locale of [defaultLocale, ja]) cpSync(join('locales', locale), join(ui, locale), { recursive: true });
  const roots = { contentRoot: content, contentShown: 'content', uiRoot: ui };
  return {
    ...roots,
    out: join(work, 'xliff'),
    export: (version: XliffVersion = '1.2') => exportTranslations({ ...roots, locale: ja, out: join(work!, 'xliff'), version }),
    import: (paths: string[], dryRun = false) => importTranslations({ ...roots, paths, dryRun }),
    xliff: (result: ExportResult, text: string) => result.files.find((f) => f.text === text)!.path,
    read: (path: string) => readFileSync(join(content, path), 'utf8'),
  };
}

/** Every target made its source: the "translation" a round trip must give back unchanged. */
function sourcesAsTargets(xliff: string): string {
  const two = xliff.includes('version="2.1"');
  return two
    ? xliff.replace(/<segment state="initial">(\s*)<source>([\s\S]*?)<\/source>/g, '<segment state="translated">$1<source>$2</source><target>$2</target>')
    : xliff.replace(/<source>([\s\S]*?)<\/source>(?!<target)/g, '<source>$1</source><target state="translated">$1</target>');
}

const rewrite = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, 'utf8')));

describe('units of a text', () => {
  it('gives each block, translatable field and alt text a unit, with inline markup as paired and standalone codes', () => {
    const units = allUnits(contentUnits('article', source));
    expect(units.map((u) => u.id)).toEqual(['title', 'summary', 'cover.alt', 'b1', 'b2', 'b3', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10', 'b11', 'b12', 'title-1', 'alt-1']);
    const b1 = units.find((u) => u.id === 'b1')!;
    expect(b1.source).toEqual(['Vùng chè ', { open: '1' }, 'Tân Cương', { close: '1' }, ' nằm ở phía tây ', { open: '2' }, 'thành phố Thái Nguyên', { close: '2' }, ', cách ', { open: '3' }, 'hồ Núi Cốc', { close: '3' }, ' không xa.']);
    expect([...b1.codes.values()].map((c) => [c.kind, c.paired])).toEqual([['bold', true], ['italic', true], ['link', true]]);
    // The URL is in the record, not in the translator's text.
    expect(b1.codes.get('3')!.close).toContain('https://vi.wikipedia.org/');
    const b3 = units.find((u) => u.id === 'b3')!;
    expect(b3.source).toEqual(['Chè được giới thiệu tại các hội chợ của ', { open: '1' }, 'ASEAN', { close: '1' }, ' và tại ', { open: '2' }, 'hội chợ ', { open: '3' }, 'Festival Trà', { close: '3' }, { close: '2' }, ' mỗi hai năm.']);
    expect(b3.codes.get('1')).toMatchObject({ kind: 'component', open: '<abbr title="Hiệp hội các quốc gia Đông Nam Á">', close: '</abbr>' });
    const b6 = units.find((u) => u.id === 'b6')!;
    expect(b6.source).toEqual(['Tên tệp của bài này là ', { code: '1' }, '.', { code: '2' }, 'Dòng sau ngắt dòng.']);
    expect([...b6.codes.values()].map((c) => [c.kind, c.paired, c.open])).toEqual([['code', false, '`vi.mdx`'], ['break', false, '<br />']]);
    expect(units.find((u) => u.id === 'b3')!.note).toBe('Paragraph under the heading “Chè trong đời sống”');
    expect(units.find((u) => u.id === 'alt-1')).toMatchObject({ kind: 'alt', source: ['Đồi chè buổi sáng ở Tân Cương'], note: 'Image description (alt text) under the heading “Chè trong đời sống”' });
    // A component's title is words too: a unit of its own, put back into the component's markup.
    expect(units.find((u) => u.id === 'title-1')).toMatchObject({ kind: 'attribute', source: ['Hiệp hội các quốc gia Đông Nam Á'], note: 'The "title" of the component <abbr> under the heading “Chè trong đời sống”' });
    expect(b3.codes.get('1')!.inner.map((i) => i.unit)).toEqual(['title-1']);
  });

  it('gives the captions of components on lines of their own units, written back in place', () => {
    const mdx = `---\ntitle: "T"\nsummary: "S"\ntopic: tea\ndate: 2026-09-10\n---\n\n## Ảnh\n\n<Figure src="./a.jpg" alt='Đồi "chè"' caption="Chè &amp; đồi" width={3} />\n\nĐoạn có <Note label="Chú ý">chữ</Note>.\n`;
    const units = contentUnits('article', mdx);
    expect(units.inner.map((u) => [u.id, u.source, u.inBlockUnit, mdx.slice(u.inner.start, u.inner.end)])).toEqual([
      ['alt-1', ['Đồi "chè"'], false, 'Đồi "chè"'],
      ['caption-1', ['Chè & đồi'], false, 'Chè &amp; đồi'],
      ['label-1', ['Chú ý'], true, 'Chú ý'],
    ]);
    expect(units.inner[1]!.note).toBe('The "caption" of the component <Figure> under the heading “Ảnh”');
    const block = units.blocks.find((b) => b.source.length > 1)!;
    expect(rebuildInline(block.source, block.codes, new Map([['label-1', 'Lưu "ý" & xem']]))).toBe('Đoạn có <Note label="Lưu &quot;ý&quot; &amp; xem">chữ</Note>.');
    expect(escapeInner(units.inner[0]!.inner, "It's")).toBe('It&apos;s');
  });

  it('takes translatable fields from the schema: words, never facts, dates, topics or paths', () => {
    const project = `---\ntitle: "Dự án"\nsummary: "Tóm tắt"\nsector: tourism\ndistrict: dai-tu\nareaHa: 80\ninvestmentUsd: 5000000\nstatus: proposed\nincentives:\n  - "Ưu đãi một"\n  - "Ưu đãi hai"\ncontact:\n  office: "Trung tâm"\n  phone: "+84 208 3 000 000"\n  email: "a@b.example"\n---\n\nVăn bản.\n`;
    expect(translatableFields('project', project).map((f) => f.id)).toEqual(['title', 'summary', 'incentives.0', 'incentives.1', 'contact.office']);
    expect(translatableFields('article', source).map((f) => f.id)).toEqual(['title', 'summary', 'cover.alt']);
    const booklet = `---\ntitle: "T"\nsubtitle: "S"\nfigures:\n  land-area: "Diện tích"\n---\n\nChữ.\n`;
    expect(translatableFields('booklet', booklet).map((f) => f.id)).toEqual(['title', 'subtitle', 'figures.land-area']);
  });

  it('gives a UI string its interpolations as codes and one unit per plural form of the target language', () => {
    const units = uiUnits({ a: { count_other: '{{count}} bài viết', hello: 'Xin chào {{name}}!' } }, 'en-GB');
    expect(units.map((u) => [u.id, u.source])).toEqual([
      ['a.count_one', [{ code: '1' }, ' bài viết']],
      ['a.count_other', [{ code: '1' }, ' bài viết']],
      ['a.hello', ['Xin chào ', { code: '1' }, '!']],
    ]);
    expect(uiUnits({ a: { count_other: '{{count}} bài viết' } }, getLocale(ja).intl).map((u) => u.id)).toEqual(['a.count_other']);
  });

  it('escapes translated words that would be markup, and writes emphasis as JSX when asked', () => {
    const { codes } = contentUnits('article', source).blocks[0]!;
    expect(rebuildInline(['# 1*2 ', { open: '1' }, '{x} <y>', { close: '1' }], codes, new Map())).toBe('\\# 1\\*2 **\\{x\\} \\<y\\>**');
    expect(rebuildInline([{ open: '1' }, '「茶」', { close: '1' }, 'は'], codes, new Map(), new Set(['1']))).toBe('<strong>「茶」</strong>は');
  });
});

describe('XLIFF files', () => {
  const parse = (path: string) => new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/xml');
  const all = (node: Element, name: string) => Array.from(node.getElementsByTagName(name) as unknown as ArrayLike<Element>);
  const ids = (node: Element, names: string[]) => names.flatMap((n) => all(node, n)).map((e) => e.getAttribute('id'));

  it('1.2: version, namespace, file attributes, unique unit ids, code ids of the source', () => {
    const p = project();
    const result = p.export('1.2');
    const doc = parse(p.xliff(result, `article tea-markup`));
    const root = doc.documentElement!;
    expect([root.localName, root.namespaceURI, root.getAttribute('version')]).toEqual(['xliff', namespaces['1.2'], '1.2']);
    const [file, ...more] = all(root, 'file');
    expect(more).toHaveLength(0);
    expect(['original', 'source-language', 'target-language', 'datatype'].map((a) => file!.getAttribute(a))).toEqual([`${article}/vi.mdx`, 'vi', getLocale(ja).tag, 'x-mdx']);
    expect(all(file!, 'body')).toHaveLength(1);
    const units = all(file!, 'trans-unit');
    const unitIds = units.map((u) => u.getAttribute('id'));
    expect(new Set(unitIds).size).toBe(units.length);
    expect(unitIds).toEqual(allUnits(contentUnits('article', source)).map((u) => u.id));
    for (const unit of units) {
      expect(all(unit, 'source')).toHaveLength(1);
      const codeIds = ids(all(unit, 'source')[0]!, ['g', 'x']);
      expect(new Set(codeIds).size).toBe(codeIds.length);
      for (const target of all(unit, 'target')) expect(ids(target, ['g', 'x']).sort()).toEqual([...codeIds].sort());
    }
    const b3 = units.find((u) => u.getAttribute('id') === 'b3')!;
    expect(all(b3, 'g').map((g) => [g.getAttribute('id'), g.getAttribute('ctype')])).toEqual([['1', 'x-component'], ['2', 'bold'], ['3', 'link']]);
    // No URL, component or attribute reaches the translator.
    expect(readFileSync(p.xliff(result, 'article tea-markup'), 'utf8')).not.toMatch(/https:|<abbr|title="Hiệp/);
  });

  it('2.1: version, namespace, srcLang/trgLang, file id and original, unique unit ids, pc/ph ids', () => {
    const p = project();
    const doc = parse(p.xliff(p.export('2.1'), 'article tea-markup'));
    const root = doc.documentElement!;
    expect([root.localName, root.namespaceURI, root.getAttribute('version'), root.getAttribute('srcLang'), root.getAttribute('trgLang')]).toEqual(['xliff', namespaces['2'], '2.1', 'vi', getLocale(ja).tag]);
    const file = all(root, 'file')[0]!;
    expect([file.getAttribute('id'), file.getAttribute('original')]).toEqual(['f1', `${article}/vi.mdx`]);
    const units = all(file, 'unit');
    expect(units.map((u) => u.getAttribute('id'))).toEqual(allUnits(contentUnits('article', source)).map((u) => u.id));
    for (const unit of units) {
      const segments = all(unit, 'segment');
      expect(segments).toHaveLength(1);
      expect(segments[0]!.getAttribute('state')).toBe('initial');
      const codeIds = ids(all(unit, 'source')[0]!, ['pc', 'ph']);
      expect(new Set(codeIds).size).toBe(codeIds.length);
    }
    const b6 = units.find((u) => u.getAttribute('id') === 'b6')!;
    expect(all(b6, 'ph').map((ph) => [ph.getAttribute('id'), ph.getAttribute('type'), ph.getAttribute('subType'), ph.getAttribute('disp')])).toEqual([['1', 'other', null, '`vi.mdx`'], ['2', 'fmt', 'xlf:lb', '<br />']]);
    const b1 = units.find((u) => u.getAttribute('id') === 'b1')!;
    expect(all(b1, 'pc').map((pc) => [pc.getAttribute('type'), pc.getAttribute('subType')])).toEqual([['fmt', 'xlf:b'], ['fmt', 'xlf:i'], ['link', null]]);
  });
});

describe('round trips', () => {
  it.each(['1.2', '2.1'] as const)('sources as targets (XLIFF %s) give the Vietnamese sources back, with the recorded fingerprint', (version) => {
    const p = project();
    const result = p.export(version);
    for (const file of result.files) rewrite(file.path, sourcesAsTargets);
    const imported = p.import([p.out]);
    expect(imported.problems.map(formatImportProblem)).toEqual([]);
    for (const slug of ['tea-markup', 'tea-note']) {
      const translation = p.read(`articles/${slug}/ja.mdx`);
      const recorded = /^translatedFrom: ([0-9a-f]{12})$/m.exec(translation)?.[1];
      expect(recorded).toBeDefined();
      expect(translation.replace(`translatedFrom: ${recorded}\n`, '')).toBe(p.read(`articles/${slug}/vi.mdx`));
    }
    const translation = p.read(`${article}/ja.mdx`);
    const fingerprint = /^translatedFrom: ([0-9a-f]{12})$/m.exec(translation)?.[1];
    const { index } = checkContentFolder(p.contentRoot, 'content');
    expect(contentStatus(index, 'content').find((r) => r.id === 'tea-markup' && r.locale === ja)?.state).toBe('up-to-date');
    // Taken back: the export's record is gone, the source it was made from kept.
    expect(JSON.parse(p.read('.sources/exports.json'))).not.toHaveProperty([`ja:${article}/vi.mdx`]);
    expect(existsSync(join(p.contentRoot, '.sources', `${fingerprint}.txt`))).toBe(true);
  });

  it('a pseudo-translation changes every word and keeps every code in place', () => {
    const p = project();
    const path = p.xliff(p.export(), 'article tea-markup');
    rewrite(path, (x) => pseudoTranslate(x, '[ja]'));
    expect(p.import([path]).problems).toEqual([]);
    const translation = p.read(`${article}/ja.mdx`);
    const before = allUnits(contentUnits('article', source));
    const after = allUnits(contentUnits('article', translation));
    expect(after.map((u) => u.id)).toEqual(before.map((u) => u.id));
    for (const [i, unit] of after.entries()) {
      const codes = (u: typeof unit) => u.source.filter((part) => typeof part !== 'string');
      expect(codes(unit)).toEqual(codes(before[i]!));
      // The markup as it was, apart from the words inside it (a component's title).
      const markup = (u: typeof unit, file: string) => [...u.codes.values()].map((c) => [c.kind, c.inner.reduceRight((open, t) => open.slice(0, t.start - c.start) + open.slice(t.end - c.start), c.open), c.close, c.inner.map((t) => file.slice(t.start, t.end))]);
      expect(markup(unit, translation).map(([kind, open, close]) => [kind, open, close])).toEqual(markup(before[i]!, source).map(([kind, open, close]) => [kind, open, close]));
      expect(inlineText(unit.source)).toBe(`[ja] ${inlineText(before[i]!.source).toLocaleUpperCase('vi')}`);
    }
    expect(translation).toContain('title: "[ja] CHÈ THÁI NGUYÊN QUA TỪNG TRANG"');
    expect(translation).toContain('![\\[ja\\] ĐỒI CHÈ BUỔI SÁNG Ở TÂN CƯƠNG](./tea-hills.jpg)');
    expect(translation).toContain('<abbr title="[ja] HIỆP HỘI CÁC QUỐC GIA ĐÔNG NAM Á">ASEAN</abbr>');
    expect(translation).toContain('topic: tea\ndate: 2026-09-10\ncover:\n  src: ./cover.jpg\n');
  });

  it('XLIFF 2.1 pseudo-translated comes back the same as 1.2', () => {
    const one = project();
    const path12 = one.xliff(one.export('1.2'), 'article tea-markup');
    rewrite(path12, (x) => pseudoTranslate(x, '[ja]'));
    expect(one.import([path12]).problems).toEqual([]);
    const from12 = one.read(`${article}/ja.mdx`);
    rmSync(work!, { recursive: true, force: true });
    const two = project();
    const path21 = two.xliff(two.export('2.1'), 'article tea-markup');
    rewrite(path21, (x) => pseudoTranslate(x, '[ja]'));
    expect(two.import([path21]).problems).toEqual([]);
    expect(two.read(`${article}/ja.mdx`)).toBe(from12);
  });

  it('a project: its words translated, its facts left in the Vietnamese alone', () => {
    const p = project();
    const folder = join(p.contentRoot, 'projects/tea-park');
    cpSync(join(p.contentRoot, 'articles/tea-note'), folder, { recursive: true });
    writeFileSync(join(folder, 'vi.mdx'), '---\ntitle: "Khu chè"\nsummary: "Tóm tắt dự án"\nsector: agriculture\ndistrict: dai-tu\nareaHa: 80\ninvestmentUsd: 5000000\nstatus: proposed\nincentives:\n  - "Ưu đãi một"\ncontact:\n  office: "Trung tâm Xúc tiến"\n  phone: "+84 208 3 000 000"\n  email: "a@b.example"\n---\n\nMục tiêu của dự án.\n');
    const result = exportTranslations({ ...p, locale: ja, out: p.out, version: '1.2', only: ['projects/tea-park/vi.mdx'] });
    expect(result.files.map((f) => [f.text, f.units])).toEqual([['project tea-park', 5]]);
    rewrite(result.files[0]!.path, (x) => pseudoTranslate(x, '[ja]'));
    expect(p.import([result.files[0]!.path]).problems).toEqual([]);
    expect(p.read('projects/tea-park/ja.mdx')).toMatch(/^---\ntitle: "\[ja\] KHU CHÈ"\nsummary: "\[ja\] TÓM TẮT DỰ ÁN"\nincentives:\n {2}- "\[ja\] ƯU ĐÃI MỘT"\ncontact:\n {2}office: "\[ja\] TRUNG TÂM XÚC TIẾN"\ntranslatedFrom: [0-9a-f]{12}\n---\n\n\\\[ja\\\] MỤC TIÊU CỦA DỰ ÁN\.\n$/);
  });

  it('--dry-run shows the diff and writes nothing', () => {
    const p = project();
    const path = p.xliff(p.export(), 'article tea-markup');
    rewrite(path, (x) => pseudoTranslate(x, '[ja]'));
    const result = p.import([path], true);
    expect(result.problems).toEqual([]);
    expect(result.texts[0]).toMatchObject({ target: `content/${article}/ja.mdx`, written: false });
    expect(result.texts[0]!.diff).toContain('+title: "[ja] CHÈ THÁI NGUYÊN QUA TỪNG TRANG"');
    expect(existsSync(join(p.contentRoot, article, 'ja.mdx'))).toBe(false);
    expect(JSON.parse(p.read('.sources/exports.json'))).toHaveProperty([`ja:${article}/vi.mdx`]);
  });

  it('a Vietnamese source changed since the export: the translation is of the exported source, and shows as outdated', () => {
    const p = project();
    const path = p.xliff(p.export(), 'article tea-markup');
    rewrite(path, (x) => pseudoTranslate(x, '[ja]'));
    rewrite(join(p.contentRoot, article, 'vi.mdx'), (t) => t.replace('không xa.', 'chừng hai mươi cây số.'));
    expect(p.import([path]).problems).toEqual([]);
    expect(p.read(`${article}/ja.mdx`)).toContain('KHÔNG XA.');
    const { index } = checkContentFolder(p.contentRoot, 'content');
    expect(contentStatus(index, 'content').find((r) => r.id === 'tea-markup' && r.locale === ja)?.state).toBe('outdated');
  });

  it('emphasis beside CJK punctuation is written as <strong>, which still makes bold', () => {
    const p = project();
    const path = p.xliff(p.export(), 'article tea-markup');
    rewrite(path, (x) => pseudoTranslate(x, '[ja]').replace(/(<trans-unit id="b10"[\s\S]*?<target state="translated">)[\s\S]*?(<\/target>)/, '$1<g id="1" ctype="bold">「香り」</g>が良い$2'));
    expect(p.import([path]).problems).toEqual([]);
    expect(p.read(`${article}/ja.mdx`)).toContain('| <strong>「香り」</strong>が良い |');
  });
});

describe('an outdated text', () => {
  it('exports only its changed units open, the unchanged ones final with their translation, and the previous translation as a note', () => {
    const p = project();
    const path = p.xliff(p.export(), 'article tea-markup');
    rewrite(path, (x) => pseudoTranslate(x, '[ja]'));
    p.import([path]);
    rewrite(join(p.contentRoot, article, 'vi.mdx'), (t) => t.replace('không xa.', 'chừng hai mươi cây số.'));
    rmSync(p.out, { recursive: true });
    const again = p.export();
    const file = p.xliff(again, 'article tea-markup');
    expect(again.files.find((f) => f.text === 'article tea-markup')).toMatchObject({ units: 16, open: 1 });
    const read = readXliff(readFileSync(file, 'utf8')).files[0]!;
    const open = read.units.filter((u) => !u.target);
    expect(open.map((u) => u.id)).toEqual(['b1']);
    expect(read.units.filter((u) => u.target).every((u) => u.states[0] === 'final' || u.states[0] === 'signed-off')).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/<note from="previous-translation">Previous translation \(the source has changed since\): \[ja\] VÙNG CHÈ TÂN CƯƠNG/);
    // The carried translation keeps its codes, renumbered as the source's.
    expect(text).toContain('<target state="final">[ja] CHÈ ĐƯỢC GIỚI THIỆU TẠI CÁC HỘI CHỢ CỦA <g id="1" ctype="x-component">ASEAN</g>');
    expect(text).toContain('<target state="final">[ja] ĐỒI CHÈ BUỔI SÁNG Ở TÂN CƯƠNG</target>');
    // Translating the open unit and importing makes the translation current again.
    rewrite(file, (x) => x.replace(/(<trans-unit id="b1"[\s\S]*?<source>)([\s\S]*?)(<\/source>)/, '$1$2$3<target state="translated">$2</target>'));
    expect(p.import([file]).problems.map(formatImportProblem)).toEqual([]);
    const { index } = checkContentFolder(p.contentRoot, 'content');
    expect(contentStatus(index, 'content').find((r) => r.id === 'tea-markup' && r.locale === ja)?.state).toBe('up-to-date');
  });
});

describe('an outdated text with a figure', () => {
  it('carries the caption of a component on its own line while it is unchanged, and opens it when it changed', () => {
    const p = project();
    const vi = join(p.contentRoot, 'articles/tea-note/vi.mdx');
    rewrite(vi, (t) => `${t}\n<figure title="Đồi chè Tân Cương">\n  Ảnh.\n</figure>\n`);
    const first = p.export();
    const path = p.xliff(first, 'article tea-note');
    rewrite(path, (x) => pseudoTranslate(x, '[ja]'));
    expect(p.import([path]).problems).toEqual([]);
    expect(p.read('articles/tea-note/ja.mdx')).toContain('<figure title="[ja] ĐỒI CHÈ TÂN CƯƠNG">');
    rewrite(vi, (t) => t.replace('chừng tám mươi độ', 'chừng tám mươi lăm độ'));
    rmSync(p.out, { recursive: true });
    let read = readXliff(readFileSync(p.xliff(p.export(), 'article tea-note'), 'utf8')).files[0]!;
    expect(read.units.find((u) => u.id === 'title-1')).toMatchObject({ target: ['[ja] ĐỒI CHÈ TÂN CƯƠNG'], states: ['final'] });
    rewrite(vi, (t) => t.replace('Đồi chè Tân Cương', 'Đồi chè La Bằng'));
    rmSync(p.out, { recursive: true });
    read = readXliff(readFileSync(p.xliff(p.export(), 'article tea-note'), 'utf8')).files[0]!;
    expect(read.units.find((u) => u.id === 'title-1')).toMatchObject({ target: undefined });
  });
});

describe('UI strings', () => {
  it('exports a namespace with a missing string, the others final, and imports it with its interpolations and records', () => {
    const p = project();
    const commonJa = join(p.uiRoot, ja, 'common.json');
    const strings = JSON.parse(readFileSync(commonJa, 'utf8'));
    delete strings.nav.home;
    delete strings.article.published;
    writeFileSync(commonJa, `${JSON.stringify(strings, null, 2)}\n`);
    const result = p.export();
    const file = p.xliff(result, 'ui common');
    const read = readXliff(readFileSync(file, 'utf8')).files[0]!;
    expect(read.original).toBe('ui/common.json');
    expect(read.units.filter((u) => !u.target).map((u) => u.id)).toContain('nav.home');
    expect(read.units.find((u) => u.id === 'article.published')!.source).toEqual([expect.any(String), { code: '1' }]);
    rewrite(file, (x) => pseudoTranslate(x, '[ja]'));
    const imported = p.import([file]);
    expect(imported.problems).toEqual([]);
    expect(imported.texts.map((t) => t.target)).toEqual([`${p.uiRoot}/${ja}/common.json`]);
    const after = JSON.parse(readFileSync(commonJa, 'utf8'));
    expect(after.nav.home).toBe('[ja] TRANG CHỦ');
    expect(after.article.published).toBe('[ja] ĐĂNG NGÀY {{date}}');
    // Carried as final and kept: the translation as it was, interpolation included.
    expect(after.site.name).toBe(strings.site.name);
    const { strings: all, records } = readUiStrings(p.uiRoot);
    expect(uiStatus(all, records, p.uiRoot).filter((r) => r.locale === ja && r.id.startsWith('common:') && r.state !== 'up-to-date')).toEqual([]);
  });
});

describe('import checks: nothing written unless the whole file passes', () => {
  /** An export of the fixture article, pseudo-translated, changed by `change`, imported; its problems as the editor reads them. */
  function importBroken(change: (xliff: string) => string, before?: (p: ReturnType<typeof project>) => void) {
    const p = project();
    const path = p.xliff(p.export(), 'article tea-markup');
    rewrite(path, (x) => change(pseudoTranslate(x, '[ja]')));
    before?.(p);
    const translation = join(p.contentRoot, article, 'ja.mdx');
    const was = existsSync(translation) ? readFileSync(translation, 'utf8') : undefined;
    const result = p.import([path]);
    expect(existsSync(translation) ? readFileSync(translation, 'utf8') : undefined).toBe(was);
    expect(result.texts).toEqual([]);
    return result.problems.map((problem) => formatImportProblem({ ...problem, file: 'x.xlf' }));
  }
  const unit = (id: string, change: (unitXml: string) => string) => (x: string) => x.replace(new RegExp(`<trans-unit id="${id}"[\\s\\S]*?</trans-unit>`), change);

  it.each([
    ['not XML', (x: string) => x.slice(0, -30), undefined, /^error \[xliff-not-xml\] x\.xlf:\d+\n {2}The file is not well-formed XML: .+\.\n {2}Hint: The file was damaged/],
    ['another XLIFF version', (x: string) => x.replace('version="1.2"', 'version="1.1"'), undefined, 'error [xliff-version] x.xlf:2\n  XLIFF version "1.1" in namespace "urn:oasis:names:tc:xliff:document:1.2" is not one this site reads (1.2 in urn:oasis:names:tc:xliff:document:1.2; 2.0 or 2.1 in urn:oasis:names:tc:xliff:document:2.0).'],
    ['another target language', (x: string) => x.replace(/target-language="[^"]+"/, 'target-language="ko"'), undefined, 'error [language-mismatch] x.xlf:3\n  The target language is ko, but articles/tea-markup/vi.mdx was exported for ja.'],
    ['a text not exported', (x: string) => x.replace(/original="[^"]+"/, 'original="articles/other/vi.mdx"'), undefined, 'error [export-unknown] x.xlf:3\n  "articles/other/vi.mdx" was not exported for ja, or was imported already: there is no record of the export in content/.sources/exports.json.'],
    ['a file of an earlier export', (x: string) => x.replace(/build-num="[^"]+"/, 'build-num="20260101-000000"'), undefined, /^error \[export-unknown\] x\.xlf:3\n {2}The file is from export 20260101-000000; articles\/tea-markup\/vi\.mdx was exported again since \(export \d{8}-[0-9a-f]{6}\)\./],
    ['a unit missing', unit('b2', () => ''), undefined, 'error [unit-missing] x.xlf:3  unit "b2"\n  Unit "b2" (Heading at the start of the text) is missing.'],
    ['a unit added', unit('b2', (u) => `${u}${u.replace('id="b2"', 'id="b99"')}`), undefined, /^error \[unit-unknown\] x\.xlf:\d+ {2}unit "b99"\n {2}Unit "b99" was not exported\./],
    ['a unit twice', unit('b2', (u) => `${u}${u}`), undefined, /^error \[unit-duplicate\] x\.xlf:\d+ {2}unit "b2"\n {2}Unit "b2" is in the file more than once\./],
    ['a source edited', unit('b2', (u) => u.replace('<source>Chè trong đời sống', '<source>Chè trong cuộc sống')), undefined, /^error \[source-changed\] x\.xlf:\d+ {2}unit "b2"\n {2}The source of the unit differs from the one exported: “Chè trong cuộc sống” instead of “Chè trong đời sống”\./],
    ['a placeholder missing', unit('b1', (u) => u.replace(/(<target[^>]*>[\s\S]*?)<g id="1" ctype="bold">([^<]*)<\/g>/, '$1$2')), undefined, /^error \[placeholder-missing\] x\.xlf:\d+ {2}unit "b1"\n {2}The target lacks placeholder 1 of the source \(bold \*\*…\*\*\)\./],
    ['a placeholder added', unit('b2', (u) => u.replace('</target>', '<x id="9" ctype="x-code"/></target>')), undefined, /^error \[placeholder-added\] x\.xlf:\d+ {2}unit "b2"\n {2}The target has placeholder 9 \(standalone\), which the source does not have\./],
    ['a placeholder twice', unit('b6', (u) => u.replace(/(<target[^>]*>[\s\S]*?)(<x id="1"[^>]*\/>)/, '$1$2$2')), undefined, /^error \[placeholder-duplicated\] x\.xlf:\d+ {2}unit "b6"\n {2}The target has placeholder 1 more than once\./],
    ['pairs crossing', unit('b1', (u) => u.replace(/<target state="translated">[\s\S]*?<\/target>/, '<target state="translated"><bx id="1" rid="1"/>A<bx id="2" rid="2"/>B<ex id="1" rid="1"/>C<ex id="2" rid="2"/><g id="3">D</g></target>')), undefined, /^error \[placeholder-unpaired\] x\.xlf:\d+ {2}unit "b1"\n {2}A paired placeholder in the target is not closed where it should be: pairs must open and close once and nest\./],
    ['a unit not finished', unit('b2', (u) => u.replace('state="translated"', 'state="needs-review-translation"')), undefined, /^error \[state-open\] x\.xlf:\d+ {2}unit "b2"\n {2}The unit's state is "needs-review-translation"; only translated, reviewed \(signed-off\) or final units are taken\./],
    ['an empty target', unit('b2', (u) => u.replace(/<target state="translated">[\s\S]*?<\/target>/, '<target state="translated"> </target>')), undefined, /^error \[target-empty\] x\.xlf:\d+ {2}unit "b2"\n {2}The unit has no translation\./],
    ['the translation edited since the export', (x: string) => x, (p: ReturnType<typeof project>) => writeFileSync(join(p.contentRoot, article, 'ja.mdx'), source), 'error [translation-changed] x.xlf:3\n  content/articles/tea-markup/ja.mdx was created since the export; importing would overwrite that.'],
  ] as const)('%s', (_name, change, before, expected) => {
    const messages = importBroken(change, before);
    expect(messages).toHaveLength(1);
    if (typeof expected === 'string') expect(messages[0]!.split('\n  Hint:')[0]).toBe(expected);
    else expect(messages[0]).toMatch(expected);
    expect(messages[0]).toMatch(/\n {2}Hint: .+$/);
  });

  it('a damaged export record stops with its file named', () => {
    const p = project();
    p.export();
    writeFileSync(join(p.contentRoot, '.sources/exports.json'), '{ "ja:articles');
    expect(() => p.import([p.out])).toThrow(/\.sources\/exports\.json is not valid JSON/);
  });

  it('the exported source no longer kept', () => {
    const p = project();
    const result = p.export();
    const path = p.xliff(result, 'article tea-markup');
    rewrite(path, (x) => pseudoTranslate(x, '[ja]'));
    const record = JSON.parse(p.read('.sources/exports.json'));
    rmSync(join(p.contentRoot, '.sources', `${record[`ja:${article}/vi.mdx`].source}.txt`));
    const messages = p.import([path]).problems.map((problem) => formatImportProblem({ ...problem, file: 'x.xlf' }));
    expect(messages).toEqual([expect.stringMatching(/^error \[source-unknown\] x\.xlf:3\n {2}The Vietnamese source of this export \([0-9a-f]{12}\) is not in content\/\.sources\/\.\n {2}Hint: /)]);
    expect(existsSync(join(p.contentRoot, article, 'ja.mdx'))).toBe(false);
  });

  it('a folder: each file is checked whole; the good ones are written, the bad ones reported', () => {
    const p = project();
    const result = p.export();
    rewrite(p.xliff(result, 'article tea-markup'), (x) => pseudoTranslate(x, '[ja]').replace(/target-language="[^"]+"/, 'target-language="ko"'));
    rewrite(p.xliff(result, 'article tea-note'), (x) => pseudoTranslate(x, '[ja]'));
    const imported = p.import([p.out]);
    expect(imported.problems.map((problem) => problem.code)).toEqual(['language-mismatch']);
    expect(imported.texts.map((t) => t.target)).toEqual(['content/articles/tea-note/ja.mdx']);
    expect(existsSync(join(p.contentRoot, article, 'ja.mdx'))).toBe(false);
    expect(p.read('articles/tea-note/ja.mdx')).toContain('\\[ja\\] CHÈ THÁI NGUYÊN ĐƯỢC PHA');
    // The text not taken back stays recorded as exported.
    expect(Object.keys(JSON.parse(p.read('.sources/exports.json')))).toEqual([`ja:${article}/vi.mdx`]);
  });
});
