/** The print cache's keys: each declared input changes the keys of what it shapes, and only those. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { CacheStore, sha256, writeAtomically } from '../../src/cache/store.ts';
import { layoutCode, layoutKey, layoutRecordName, postprocessCode, pressCode, variantKey, type LayoutInputs, type VariantInputs } from '../../src/print/cache-key.ts';

const layout: LayoutInputs = {
  files: { 'print/bulletin/x/vi/index.html': 'a1', '_astro/print.css': 'b2', 'fonts/noto-sans/latin-400.woff2': 'c3' },
  chromium: 'Chromium 156.0.8078.114',
  pagedjs: '0.4.3',
  code: 'layout-code',
};

const variant: VariantInputs = {
  raw: { pdf: 'raw-hash', metadata: { title: 'Bản tin', author: 'Sở Ngoại vụ', language: 'vi', date: '2026-10-01T00:00:00.000Z' } },
  marks: false,
  bleedMm: 3,
  code: 'postprocess-code',
  press: { ghostscript: '10.00.0', qpdf: 'qpdf version 11.3.0', icc: 'icc-hash', outputCondition: 'FOGRA39', info: 'Coated FOGRA39 (ISO 12647-2:2004)', code: 'press-code' },
};

const keys = (l: LayoutInputs, v: VariantInputs) => ({ layout: layoutKey(l), screen: variantKey('screen', v), press: variantKey('press', v) });
const base = keys(layout, variant);
/** Which keys differ from the base keys. */
const changed = (l: LayoutInputs, v: VariantInputs) => {
  const now = keys(l, v);
  return (['layout', 'screen', 'press'] as const).filter((k) => now[k] !== base[k]);
};
const withPress = (change: Partial<NonNullable<VariantInputs['press']>>): VariantInputs => ({ ...variant, press: { ...variant.press!, ...change } });

describe('cache keys', () => {
  it.each([
    ['the page HTML', { ...layout, files: { ...layout.files, 'print/bulletin/x/vi/index.html': 'a9' } }],
    ['a font the page read', { ...layout, files: { ...layout.files, 'fonts/noto-sans/latin-400.woff2': 'c9' } }],
    ['one more file read', { ...layout, files: { ...layout.files, 'images/hills.jpg': 'd4' } }],
    ['Chromium', { ...layout, chromium: 'Chromium 157.0.1' }],
    ['Paged.js', { ...layout, pagedjs: '0.4.4' }],
    ['the layout code', { ...layout, code: 'edited' }],
  ])('%s: changes the layout key only', (_, changedLayout) => {
    expect(changed(changedLayout, variant)).toEqual(['layout']);
  });

  it.each<[string, VariantInputs, string[]]>([
    ['the raw PDF (a new layout)', { ...variant, raw: { ...variant.raw, pdf: 'other-raw' } }, ['screen', 'press']],
    ['the metadata', { ...variant, raw: { ...variant.raw, metadata: { ...variant.raw.metadata, date: '2026-11-01T00:00:00.000Z' } } }, ['screen', 'press']],
    ['the bleed', { ...variant, bleedMm: 5 }, ['screen', 'press']],
    ['the post-processing code', { ...variant, code: 'edited' }, ['screen', 'press']],
    ['marks (the press PDF always has them)', { ...variant, marks: true }, ['screen']],
    ['the output condition', withPress({ outputCondition: 'CGATS TR 001' }), ['press']],
    ['the output condition in words', withPress({ info: 'Coated FOGRA39' }), ['press']],
    ["the ICC profile's bytes", withPress({ icc: 'other-icc' }), ['press']],
    ['Ghostscript', withPress({ ghostscript: '10.05.1' }), ['press']],
    ['qpdf', withPress({ qpdf: 'qpdf version 12.0.0' }), ['press']],
    ['the press code', withPress({ code: 'edited' }), ['press']],
  ])('%s: changes exactly the keys of the variants it shapes', (_, changedVariant, expected) => {
    expect(changed(layout, changedVariant)).toEqual(expected);
  });

  it('does not depend on the order the files were read in', () => {
    const reversed = Object.fromEntries(Object.entries(layout.files).reverse());
    expect(layoutKey({ ...layout, files: reversed })).toBe(base.layout);
  });

  it('keeps the screen key when no press PDF is made, and refuses a press key without press inputs', () => {
    expect(variantKey('screen', { ...variant, press: null })).toBe(base.screen);
    expect(() => variantKey('press', { ...variant, press: null })).toThrow(/press inputs/);
  });

  it('names layout records by publication, engine and HTML, so other code or content finds records of its own', () => {
    const name = layoutRecordName('bulletin-x-vi', layout, 'html-1');
    expect(name).toMatch(/^layout-bulletin-x-vi-[0-9a-f]{16}$/);
    expect(layoutRecordName('bulletin-x-vi', { ...layout, code: 'edited' }, 'html-1')).not.toBe(name);
    expect(layoutRecordName('bulletin-x-vi', layout, 'html-2')).not.toBe(name);
    // The files beyond the HTML are checked against the record, not named by it.
    const otherFiles = { ...layout, files: { 'print/bulletin/x/vi/index.html': 'a9' } };
    expect(layoutRecordName('bulletin-x-vi', otherFiles, 'html-1')).toBe(name);
  });
});

