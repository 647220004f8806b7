/**
 * The print stage: every print page Astro built becomes a PDF in `<site>/print/` — the screen PDF,
 * and with `press` a CMYK PDF/X file too — listed in `manifest.json`, with the print shop's order
 * sheet beside it. One Chromium serves the whole run (started only if something must be laid out),
 * publications are laid out `jobs` at a time, and the cache (cache-key.ts) gives back each layout and
 * each variant whose declared inputs did not change: a new press profile makes the press PDFs again
 * from the cached layout, without Chromium.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { sha256 } from '../cache/store.ts';
import { chromiumVersion, launchChromium, openPrintSite, type PrintSite } from './browser.ts';
import { codeVersion, hashInputs, pagedjsVersion, PrintCache } from './cache.ts';
import { cacheFormat, layoutCode, orderSheetKey, postprocessCode, pressCode, variantKey, type LayoutInputs, type PressInputs, type RawLayout } from './cache-key.ts';
import { bleedMm } from './geometry.ts';
import { sortManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { orderRows, orderSheetCsv, orderSheetHtml, type OrderLine } from './order-sheet.ts';
import { pdfMetadata, postprocessPdf, setMetadata, type FontProblem } from './postprocess.ts';
import { PressError, pressPdf, pressToolVersions, type PressProfile } from './press.ts';
import { ensurePressProfile } from './press-profile.ts';
import { parsePrintPagePath, pdfFileName, printPagePath, type PublicationRef, type Variant } from './publication.ts';
import { renderPdf, RenderTimeoutError } from './render.ts';
import { downsampleImages } from './downsample.ts';
import type { ImageUse } from './layout-audit.ts';
import { pressPpi, screenPpi } from '../pictures/print-size.ts';
import { fontStylesheetPath } from '../fonts/faces.ts';
import { asFontId } from '../i18n/locales.ts';
import { printManifestFile } from './manifest.ts';
import { missingFiles } from './referenced-files.ts';

export class PrintError extends Error {}

/** Everything a print run depends on besides the built site; the caller decides every value. */
export interface PrintOptions {
  /** The built site (Astro's output folder). */
  siteDir: string;
  log: (line: string) => void;
  /** The Chromium binary to lay out with. */
  chromium: string;
  /** Documents laid out at once. */
  jobs: number;
  /** How long one document may take to lay out before it is tried once more, then reported. */
  renderTimeoutMs: number;
  /** Crop marks on the screen PDFs too (press PDFs always have them). */
  marks: boolean;
  /** Also write the CMYK PDF/X press variant of every publication, with this profile; null for none. */
  press: PressProfile | null;
  /** Where PDFs are kept between runs; null lays out everything afresh and keeps nothing. */
  cacheDir: string | null;
  /**
   * Given while Astro is still writing the site (src/build/print-first.ts): settles when the site is
   * complete. A publication that loads a file not written yet (an optimised image) waits for it.
   */
  siteComplete?: Promise<unknown>;
  /** Once aborted, no further publication is started (the build stopped). */
  signal?: AbortSignal;
}

/** What happened to one publication in a run. */
export interface PrintedDocument {
  ref: PublicationRef;
  /**
   * `laid-out`: Chromium laid it out and every variant was made from that; `post-processed`: the
   * layout came from the cache and only `made` was made again from it; `unchanged`: all from the cache.
   */
  outcome: 'laid-out' | 'post-processed' | 'unchanged';
  /** The variants made in this run; the others came from the cache. */
  made: Variant[];
  pages: number;
}

export interface PrintRun {
  manifest: Manifest;
  documents: PrintedDocument[];
  /** Whether Chromium printed the order sheet's PDF in this run; `none` when there is nothing to order. */
  orderSheet: 'printed' | 'cached' | 'none';
}

/** Printed images must reach this resolution at their printed size (press variant). */
export const minimumPpi = pressPpi;

/** The preflight: each picture printing below what its PDF needs, with its placement and resolution. */
export function imageWarnings(images: readonly ImageUse[], press: boolean): string[] {
  const seen = new Set<string>();
  const warnings: string[] = [];
  for (const image of images) {
    const needed = press ? pressPpi : screenPpi;
    const key = `${image.src} ${image.placement}`;
    if (image.ppi >= needed || seen.has(key)) continue;
    seen.add(key);
    const file = image.source ? ` in ${image.source}` : '';
    warnings.push(`image ${image.src}${file}, placed ${image.placement}, prints at ${image.ppi} ppi; ${press ? 'press' : 'screen'} PDFs need ${needed}`);
  }
  return warnings;
}

