/**
 * PDF post-processing, after Chromium: document metadata from the content (not the clock), and a
 * font audit that refuses what print shops reject (Type 3 or unembedded fonts).
 */
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  language: string;
  /** The publication's own date; the PDF's creation and modification dates are set to it. */
  date: Date;
}

export interface FontProblem {
  font: string;
  problem: 'type3' | 'not-embedded';
}

export async function postprocessPdf(input: Uint8Array, metadata: PdfMetadata): Promise<{ pdf: Uint8Array; pages: number; fontProblems: FontProblem[] }> {
  const doc = await PDFDocument.load(input, { updateMetadata: false });
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setLanguage(metadata.language);
  doc.setCreator('foreign-affairs-press');
  doc.setProducer('foreign-affairs-press (Paged.js, Chromium, pdf-lib)');
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  const fontProblems = auditFonts(doc);
  const pdf = await doc.save({ useObjectStreams: true });
  return { pdf, pages: doc.getPageCount(), fontProblems };
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
