/**
 * Every printed product of the fixture, as a print shop and a reader check it. The fixture build
 * (helpers/fixture-setup.ts) runs with --press: each publication is laid out once and both its
 * screen and press PDFs are made from that layout, so the press files, the order sheet and the
 * resolution warnings are read from that one build; a second print run only lays out again what
 * the determinism check needs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pageFormats } from '../../src/content/schema.ts';
import { fallbackChain, type LocaleId } from '../../src/i18n/locales.ts';
import { manifestSchema } from '../../src/print/manifest.ts';
import { fogra39, fogra39ProfilePath } from '../../src/print/fogra39.ts';
import { convertToPress, ghostscriptCmyk } from '../../src/print/press.ts';
import { applyGrid, gridColours, gridSize } from '../../src/print/press-pictures.ts';
import { printPagePath } from '../../src/print/publication.ts';
import { fixtureBuild } from '../helpers/fixture-ready.ts';

const site = inject('fixtureSite');
/** What the fixture build printed: its print log names every picture short of 300 ppi. */
const log = (await fixtureBuild()).output;
const tool = (name: string, ...args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const readManifest = (dir: string) => manifestSchema.parse(JSON.parse(readFileSync(join(dir, 'print', 'manifest.json'), 'utf8')));
const everything = readManifest(site);
const manifest = everything.filter((e) => e.variant === 'screen');
const press = everything.filter((e) => e.variant === 'press');
const pdf = (file: string, dir = site) => join(dir, 'print', file);
/** Each page's text as printed (-layout), from one pdftotext run per file rather than one per page. */
const pagesText = new Map<string, string[]>();
const allPages = (file: string) => {
  let pages = pagesText.get(file);
  // pdftotext ends every page with a form feed.
  if (!pages) pagesText.set(file, (pages = tool('pdftotext', '-layout', pdf(file), '-').split('\f').slice(0, -1)));
  return pages;
};
const pageText = (file: string, page: number) => allPages(file)[page - 1] ?? '';
const mm = (pt: number) => (pt * 25.4) / 72;
const formats: Record<string, keyof typeof pageFormats> = { bulletin: 'A4', booklet: 'A5', edition: 'A4' };

describe('the printed products', () => {
  it('are listed in the manifest: bulletin in vi and en, booklet per edition language, the bilingual edition as vi-en', () => {
    expect(everything.map((e) => e.variant)).toEqual(expect.arrayContaining(['screen', 'press']));
    expect(manifest.map((e) => `${e.kind} ${e.slug} ${e.locale} ${e.variant}`)).toEqual([
      'booklet invest ja screen',
      'booklet invest ko screen',
      'booklet invest vi screen',
      'bulletin 2026-09 en screen',
      'bulletin 2026-09 vi screen',
      'edition tea vi-en screen',
    ]);
  });

  it.each(manifest.map((e) => [e.file, e] as const))('%s: every page is the trim size plus 3 mm bleed, with TrimBox and BleedBox', (file, entry) => {
    const boxes = tool('pdfinfo', '-box', '-f', '1', '-l', String(entry.pages), pdf(file));
    const { width, height } = pageFormats[formats[entry.kind]!];
    for (let page = 1; page <= entry.pages; page++) {
      const box = (name: string) => {
        const m = new RegExp(`^Page\\s+${page} ${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`, 'm').exec(boxes);
        expect(m, `page ${page} ${name}`).not.toBeNull();
        const [x0, y0, x1, y1] = m!.slice(1).map(Number) as [number, number, number, number];
        return { w: mm(x1 - x0), h: mm(y1 - y0), x: mm(x0), y: mm(y0) };
      };
      const media = box('MediaBox');
      const trim = box('TrimBox');
      const bleed = box('BleedBox');
      expect(media.w).toBeCloseTo(width + 6, 0);
      expect(media.h).toBeCloseTo(height + 6, 0);
      expect(trim.w).toBeCloseTo(width, 0);
      expect(trim.h).toBeCloseTo(height, 0);
      expect(trim.x - bleed.x).toBeCloseTo(3, 1);
      expect(bleed.w).toBeCloseTo(width + 6, 0);
    }
  });

  it.each(manifest.map((e) => e.file))('%s: fonts all embedded, none of Type 3', (file) => {
    const rows = tool('pdffonts', pdf(file)).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).not.toContain('Type 3');
      expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
    }
  });

  it.each(manifest.map((e) => e.file))('%s: has an outline (bookmarks) from its headings', (file) => {
    const outline = JSON.parse(tool('qpdf', '--json', '--json-key=outlines', pdf(file))).outlines as Array<{ title: string; kids: unknown[] }>;
    const titles = JSON.stringify(outline);
    expect(outline.length).toBeGreaterThan(0);
    expect(titles).toMatch(/"title":/);
  });

  it.each(manifest.map((e) => [e.file, e] as const))('%s: every table-of-contents entry points to the page its heading is printed on', (file, entry) => {
    // The TOC is the page whose first heading is the contents title.
    const pages = allPages(file);
    expect(pages).toHaveLength(entry.pages);
    const firstLines = (text: string) => text.split('\n').filter((l) => l.trim()).slice(0, 3).join(' ');
    const tocPage = pages.findIndex((text) => /Mục lục|Contents|目次|차례/.test(firstLines(text)));
    expect(tocPage).toBeGreaterThan(0);
    const entries = [...pages[tocPage]!.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const squash = (text: string) => text.replace(/\s+/g, '');
    for (const { title, page } of entries) {
      // Long bilingual titles wrap in the heading; the first words must stand on the page the TOC names.
      // A bilingual entry reads "vi title · en title"; the first title stands at the top of the article.
      const first = title.split(' · ')[0]!;
      expect(squash(pages[page - 1] ?? ''), `"${title}" on page ${page}`).toContain(squash(first).slice(0, 12));
    }
  });

  it('pads every booklet to a multiple of four pages with intended pages before the back cover', () => {
    const booklets = manifest.filter((e) => e.kind === 'booklet');
    for (const entry of booklets) {
      expect(entry.pages % 4, entry.file).toBe(0);
      const last = pageText(entry.file, entry.pages);
      expect(last, entry.file).toMatch(/Thái Nguyên|タイグエン|타이응우옌/);
    }
    // The fixture's Vietnamese booklet needs filler pages: contacts and notes stand before the back cover.
    const vi = booklets.find((e) => e.locale === 'vi')!;
    const inner = Array.from({ length: 3 }, (_, i) => pageText(vi.file, vi.pages - 3 + i)).join('\n');
    expect(inner).toMatch(/Thông tin liên hệ|Ghi chú/);
  });

  it('never starts a Japanese line with closing punctuation', () => {
    const text = tool('pdftotext', '-layout', pdf('booklet-invest-ja.pdf'), '-');
    // The long paragraph of the fixture article, line by line as printed.
    const start = text.indexOf('インフラ整備完了');
    const after = text.slice(start).split('\n').slice(1).map((l) => l.trim());
    const start2 = after.findIndex(Boolean);
    const end = after.indexOf('', start2);
    const lines = after.slice(start2, end < 0 ? undefined : end);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.filter((l) => /^[、。，．）」』】〕！？]/.test(l))).toEqual([]);
  });

  it('breaks Korean lines between words, never inside one', () => {
    const source = readFileSync('test/fixtures/site/content/articles/alpha/ko.mdx', 'utf8').split('---')[2]!;
    const words = new Set(source.split(/\s+/).filter(Boolean));
    const text = tool('pdftotext', '-raw', pdf('booklet-invest-ko.pdf'), '-');
    const paragraph = text.split('\n').filter((l) => l.includes('산업단지는') || l.includes('투자자는') || l.includes('양성하고'));
    expect(paragraph.length).toBeGreaterThan(0);
    for (const line of paragraph) for (const token of line.trim().split(/\s+/)) expect(words, `"${token}" in "${line}"`).toContain(token);
  });

  it.each(manifest.filter((e) => e.kind === 'booklet').map((e) => [e.file, e] as const))("%s: the manifest names the page each project sheet starts on, where the site's links open it", (file, entry) => {
    expect(Object.keys(entry.anchors ?? {})).toEqual(['project-alpha-park']);
    const page = entry.anchors!['project-alpha-park']!;
    // The sheet is in the booklet's language, or the fallback's where the project is not translated.
    const shown = fallbackChain(entry.locale as LocaleId).find((id) => existsSync(`test/fixtures/site/content/projects/alpha-park/${id}.mdx`));
    const source = readFileSync(`test/fixtures/site/content/projects/alpha-park/${shown}.mdx`, 'utf8');
    const title = source.match(/^title: "(.*)"$/m)?.[1] ?? '';
    const summary = source.match(/^summary: "(.*)"$/m)?.[1] ?? '';
    expect(title).not.toBe('');
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    expect(squeeze(pageText(file, page))).toContain(squeeze(title));
    // The page before may name the project (the province map's legend), but the sheet starts on its own page.
    expect(squeeze(pageText(file, page - 1))).not.toContain(squeeze(summary).slice(0, 30));
  });

  it('prints the bilingual edition as parallel text: each heading beside its translation', () => {
    const text = tool('pdftotext', '-layout', pdf('edition-tea-vi-en.pdf'), '-');
    expect(text).toMatch(/Hạ tầng sẵn sàng\s{2,}Infrastructure ready/);
    expect(text).toMatch(/Mùa chè Beta\s{2,}The Beta tea season/);
  });
});

