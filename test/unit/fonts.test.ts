import { describe, expect, it } from 'vitest';
import { fontFaceCss, fontFiles } from '../../src/fonts/faces.ts';
import { pageFontCss, printPageFontUses, SliceLookup, unicodeRangeOf } from '../../src/fonts/page-fonts.ts';
import { font } from '../helpers/locales.ts';

const serif = font('noto-serif');
const sansJp = font('noto-sans-jp');
const sansSc = font('noto-sans-sc');

describe('self-hosted font faces', () => {
  const latin = { styles: ['italic', 'normal'], unicode: { cyrillic: 'U+0400-045F', latin: 'U+0000-00FF', vietnamese: 'U+1EA0-1EF9' } };

  it('serves only the subsets a family is configured for, in every weight and style used', () => {
    const files = fontFiles(serif, latin);
    expect(files.map((f) => f.file)).toEqual([
      'noto-serif-latin-400-normal.woff2', 'noto-serif-vietnamese-400-normal.woff2',
      'noto-serif-latin-700-normal.woff2', 'noto-serif-vietnamese-700-normal.woff2',
      'noto-serif-latin-400-italic.woff2', 'noto-serif-vietnamese-400-italic.woff2',
    ]);
  });

  it('takes every numbered CJK slice, and no italic where the family has none', () => {
    const files = fontFiles(sansJp, { styles: ['normal'], unicode: { '[0]': 'U+4E00', '[1]': 'U+4E01' } });
    expect(files.map((f) => f.file)).toEqual([
      'noto-sans-jp-0-400-normal.woff2', 'noto-sans-jp-1-400-normal.woff2',
      'noto-sans-jp-0-700-normal.woff2', 'noto-sans-jp-1-700-normal.woff2',
    ]);
  });

  it('writes @font-face rules with unicode ranges, woff2 only', () => {
    const css = fontFaceCss(serif, fontFiles(serif, latin).slice(0, 1), '/fonts/');
    expect(css).toBe(
      "@font-face{font-family:'Noto Serif';font-style:normal;font-weight:400;font-display:swap;src:url(/fonts/noto-serif-latin-400-normal.woff2) format('woff2');unicode-range:U+0000-00FF}",
    );
  });
});

describe('per-page font rules', () => {
  const files = [
    { file: 'sc-latin-400-normal.woff2', subset: 'latin', weight: 400, style: 'normal', unicodeRange: 'U+0000-00FF' },
    { file: 'sc-vi-400-normal.woff2', subset: 'vietnamese', weight: 400, style: 'normal', unicodeRange: 'U+00C0-00C3,U+1EA0-1EF9' },
    { file: 'sc-7-400-normal.woff2', subset: '7', weight: 400, style: 'normal', unicodeRange: 'U+4E00-4E10,U+8336' },
    { file: 'sc-7-700-normal.woff2', subset: '7', weight: 700, style: 'normal', unicodeRange: 'U+4E00-4E10,U+8336' },
    { file: 'sc-8-400-normal.woff2', subset: '8', weight: 400, style: 'normal', unicodeRange: 'U+9000-9010' },
  ] as const;
  const lookups = new Map([[sansSc, new SliceLookup(files)]]);
  const catalogue = new Map([[sansSc, files]]);

  it('finds the slice drawing a character, also where slices overlap', () => {
    const lookup = new SliceLookup(files);
    expect(lookup.subsetOf(0x41)).toBe('latin');
    expect(lookup.subsetOf(0x1ec7)).toBe('vietnamese');
    expect(['latin', 'vietnamese']).toContain(lookup.subsetOf(0xc1));
    expect(lookup.subsetOf(0x8336)).toBe('7');
    expect(lookup.subsetOf(0xac00)).toBeUndefined();
  });

  it('writes ranges as runs', () => {
    expect(unicodeRangeOf([0x43, 0x41, 0x42, 0x5a, 0x42])).toBe('U+41-43,U+5A');
  });

  it('gives a page only the slices its text needs, in every weight, narrowed to its characters', () => {
    const css = pageFontCss([{ font: sansSc, text: '一茶' }], catalogue, lookups, '/fonts/');
    const rules = css.split('\n');
    expect(rules.map((r) => /url\(\/fonts\/([^)]+)\)/.exec(r)?.[1])).toEqual(['sc-latin-400-normal.woff2', 'sc-7-400-normal.woff2', 'sc-7-700-normal.woff2']);
    expect(rules[1]).toContain('unicode-range:U+4E00,U+8336}');
    expect(css).not.toContain('sc-8-');
    expect(css).not.toContain('U+4E00-4E10');
  });

  it('adds the parts Chromium draws a Lao or Thai vowel with (ຳ as ໍ + າ), which the page never writes', () => {
    // Any family the languages file lists will do: only the files and ranges count here.
    const lao = sansSc;
    const laoFiles = [{ file: 'lao-lao-400-normal.woff2', subset: 'lao', weight: 400, style: 'normal', unicodeRange: 'U+0E81-0EDF' }] as const;
    const css = pageFontCss([{ font: lao, text: 'ທຳ' }], new Map([[lao, laoFiles]]), new Map([[lao, new SliceLookup(laoFiles)]]), '/fonts/');
    expect(css).toContain('unicode-range:U+E97,U+EB2-EB3,U+ECD}');
  });

  it('gives a print page its own characters and the digits of page numbers, in every family of its languages', () => {
    const css = pageFontCss(printPageFontUses([sansSc], '一'), catalogue, lookups, '/fonts/');
    expect(css).toContain('unicode-range:U+4E00}');
    // Page numbers and TOC references come from CSS counters: the digits are there whatever the text.
    expect(/sc-latin-400-normal[^}]*unicode-range:([^}]*)}/.exec(css)?.[1]).toContain('U+30-39');
    expect(css).not.toContain('sc-8-');
  });

  it('gives a print page the capitals of its text too (kickers are set in capitals)', () => {
    const css = pageFontCss(printPageFontUses([sansSc], 'ầu'), catalogue, lookups, '/fonts/');
    expect(/sc-vi-400-normal[^}]*unicode-range:([^}]*)}/.exec(css)?.[1]).toBe('U+1EA6-1EA7');
    expect(/sc-latin-400-normal[^}]*unicode-range:([^}]*)}/.exec(css)?.[1]).toContain('U+55');
  });

  it('writes nothing for a family the page does not use', () => {
    expect(pageFontCss([], catalogue, lookups, '/fonts/')).toBe('');
  });
});
