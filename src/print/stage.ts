/**
 * The print stage: every print page Astro built becomes a PDF in `<site>/print/` — the screen PDF,
 * and with `press` a CMYK PDF/X file too — listed in `manifest.json`, with the print shop's order
 * sheet beside it. One Chromium serves the whole run (started only if something must be rendered),
 * publications render concurrently (one more than the cores), and unchanged publications come from the cache.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium, openPrintSite, type PrintSite } from './browser.ts';
import { hashInputs, PrintCache, printCodeVersion, sha256, type CacheEntry } from './cache.ts';
import { bleedMm } from './geometry.ts';
import { sortManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { orderRows, orderSheetCsv, orderSheetHtml, type OrderLine } from './order-sheet.ts';
import { auditFonts, postprocessPdf, setMetadata, type PdfMetadata } from './postprocess.ts';
import { convertToPress } from './press.ts';
import { parsePrintPagePath, pdfFileName, printPagePath, type PublicationRef, type Variant } from './publication.ts';
import { pagedjsDir } from './pagedjs.ts';
import { renderPdf, RenderTimeoutError } from './render.ts';
import { fontStylesheetPath } from '../fonts/faces.ts';
import { asFontId } from '../i18n/locales.ts';
import { printManifestFile } from '../project.ts';

export class PrintError extends Error {}

export interface PrintOptions {
  /** The built site (Astro's output folder). */
  siteDir: string;
  log: (line: string) => void;
  /** Crop marks on the screen PDFs too (press PDFs always have them). */
  marks?: boolean;
  /** Also write the CMYK PDF/X press variant of every publication. */
  press?: boolean;
  /** Where rendered PDFs are kept between builds; null renders everything afresh. */
  cacheDir?: string | null;
}

/** Printed images must reach this resolution at their printed size (press variant). */
export const minimumPpi = 300;

const defaultCacheDir = 'node_modules/.cache/press-print';

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

/** Everything outside the site that shapes a PDF: Chromium, Paged.js and the print code. */
function engineVersion(): string {
  // Debian's wrapper script prints a harmless complaint on stderr; only the version line matters.
  const chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const paged = (JSON.parse(readFileSync(join(pagedjsDir, 'package.json'), 'utf8')) as { version: string }).version;
  return `${chromium} | pagedjs ${paged} | print ${printCodeVersion(dirname(fileURLToPath(import.meta.url)))}`;
}

