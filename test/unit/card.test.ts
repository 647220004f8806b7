import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { glyphLookup } from '../../src/fonts/drawing.ts';
import { OutlineFont } from '../../src/fonts/outlines.ts';
import { breakUnits, composeCard, drawable, graphemes, layoutTitle } from '../../src/site/card.ts';
import { CardPainter, cardDrawer, layoutCard } from '../../src/site/card-painter.ts';
import { encodeIndexedPng, IndexedCanvas, quantise, type Rgb } from '../../src/site/png.ts';
import { CoverageRaster } from '../../src/fonts/coverage.ts';
import { getLocale } from '../../src/i18n/locales.ts';
import { font, vi, ja, ko, zh } from '../helpers/locales.ts';

const latin = { title: glyphLookup([font('noto-sans')], 700), label: glyphLookup([font('noto-sans')], 400) };
const japaneseStack = [font('noto-sans-jp'), font('noto-sans')];
const japanese = { title: glyphLookup(japaneseStack, 700), label: glyphLookup(japaneseStack, 400) };
const logo = readFileSync('public/favicon.svg', 'utf8');
const measure = (text: string, size: number, lookup = latin.title) => graphemes(text).reduce((w, g) => w + lookup(g)!.advance * size, 0);

describe('glyph outlines from the self-hosted fonts', () => {
  it('reads a WOFF font: glyphs, advances and outlines', () => {
    const font = new OutlineFont(readFileSync('node_modules/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'));
    const a = font.glyphIndex('A'.codePointAt(0)!);
    expect(a).toBeGreaterThan(0);
    expect(font.advance(a)).toBeGreaterThan(0);
    expect(font.contours(a).length).toBeGreaterThan(0);
    expect(font.glyphIndex('日'.codePointAt(0)!)).toBe(0);
  });

  it.each([
    [vi, 'Thái Nguyên ệ ữ Đ ợ'],
    [ja, 'アルファ工業団地「茶」、。'],
    [ko, '타이응우옌성 외무국'],
    [zh, '太原省对外信息，茶文化节'],
  ])('draws every %s character from a real outline of its heading fonts', (locale, text) => {
    const lookup = glyphLookup(getLocale(locale).fonts.heading, 700);
    for (const g of graphemes(text).filter((c) => c !== ' ')) {
      const glyph = lookup(g);
      expect(glyph, g).toBeDefined();
      expect(glyph!.path(0, 100, 60), g).toMatch(/^M[\d.-]+ [\d.-]+.*Z$/);
    }
  });

  it('has no glyph for what it cannot draw: emoji, or a letter with a mark that has no precomposed form', () => {
    expect(latin.title('🍵')).toBeUndefined();
    expect(latin.title('q\u0303')).toBeUndefined();
    // Decomposed Vietnamese is composed first.
    expect(latin.title('e\u0323\u0302')).toBeDefined();
  });
});

describe('title layout', () => {
  it('breaks Latin and Korean text at spaces only', () => {
    expect(breakUnits('Alpha  Industrial Park', 'latin')).toEqual(['Alpha ', 'Industrial ', 'Park']);
    expect(breakUnits('알파 산업단지 확장', 'korean')).toEqual(['알파 ', '산업단지 ', '확장']);
  });

  it('keeps a number with the word before it and a dash at the end of its line', () => {
    expect(breakUnits('Bulletin — No. 94 — October 2026', 'latin')).toEqual(['Bulletin — ', 'No. 94 — ', 'October 2026']);
  });

  it('breaks CJK text between characters, keeping punctuation on the right side and Latin words whole', () => {
    const units = breakUnits('「新茶」の季節、ASEANと日本。', 'cjk');
    expect(units).toContain('ASEAN');
    expect(units.some((u) => /^[、。」]/.test(u))).toBe(false);
    expect(units.some((u) => /「$/.test(u))).toBe(false);
    expect(units.join('')).toBe('「新茶」の季節、ASEANと日本。');
  });

  it('fits every line in the card, in at most three lines, balanced', () => {
    const title = 'Khu công nghiệp Alpha mở rộng';
    const { size, lines } = layoutTitle(title, 'latin', latin.title, 1040);
    expect(lines.join(' ')).toBe(title);
    for (const line of lines) expect(measure(line, size)).toBeLessThanOrEqual(1040);
    // A lone word on the last line is avoided when the lines can be evened out.
    expect(lines.at(-1)!.split(' ').length).toBeGreaterThan(1);
  });

  it('shortens a title too long for three lines with an ellipsis', () => {
    const title = 'Investment support for foreign enterprises in Thái Nguyên: one-stop service, land clearance and workforce training for every stage of a project from licensing to operation';
    const { size, lines } = layoutTitle(title, 'latin', latin.title, 1040);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/…$/);
    for (const line of lines) expect(measure(line, size)).toBeLessThanOrEqual(1040);
  });

  it('lays out Japanese within the width', () => {
    const title = 'タイグエン茶の里を訪ねて：「新茶の季節」に、茶摘みと手作業の焙煎を体験する一日の旅';
    const { size, lines } = layoutTitle(title, 'cjk', japanese.title, 1040);
    expect(lines.join('')).toBe(title);
    for (const line of lines) {
      expect(measure(line, size, japanese.title)).toBeLessThanOrEqual(1040);
      expect(line).not.toMatch(/^[、。」：]/);
    }
  });
});