/** Relative modules a source file imports for more than types, as paths relative to src/. */
function valueImports(module: string): string[] {
  const file = join('src', module);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      found.push(relative('src', normalize(join(dirname(file), specifier.text))).split('\\').join('/'));
    }
  }
  return found;
}

describe('the code lists the keys hash', () => {
  it.each<[string, string[]]>([
    ['layout', [...layoutCode]],
    ['post-processing and press', [...postprocessCode, ...pressCode]],
  ])('%s: every module they import is listed with them', (_, modules) => {
    const missing = modules.flatMap((m) => valueImports(m).filter((i) => !modules.includes(i)).map((i) => `${m} imports ${i}`));
    expect(missing).toEqual([]);
  });

  it('leave out the print modules that shape no PDF: an edit to them keeps every cached PDF', () => {
    const listed = new Set<string>([...layoutCode, ...postprocessCode, ...pressCode]);
    for (const module of ['print/stage.ts', 'print/manifest.ts', 'print/order-sheet.ts', 'print/cache.ts', 'print/cache-key.ts', 'print/publication.ts', 'print/preview.ts']) {
      expect(listed.has(module), module).toBe(false);
    }
    // Every listed module exists.
    for (const module of listed) expect(readdirSync(join('src', dirname(module)))).toContain(module.split('/').at(-1));
  });
});

describe('the cache store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'press-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes through a temporary file and leaves none behind', () => {
    const path = join(dir, 'file.bin');
    writeAtomically(path, 'one');
    writeAtomically(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['file.bin']);
  });

  it('stores blobs by hash and refuses one whose bytes no longer match it', () => {
    const store = new CacheStore(join(dir, 'store'));
    const data = new TextEncoder().encode('%PDF-1.7 test');
    const hash = store.write(data);
    expect(hash).toBe(sha256(data));
    expect(Buffer.from(store.read(hash)!).toString()).toBe('%PDF-1.7 test');
    writeFileSync(join(dir, 'store', `${hash}.pdf`), '%PDF-1.7 tes');
    expect(store.read(hash)).toBeUndefined();
  });

  it('reads an unreadable record as none', () => {
    const store = new CacheStore(join(dir, 'records'));
    store.writeRecord('layout-x', { a: 1 });
    expect(store.readRecord('layout-x')).toEqual({ a: 1 });
    writeFileSync(join(dir, 'records', 'layout-x.json'), '{"a":');
    expect(store.readRecord('layout-x')).toBeUndefined();
    expect(store.readRecord('missing')).toBeUndefined();
  });
});
