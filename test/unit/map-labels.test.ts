/** Labels of maps and figures in lines (src/maps/labels.ts) and the key-figures tiles (src/maps/figures.ts). */
import { describe, expect, it } from 'vitest';
import { drawKeyFigures, type FigureInput } from '../../src/maps/figures.ts';
import { labelLines, labelMeasure, labelUnits, wrapLabel } from '../../src/maps/labels.ts';
import { spacelessLineWords } from '../../src/i18n/word-breaks.ts';
import { ja, vi } from '../helpers/locales.ts';

/** Ten units a letter cluster: a measure that makes the expected lines easy to see. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const tens = (text: string) => [...graphemes.segment(text)].length * 10;
const wordsOf = (text: string, locale: string) => [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].map((s) => s.segment);

describe('label lines', () => {
  it('breaks Latin text between words, as many as fit on each line, never inside a word', () => {
    expect(wrapLabel('Khoảng cách đến sân bay quốc tế Nội Bài', 'latin', tens, 120)).toEqual(['Khoảng cách', 'đến sân bay', 'quốc tế Nội', 'Bài']);
    expect(wrapLabel('Hà Nội', 'latin', tens, 120)).toEqual(['Hà Nội']);
    // A word longer than a line has a line to itself rather than being cut.
    expect(wrapLabel('Industrialisation parks', 'latin', tens, 100)).toEqual(['Industrialisation', 'parks']);
    // White space is made single and taken off the ends of lines.
    expect(wrapLabel('  Dân   số ', 'latin', tens, 120)).toEqual(['Dân số']);
  });

  it('breaks Korean text at spaces only', () => {
    expect(wrapLabel('노이바이 국제공항까지의 거리', 'korean', tens, 80)).toEqual(['노이바이', '국제공항까지의', '거리']);
  });

  it('breaks Chinese and Japanese between characters, keeping closing marks off the start of a line', () => {
    const lines = wrapLabel('ノイバイ国際空港までの距離（直線）', 'cjk', tens, 60);
    expect(lines.join('')).toBe('ノイバイ国際空港までの距離（直線）');
    expect(lines.every((l) => tens(l) <= 60)).toBe(true);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[、。）」ー]/u);
    // An opening bracket never ends a line.
    for (const line of lines) expect(line).not.toMatch(/（$/u);
    expect(labelUnits('空港まで。', 'cjk')).toEqual(['空', '港', 'ま', 'で。']);
  });

  it('breaks Khmer, Lao and Thai only between the words the dictionary finds', () => {
    for (const [text, locale] of [
      ['ចម្ងាយទៅអាកាសយានដ្ឋានអន្តរជាតិណូយបាយ', 'km'],
      ['ໄລຍະທາງໄປສະໜາມບິນສາກົນ', 'lo'],
      ['ระยะทางถึงสนามบินนานาชาติโหน่ยบ่าย', 'th'],
    ] as const) {
      const lines = wrapLabel(text, 'dictionary', tens, 70);
      expect(lines.length, text).toBeGreaterThan(1);
      expect(lines.join(''), text).toBe(text);
      // Every line ends where a word of the dictionary ends.
      const ends = new Set<number>();
      let at = 0;
      for (const word of wordsOf(text, locale)) ends.add((at += word.length));
      let offset = 0;
      for (const line of lines) expect(ends.has((offset += line.length)), `${text}: ${lines.join(' | ')}`).toBe(true);
    }
  });

  it('keeps a spaceless run whole with the Latin text stuck to it, and one-cluster pieces with their word', () => {
    expect(spacelessLineWords('Nội Bài')).toEqual(['Nội Bài']);
    expect(spacelessLineWords('(ផ្លូវថ្មី)').join('')).toBe('(ផ្លូវថ្មី)');
    expect(spacelessLineWords('(ផ្លូវថ្មី)')[0]!.startsWith('(ផ្លូវ')).toBe(true);
    // ខេ|ត្ត is one word the dictionary cut before a name it does not know: never a line break there.
    expect(spacelessLineWords('ខេត្តថៃង្វៀន')).not.toContain('ខេ');
  });

  it('measures with the fonts of the language: a Japanese label in its Japanese font, wider set larger', () => {
    const at14 = labelMeasure(ja, 14, 400)('ノイバイ国際空港');
    expect(at14).toBeCloseTo(8 * 14, 0);
    expect(labelMeasure(ja, 21, 400)('ノイバイ国際空港')).toBeCloseTo((at14 * 21) / 14, 5);
    // Bold Latin is wider than regular.
    expect(labelMeasure(vi, 14, 700)('Khoảng cách')).toBeGreaterThan(labelMeasure(vi, 14, 400)('Khoảng cách'));
    const lines = labelLines('Khoảng cách đến sân bay quốc tế Nội Bài', vi, { size: 14, weight: 400, maxWidth: 120 });
    expect(lines.join(' ')).toBe('Khoảng cách đến sân bay quốc tế Nội Bài');
    for (const line of lines) expect(labelMeasure(vi, 14, 400)(line)).toBeLessThanOrEqual(120);
  });
});

describe('key-figures tiles', () => {
  const figures: FigureInput[] = [
    { id: 'area', amount: 3521.96, unit: 'km2', value: '3.522 km²', label: 'Diện tích tự nhiên', note: 'năm 2024' },
    { id: 'hanoi', amount: 80, unit: 'km', value: '80 km', label: 'Khoảng cách đến Hà Nội' },
    { id: 'noi-bai', amount: 50, unit: 'km', value: '50 km', label: 'Khoảng cách đến sân bay quốc tế Nội Bài' },
  ];
  const measures = { valueWidth: (text: string, size: number) => text.length * size * 0.6, labelLines: (f: FigureInput, max: number) => wrapLabel(f.label, 'latin', tens, max) };

  it('gives every tile one height, room for the longest label and the note', () => {
    const tiles = drawKeyFigures(figures, measures, 200);
    expect(new Set(tiles.map((t) => t.height)).size).toBe(1);
    const longest = tiles.find((t) => t.id === 'noi-bai')!;
    expect(longest.label.lines.length).toBeGreaterThan(1);
    const lastBaseline = longest.label.y + (longest.label.lines.length - 1) * longest.label.leading;
    expect(tiles[0]!.note!.y).toBeGreaterThan(lastBaseline);
    expect(tiles[0]!.height).toBeGreaterThan(tiles[0]!.note!.y);
    for (const tile of tiles) for (const line of tile.label.lines) expect(tens(line)).toBeLessThanOrEqual(200 - 2 * tile.label.x);
  });

  it('draws bars only where figures share a unit, each against the largest of its unit', () => {
    const tiles = drawKeyFigures(figures, measures, 200);
    expect(tiles.find((t) => t.id === 'area')!.bar).toBeUndefined();
    const [hanoi, noiBai] = [tiles.find((t) => t.id === 'hanoi')!.bar!, tiles.find((t) => t.id === 'noi-bai')!.bar!];
    expect(hanoi.width).toBe(hanoi.track);
    expect(noiBai.width).toBe(Math.round((hanoi.track * 50) / 80));
  });

  it('sets a value too wide for its tile smaller, down to a floor', () => {
    const [tile] = drawKeyFigures([{ ...figures[0]!, value: '1.340.000 người' }], measures, 200);
    expect(tile!.value.size).toBeLessThan(30);
    expect(measures.valueWidth('1.340.000 người', tile!.value.size)).toBeLessThanOrEqual(200 - 2 * tile!.value.x);
    expect(tile!.bar).toBeUndefined();
    const [longer] = drawKeyFigures([{ ...figures[0]!, value: '1.340.000 người dân của tỉnh' }], measures, 200);
    expect(longer!.value.size).toBe(18);
  });
});
