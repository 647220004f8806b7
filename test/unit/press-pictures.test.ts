/**
 * Press pictures made CMYK through a sampled colour transform (src/print/press-pictures.ts): the
 * interpolation, the PNG row filters Ghostscript writes, and which pictures of a PDF are converted.
 * Ghostscript's own transform against the grid: test/build/press-colours.test.ts.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { applyGrid, gridColours, gridSize, separatePictures, unpredictPng, type ColourGrid } from '../../src/print/press-pictures.ts';

/** A grid holding `cmyk(r, g, b)` at every grid colour. */
function gridOf(cmyk: (r: number, g: number, b: number) => number[]): ColourGrid {
  const colours = gridColours();
  const grid = new Uint8Array((colours.length / 3) * 4);
  for (let i = 0; i < colours.length / 3; i++) grid.set(cmyk(colours[i * 3]!, colours[i * 3 + 1]!, colours[i * 3 + 2]!), i * 4);
  return grid;
}

// A linear transform: tetrahedral interpolation gives it back exactly, between grid points too.
const linear = (r: number, g: number, b: number) => [255 - r, 255 - g, 255 - b, Math.round((r + g + b) / 3)];
// A curved one (like a real profile): between grid points only approximately.
const curved = (r: number, g: number, b: number) => [Math.round(255 * (1 - r / 255) ** 2.2), Math.round(255 * (g / 255) ** 0.45), Math.round((r * b) / 255), 255 - Math.max(r, g, b)];

// Every fifth of the 16.7 million colours (5 and 256 share no factor: every value of every channel is met).
const someColours = (() => {
  const count = Math.floor(256 ** 3 / 5);
  const rgb = new Uint8Array(count * 3);
  for (let i = 0; i < count; i++) rgb.set([(i * 5) >> 16, ((i * 5) >> 8) & 255, (i * 5) & 255], i * 3);
  return rgb;
})();

