/**
 * Screen PDFs stay small: Chromium embeds every picture at the pixels the print HTML gave it (press
 * resolution); this brings each one down to screen resolution at the size it printed (the layout
 * audit measured it), in the PDF itself, so the layout is shared by the screen and press files.
 * JPEG pictures are made again as JPEG; pictures Chromium stored as raw samples (PNG sources, with
 * their transparency mask as a second image of the same size) are resized as samples.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDict, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';

/** What the downsampling needs to know of each printed picture (see ImageUse in layout-audit.ts). */
export interface PrintedImage {
  width: number;
  height: number;
  ppi: number;
}

/** Pictures within this much of the target are left as they are: not worth a second compression. */
const tolerance = 1.15;

/**
 * The target pixel size of a picture of `width` × `height` in the PDF, or undefined to keep it:
 * the largest size it printed at (the lowest ppi among its uses) decides.
 */
export function downsampledSize(images: readonly PrintedImage[], width: number, height: number, targetPpi: number): { width: number; height: number } | undefined {
  const uses = images.filter((i) => i.width === width && i.height === height);
  if (!uses.length) return undefined;
  const ppi = Math.min(...uses.map((u) => u.ppi));
  if (ppi <= targetPpi * tolerance) return undefined;
  const scale = targetPpi / ppi;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A name's value in a dictionary (also used by press-pictures.ts). */
export const name = (dict: PDFDict, key: string) => dict.get(PDFName.of(key));

/** The profile stream of an `[/ICCBased …]` colour space, or undefined for any other space (also used by press-pictures.ts). */
export function iccBasedStream(doc: PDFDocument, space: PDFObject | undefined): PDFRawStream | undefined {
  const resolved = space instanceof PDFRef ? doc.context.lookup(space) : space;
  if (!(resolved instanceof PDFArray) || resolved.get(0) !== PDFName.of('ICCBased')) return undefined;
  const stream = doc.context.lookup(resolved.get(1));
  return stream instanceof PDFRawStream ? stream : undefined;
}

/** Channels of an image's colour space, or undefined for one this does not resize (indexed, Lab…). */
function channels(doc: PDFDocument, space: PDFObject | undefined): number | undefined {
  const resolved = space instanceof PDFRef ? doc.context.lookup(space) : space;
  if (resolved === PDFName.of('DeviceGray')) return 1;
  if (resolved === PDFName.of('DeviceRGB')) return 3;
  if (resolved === PDFName.of('DeviceCMYK')) return 4;
  const n = iccBasedStream(doc, resolved)?.dict.get(PDFName.of('N'));
  return n instanceof PDFNumber ? n.asNumber() : undefined;
}

/** Returns the PDF with its pictures at `targetPpi`, and how many were resized. */
export async function downsampleImages(input: Uint8Array, images: readonly PrintedImage[], targetPpi: number): Promise<{ pdf: Uint8Array; resized: number }> {
  if (!images.length) return { pdf: input, resized: 0 };
  const doc = await PDFDocument.load(input, { updateMetadata: false });
  let resized = 0;
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || name(object.dict, 'Subtype') !== PDFName.of('Image')) continue;
    const dict = object.dict;
    const width = (dict.get(PDFName.of('Width')) as PDFNumber | undefined)?.asNumber() ?? 0;
    const height = (dict.get(PDFName.of('Height')) as PDFNumber | undefined)?.asNumber() ?? 0;
    const target = downsampledSize(images, width, height, targetPpi);
    if (!target) continue;
    const filter = name(dict, 'Filter');
    let bytes: Uint8Array | undefined;
    if (filter === PDFName.of('DCTDecode')) {
      bytes = await sharp(object.contents).resize(target.width, target.height, { fit: 'fill' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    } else if (filter === PDFName.of('FlateDecode') && !dict.get(PDFName.of('DecodeParms')) && (dict.get(PDFName.of('BitsPerComponent')) as PDFNumber | undefined)?.asNumber() === 8) {
      const n = channels(doc, dict.get(PDFName.of('ColorSpace')));
      if (!n || n === 2 || n > 4) continue;
      const samples = inflateSync(object.contents);
      if (samples.length !== width * height * n) continue;
      const raw = await sharp(samples, { raw: { width, height, channels: n as 1 | 3 | 4 } }).resize(target.width, target.height, { fit: 'fill' }).raw().toBuffer();
      bytes = deflateSync(raw);
    } else {
      continue;
    }
    const copy = dict.clone(doc.context);
    copy.set(PDFName.of('Width'), PDFNumber.of(target.width));
    copy.set(PDFName.of('Height'), PDFNumber.of(target.height));
    copy.set(PDFName.of('Length'), PDFNumber.of(bytes.length));
    doc.context.assign(ref, PDFRawStream.of(copy, bytes));
    resized++;
  }
  if (!resized) return { pdf: input, resized };
  return { pdf: await doc.save({ useObjectStreams: false, updateFieldAppearances: false }), resized };
}