/** Publications whose print HTML was built, in a stable order. */
export function findPublications(siteDir: string): PublicationRef[] {
  const printDir = join(siteDir, 'print');
  let files: string[];
  try {
    files = readdirSync(printDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return files
    .map((file) => parsePrintPagePath(relative(siteDir, join(printDir, file)).split(sep).join('/')))
    .filter((ref): ref is PublicationRef => ref !== undefined)
    .sort((a, b) => printPagePath(a).localeCompare(printPagePath(b)));
}

/** The inputs of the keys that are the same for every publication of a run (see cache-key.ts). */
interface RunInputs {
  engine: Omit<LayoutInputs, 'files'>;
  postprocess: string;
  press: PressInputs | null;
}

function runInputs(options: PrintOptions): RunInputs {
  let press: PressInputs | null = null;
  if (options.press) {
    const { iccProfile, outputCondition, info } = options.press;
    if (!existsSync(iccProfile)) throw new PressError(`The CMYK profile ${iccProfile} was not found. Run "npm run setup" (it builds the FOGRA39 profile), or set PRESS_ICC_PROFILE.`);
    press = { ...pressToolVersions(), icc: sha256(readFileSync(iccProfile)), outputCondition, info: info ?? outputCondition, code: codeVersion(pressCode) };
  }
  return {
    engine: { chromium: chromiumVersion(options.chromium), pagedjs: pagedjsVersion(), code: codeVersion(layoutCode) },
    postprocess: codeVersion(postprocessCode),
    press,
  };
}

export async function printPublications(options: PrintOptions): Promise<PrintRun> {
  const { siteDir, log } = options;
  const publications = findPublications(siteDir);
  const cache = options.cacheDir === null ? undefined : new PrintCache(options.cacheDir);
  // The default FOGRA39 profile is built the first time a press run needs it.
  if (options.press && publications.length) await ensurePressProfile(options.press, log);
  const keys = cache && publications.length ? runInputs(options) : undefined;
  let browser: Promise<Browser> | undefined;
  let printSite: Promise<PrintSite> | undefined;
  // Started only when something must be laid out: a run served from the cache needs no browser.
  const getSite = () => (printSite ??= (browser ??= launchChromium(options.chromium, { offline: true })).then((b) => openPrintSite(b, siteDir)));
  const entries: ManifestEntry[] = [];
  const orders: OrderLine[] = [];
  const documents: PrintedDocument[] = [];
  let newest = new Date(0);

  // Publications that load a file Astro has not written yet (its optimised images come after the last page).
  const waiting = new Set(
    options.siteComplete ? publications.filter((ref) => missingFiles(readFileSync(join(siteDir, printPagePath(ref), 'index.html'), 'utf8'), siteDir).length > 0) : [],
  );

  const printOne = async (ref: PublicationRef) => {
    const started = performance.now();
    const name = `${ref.kind} ${ref.slug} ${ref.locale}`;
    const publication = `${ref.kind}-${ref.slug}-${ref.locale}`;
    const source = readFileSync(join(siteDir, printPagePath(ref), 'index.html'));
    const html = sha256(source);
    const lookup = () => keys && cache?.lookupLayout(publication, keys.engine, html, siteDir);
    let layout = lookup();
    // Its images not written yet: looked up again (a kept layout checks them) and laid out once they are.
    if (!layout && options.siteComplete && waiting.has(ref)) {
      await options.siteComplete;
      layout = lookup();
    }
    let passes = 0;
    if (!layout) {
      const site = await getSite();
      const render = () => renderPdf(site, printPagePath(ref), { timeoutMs: options.renderTimeoutMs });
      // A document Chromium stopped answering for gets one more try on a fresh page.
      const rendered = await render().catch((error: unknown) => {
        if (!(error instanceof RenderTimeoutError)) throw error;
        log(`  ${name}: ${error.message.split('\n')[0]} Trying once more.`);
        return render();
      });
      passes = rendered.passes;
      for (const line of rendered.console) log(`  ${name}: browser ${line}`);
      const record = {
        files: (keys && hashInputs(siteDir, rendered.inputs)) || {},
        pages: rendered.pages,
        warnings: rendered.warnings,
        meta: rendered.meta,
        anchors: rendered.anchors,
        images: rendered.images,
      };
      layout = {
        record: keys && cache ? cache.storeLayout(publication, keys.engine, html, record, rendered.pdf) : { format: cacheFormat, key: '', raw: sha256(rendered.pdf), ...record },
        raw: rendered.pdf,
      };
    }
    const { record, raw } = layout;
    const metadata = pdfMetadata(record.meta);
    if (metadata.date > newest) newest = metadata.date;
    const rawLayout: RawLayout = { pdf: record.raw, metadata: { ...metadata, date: metadata.date.toISOString() } };
    const variants: Variant[] = options.press ? ['screen', 'press'] : ['screen'];
    const made: Variant[] = [];
    for (const variant of variants) {
      const key = keys && `${variant}-${variantKey(variant, { raw: rawLayout, marks: options.marks, bleedMm, code: keys.postprocess, press: keys.press })}`;
      let pdf = key ? cache?.read(key) : undefined;
      if (!pdf) {
        const finished: { pdf: Uint8Array; fontProblems: FontProblem[] } =
          variant === 'press' && options.press
            ? await pressPdf(raw, metadata, { bleedMm, profile: options.press })
            : await postprocessPdf((await downsampleImages(raw, record.images, screenPpi)).pdf, metadata, { bleedMm, marks: options.marks });
        pdf = finished.pdf;
        if (finished.fontProblems.length) {
          const list = finished.fontProblems.map((f) => `${f.font} (${f.problem === 'type3' ? 'Type 3' : 'not embedded'})`).join(', ');
          throw new PrintError(`${name}: fonts a print shop would reject: ${list}. Check that every weight and style used is loaded.`);
        }
        if (key) cache?.write(key, pdf);
        made.push(variant);
      }
      const file = pdfFileName(ref, variant);
      writeFileSync(join(siteDir, 'print', file), pdf);
      const anchors = Object.keys(record.anchors).length ? { anchors: record.anchors } : {};
      const manifestEntry: ManifestEntry = { ...ref, variant, file, pages: record.pages, bytes: pdf.byteLength, sha256: sha256(pdf), ...anchors };
      entries.push(manifestEntry);
      if (variant === (options.press ? 'press' : 'screen')) orders.push({ entry: manifestEntry, format: record.meta.format, copies: record.meta.printRun });
    }
    for (const warning of [...record.warnings, ...imageWarnings(record.images, options.press !== null)]) log(`  warning: ${name}: ${warning}`);
    const outcome = passes ? 'laid-out' : made.length ? 'post-processed' : 'unchanged';
    documents.push({ ref, outcome, made, pages: record.pages });
    const how = {
      'laid-out': passes > 1 ? `laid out in ${passes} layout passes` : 'laid out',
      'post-processed': `${made.join(' and ')} made again from the cached layout`,
      unchanged: 'unchanged (cache)',
    }[outcome];
    log(`${name}: ${record.pages} pages, ${how}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  try {
    // Publications waiting for the site's images go last, so they hold no worker while others could print.
    const queue = [...publications.filter((ref) => !waiting.has(ref)), ...waiting];
    const worker = async () => {
      for (let ref = queue.shift(); ref && !options.signal?.aborted; ref = queue.shift()) await printOne(ref);
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, options.jobs), publications.length) }, worker));
    options.signal?.throwIfAborted();
    const manifest = writeManifest(siteDir, entries);
    const orderSheet = orders.length ? await writeOrderSheet(siteDir, orders, newest, options.press, getSite, cache && keys && { cache, chromium: keys.engine.chromium, code: keys.postprocess }) : 'none';
    documents.sort((a, b) => printPagePath(a.ref).localeCompare(printPagePath(b.ref)));
    return { manifest, documents, orderSheet };
  } finally {
    if (printSite) await (await printSite).close();
    if (browser) await (await browser).close();
  }
}

function writeManifest(siteDir: string, entries: ManifestEntry[]): Manifest {
  const manifest = sortManifest(entries);
  mkdirSync(join(siteDir, 'print'), { recursive: true });
  writeFileSync(printManifestFile(siteDir), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** `order-sheet.csv`, `.html` and `.pdf` in `print/`; the PDF is the HTML printed by Chromium. */
async function writeOrderSheet(
  siteDir: string,
  orders: OrderLine[],
  date: Date,
  press: PressProfile | null,
  getSite: () => Promise<PrintSite>,
  cached: { cache: PrintCache; chromium: string; code: string } | undefined,
): Promise<'printed' | 'cached'> {
  const rows = orderRows([...orders].sort((a, b) => a.entry.file.localeCompare(b.entry.file)));
  const printDir = join(siteDir, 'print');
  const title = 'Print order — Thái Nguyên foreign-information publications';
  // The order sheet's CSS names Noto Sans.
  const profile = press && { condition: press.info ?? press.outputCondition, identifier: press.outputCondition, file: basename(press.iccProfile) };
  const html = orderSheetHtml(rows, title, fontStylesheetPath(asFontId('noto-sans')), profile);
  writeFileSync(join(printDir, 'order-sheet.csv'), orderSheetCsv(rows));
  writeFileSync(join(printDir, 'order-sheet.html'), html);
  const key = cached && orderSheetKey({ html, chromium: cached.chromium, date: date.toISOString(), code: cached.code });
  let pdf = key ? cached?.cache.read(key) : undefined;
  const outcome = pdf ? 'cached' : 'printed';
  if (!pdf) {
    const site = await getSite();
    const page = await site.takePage();
    await page.goto(`${site.origin}/print/order-sheet.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const doc = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }), { updateMetadata: false });
    site.givePage(page);
    setMetadata(doc, { title, author: '', language: 'en', date });
    pdf = await doc.save();
    if (key) cached?.cache.write(key, pdf);
  }
  writeFileSync(join(printDir, 'order-sheet.pdf'), pdf);
  return outcome;
}
