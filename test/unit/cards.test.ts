import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CoverageRaster } from '../../src/cards/coverage.ts';
import { breakUnits, composeCard, drawable, graphemes, layoutTitle, type CardFonts } from '../../src/cards/layout.ts';
import { CardPainter, cardDrawer, layoutCard } from '../../src/cards/painter.ts';
import { encodeIndexedPng, IndexedCanvas, quantise, type Rgb } from '../../src/cards/png.ts';
import { sfntData } from '../../src/cards/sfnt.ts';
import { outlinePath, textFont, type StackEntry, type TextFont } from '../../src/cards/text.ts';
import { font, ja } from '../helpers/locales.ts';

const fonts = (stack: readonly StackEntry[]): CardFonts => ({ title: textFont(stack, 700), label: textFont(stack, 400) });
const latin = fonts([font('noto-sans')]);
const japanese = fonts([font('noto-sans-jp'), font('noto-sans')]);
// Families of the languages `npm run new -- locale` offers (lo, km, th): not served by the site until then.
const family = (id: string, name: string): StackEntry => ({ id, family: { family: name, package: `@fontsource/${id}`, subsets: 'all' } });
const khmer = fonts([family('noto-sans-khmer', 'Noto Sans Khmer'), font('noto-sans')]);
const lao = fonts([family('noto-sans-lao', 'Noto Sans Lao'), font('noto-sans')]);
const thai = fonts([family('noto-sans-thai', 'Noto Sans Thai'), font('noto-sans')]);
const logo = readFileSync('public/favicon.svg', 'utf8');
const measure = (text: string, size: number, font: TextFont = latin.title) => font.shape(text)!.reduce((w, g) => w + g.advance * size, 0);
/** Glyph names of shaped text: `file#glyph id`, file without folder. */
const glyphNames = (font: TextFont, text: string) => font.shape(text)!.map((g) => g.outline.id.replace(/^.*\//, ''));

describe('text shaped by HarfBuzz from the self-hosted fonts', () => {
  it('unpacks a WOFF slice into the OpenType data HarfBuzz reads', () => {
    const file = 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff';
    const sfnt = sfntData(readFileSync(file), file);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    const tables = Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => sfnt.toString('latin1', 12 + i * 16, 16 + i * 16));
    expect(tables).toEqual(expect.arrayContaining(['cmap', 'glyf', 'GPOS', 'GSUB', 'head', 'hmtx']));
    const woff2 = file.replace(/\.woff$/, '.woff2');
    expect(() => sfntData(readFileSync(woff2), woff2)).toThrow(/WOFF2 file; cards read the \.woff twin/);
  });

  it.each([
    ['vi', latin, 'Thái Nguyên ệ ữ Đ ợ'],
    ['ja', japanese, 'アルファ工業団地「茶」、。'],
    ['ko', fonts([font('noto-sans-kr'), font('noto-sans')]), '타이응우옌성 외무국'],
    ['zh', fonts([font('noto-sans-sc'), font('noto-sans')]), '太原省对外信息，茶文化节'],
    ['km', khmer, 'ខេត្តថៃង្វៀន'],
    ['lo', lao, 'ແຂວງໄທຫງວຽນ'],
    ['th', thai, 'จังหวัดไทเงวียน'],
  ] as const)('draws every %s glyph from a real outline', (_, font, text) => {
    const glyphs = font.title.shape(text)!;
    expect(glyphs.length).toBeGreaterThan(0);
    for (const g of glyphs.filter((g) => text[g.cluster] !== ' ')) expect(outlinePath(g.outline, 0, 100, 60), text[g.cluster]).toMatch(/^M[\d.-]+ [\d.-]+.*Z$/);
  });

  it('shapes Khmer: a subscript consonant and a vowel drawn before its consonant, as HarfBuzz orders them', () => {
    const font = khmer.title;
    const [ka] = glyphNames(font, 'ក');
    const [coengKa] = glyphNames(font, '\u17d2ក').slice(-1);
    // ក្ក: ka, then the subscript form of ka (a glyph of its own, not the coeng sign and a second ka).
    const kka = font.shape('ក្ក')!;
    expect(kka.map((g) => g.outline.id.replace(/^.*\//, ''))).toEqual([ka, coengKa]);
    expect(kka).toHaveLength(2);
    expect(kka[1]!.advance).toBe(0);
    // កេ: the vowel sign E (after ka in the text) is drawn before it, in its pre-base form: not
    // the glyphs of ក and េ in text order.
    const shaped = glyphNames(font, 'កេ');
    expect(shaped).toHaveLength(2);
    expect(shaped[1]).toBe(ka);
    expect(shaped[0]).not.toBe(ka);
    expect(shaped).not.toEqual([ka, ...glyphNames(font, 'េ').filter((g) => g !== glyphNames(font, '\u25cc')[0])]);
    // ខ្មែរ: the sign ែ comes first; the subscript mo hangs below kho without advancing.
    const khmae = font.shape('ខ្មែរ')!;
    expect(khmae).toHaveLength(4);
    expect(khmae[2]!.advance).toBe(0);
  });

  it('shapes Lao and Thai marks onto their consonants', () => {
    for (const [font, text] of [[lao.title, 'ທ່ານ'], [thai.title, 'สวัสดี']] as const) {
      const glyphs = font.shape(text)!;
      // Tone marks and vowel signs above take no room of their own.
      expect(glyphs.filter((g) => g.advance === 0).length, text).toBeGreaterThan(0);
      expect(glyphs.every((g) => !g.outline.id.endsWith('#0')), text).toBe(true);
    }
  });

  it('kerns Latin pairs', () => {
    expect(measure('To', 100)).toBeLessThan(measure('T', 100) + measure('o', 100));
  });

  it('cannot draw what no font of the stack has: emoji, a letter with a mark from another slice', () => {
    expect(drawable('🍵', latin.title)).toBe(false);
    expect(drawable('q\u0303', latin.title)).toBe(false);
    expect(drawable('ខ្មែរ', latin.title)).toBe(false);
    // Decomposed Vietnamese is composed first.
    expect(drawable('e\u0323\u0302', latin.title)).toBe(true);
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

  it('breaks Thai, Lao and Khmer between words, where no space shows', () => {
    const units = breakUnits('จังหวัดไทเงวียนขยายนิคมอุตสาหกรรม สำหรับนักลงทุน', 'latin');
    expect(units.length).toBeGreaterThan(4);
    expect(units.join('')).toBe('จังหวัดไทเงวียนขยายนิคมอุตสาหกรรม สำหรับนักลงทุน');
    // Every piece starts on a consonant or a leading vowel, never on a mark of the one before.
    for (const unit of units) expect(unit, unit).toMatch(/^[\u0e01-\u0e30\u0e40-\u0e44]/u);
    // Khmer marks word ends with ZWSP, which stays at the end of its word.
    expect(breakUnits('ខេត្ត\u200bថៃង្វៀន', 'latin')[0]).toBe('ខេត្ត\u200b');
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

  // Lines as a reader sees them, laid out by the same code as every card.
  const scripts = [
    ['km', khmer, 'ខេត្តថៃង្វៀន — ព័ត៌មានការបរទេស', 'ខេត្តថៃង្វៀនពង្រីកតំបន់ឧស្សាហកម្ម សម្រាប់វិនិយោគិនជប៉ុន'],
    ['lo', lao, 'ແຂວງໄທຫງວຽນ — ຂ່າວສານການຕ່າງປະເທດ', 'ແຂວງໄທຫງວຽນຂະຫຍາຍເຂດອຸດສາຫະກຳ ສຳລັບນັກລົງທຶນຍີ່ປຸ່ນ'],
    ['th', thai, 'จังหวัดไทเงวียน — ข่าวการต่างประเทศ', 'จังหวัดไทเงวียนขยายนิคมอุตสาหกรรม สำหรับนักลงทุนญี่ปุ่น'],
  ] as const;

  it.each(scripts)('draws a %s title, not the site name, and the card shows it', async (_, font, siteName, title) => {
    const card = composeCard({ siteName, title, domain: 'example.org', lineBreak: 'dictionary' }, font, logo);
    expect(card.titleDrawn).toBe(true);
    // Lines may break between words with no space between them.
    expect(card.lines.join('').replace(/ /g, '')).toBe(title.replace(/ /g, ''));
    const fallback = composeCard({ siteName, title: '🍵', domain: 'example.org', lineBreak: 'latin' }, font, logo);
    expect(fallback.titleDrawn).toBe(false);
    const painter = new CardPainter();
    const [drawn, siteNameCard] = await Promise.all([painter.paint(card), painter.paint(fallback)].map(async (png) => sharp(await png).raw().toBuffer()));
    let different = 0;
    for (let i = 0; i < drawn!.length; i++) if (drawn![i] !== siteNameCard![i]) different++;
    expect(different).toBeGreaterThan(20_000);
  });

  it.each([
    ['vi', latin, { siteName: words.siteName, title: 'Khu công nghiệp Yên Bình mở rộng: cơ hội cho nhà đầu tư Nhật Bản', lineBreak: 'latin' as const }],
    ['zh', fonts([font('noto-sans-sc'), font('noto-sans')]), { siteName: '太原省对外信息', title: '太原省茶文化节：来自世界各地的茶商', lineBreak: 'cjk' as const }],
    ...scripts.map(([id, font, siteName, title]) => [id, font, { siteName, title, lineBreak: 'dictionary' as const }] as const),
  ] as const)('paints the %s card as the whole card drawn as one SVG would look', async (_, font, text) => {
    // The painter reuses glyph images between cards (placed to a quarter pixel): the result must
    // match rasterising the card's outlines in one go, apart from anti-aliasing at glyph edges.
    const card = composeCard({ ...words, ...text }, font, logo);
    const painter = new CardPainter();
    await painter.paint(composeCard({ ...words, ...text, title: text.title.slice(3) }, font, logo));
    const painted = await sharp(await painter.paint(card)).removeAlpha().raw().toBuffer();
    const titlePath = card.title.glyphs.map((g) => outlinePath(g.glyph, g.x, g.y, g.size)).join('');
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

  it('lays a request out in the heading fonts of its language and its fallbacks', () => {
    const card = layoutCard({ path: '/social/ja/x.png', locale: ja, words: { ...words, siteName: 'タイグエン省', title: 'Tân Cương の茶', lineBreak: 'cjk' } }, logo);
    expect(card.titleDrawn).toBe(true);
    expect(new Set(card.title.glyphs.map((g) => g.glyph.id.replace(/^.*\/(noto-sans-jp|noto-sans)-.*$/, '$1')))).toEqual(new Set(['noto-sans-jp']));
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
