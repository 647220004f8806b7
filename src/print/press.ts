/**
 * The press variant: CMYK, PDF/X-3, crop marks and bleed, converted by Ghostscript with a free
 * CMYK profile from Debian (Ghostscript's own default_cmyk.icc, a SWOP-type profile). A print shop
 * that prefers its own profile sets PRESS_ICC_PROFILE and PRESS_OUTPUT_CONDITION.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PressProfile {
  icc: string;
  /** OutputConditionIdentifier of the characterisation the profile is for. */
  condition: string;
}

export function pressProfile(): PressProfile {
  return {
    icc: process.env.PRESS_ICC_PROFILE ?? '/usr/share/color/icc/ghostscript/default_cmyk.icc',
    condition: process.env.PRESS_OUTPUT_CONDITION ?? 'CGATS TR 001',
  };
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
    `[{icc_PDFX} ${psString(profile.icc)} (r) file /PUT pdfmark`,
    '[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark',
    `[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputCondition ${psString(profile.condition)} /Info ${psString(profile.condition)}` +
      ` /OutputConditionIdentifier ${psString(profile.condition)} /RegistryName (http://www.color.org) /DestOutputProfile {icc_PDFX} >> /PUT pdfmark`,
    '[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark',
    '',
  ].join('\n');
}

/**
 * Converts a prepared RGB PDF (page boxes, crop marks and metadata set, links removed) to CMYK
 * PDF/X-3. Ghostscript keeps the boxes and the title; it takes its dates from SOURCE_DATE_EPOCH
 * but stamps the clock into the document ID, which qpdf then replaces with one derived from the
 * content, so the same publication always gives the same bytes.
 */
export async function convertToPress(prepared: Uint8Array, date: Date): Promise<Uint8Array> {
  const profile = pressProfile();
  if (!existsSync(profile.icc)) {
    throw new PressError(`The CMYK profile ${profile.icc} was not found. Run "npm run setup" (it installs Ghostscript), or set PRESS_ICC_PROFILE.`);
  }
  const work = mkdtempSync(join(tmpdir(), 'press-'));
  try {
    writeFileSync(join(work, 'in.pdf'), prepared);
    writeFileSync(join(work, 'pdfx.ps'), pdfxPrologue(profile));
    const args = [
      '-dBATCH', '-dNOPAUSE', '-dQUIET', '-dSAFER', `--permit-file-read=${dirname(profile.icc)}/`,
      '-sDEVICE=pdfwrite', '-dPDFX', '-dCompatibilityLevel=1.4',
      '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', `-sOutputICCProfile=${profile.icc}`,
      '-dAutoRotatePages=/None', '-dEmbedAllFonts=true',
      `-sOutputFile=${join(work, 'out.pdf')}`, join(work, 'pdfx.ps'), join(work, 'in.pdf'),
    ];
    const epoch = String(Math.floor(date.getTime() / 1000));
    try {
      await run('gs', args, { env: { ...process.env, SOURCE_DATE_EPOCH: epoch } });
    } catch (error) {
      throw new PressError(`Ghostscript could not make the press PDF: ${detail(error)}`);
    }
    try {
      await run('qpdf', ['--deterministic-id', join(work, 'out.pdf'), join(work, 'press.pdf')]);
    } catch (error) {
      // qpdf exits 3 when it succeeded with warnings.
      if ((error as { code?: number }).code !== 3) throw new PressError(`qpdf could not finish the press PDF: ${detail(error)}`);
    }
    return readFileSync(join(work, 'press.pdf'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
