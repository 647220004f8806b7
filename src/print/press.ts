/**
 * The press variant: CMYK, PDF/X-3, crop marks and bleed, converted by Ghostscript with a CMYK
 * profile: by default FOGRA39 (ISO coated, built by ./press-profile.ts); a print shop that prefers
 * its own profile gives it with its output condition (the caller passes them).
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { auditFonts, postprocessPdf, type FontProblem, type PdfMetadata } from './postprocess.ts';
import { gridColours, gridSize, separatePictures, unpredictPng, type ColourGrid } from './press-pictures.ts';

const run = promisify(execFile);

/*
 * Ghostscript and qpdf run with no environment but SOURCE_DATE_EPOCH: nothing undeclared (GS_OPTIONS,
 * a locale) can change the press file behind the cache's back. With no PATH, the system's default
 * path (/usr/bin:/bin) finds Debian's tools, the same ones pressToolVersions() asks.
 */

let toolVersions: { ghostscript: string; qpdf: string } | undefined;

/**
 * Ghostscript's and qpdf's versions: the press PDF is keyed on them. Asked once per process, as
 * chromiumVersion() is: the build's record and the print stage both need them.
 */
export function pressToolVersions(): { ghostscript: string; qpdf: string } {
  if (toolVersions) return toolVersions;
  const version = (command: string) => {
    try {
      return execFileSync(command, ['--version'], { encoding: 'utf8', env: {}, stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0] ?? '';
    } catch {
      throw new PressError(`${command} was not found. Run "npm run setup" (it installs Ghostscript and qpdf); press PDFs need both.`);
    }
  };
  toolVersions = { ghostscript: version('gs'), qpdf: version('qpdf') };
  return toolVersions;
}

export interface PressProfile {
  /** Path of the CMYK ICC profile. */
  iccProfile: string;
  /** OutputConditionIdentifier of the characterisation the profile is for (e.g. `CGATS TR 001`, `FOGRA39`). */
  outputCondition: string;
  /** The condition in words, for the output intent and the order sheet (e.g. `Coated FOGRA39 (ISO 12647-2:2004)`); the identifier when absent. */
  info?: string | undefined;
  /** Set for the FOGRA39 profile this project builds itself when it is missing (src/print/press-profile.ts). */
  build?: boolean | undefined;
}

export class PressError extends Error {}

const detail = (error: unknown) => (error as { stderr?: string }).stderr?.trim() || (error as Error).message;

const psString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** The PostScript prologue that makes Ghostscript write a PDF/X-3 output intent with the profile. */
export function pdfxPrologue(profile: PressProfile): string {
  return [
    '[ /GTS_PDFXVersion (PDF/X-3:2002) /Trapped /False /DOCINFO pdfmark',
    '[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark',
    '[{icc_PDFX} << /N 4 >> /PUT pdfmark',
    `[{icc_PDFX} ${psString(profile.iccProfile)} (r) file /PUT pdfmark`,
    '[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark',
    `[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputCondition ${psString(profile.info ?? profile.outputCondition)} /Info ${psString(profile.info ?? profile.outputCondition)}` +
      ` /OutputConditionIdentifier ${psString(profile.outputCondition)} /RegistryName (http://www.color.org) /DestOutputProfile {icc_PDFX} >> /PUT pdfmark`,
    '[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark',
    '',
  ].join('\n');
}

/*
 * Where the time goes (measured 2026-12-03, Ghostscript 10.00.0, 2 cores at load 7-19, so CPU time
 * of gs rather than wall time):
 * - Before the print CSS stopped using gradients, every PDF had a page Ghostscript flattened: the note
 *   pages' ruled lines (a gradient with transparent stops) became a 300 ppi full-page CMYK picture, and
 *   every gradient a small one. Sample edition (16 pages): 6.9-9.7 s CPU, 5.1 s of it the two note
 *   pages; now 1.4-1.6 s. Sample booklet ja (20 pages): 2.6 s, now 1.0 s; bulletin vi: 1.2 s.
 * - Pictures cost the rest, about 0.55 µs CPU per pixel of the picture as Chromium embedded it: the
 *   test fixture's PDFs (ten pictures of up to 9 Mpx) took 23-31 s each. perf puts it in pdfwrite's
 *   colour conversion, one pixel at a time through lcms2 (_cmsGetFormatter, cmsChangeBuffersFormat).
 *   Not the profile: Ghostscript's own default_cmyk.icc costs the same (5.4 against 5.5 s for a
 *   9.3 Mpx picture), -dUseFastColor saves little (4.6 s), and colour left unchanged takes 0.25 s.
 *   -dNumRenderingThreads does nothing for pdfwrite (it renders nothing). Bringing pictures above
 *   300 ppi down first (sharp) cut the fixture booklet from 24.7 to 16.8 s but cost 6.5 s of resizing.
 *   So pictures now reach Ghostscript in CMYK already, through its own transform sampled on a grid
 *   (press-pictures.ts). 2026-12-04, the fixture's English bulletin (34 Mpx of pictures): 24.5 s,
 *   now 7.8 s with its transparent picture still flattening a page. With transparent pictures
 *   flattened (page-colours.ts), each picture converted once per run and covers cut to their band,
 *   the fixture build with --press --no-cache went from 116 s to 24 s (CPU 200 to 33 s). Rendered
 *   pages differ from Ghostscript's own conversion by 0.04-0.5 of 255 on average (JPEG recompression).
 */

/**
 * Runs Ghostscript's CMYK PDF/X-3 conversion on `input` into `output`, both file names in `work`.
 * Ghostscript runs in `work` and is given the names alone: it hashes the output's path into the
 * document ID, and a temporary folder's path made every press PDF differ from the last.
 * `extra` arguments come last: the colour grid asks for lossless pictures with them.
 */
async function ghostscript(work: string, input: string, output: string, profile: PressProfile, date: Date, extra: string[] = []): Promise<void> {
  writeFileSync(join(work, 'pdfx.ps'), pdfxPrologue(profile));
  const args = [
    '-dBATCH', '-dNOPAUSE', '-dQUIET', '-dSAFER', `--permit-file-read=${dirname(profile.iccProfile)}/`,
    '-sDEVICE=pdfwrite', '-dPDFX', '-dCompatibilityLevel=1.4',
    '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', `-sOutputICCProfile=${profile.iccProfile}`,
    '-dAutoRotatePages=/None', '-dEmbedAllFonts=true',
    // Pictures far above press resolution at their printed size (an A4-wide picture in an A5 booklet) come down to 300 ppi.
    '-dDownsampleColorImages=true', '-dColorImageDownsampleType=/Bicubic', '-dColorImageResolution=300', '-dColorImageDownsampleThreshold=1.5',
    '-dDownsampleGrayImages=true', '-dGrayImageDownsampleType=/Bicubic', '-dGrayImageResolution=300', '-dGrayImageDownsampleThreshold=1.5',
    ...extra,
    `-sOutputFile=${output}`, 'pdfx.ps', input,
  ];
  const epoch = String(Math.floor(date.getTime() / 1000));
  try {
    await run('gs', args, { cwd: work, env: { SOURCE_DATE_EPOCH: epoch } });
  } catch (error) {
    throw new PressError(`Ghostscript could not make the press PDF: ${detail(error)}`);
  }
}

/**
 * RGB samples in the `source` profile converted to CMYK by Ghostscript with the press command line,
 * kept lossless: one picture in a one-page PDF, and its samples read back. Makes the colour grid;
 * the tests compare the grid's interpolation with it.
 */
export async function ghostscriptCmyk(rgb: Uint8Array, width: number, height: number, source: Uint8Array, profile: PressProfile): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([width, height]);
  const space = doc.context.register(doc.context.flateStream(source, { N: 3 }));
  const image = doc.context.register(doc.context.flateStream(rgb, { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: [PDFName.of('ICCBased'), space] }));
  page.node.setXObject(PDFName.of('Picture'), image);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`q ${width} 0 0 ${height} 0 0 cm /Picture Do Q`)));
  const work = mkdtempSync(join(tmpdir(), 'press-grid-'));
  try {
    writeFileSync(join(work, 'in.pdf'), await doc.save({ useObjectStreams: false }));
    // Lossless, full size, and never written into the page's content as an inline image.
    const lossless = ['-dAutoFilterColorImages=false', '-dColorImageFilter=/FlateEncode', '-dDownsampleColorImages=false', '-dMaxInlineImageSize=0'];
    await ghostscript(work, 'in.pdf', 'out.pdf', profile, new Date(0), lossless);
    const out = await PDFDocument.load(readFileSync(join(work, 'out.pdf')), { updateMetadata: false });
    for (const [, object] of out.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
      // Ghostscript writes lossless pictures with PNG row prediction, and tiny ones unfiltered.
      const filter = object.dict.get(PDFName.of('Filter'));
      if (filter !== undefined && filter !== PDFName.of('FlateDecode')) continue;
      let samples: Uint8Array = filter ? inflateSync(object.contents) : object.contents;
      if (object.dict.get(PDFName.of('DecodeParms'))) samples = unpredictPng(samples, width, 4);
      if (object.dict.get(PDFName.of('ColorSpace')) === PDFName.of('DeviceCMYK') && samples.length === width * height * 4) return samples;
    }
    throw new PressError('Ghostscript did not give a picture back as CMYK samples: the press pictures cannot be converted.');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const grids = new Map<string, Promise<ColourGrid>>();
// Not src/cache/store.ts's: the press code's cache key lists every module it imports (cache-key.ts).
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Ghostscript's transform from a picture's RGB profile to the press profile, sampled on the grid
 * of press-pictures.ts. Made once per pair of profiles (by their bytes) and process: 0.3 s.
 */
function colourGrid(profile: PressProfile, pressIcc: string, source: Uint8Array): Promise<ColourGrid> {
  const key = `${pressIcc} ${profile.outputCondition} ${sha256(source)}`;
  let grid = grids.get(key);
  if (!grid) {
    grid = ghostscriptCmyk(gridColours(), gridSize * gridSize, gridSize, source, profile);
    grids.set(key, grid);
    grid.catch(() => grids.delete(key));
  }
  return grid;
}

/**
 * Converts a prepared RGB PDF (page boxes, crop marks and metadata set, links removed) to CMYK
 * PDF/X-3. Its RGB pictures are made CMYK first (press-pictures.ts); Ghostscript converts the rest
 * and keeps the boxes and the title; it takes its dates from SOURCE_DATE_EPOCH but stamps the clock
 * into the document ID, which qpdf then replaces with one derived from the content, so the same
 * publication always gives the same bytes.
 */
export async function convertToPress(prepared: Uint8Array, date: Date, profile: PressProfile): Promise<Uint8Array> {
  if (!existsSync(profile.iccProfile)) {
    throw new PressError(`The CMYK profile ${profile.iccProfile} was not found. Run "npm run setup" (it builds the FOGRA39 profile), or set PRESS_ICC_PROFILE.`);
  }
  const pressIcc = sha256(readFileSync(profile.iccProfile));
  const separated = await separatePictures(prepared, (source) => colourGrid(profile, pressIcc, source));
  const work = mkdtempSync(join(tmpdir(), 'press-'));
  try {
    writeFileSync(join(work, 'in.pdf'), separated.pdf);
    await ghostscript(work, 'in.pdf', 'out.pdf', profile, date);
    try {
      await run('qpdf', ['--deterministic-id', join(work, 'out.pdf'), join(work, 'press.pdf')], { env: {} });
    } catch (error) {
      // qpdf exits 3 when it succeeded with warnings.
      if ((error as { code?: number }).code !== 3) throw new PressError(`qpdf could not finish the press PDF: ${detail(error)}`);
    }
    return readFileSync(join(work, 'press.pdf'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The press PDF from Chromium's raw PDF: page boxes with crop marks, no links (PDF/X allows none),
 * no object streams (PDF/X-3 is PDF 1.4), then the CMYK conversion.
 */
export async function pressPdf(raw: Uint8Array, metadata: PdfMetadata, options: { bleedMm: number; profile: PressProfile }): Promise<{ pdf: Uint8Array; fontProblems: FontProblem[] }> {
  const prepared = await postprocessPdf(raw, metadata, { bleedMm: options.bleedMm, marks: true }, { removeLinks: true, objectStreams: false });
  const pdf = await convertToPress(prepared.pdf, metadata.date, options.profile);
  // Ghostscript rewrites every font: audit what it wrote, not what it was given.
  return { pdf, fontProblems: auditFonts(await PDFDocument.load(pdf, { updateMetadata: false })) };
}
