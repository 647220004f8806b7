/** The printed bulletin as a print shop receives it. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { manifestSchema } from '../../src/print/manifest.ts';
import { monthIn, vi } from '../helpers/locales.ts';

const site = inject('fixtureSite');
const printDir = join(site, 'print');
const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(printDir, 'manifest.json'), 'utf8')))
  // The screen PDFs; the fixture build makes press files too (checked in print.test.ts).
  .filter((e) => e.kind === 'bulletin' && e.variant === 'screen');
const tool = (name: string, ...args: string[]) => execFileSync(name, args, { encoding: 'utf8' });
const mm = (pt: number) => (pt * 25.4) / 72;

const titles = {
  vi: ['Khu công nghiệp Alpha mở rộng', 'Mùa chè Beta', 'Hồ Gamma mùa thu', 'Lời ngỏ'],
  // gamma has no English translation: the English edition prints it in Vietnamese.
  en: ['Alpha Industrial Park expands', 'The Beta tea season', 'Hồ Gamma mùa thu', 'Foreword'],
};

describe('bulletin PDFs', () => {
  it('are listed in the manifest, one per edition language, with true size, pages and checksum', () => {
    expect(manifest.map((e) => [e.kind, e.slug, e.locale, e.variant, e.file])).toEqual([
      ['bulletin', '2026-09', 'en', 'screen', 'bulletin-2026-09-en.pdf'],
      ['bulletin', '2026-09', 'vi', 'screen', 'bulletin-2026-09-vi.pdf'],
    ]);
    for (const entry of manifest) {
      const pdf = readFileSync(join(printDir, entry.file));
      expect(entry.bytes).toBe(pdf.byteLength);
      expect(entry.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      expect(tool('pdfinfo', join(printDir, entry.file))).toMatch(new RegExp(`^Pages:\\s+${entry.pages}$`, 'm'));
    }
  });

  it.each(Object.keys(titles))('%s: A4 plus 3 mm bleed on every side, more than one page', (locale) => {
    const info = tool('pdfinfo', '-l', '-1', join(printDir, `bulletin-2026-09-${locale}.pdf`));
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [mm(Number(m[1])), mm(Number(m[2]))]);
    expect(sizes.length).toBeGreaterThan(1);
    for (const [w, h] of sizes) {
      expect(w).toBeCloseTo(210 + 6, 0);
      expect(h).toBeCloseTo(297 + 6, 0);
    }
  });

  it.each(Object.keys(titles))('%s: every font embedded, none of Type 3', (locale) => {
    const rows = tool('pdffonts', join(printDir, `bulletin-2026-09-${locale}.pdf`)).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).not.toContain('Type 3');
      // columns: name, type, encoding, emb, sub, uni, object, generation
      expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
    }
  });

  it.each(Object.entries(titles))('%s: prints the title of every article and the foreword', (locale, expected) => {
    const text = tool('pdftotext', '-layout', join(printDir, `bulletin-2026-09-${locale}.pdf`), '-');
    for (const title of expected) expect(text).toContain(title);
  });

  it('puts the running head (bulletin, current article) and a folio on inner pages but not on the cover', () => {
    const page = (n: number) => tool('pdftotext', '-f', String(n), '-l', String(n), '-layout', join(printDir, 'bulletin-2026-09-en.pdf'), '-');
    expect(page(1)).not.toMatch(/^\s*1\s*$/m);
    // Verso pages carry the bulletin's name, recto pages the current article.
    expect(page(4).split('\n')[0]).toMatch(/^\s*Thái Nguyên Foreign Affairs Bulletin\s*$/);
    expect(page(4)).toMatch(/^\s*4\s*$/m);
    expect(page(5).split('\n')[0]).toMatch(/^\s+The Beta tea season\s*$/);
    expect(page(5)).toMatch(/^\s*5\s*$/m);
  });

  it('records the publication in the PDF metadata, dated by the content', () => {
    const info = tool('pdfinfo', join(printDir, 'bulletin-2026-09-vi.pdf'));
    // The month as Intl writes it in Vietnamese (ICU data).
    expect(info).toMatch(new RegExp(`^Title:\\s+Bản tin Đối ngoại Thái Nguyên — Số 1 · ${monthIn(vi, '2026-09')}$`, 'm'));
    expect(info).toMatch(/^Author:\s+Sở Ngoại vụ tỉnh Thái Nguyên$/m);
    expect(info).toMatch(/^CreationDate:\s+.*Sep\s+1 00:00:00 2026/m);
  });
});
