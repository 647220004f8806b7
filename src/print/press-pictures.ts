/**
 * Pictures made CMYK before Ghostscript, with Ghostscript's own colour transform sampled on a grid.
 *
 * Ghostscript converts each picture one pixel at a time through lcms2: about 0.55 µs per pixel, so a
 * publication with ten photos spent 20-60 s in it (see press.ts). libvips's transform (sharp) costs
 * the same 0.4-0.5 µs. Instead, Ghostscript converts a grid of 52³ RGB colours once per profile (the
 * same command line, the same source profile as the PDF's pictures: 0.3 s), and each picture is
 * interpolated in that grid here (tetrahedral, as lcms2 does in its own optimised transforms), then
 * handed to Ghostscript as DeviceCMYK, which it keeps. Measured on the fixture's English bulletin
 * (2026-12-04, Ghostscript 10.00.0): see the note in press.ts.
 *
 * Only 8-bit RGB pictures without transparency, in DCT (JPEG) or plain Flate streams, are changed:
 * anything else (masks, indexed colours, predictors) is left to Ghostscript as before.
 */
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFDict, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';
import { iccBasedStream, name } from './downsample.ts';

/** Grid points per channel: 255 = 51 × 5, so every fifth 8-bit value is sampled exactly. */
export const gridSize = 52;
const step = 255 / (gridSize - 1);

/** A sampled RGB → CMYK transform: `gridSize`³ entries of four bytes, red slowest, blue fastest. */
export type ColourGrid = Uint8Array;

/** The RGB colours to sample, in the grid's order (three bytes each). */
export function gridColours(): Uint8Array {
  const rgb = new Uint8Array(gridSize ** 3 * 3);
  let i = 0;
  for (let r = 0; r < gridSize; r++) {
    for (let g = 0; g < gridSize; g++) {
      for (let b = 0; b < gridSize; b++) {
        rgb[i++] = r * step;
        rgb[i++] = g * step;
        rgb[i++] = b * step;
      }
    }
  }
  return rgb;
}

// Per 8-bit value: the grid cell below it and how far into the cell it lies (0-4, in fifths).
const cell = new Uint8Array(256);
const into = new Uint8Array(256);
for (let v = 0; v < 256; v++) {
  cell[v] = Math.min(gridSize - 2, Math.floor(v / step));
  into[v] = v - cell[v]! * step;
}

// Rounded fifths: a weighted sum of four corners (weights adding up to 5) back to 0-255.
const fifth = new Uint8Array(255 * 5 + 3);
for (let x = 0; x < fifth.length; x++) fifth[x] = Math.min(255, Math.floor((x + 2) / 5));

/**
 * RGB samples (three bytes a pixel) to CMYK (four bytes) through the grid: tetrahedral
 * interpolation in whole numbers, each corner's four inks read as one 32-bit word and weighted two
 * inks at a time (16 bits each; the sums stay below 2^11). Hand-made for speed: 9.3 Mpx in 0.3-0.4 s
 * (0.7 s one ink at a time), where Ghostscript's per-pixel transform took 5 s (measured 2026-12-04).
 * Against Ghostscript's own conversion of 40,000 random colours: 79 % the same, the rest one unit
 * apart (test/build/print.test.ts).
 */