describe('the colour grid', () => {
  it('samples every fifth 8-bit value, ending on 255', () => {
    const colours = gridColours();
    expect(colours.length).toBe(gridSize ** 3 * 3);
    expect([...colours.subarray(0, 6)]).toEqual([0, 0, 0, 0, 0, 5]);
    expect([...colours.subarray(colours.length - 3)]).toEqual([255, 255, 255]);
  });

  it('gives the grid colours back exactly, and a linear transform exactly for every colour between them', () => {
    const grid = gridOf(linear);
    expect(applyGrid(grid, gridColours())).toEqual(grid);
    const out = applyGrid(grid, someColours);
    let wrong = 0;
    for (let i = 0; i < someColours.length / 3; i++) {
      const want = linear(someColours[i * 3]!, someColours[i * 3 + 1]!, someColours[i * 3 + 2]!);
      for (let c = 0; c < 4; c++) if (Math.abs(out[i * 4 + c]! - want[c]!) > (c === 3 ? 1 : 0)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('stays close to a curved transform between the grid points: within one unit in the midtones', () => {
    const out = applyGrid(gridOf(curved), someColours);
    let worst = 0;
    for (let i = 0; i < someColours.length / 3; i++) {
      const want = curved(someColours[i * 3]!, someColours[i * 3 + 1]!, someColours[i * 3 + 2]!);
      for (let c = 0; c < 4; c++) worst = Math.max(worst, Math.abs(out[i * 4 + c]! - want[c]!));
    }
    // g^0.45 is steepest near black, where one grid cell spans 0 to 70: there the error peaks.
    expect(worst).toBeLessThanOrEqual(12);
    const midtones = applyGrid(gridOf(curved), new Uint8Array([128, 128, 128, 60, 200, 90]));
    expect([...midtones.subarray(0, 4)].map((v, c) => Math.abs(v - curved(128, 128, 128)[c]!)).every((d) => d <= 1)).toBe(true);
    expect([...midtones.subarray(4)].map((v, c) => Math.abs(v - curved(60, 200, 90)[c]!)).every((d) => d <= 1)).toBe(true);
  });
});

describe('PNG row prediction', () => {
  const columns = 3;
  const colours = 4;
  const rows = [
    [10, 20, 30, 40, 11, 21, 31, 41, 250, 5, 128, 0],
    [12, 22, 32, 42, 255, 0, 1, 2, 3, 4, 5, 6],
    [0, 0, 0, 0, 9, 9, 9, 9, 200, 100, 50, 25],
  ];
  /** Filters rows as a PNG encoder does, with the given filter type per row. */
  function filtered(types: number[]): Uint8Array {
    const out: number[] = [];
    rows.forEach((row, y) => {
      out.push(types[y]!);
      row.forEach((value, x) => {
        const left = x >= colours ? row[x - colours]! : 0;
        const up = y ? rows[y - 1]![x]! : 0;
        const upLeft = y && x >= colours ? rows[y - 1]![x - colours]! : 0;
        const p = left + up - upLeft;
        const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
        const predicted = [0, left, up, (left + up) >> 1, paeth][types[y]!]!;
        out.push((value - predicted) & 255);
      });
    });
    return new Uint8Array(out);
  }

  it.each([[[0, 0, 0]], [[1, 1, 1]], [[2, 2, 2]], [[3, 3, 3]], [[4, 4, 4]], [[1, 4, 3]], [[2, 3, 4]]])('undoes row filters %j', (types) => {
    expect([...unpredictPng(filtered(types), columns, colours)]).toEqual(rows.flat());
  });

  it('refuses data that is not whole rows, and unknown filters', () => {
    expect(() => unpredictPng(new Uint8Array(10), columns, colours)).toThrow(/not rows/);
    expect(() => unpredictPng(new Uint8Array([9, ...rows[0]!]), columns, colours)).toThrow(/unknown row filter 9/);
  });
});

describe('separating the pictures of a PDF', () => {
  const profile = new Uint8Array([1, 2, 3, 4]);
  const grid = gridOf(linear);

  async function pdfWithPictures() {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    const space = [PDFName.of('ICCBased'), doc.context.register(doc.context.flateStream(profile, { N: 3 }))];
    const pixels = new Uint8Array(4 * 2 * 3).map((_, i) => (i * 37) % 256);
    const jpeg = await sharp(Buffer.from(pixels), { raw: { width: 4, height: 2, channels: 3 } }).jpeg({ quality: 100 }).toBuffer();
    const image = (contents: Uint8Array, dict: Record<string, unknown>) => doc.context.register(doc.context.stream(contents, { Type: 'XObject', Subtype: 'Image', Width: 4, Height: 2, BitsPerComponent: 8, ...dict }));
    const refs = {
      flate: image(deflateSync(pixels), { ColorSpace: space, Filter: 'FlateDecode' }),
      jpeg: image(jpeg, { ColorSpace: space, Filter: 'DCTDecode' }),
      masked: image(deflateSync(pixels), { ColorSpace: space, Filter: 'FlateDecode', SMask: doc.context.register(doc.context.flateStream(new Uint8Array(8), { Type: 'XObject', Subtype: 'Image', Width: 4, Height: 2, BitsPerComponent: 8, ColorSpace: 'DeviceGray' })) }),
      device: image(deflateSync(pixels), { ColorSpace: 'DeviceRGB', Filter: 'FlateDecode' }),
      predicted: image(deflateSync(pixels), { ColorSpace: space, Filter: 'FlateDecode', DecodeParms: { Predictor: 15, Colors: 3, Columns: 4 } }),
    };
    Object.entries(refs).forEach(([name, ref]) => page.node.setXObject(PDFName.of(name), ref));
    return { pdf: await doc.save({ useObjectStreams: false }), refs, pixels, jpeg };
  }

  const stream = (doc: PDFDocument, ref: PDFRef) => doc.context.lookup(ref) as PDFRawStream;

  it('converts 8-bit ICC-based RGB pictures, JPEG or Flate, to DeviceCMYK through the grid of their profile', async () => {
    const { pdf, refs, pixels, jpeg } = await pdfWithPictures();
    const asked: Uint8Array[] = [];
    const { pdf: out, converted, reused } = await separatePictures(pdf, async (source) => (asked.push(source), grid));
    expect([converted, reused]).toEqual([2, 0]);
    expect(asked.map((a) => [...a])).toEqual([[1, 2, 3, 4], [1, 2, 3, 4]]);
    const doc = await PDFDocument.load(out);
    for (const [ref, rgb] of [[refs.flate, pixels], [refs.jpeg, await sharp(jpeg).raw().toBuffer()]] as const) {
      const converted = stream(doc, ref);
      expect(converted.dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceCMYK'));
      expect(converted.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
      expect([...inflateSync(converted.contents)]).toEqual([...applyGrid(grid, rgb)]);
    }
  });

  it('leaves to Ghostscript what it cannot take whole: transparency, device colour, predictors', async () => {
    const { pdf, refs } = await pdfWithPictures();
    const doc = await PDFDocument.load((await separatePictures(pdf, async () => grid)).pdf);
    for (const ref of [refs.masked, refs.device, refs.predicted]) expect(stream(doc, ref).dict.get(PDFName.of('ColorSpace'))).not.toBe(PDFName.of('DeviceCMYK'));
  });

  it('gives the same bytes back when no picture is converted', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = await doc.save();
    expect(await separatePictures(pdf, async () => grid)).toEqual({ pdf, converted: 0, reused: 0 });
  });

  it('converts a picture once for all the PDFs that hold it, per grid', async () => {
    const { pdf } = await pdfWithPictures();
    const own = gridOf(linear);
    const first = await separatePictures(pdf, async () => own);
    const again = await separatePictures(pdf, async () => own);
    expect([first.converted, first.reused, again.converted, again.reused]).toEqual([2, 0, 2, 2]);
    expect(again.pdf).toEqual(first.pdf);
    // Another press profile (another grid): converted afresh, to its own colours.
    const other = await separatePictures(pdf, async () => gridOf(curved));
    expect([other.converted, other.reused]).toEqual([2, 0]);
    expect(other.pdf).not.toEqual(first.pdf);
  });
});
