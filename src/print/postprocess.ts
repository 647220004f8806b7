/**
 * PDF post-processing, after Chromium: page boxes for the print shop (TrimBox, BleedBox, crop
 * marks on request), document metadata from the content (not the clock), a stable document ID,
 * and a font audit that refuses what print shops reject (Type 3 or unembedded fonts).
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, rgb } from 'pdf-lib';
import type { PrintMeta } from './layout-audit.ts';

const pt = (mm: number) => (mm * 72) / 25.4;

export interface PdfMetadata {
  title: string;
  author: string;
  language: string;
  /** The publication's own date; the PDF's creation and modification dates are set to it. */
  date: Date;
}

/** The metadata a PDF gets from what its print HTML says about itself; a date that is not one reads as 1970. */
export function pdfMetadata(meta: PrintMeta): PdfMetadata {
  const date = new Date(`${meta.date}T00:00:00Z`);
  return { title: meta.title, author: meta.author, language: meta.lang, date: Number.isNaN(date.getTime()) ? new Date(0) : date };
}

export interface PageBoxOptions {
  /** Bleed around the trim on every side, in millimetres (the page as Chromium printed it includes it). */
  bleedMm: number;
  /** Draw crop marks in a slug area outside the bleed. */
  marks: boolean;
}

export interface FontProblem {
  font: string;
  problem: 'type3' | 'not-embedded';
}

/** Space outside the bleed for crop marks, in millimetres; marks stay clear of the bleed. */
const slugMm = 10;
const markOffsetMm = 3;
const markLengthMm = 5;

export async function postprocessPdf(
  input: Uint8Array,
  metadata: PdfMetadata,
  boxes: PageBoxOptions,
  options: { removeLinks?: boolean; objectStreams?: boolean } = {},
): Promise<{ pdf: Uint8Array; pages: number; fontProblems: FontProblem[] }> {
  const doc = await PDFDocument.load(input, { updateMetadata: false });
  setPageBoxes(doc, boxes);
  // PDF/X allows no link annotations; the press file has no use for them anyway.
  if (options.removeLinks) for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
  setMetadata(doc, metadata);
  const fontProblems = auditFonts(doc);
  // Object streams make screen files smaller; PDF/X-3 (PDF 1.4) has no object streams.
  const pdf = await doc.save({ useObjectStreams: options.objectStreams ?? true });
  return { pdf, pages: doc.getPageCount(), fontProblems };
}

/** Writes metadata and a document ID derived from it, so the same publication always gets the same bytes. */
export function setMetadata(doc: PDFDocument, metadata: PdfMetadata): void {
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setLanguage(metadata.language);
  doc.setCreator('foreign-affairs-press');
  doc.setProducer('foreign-affairs-press (Paged.js, Chromium, pdf-lib)');
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  const id = createHash('md5').update(`${metadata.title}\u0000${metadata.language}\u0000${metadata.date.toISOString()}`).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

/**
 * Chromium prints the page with its bleed as the MediaBox and writes no TrimBox or BleedBox. The
 * trim is the page less the bleed; with marks, the MediaBox grows by a slug that carries them.
 * Applied to pages that already have a TrimBox (a second pass), it changes nothing.
 */
export function setPageBoxes(doc: PDFDocument, { bleedMm, marks }: PageBoxOptions): void {
  const bleed = pt(bleedMm);
  for (const page of doc.getPages()) {
    if (page.node.get(PDFName.of('TrimBox')) instanceof PDFArray) continue;
    const { x, y, width, height } = page.getMediaBox();
    page.setBleedBox(x, y, width, height);
    page.setTrimBox(x + bleed, y + bleed, width - 2 * bleed, height - 2 * bleed);
    if (!marks) continue;
    const slug = pt(slugMm);
    page.setMediaBox(x - slug, y - slug, width + 2 * slug, height + 2 * slug);
    page.setCropBox(x - slug, y - slug, width + 2 * slug, height + 2 * slug);
    const trim = { left: x + bleed, right: x + width - bleed, bottom: y + bleed, top: y + height - bleed };
    const near = pt(markOffsetMm);
    const far = pt(markOffsetMm + markLengthMm);
    const line = (sx: number, sy: number, ex: number, ey: number) =>
      page.drawLine({ start: { x: sx, y: sy }, end: { x: ex, y: ey }, thickness: 0.25, color: rgb(0, 0, 0) });
    for (const cx of [trim.left, trim.right]) {
      for (const cy of [trim.bottom, trim.top]) {
        const h = cx === trim.left ? -1 : 1;
        const v = cy === trim.bottom ? -1 : 1;
        line(cx + h * near, cy, cx + h * far, cy);
        line(cx, cy + v * near, cx, cy + v * far);
      }
    }
  }
}

/** Every font dictionary in the file: Type 3 and fonts without an embedded font program are problems. */
export function auditFonts(doc: PDFDocument): FontProblem[] {
  const problems: FontProblem[] = [];
  const lookup = (value: unknown) => (value instanceof PDFRef ? doc.context.lookup(value) : value);
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    const name = String(object.get(PDFName.of('BaseFont')) ?? '(unnamed)').replace(/^\//, '');
    if (subtype === PDFName.of('Type3')) {
      problems.push({ font: name, problem: 'type3' });
      continue;
    }
    if (subtype === PDFName.of('Type0')) continue; // its descendant CIDFont is checked on its own
    const descriptor = lookup(object.get(PDFName.of('FontDescriptor')));
    const embedded =
      descriptor instanceof PDFDict &&
      ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.get(PDFName.of(key)) !== undefined);
    if (!embedded) problems.push({ font: name, problem: 'not-embedded' });
  }
  return problems;
}
