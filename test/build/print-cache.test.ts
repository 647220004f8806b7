/**
 * The print cache on a real print run: two small print pages (vi, en) printed once, then again
 * after changing in turn the output condition, the ICC profile, the marks option and one page's
 * HTML. Each run must lay out, post-process or take from the cache exactly what the change shapes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFString, PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBuildConfig } from '../../src/build/config.ts';
import { printOptions } from '../../src/build/print-options.ts';
import { sha256 } from '../../src/cache/store.ts';
import { printPublications, type PrintOptions, type PrintRun } from '../../src/print/stage.ts';

const css = `@page { size: 100mm 70mm; bleed: 3mm; margin: 10mm; }
html { font: 12px/20px sans-serif; font-synthesis: none; }`;

const page = (locale: string, text: string) =>
  `<!doctype html><html lang="${locale}" data-format="A6"><head><meta charset="utf-8"><title>Cache ${locale}</title>` +
  `<meta name="author" content="Test"><meta name="date" content="2026-05-01"><meta name="print-run" content="10">` +
  `<link rel="stylesheet" href="/print.css"></head><body><section data-source="fixture/${locale}.mdx"><h1>Cache ${locale}</h1><p>${text}</p></section></body></html>`;

/** One line per publication: locale, outcome, the variants made in the run. */
const summary = (run: PrintRun) => run.documents.map((d) => `${d.ref.locale} ${d.outcome}${d.made.length ? ` ${d.made.join('+')}` : ''}`);

/** The press PDF's output intent: its condition and the sha256 of the profile it embeds. */
async function outputIntent(file: string) {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents.lookup(0, PDFDict);
  const profile = intent.lookup(PDFName.of('DestOutputProfile'));
  if (!(profile instanceof PDFRawStream)) throw new Error(`${file}: the output intent has no profile stream`);
  return {
    condition: intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText(),
    profile: sha256(decodePDFRawStream(profile).decode()),
  };
}

describe('the print cache', () => {
  const work = mkdtempSync(join(tmpdir(), 'press-print-cache-'));
  const siteDir = join(work, 'site');
  const lines: string[] = [];
  const defaults = printOptions(resolveBuildConfig({ press: true }), siteDir, (line) => lines.push(line));
  const base: PrintOptions = { ...defaults, cacheDir: join(work, 'cache') };
  const pressProfile = base.press!;
  const pdf = (file: string) => readFileSync(join(siteDir, 'print', file));
  const print = (change: Partial<PrintOptions> = {}) => {
    lines.length = 0;
    return printPublications({ ...base, ...change });
  };
  let first: PrintRun;
  let firstScreen: Buffer;
  let firstPress: Buffer;

  beforeAll(async () => {
    mkdirSync(siteDir);
    writeFileSync(join(siteDir, 'print.css'), css);
    for (const locale of ['vi', 'en']) {
      mkdirSync(join(siteDir, 'print', 'bulletin', 'cache', locale), { recursive: true });
      writeFileSync(join(siteDir, 'print', 'bulletin', 'cache', locale, 'index.html'), page(locale, locale === 'vi' ? 'Chè Thái Nguyên.' : 'Thai Nguyen tea.'));
    }
    first = await print();
    firstScreen = pdf('bulletin-cache-vi.pdf');
    firstPress = pdf('bulletin-cache-vi-press.pdf');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lays out every publication on the first run and makes both variants', () => {
    expect(summary(first)).toEqual(['en laid-out screen+press', 'vi laid-out screen+press']);
    expect(first.orderSheet).toBe('printed');
  });

  it('takes everything from the cache when nothing changed, and says so per publication', async () => {
    const run = await print();
    expect(summary(run)).toEqual(['en unchanged', 'vi unchanged']);
    expect(run.orderSheet).toBe('cached');
    expect(lines).toContainEqual(expect.stringMatching(/^bulletin cache vi: 1 pages, unchanged \(cache\), [\d.]+ s$/));
    expect(pdf('bulletin-cache-vi-press.pdf').equals(firstPress)).toBe(true);
  });

  it('makes the press PDFs again from the cached layout for a new output condition, which they then declare', async () => {
    expect((await outputIntent(join(siteDir, 'print', 'bulletin-cache-vi-press.pdf'))).condition).toBe(pressProfile.outputCondition);
    // The default is FOGRA39 (src/print/fogra39.ts); a shop naming another condition for the same profile.
    const run = await print({ press: { ...pressProfile, outputCondition: 'CGATS TR 001', info: undefined } });
    expect(summary(run)).toEqual(['en post-processed press', 'vi post-processed press']);
    expect(lines.filter((l) => l.startsWith('bulletin cache vi:'))).toEqual([expect.stringMatching(/^bulletin cache vi: 1 pages, press made again from the cached layout, /)]);
    for (const locale of ['vi', 'en']) expect((await outputIntent(join(siteDir, 'print', `bulletin-cache-${locale}-press.pdf`))).condition).toBe('CGATS TR 001');
    expect(pdf('bulletin-cache-vi.pdf').equals(firstScreen)).toBe(true);
  });

  it('makes the press PDFs again for another ICC profile, embedding its bytes', async () => {
    const icc = join(work, 'shop-profile.icc');
    copyFileSync('/usr/share/color/icc/ghostscript/ps_cmyk.icc', icc);
    const press = { iccProfile: icc, outputCondition: 'FOGRA39' };
    const run = await print({ press });
    expect(summary(run)).toEqual(['en post-processed press', 'vi post-processed press']);
    expect(await outputIntent(join(siteDir, 'print', 'bulletin-cache-vi-press.pdf'))).toEqual({ condition: 'FOGRA39', profile: sha256(readFileSync(icc)) });
    // The same profile again: nothing to do.
    expect(summary(await print({ press }))).toEqual(['en unchanged', 'vi unchanged']);
  });

  it('makes only the screen PDFs again for --marks; the press PDFs and the order sheet stay', async () => {
    const run = await print({ marks: true });
    expect(summary(run)).toEqual(['en post-processed screen', 'vi post-processed screen']);
    expect(pdf('bulletin-cache-vi.pdf').equals(firstScreen)).toBe(false);
    expect(pdf('bulletin-cache-vi-press.pdf').equals(firstPress)).toBe(true);
    expect(run.orderSheet).toBe('cached');
  });

  it('lays out again only the publication whose page changed', async () => {
    const file = join(siteDir, 'print', 'bulletin', 'cache', 'en', 'index.html');
    writeFileSync(file, page('en', 'Thai Nguyen green tea.'));
    const run = await print();
    expect(summary(run)).toEqual(['en laid-out screen+press', 'vi unchanged']);
  });

  it('lays out again what reads a changed stylesheet', async () => {
    writeFileSync(join(siteDir, 'print.css'), `${css}\np { color: #222; }`);
    expect(summary(await print())).toEqual(['en laid-out screen+press', 'vi laid-out screen+press']);
  });
});
