/**
 * What a cached PDF is keyed on: its declared inputs and nothing else. Two steps, each with its own key:
 *
 * - the raw layout (Chromium's PDF and what the audit found), keyed on every site file the page read
 *   (its HTML, stylesheets, fonts, images), Chromium's and Paged.js's versions and the layout code;
 * - each variant made from it, keyed on the raw PDF and its metadata, the variant's options (marks,
 *   bleed) and the post-processing code, and for press also Ghostscript's and qpdf's versions, the
 *   ICC profile's bytes, the output condition and the press code.
 *
 * So a new output condition makes the press PDFs again from the cached layout, `--marks` makes the
 * screen PDFs again, and an edit to a print module that shapes no PDF (manifest, order sheet) keeps
 * everything. Pure: the caller measures the inputs (src/print/cache.ts).
 */
import { createHash } from 'node:crypto';
import type { Variant } from './publication.ts';

/** The format of the cache's records; records of another format are never read. */
export const cacheFormat = 3;

/**
 * The code that shapes the raw PDF, relative to src/: the layout passes and the audit they act on,
 * the browser set-up and the server it reads the site from, where Paged.js comes from, and the
 * filler-page arithmetic. Every module these import (for more than types) must be listed too
 * (test/unit/print-cache-key.test.ts checks it).
 */
export const layoutCode = [
  'print/render.ts',
  'print/layout-audit.ts',
  'print/layout-fixes.ts',
  'print/browser.ts',
  'print/pagedjs.ts',
  'server/static-server.ts',
  'publications/pages.ts',
] as const;

/** The code that turns the raw PDF into a variant: page boxes, marks, metadata, font audit. */
export const postprocessCode = ['print/postprocess.ts', 'print/downsample.ts'] as const;

/** The code of the press conversion (Ghostscript to CMYK PDF/X-3, qpdf). */
export const pressCode = ['print/press.ts', 'print/press-pictures.ts', 'print/press-profile.ts', 'print/fogra39.ts'] as const;

export interface LayoutInputs {
  /** sha256 of each site file the page read (HTML, stylesheets, fonts, images), by path in the site. */
  files: Readonly<Record<string, string>>;
  /** `chromium --version`. */
  chromium: string;
  /** Paged.js's version. */
  pagedjs: string;
  /** Hash of the layout code (`layoutCode`). */
  code: string;
}

/** What the layout made that the post-processing reads: the raw PDF and the metadata written into it. */
export interface RawLayout {
  /** sha256 of Chromium's PDF. */
  pdf: string;
  metadata: { title: string; author: string; language: string; date: string };
}

export interface PressInputs {
  ghostscript: string;
  qpdf: string;
  /** sha256 of the ICC profile's bytes (its path does not matter, its content does). */
  icc: string;
  outputCondition: string;
  /** The condition in words, written into the output intent. */
  info: string;
  /** Hash of the press code (`pressCode`). */
  code: string;
}

export interface VariantInputs {
  raw: RawLayout;
  /** Crop marks on the screen PDF (the press PDF always has them). */
  marks: boolean;
  bleedMm: number;
  /** Hash of the post-processing code (`postprocessCode`). */
  code: string;
  /** For the press variant; null when no press PDF is made. */
  press: PressInputs | null;
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Object keys in a fixed order, so the same inputs always give the same JSON. */
const sorted = (record: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function layoutKey(inputs: LayoutInputs): string {
  return hash({ format: cacheFormat, step: 'layout', files: sorted(inputs.files), chromium: inputs.chromium, pagedjs: inputs.pagedjs, code: inputs.code });
}

/** The key of one variant; each variant reads only the inputs that shape it. */
export function variantKey(variant: Variant, inputs: VariantInputs): string {
  const common = { format: cacheFormat, step: variant, raw: inputs.raw, bleedMm: inputs.bleedMm, code: inputs.code };
  if (variant === 'screen') return hash({ ...common, marks: inputs.marks });
  if (!inputs.press) throw new Error('variantKey: the press variant needs the press inputs.');
  return hash({ ...common, press: inputs.press });
}

/**
 * The name of a publication's layout record: the publication, the engine and its HTML. Builds with
 * other print code or other content (another worktree sharing the cache folder) find records of their
 * own instead of overwriting each other's.
 */
export function layoutRecordName(publication: string, engine: Omit<LayoutInputs, 'files'>, html: string): string {
  return `layout-${publication}-${hash({ format: cacheFormat, chromium: engine.chromium, pagedjs: engine.pagedjs, code: engine.code, html }).slice(0, 16)}`;
}

/** The order sheet's PDF is Chromium's print of its HTML, with the metadata the post-processing writes. */
export function orderSheetKey(inputs: { html: string; chromium: string; date: string; code: string }): string {
  return `order-sheet-${hash({ format: cacheFormat, ...inputs })}`;
}