export function applyGrid(grid: ColourGrid, rgb: Uint8Array): Uint8Array {
  const pixels = rgb.length / 3;
  const out = new Uint32Array(pixels);
  const corners = new Uint32Array(grid.slice().buffer);
  const dr = gridSize * gridSize;
  const dg = gridSize;
  const db = 1;
  const last = dr + dg + db;
  for (let p = 0, i = 0; p < pixels; p++, i += 3) {
    const r = rgb[i]!;
    const g = rgb[i + 1]!;
    const b = rgb[i + 2]!;
    const fr = into[r]!;
    const fg = into[g]!;
    const fb = into[b]!;
    const base = cell[r]! * dr + cell[g]! * dg + cell[b]! * db;
    // The tetrahedron holding the point: from the cell's corner along the largest fraction first.
    let first: number, second: number, w1: number, w2: number, w3: number;
    if (fr >= fg && fg >= fb) { first = dr; second = dr + dg; w1 = fr; w2 = fg; w3 = fb; }
    else if (fr >= fb && fb >= fg) { first = dr; second = dr + db; w1 = fr; w2 = fb; w3 = fg; }
    else if (fb >= fr && fr >= fg) { first = db; second = db + dr; w1 = fb; w2 = fr; w3 = fg; }
    else if (fg >= fr && fr >= fb) { first = dg; second = dg + dr; w1 = fg; w2 = fr; w3 = fb; }
    else if (fg >= fb && fb >= fr) { first = dg; second = dg + db; w1 = fg; w2 = fb; w3 = fr; }
    else { first = db; second = db + dg; w1 = fb; w2 = fg; w3 = fr; }
    const c0 = corners[base]!;
    const c1 = corners[base + first]!;
    const c2 = corners[base + second]!;
    const c3 = corners[base + last]!;
    // c0·(5-w1) + c1·(w1-w2) + c2·(w2-w3) + c3·w3: the weights are whole, none negative, adding up to 5.
    const k0 = step - w1;
    const k1 = w1 - w2;
    const k2 = w2 - w3;
    const even = (c0 & 0xff00ff) * k0 + (c1 & 0xff00ff) * k1 + (c2 & 0xff00ff) * k2 + (c3 & 0xff00ff) * w3;
    const odd = ((c0 >>> 8) & 0xff00ff) * k0 + ((c1 >>> 8) & 0xff00ff) * k1 + ((c2 >>> 8) & 0xff00ff) * k2 + ((c3 >>> 8) & 0xff00ff) * w3;
    out[p] = (fifth[even & 0xffff]! | (fifth[odd & 0xffff]! << 8) | (fifth[even >>> 16]! << 16) | (fifth[odd >>> 16]! << 24)) >>> 0;
  }
  return new Uint8Array(out.buffer);
}

/** Undoes PNG row prediction (Flate `/Predictor` 10-15), as Ghostscript writes its lossless images. */
export function unpredictPng(data: Uint8Array, columns: number, colours: number): Uint8Array {
  const row = columns * colours;
  const rows = data.length / (row + 1);
  if (!Number.isInteger(rows)) throw new Error(`unpredictPng: ${data.length} bytes are not rows of ${row} samples and a filter byte.`);
  const out = new Uint8Array(rows * row);
  for (let y = 0; y < rows; y++) {
    const type = data[y * (row + 1)]!;
    const src = y * (row + 1) + 1;
    const at = y * row;
    for (let x = 0; x < row; x++) {
      const left = x >= colours ? out[at + x - colours]! : 0;
      const up = y ? out[at - row + x]! : 0;
      const upLeft = y && x >= colours ? out[at - row + x - colours]! : 0;
      let predicted = 0;
      if (type === 1) predicted = left;
      else if (type === 2) predicted = up;
      else if (type === 3) predicted = (left + up) >> 1;
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else if (type !== 0) throw new Error(`unpredictPng: unknown row filter ${type}.`);
      out[at + x] = (data[src + x]! + predicted) & 0xff;
    }
  }
  return out;
}

const number = (dict: PDFDict, key: string) => (dict.get(PDFName.of(key)) as PDFNumber | undefined)?.asNumber?.();

/** The ICC profile of an `[/ICCBased …]` space with three components, or undefined. */
function rgbProfile(doc: PDFDocument, space: PDFObject | undefined): Uint8Array | undefined {
  const stream = iccBasedStream(doc, space);
  if (!stream || number(stream.dict, 'N') !== 3) return undefined;
  const filter = name(stream.dict, 'Filter');
  if (filter === PDFName.of('FlateDecode')) return inflateSync(stream.contents);
  return filter === undefined ? stream.contents : undefined;
}

/** Makes the grid for a source profile: Ghostscript's transform from it to the press profile. */
export type GridMaker = (sourceProfile: Uint8Array) => Promise<ColourGrid>;

/**
 * Pictures converted in this process, per grid, by the hash of their stream (the same picture in the
 * five editions of a booklet is converted once), up to `keptBytes` of converted streams in all; the
 * oldest go first. Measured 2026-12-04: a 9 Mpx camera photo is about 1 s to decode and convert and
 * some 20 MB kept; twenty 4 Mpx photos fit.
 */