describe('social card', () => {
  const words = { siteName: 'Thái Nguyên — Thông tin đối ngoại', title: 'Mùa chè Beta', domain: 'example.org', lineBreak: 'latin' as const };

  it('draws the title, or the site name in its place when the title has characters no font has (never tofu)', () => {
    const card = composeCard(words, latin, logo);
    expect(card.titleDrawn).toBe(true);
    expect(card.lines).toEqual(['Mùa chè Beta']);
    const withEmoji = composeCard({ ...words, title: 'Trà 🍵' }, latin, logo);
    expect(withEmoji.titleDrawn).toBe(false);
    expect(withEmoji.lines.join(' ')).toBe(words.siteName);
    expect(drawable('Trà 🍵', latin.title)).toBe(false);
  });

  it('renders a 1200×630 PNG with the title in ink', async () => {
    const request = { path: '/social/ja/x.png', locale: ja, words: { ...words, siteName: 'タイグエン省 対外情報', title: 'アルファ工業団地が拡張', lineBreak: 'cjk' as const } };
    const { png, titleDrawn } = await cardDrawer(logo)(request);
    expect(titleDrawn).toBe(true);
    const { width, height } = await sharp(png).metadata();
    expect([width, height]).toEqual([1200, 630]);
    // The title band holds white glyph pixels on the dark green background.
    const band = await sharp(png).extract({ left: 80, top: 250, width: 1040, height: 140 }).greyscale().stats();
    expect(band.channels[0]!.max).toBeGreaterThan(200);
  });

  it.each([
    [vi, { siteName: words.siteName, title: 'Khu công nghiệp Yên Bình mở rộng: cơ hội cho nhà đầu tư Nhật Bản', lineBreak: 'latin' as const }],
    [zh, { siteName: '太原省对外信息', title: '太原省茶文化节：来自世界各地的茶商', lineBreak: 'cjk' as const }],
  ] as const)('paints the %s card as the whole card drawn as one SVG would look', async (locale, text) => {
    // The painter reuses glyph images between cards (placed to a quarter pixel): the result must
    // match rasterising the card's outlines in one go, apart from anti-aliasing at glyph edges.
    const card = layoutCard({ path: '/social/x.png', locale, words: { ...words, ...text } }, logo);
    const painter = new CardPainter();
    await painter.paint(layoutCard({ path: '/social/y.png', locale, words: { ...words, ...text, title: text.title.slice(3) } }, logo));
    const painted = await sharp(await painter.paint(card)).removeAlpha().raw().toBuffer();
    const titlePath = card.title.glyphs.map((g) => g.glyph.path(g.x, g.baseline, g.size)).join('');
    const whole = card.background.replace(/<\/svg>$/, `<path fill="${card.title.colour}" d="${titlePath}"/></svg>`);
    const reference = await sharp(Buffer.from(whole)).removeAlpha().raw().toBuffer();
    let difference = 0;
    let inked = 0;
    for (let i = 0; i < reference.length; i++) {
      difference += Math.abs(painted[i]! - reference[i]!);
      if (reference[i]! > 200) inked++;
    }
    expect(inked).toBeGreaterThan(10_000);
    // Mean difference per channel value, out of 255.
    expect(difference / reference.length).toBeLessThan(1);
  });
});

describe('glyph coverage', () => {
  const square = (x0: number, y0: number, x1: number, y1: number, raster: CoverageRaster) => {
    raster.moveTo(x0, y0);
    raster.lineTo(x1, y0);
    raster.lineTo(x1, y1);
    raster.lineTo(x0, y1);
    raster.close();
  };

  it('covers whole pixels inside a shape, half a pixel at a half-pixel edge, nothing outside', () => {
    const raster = new CoverageRaster(6, 4);
    square(1.5, 1, 4, 3, raster);
    const at = (x: number, y: number) => raster.coverage()[y * 6 + x];
    expect([at(0, 1), at(1, 1), at(2, 1), at(3, 1), at(4, 1), at(5, 1)]).toEqual([0, 128, 255, 255, 0, 0]);
    expect([at(2, 0), at(2, 3)]).toEqual([0, 0]);
  });

  it('fills overlapping contours once (non-zero winding), as fonts are drawn', () => {
    const raster = new CoverageRaster(4, 4);
    square(0, 0, 3, 3, raster);
    square(1, 1, 4, 4, raster);
    expect(Math.max(...raster.coverage())).toBe(255);
    expect(raster.coverage()[1 * 4 + 1]).toBe(255);
  });
});

describe('palette PNG', () => {
  it('writes a PNG any decoder reads back pixel for pixel', async () => {
    const palette: Rgb[] = [[29, 77, 58], [255, 255, 255], [217, 194, 122]];
    const pixels = Uint8Array.from({ length: 7 * 3 }, (_, i) => i % 3);
    const png = encodeIndexedPng(IndexedCanvas.from(7, 3, pixels), palette);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([7, 3, 3]);
    expect([...data]).toEqual([...pixels].flatMap((i) => palette[i]!));
  });

  it('keeps the fixed colours at their indices and maps every pixel to its nearest colour', () => {
    const rgb = Uint8Array.from([10, 10, 10, 11, 10, 10, 200, 0, 0, 254, 254, 255]);
    const { pixels, palette } = quantise(rgb, [[0, 0, 0], [255, 255, 255]]);
    expect(palette.slice(0, 2)).toEqual([[0, 0, 0], [255, 255, 255]]);
    expect(palette[pixels[0]!]).toEqual([10, 10, 10]);
    // Within a just-visible distance of a colour taken before: shares its entry.
    expect(pixels[1]).toBe(pixels[0]);
    expect(palette[pixels[2]!]).toEqual([200, 0, 0]);
    expect(pixels[3]).toBe(1);
  });

  it('refuses what a PNG cannot hold', () => {
    expect(() => IndexedCanvas.from(2, 2, new Uint8Array(3))).toThrow(/3 pixels for a 2×2 image/);
    expect(() => encodeIndexedPng(new IndexedCanvas(1, 1), [])).toThrow(/1 to 256 colours/);
  });
});