/**
 * Byte-identical PDFs from a second, uncached print run of the same built site. Laid out again: the
 * Japanese booklet and the bilingual edition, side by side in one Chromium as the build does. Between
 * them they hold everything the fixture prints: both page formats (A5, A4), every picture kind of the
 * `pictures` article (PNG with alpha, CMYK JPEG, 16-bit PNG, SVG, WebP, the small one) and beta's
 * cover and photos, the key-figures graphic, the province map and a project sheet, booklet padding,
 * parallel text, and Latin, Vietnamese and CJK fonts subset and embedded. The other four are the
 * same templates and code in other languages; laying them out again would prove nothing more.
 */
describe('building the same content twice', () => {
  const again = ['booklet-invest-ja.pdf', 'edition-tea-vi-en.pdf'];
  let copy: string;
  let relog: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'press-again-'));
    cpSync(site, copy, { recursive: true });
    // The print command lays out every print page it finds: the others' pages go from the copy.
    for (const entry of manifest) if (!again.includes(entry.file)) rmSync(join(copy, printPagePath(entry), 'index.html'));
    const run = spawnSync(process.execPath, ['scripts/print.ts', '--site', copy, '--no-cache'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stdout + run.stderr);
    relog = run.stdout;
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('names, on a run without --press, each picture below the 150 ppi of screen PDFs, with its placement and resolution', () => {
    expect(relog).toMatch(/warning: edition tea vi-en: image \/_astro\/small[^ ]* in test\/fixtures\/site\/content\/articles\/pictures\/vi\.mdx, placed column, prints at \d+ ppi; screen PDFs need 150/);
  });

  it('gives byte-identical PDFs, rendered afresh without the cache', () => {
    const relaid = readManifest(copy);
    expect(relaid.map((e) => e.file)).toEqual(again);
    expect(relaid.map((e) => [e.file, e.sha256])).toEqual(manifest.filter((e) => again.includes(e.file)).map((e) => [e.file, e.sha256]));
  });
});