const keptBytes = 256 * 2 ** 20;
interface Kept {
  picture: Promise<Uint8Array | undefined>;
  /** Its size once converted (0 until then). */
  bytes: number;
}
const kept = new WeakMap<ColourGrid, Map<string, Kept>>();
let keptTotal = 0;

/** The Flate-compressed CMYK samples of one picture's stream, or undefined if it is not 8-bit RGB of the size its dictionary gives. */
async function converted(grid: ColourGrid, contents: Uint8Array, filter: 'DCTDecode' | 'FlateDecode', width: number, height: number): Promise<Uint8Array | undefined> {
  let rgb: Uint8Array;
  if (filter === 'DCTDecode') {
    // The PDF's colour space rules, not a profile inside the JPEG: decode the samples as they are.
    const { data, info } = await sharp(contents, { ignoreIcc: true }).raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || info.width !== width || info.height !== height) return undefined;
    rgb = data;
  } else {
    rgb = inflateSync(contents);
    if (rgb.length !== width * height * 3) return undefined;
  }
  // Fast deflate: Ghostscript reads it once and compresses the picture again its own way (JPEG for photos).
  return deflateSync(applyGrid(grid, rgb), { level: 1 });
}

function convertedOnce(grid: ColourGrid, contents: Uint8Array, filter: 'DCTDecode' | 'FlateDecode', width: number, height: number): { picture: Promise<Uint8Array | undefined>; reused: boolean } {
  let pictures = kept.get(grid);
  if (!pictures) kept.set(grid, (pictures = new Map()));
  const key = `${filter} ${width}x${height} ${createHash('sha256').update(contents).digest('hex')}`;
  const known = pictures.get(key);
  if (known) return { picture: known.picture, reused: true };
  const entry: Kept = { picture: converted(grid, contents, filter, width, height), bytes: 0 };
  pictures.set(key, entry);
  void entry.picture.then(
    (bytes) => {
      // Let go while it was being converted: not counted.
      if (pictures.get(key) !== entry) return;
      entry.bytes = bytes?.length ?? 0;
      keptTotal += entry.bytes;
      // Oldest first (a Map keeps the order entries came in).
      for (const [oldest, stored] of pictures) {
        if (keptTotal <= keptBytes) break;
        keptTotal -= stored.bytes;
        pictures.delete(oldest);
      }
    },
    () => pictures.delete(key),
  );
  return { picture: entry.picture, reused: false };
}

/**
 * The PDF with its RGB pictures in DeviceCMYK, how many were converted, and how many of those had
 * been converted before in this process. `grids` is asked for each picture's source profile (the
 * caller keeps the grids it made).
 */
export async function separatePictures(input: Uint8Array, grids: GridMaker): Promise<{ pdf: Uint8Array; converted: number; reused: number }> {
  const doc = await PDFDocument.load(input, { updateMetadata: false });
  let count = 0;
  let reused = 0;
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || name(object.dict, 'Subtype') !== PDFName.of('Image')) continue;
    const dict = object.dict;
    if (number(dict, 'BitsPerComponent') !== 8 || dict.has(PDFName.of('SMask')) || dict.has(PDFName.of('Mask')) || dict.has(PDFName.of('Decode')) || dict.has(PDFName.of('DecodeParms'))) continue;
    const filter = name(dict, 'Filter');
    if (filter !== PDFName.of('DCTDecode') && filter !== PDFName.of('FlateDecode')) continue;
    const profile = rgbProfile(doc, dict.get(PDFName.of('ColorSpace')));
    if (!profile) continue;
    const grid = await grids(profile);
    const once = convertedOnce(grid, object.contents, filter === PDFName.of('DCTDecode') ? 'DCTDecode' : 'FlateDecode', number(dict, 'Width') ?? 0, number(dict, 'Height') ?? 0);
    const bytes = await once.picture;
    if (!bytes) continue;
    if (once.reused) reused++;
    const copy = dict.clone(doc.context);
    copy.set(PDFName.of('ColorSpace'), PDFName.of('DeviceCMYK'));
    copy.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    copy.set(PDFName.of('Length'), PDFNumber.of(bytes.length));
    doc.context.assign(ref, PDFRawStream.of(copy, bytes));
    count++;
  }
  if (!count) return { pdf: input, converted: count, reused };
  return { pdf: await doc.save({ useObjectStreams: false, updateFieldAppearances: false }), converted: count, reused };
}