export async function printPublications(options: PrintOptions): Promise<Manifest> {
  const { siteDir, log } = options;
  const publications = findPublications(siteDir);
  const cache = options.cacheDir === null ? undefined : new PrintCache(options.cacheDir ?? defaultCacheDir);
  const engine = publications.length ? engineVersion() : '';
  let browser: Promise<Browser> | undefined;
  let printSite: Promise<PrintSite> | undefined;
  // Started only when something must be rendered: a run served from the cache needs no browser.
  const getSite = () => (printSite ??= (browser ??= launchChromium({ offline: true })).then((b) => openPrintSite(b, siteDir)));
  const entries: ManifestEntry[] = [];
  const orders: OrderLine[] = [];
  let newest = new Date(0);

  const printOne = async (ref: PublicationRef) => {
    const started = performance.now();
    const name = `${ref.kind} ${ref.slug} ${ref.locale}`;
    const key = `${ref.kind}-${ref.slug}-${ref.locale}`;
    let entry = cache?.lookup(key, engine, siteDir);
    let raw = entry && cache?.read(entry.raw);
    const fromCache = raw !== undefined;
    let passes = 0;
    if (!entry || !raw) {
      const site = await getSite();
      // A document Chromium stopped answering for gets one more try on a fresh page.
      const rendered = await renderPdf(site, printPagePath(ref)).catch((error: unknown) => {
        if (!(error instanceof RenderTimeoutError)) throw error;
        log(`  ${name}: ${error.message.split('\n')[0]} Trying once more.`);
        return renderPdf(site, printPagePath(ref));
      });
      passes = rendered.passes;
      raw = rendered.pdf;
      for (const line of rendered.console) log(`  ${name}: browser ${line}`);
      entry = {
        engine,
        inputs: hashInputs(siteDir, rendered.inputs),
        pages: rendered.pages,
        warnings: [
          ...rendered.warnings,
          ...rendered.images.filter((i) => i.ppi < minimumPpi).map((i) => `image ${i.src} (${i.source}) prints at ${i.ppi} ppi; press needs ${minimumPpi}`),
        ],
        meta: rendered.meta,
        anchors: rendered.anchors,
        raw: cache?.write(raw) ?? '',
        outputs: {},
      };
    }
    const metadata = pdfMetadata(entry);
    if (metadata.date > newest) newest = metadata.date;
    const variants: Variant[] = options.press ? ['screen', 'press'] : ['screen'];
    for (const variant of variants) {
      const variantKey = variant === 'press' ? 'press' : options.marks ? 'screen+marks' : 'screen';
      const cached = entry.outputs[variantKey];
      let pdf = cached ? cache?.read(cached) : undefined;
      if (!pdf) {
        const made = variant === 'press' ? await pressPdf(raw, metadata) : await postprocessPdf(raw, metadata, { bleedMm, marks: options.marks ?? false });
        pdf = made.pdf;
        const problems = made.fontProblems;
        if (problems.length) {
          const list = problems.map((f) => `${f.font} (${f.problem === 'type3' ? 'Type 3' : 'not embedded'})`).join(', ');
          throw new PrintError(`${name}: fonts a print shop would reject: ${list}. Check that every weight and style used is loaded.`);
        }
        if (cache) entry.outputs[variantKey] = cache.write(pdf);
      }
      const file = pdfFileName(ref, variant);
      writeFileSync(join(siteDir, 'print', file), pdf);
      const anchors = Object.keys(entry.anchors).length ? { anchors: entry.anchors } : {};
      const manifestEntry: ManifestEntry = { ...ref, variant, file, pages: entry.pages, bytes: pdf.byteLength, sha256: sha256(pdf), ...anchors };
      entries.push(manifestEntry);
      if (variant === (options.press ? 'press' : 'screen')) orders.push({ entry: manifestEntry, format: entry.meta.format, copies: entry.meta.printRun });
    }
    cache?.store(key, entry);
    // Image resolution matters for the press file only; typographic warnings always.
    for (const warning of entry.warnings) if (options.press || !warning.startsWith('image ')) log(`  warning: ${name}: ${warning}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const how = fromCache ? 'unchanged (cache), ' : passes > 1 ? `${passes} layout passes, ` : '';
    log(`${name}: ${entry.pages} pages, ${how}${seconds} s`);
  };

  try {
    const queue = [...publications];
    const worker = async () => {
      for (let ref = queue.shift(); ref; ref = queue.shift()) await printOne(ref);
    };
    // One more worker than cores by default: while one page waits on Chromium, another is laid out
    // or post-processed. PRESS_PRINT_JOBS overrides it.
    const jobs = Number(process.env.PRESS_PRINT_JOBS) || availableParallelism() + 1;
    await Promise.all(Array.from({ length: Math.min(jobs, publications.length) }, worker));
    const manifest = writeManifest(siteDir, entries);
    if (orders.length) await writeOrderSheet(siteDir, orders, newest, getSite, cache);
    return manifest;
  } finally {
    if (printSite) await (await printSite).close();
    if (browser) await (await browser).close();
  }
}

function pdfMetadata(entry: CacheEntry): PdfMetadata {
  const date = new Date(`${entry.meta.date}T00:00:00Z`);
  return { title: entry.meta.title, author: entry.meta.author, language: entry.meta.lang, date: Number.isNaN(date.getTime()) ? new Date(0) : date };
}

async function pressPdf(raw: Uint8Array, metadata: PdfMetadata) {
  const prepared = await postprocessPdf(raw, metadata, { bleedMm, marks: true }, { removeLinks: true, objectStreams: false });
  const pdf = await convertToPress(prepared.pdf, metadata.date);
  // Ghostscript rewrites every font: audit what it wrote, not what it was given.
  return { pdf, fontProblems: auditFonts(await PDFDocument.load(pdf, { updateMetadata: false })) };
}

function writeManifest(siteDir: string, entries: ManifestEntry[]): Manifest {
  const manifest = sortManifest(entries);
  mkdirSync(join(siteDir, 'print'), { recursive: true });
  writeFileSync(printManifestFile(siteDir), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** `order-sheet.csv`, `.html` and `.pdf` in `print/`; the PDF is the HTML printed by Chromium. */
async function writeOrderSheet(siteDir: string, orders: OrderLine[], date: Date, getSite: () => Promise<PrintSite>, cache: PrintCache | undefined): Promise<void> {
  const rows = orderRows([...orders].sort((a, b) => a.entry.file.localeCompare(b.entry.file)));
  const printDir = join(siteDir, 'print');
  const title = 'Print order — Thái Nguyên foreign-information publications';
  // The order sheet's CSS names Noto Sans.
  const html = orderSheetHtml(rows, title, fontStylesheetPath(asFontId('noto-sans')));
  writeFileSync(join(printDir, 'order-sheet.csv'), orderSheetCsv(rows));
  writeFileSync(join(printDir, 'order-sheet.html'), html);
  const key = `order-sheet-${sha256(html)}`;
  let pdf = cache?.readKeyed(key);
  if (!pdf) {
    const site = await getSite();
    const page = await site.context.newPage();
    try {
      await page.goto(`${site.origin}/print/order-sheet.html`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const doc = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }), { updateMetadata: false });
      setMetadata(doc, { title, author: '', language: 'en', date });
      pdf = await doc.save();
      cache?.writeKeyed(key, pdf);
    } finally {
      await page.close();
    }
  }
  writeFileSync(join(printDir, 'order-sheet.pdf'), pdf);
}