describe('with --press', () => {
  it('adds a press PDF for every publication to the manifest', () => {
    expect(press.map((e) => e.file)).toEqual(manifest.map((e) => e.file.replace(/\.pdf$/, '-press.pdf')));
  });

  it.each(['booklet-invest-ja-press.pdf', 'edition-tea-vi-en-press.pdf'])('%s is CMYK PDF/X-3 with an output intent', (file) => {
    const work = mkdtempSync(join(tmpdir(), 'press-qdf-'));
    try {
      const qdf = join(work, 'check.pdf');
      tool('qpdf', '--qdf', '--object-streams=disable', pdf(file), qdf);
      const body = readFileSync(qdf, 'latin1');
      expect(body).toContain('/GTS_PDFXVersion (PDF/X-3:2002)');
      expect(body).toMatch(/\/OutputIntents/);
      // The ISO coated condition FOGRA39, with the profile built from Fogra's data.
      expect(body).toContain('/OutputConditionIdentifier (FOGRA39)');
      expect(body).toContain('/OutputCondition (Coated FOGRA39 \\(ISO 12647-2:2004\\))');
      expect(body).not.toContain('/DeviceRGB');
      expect(body).toContain('/DeviceCMYK');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    for (const row of tool('pdffonts', pdf(file)).trim().split('\n').slice(2)) expect(row).not.toContain('Type 3');
  });

  it('has crop marks outside the bleed: the sheet is larger than the bleed box', () => {
    const info = tool('pdfinfo', '-box', pdf('booklet-invest-vi-press.pdf'));
    const size = (name: string) => {
      const [, x0, , x1] = new RegExp(`${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(info)!.map(Number);
      return mm(x1! - x0!);
    };
    expect(size('BleedBox')).toBeCloseTo(154, 0);
    expect(size('MediaBox')).toBeGreaterThan(size('BleedBox') + 15);
  });

  it('warns about an image below 300 ppi at its printed size, naming it and its resolution', () => {
    expect(log).toMatch(/warning: bulletin 2026-09 vi: image \/_astro\/tea-hills[^ ]* in test\/fixtures\/site\/content\/articles\/beta\/vi\.mdx, placed column, prints at \d+ ppi; press PDFs need 300/);
  });

  it.each([
    ['bulletin-2026-09-vi-press.pdf', 'bulletin 2026-09 vi'],
    ['booklet-invest-vi-press.pdf', 'booklet invest vi'],
    ['edition-tea-vi-en-press.pdf', 'edition tea vi-en'],
  ])('%s: every picture is CMYK, at 300 ppi or more wherever the original has the pixels', (file, name) => {
    const rows = tool('pdfimages', '-list', pdf(file)).trim().split('\n').slice(2).map((r) => r.trim().split(/\s+/));
    const pictures = rows.filter((c) => c[2] === 'image' && Number(c[3]) > 50 && Number(c[4]) > 50);
    expect(pictures.length).toBeGreaterThanOrEqual(9);
    for (const c of pictures) expect(c[5], c.join(' ')).toBe('cmyk');
    // Only pictures whose originals are too small for their place fall short: the press run names each
    // (small.jpg, tea-hills.jpg, beta's cover on a cover page or in the edition's photo spread).
    const short = pictures.filter((c) => Number(c[12]) < 300);
    const warned = [...log.matchAll(new RegExp(`warning: ${name}: image /_astro/([a-z-]+)\\.[^ ]* .*?prints at \\d+ ppi; press PDFs need 300`, 'g'))].map((m) => m[1]);
    expect(new Set(warned)).toEqual(new Set(['small', 'tea-hills', 'cover'].filter((name) => warned.includes(name))));
    // Each picture short of 300 ppi is named in the log (once per placement, however often it is drawn).
    if (short.length) expect(log).toContain(`warning: ${name}: image`);
    expect(pictures.filter((c) => Number(c[12]) >= 300).length).toBeGreaterThanOrEqual(6);
  });

  it.each(['booklet-invest-vi-press.pdf', 'edition-tea-vi-en-press.pdf'])('%s: a page with no picture has none after the CMYK conversion (rules, maps and figures stay vectors)', (file) => {
    // Ghostscript turns CSS gradients into pictures, and flattens transparency into a whole page of pixels.
    const pagesWithImages = (path: string) => new Set(tool('pdfimages', '-list', path).trim().split('\n').slice(2).map((r) => Number(r.trim().split(/\s+/)[0])));
    const screen = pagesWithImages(pdf(file.replace('-press', '')));
    const rasterised = [...pagesWithImages(pdf(file))].filter((page) => !screen.has(page));
    expect(rasterised).toEqual([]);
  });

  it.each(press.map((e) => [e.file] as const))('%s: every page keeps its text and its own pictures (no page flattened into one picture)', (file) => {
    // PDF/X-3 allows no transparency: a transparent picture left in made Ghostscript turn its whole
    // page, text included, into pixels. Print pictures are flattened onto their paper instead.
    const screenFile = file.replace('-press', '');
    const picturesPerPage = (path: string) => {
      const pages = new Map<number, number>();
      for (const row of tool('pdfimages', '-list', path).trim().split('\n').slice(2)) {
        const [page, , type] = row.trim().split(/\s+/);
        if (type === 'image') pages.set(Number(page), (pages.get(Number(page)) ?? 0) + 1);
      }
      return pages;
    };
    expect(picturesPerPage(pdf(file))).toEqual(picturesPerPage(pdf(screenFile)));
    const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
    allPages(screenFile).forEach((text, i) => {
      if (words(text)) expect(words(pageText(file, i + 1)), `${file} page ${i + 1}`).toBeGreaterThan(0);
    });
  });

  it('makes the same press bytes from the same PDF, run after run', async () => {
    // Ghostscript hashes the output's path into the document ID; ours was a new temporary folder each run.
    const profile = { iccProfile: fogra39ProfilePath(process.cwd()), ...fogra39 };
    const prepared = readFileSync(pdf('bulletin-2026-09-en.pdf'));
    const [first, second] = await Promise.all([convertToPress(prepared, new Date('2026-09-01'), profile), convertToPress(prepared, new Date('2026-09-01'), profile)]);
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('converts pictures to CMYK as Ghostscript itself does, within one unit (src/print/press-pictures.ts)', async () => {
    // The RGB profile Chromium tags the pictures with, from a screen PDF.
    const doc = await PDFDocument.load(readFileSync(pdf('bulletin-2026-09-vi.pdf')));
    const spaces = [...doc.context.enumerateIndirectObjects()].flatMap(([, o]) => (o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') ? [doc.context.lookup(o.dict.get(PDFName.of('ColorSpace')))] : []));
    const space = spaces.find((s): s is PDFArray => s instanceof PDFArray && s.get(0) === PDFName.of('ICCBased'));
    const source = inflateSync((doc.context.lookup(space!.get(1)) as PDFRawStream).contents);
    const profile = { iccProfile: fogra39ProfilePath(process.cwd()), ...fogra39 };
    // 40,000 colours from a fixed pseudo-random sequence: every region of the colour cube.
    let seed = 1;
    const rgb = new Uint8Array(200 * 200 * 3).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    const [direct, grid] = await Promise.all([ghostscriptCmyk(rgb, 200, 200, source, profile), ghostscriptCmyk(gridColours(), gridSize * gridSize, gridSize, source, profile)]);
    const ours = applyGrid(grid, rgb);
    expect(ours.length).toBe(direct.length);
    expect(ours.reduce((worst, v, i) => Math.max(worst, Math.abs(v - direct[i]!)), 0)).toBeLessThanOrEqual(1);
    // And it is a real conversion: white stays paper, black goes mostly to the black plate.
    expect([...applyGrid(grid, new Uint8Array([0, 0, 0, 255, 255, 255]))].slice(4)).toEqual([0, 0, 0, 0]);
    expect(applyGrid(grid, new Uint8Array([0, 0, 0]))[3]).toBeGreaterThan(200);
  });

  it('names the press profile on the order sheet', () => {
    expect(readFileSync(join(site, 'print', 'order-sheet.html'), 'utf8')).toContain('Coated FOGRA39 (ISO 12647-2:2004)</strong> (output intent FOGRA39, profile <code>FOGRA39.icc</code>)');
  });

  it('writes the order sheet with copies and sheets per language', () => {
    const csv = readFileSync(join(site, 'print', 'order-sheet.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('publication,language,format,pages,copies,sheets per copy,sheet format,sheets in total,file,sha256');
    const vi = csv.find((l) => l.startsWith('booklet invest,vi,'))!.split(',');
    const pages = Number(vi[3]);
    expect(vi.slice(0, 3)).toEqual(['booklet invest', 'vi', 'A5']);
    expect(Number(vi[4])).toBe(2800);
    expect(Number(vi[7])).toBe((pages / 4) * 2800);
    expect(vi[8]).toBe('booklet-invest-vi-press.pdf');
    expect(csv.find((l) => l.startsWith('booklet invest,ko,'))).toContain(',150,');
    expect(readFileSync(join(site, 'print', 'order-sheet.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

/**
 * Content too large for any page fails the print stage, which `npm run build` and `npm run print`
 * share (src/print/stage.ts; both report its error the same way, src/cli/report.ts). Shown with the
 * print command on a copy of the fixture's built Vietnamese bulletin, its one publication, with the
 * picture and table of test/fixtures/oversized (a whole `npm run build -- --content
 * test/fixtures/oversized/content` fails the same way, in half a minute) added to the gamma article
 * as Astro prints them: the message names the file from the article's own data-source.
 */
describe('content that does not fit a page', () => {
  it('fails the print run, naming the file and the element, instead of losing it', () => {
    const copy = mkdtempSync(join(tmpdir(), 'press-oversized-'));
    try {
      cpSync(site, copy, { recursive: true });
      const bulletin = manifest.find((e) => e.file === 'bulletin-2026-09-vi.pdf')!;
      for (const entry of manifest) if (entry !== bulletin) rmSync(join(copy, printPagePath(entry), 'index.html'));
      const oversized = 'test/fixtures/oversized/content/articles/tall-chart';
      copyFileSync(join(oversized, 'tall.png'), join(copy, 'tall.png'));
      // The fixture's table (too wide: its cells are words longer than the page) as an MDX table renders.
      const rows = readFileSync(join(oversized, 'vi.mdx'), 'utf8').split('\n').filter((l) => l.startsWith('|') && !l.startsWith('| ---')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
      const cells = (row: string[], tag: string) => `<tr>\n${row.map((c) => `<${tag}>${c}</${tag}>`).join('\n')}\n</tr>`;
      const table = `<table>\n<thead>\n${cells(rows[0]!, 'th')}\n</thead>\n<tbody>\n${rows.slice(1).map((r) => cells(r, 'td')).join('\n')}\n</tbody>\n</table>`;
      // A picture ten times taller than wide, in the figure markup of the page's other pictures: scaled to fit.
      const figure = '<p><figure class="print-figure figure-column" data-placement="column"> <img src="/tall.png" width="400" height="4000" alt="Biểu đồ xuất khẩu chè theo năm" loading="eager" decoding="sync"> </figure></p>';
      const file = join(copy, printPagePath(bulletin), 'index.html');
      const html = readFileSync(file, 'utf8');
      const gamma = html.indexOf('data-source="test/fixtures/site/content/articles/gamma/vi.mdx"');
      const prose = html.indexOf('<div class="prose">', gamma) + '<div class="prose">'.length;
      expect(gamma).toBeGreaterThan(0);
      writeFileSync(file, html.slice(0, prose) + figure + table + html.slice(prose));
      const run = spawnSync(process.execPath, ['scripts/print.ts', '--site', copy, '--no-cache'], { encoding: 'utf8' });
      expect(run.status).not.toBe(0);
      // A picture taller than the page is scaled to fit it (src/styles/print.css); a table too wide cannot be.
      expect(run.stderr).toContain('test/fixtures/site/content/articles/gamma/vi.mdx: <table> "Năm Xuất khẩu Ghi chú');
      expect(run.stderr).not.toContain('<img>');
      expect(run.stderr).toContain('would be lost in print');
      expect(run.stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
