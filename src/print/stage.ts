/**
 * The print stage: every print page Astro built becomes a PDF in `<site>/print/`, listed in
 * `manifest.json`. One Chromium serves the whole run; publications render two at a time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { launchChromium } from './browser.ts';
import { sortManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import { parsePrintPagePath, pdfFileName, printPagePath, type PublicationRef } from './publication.ts';
import { postprocessPdf } from './postprocess.ts';
import { renderPdf } from './render.ts';

export class PrintError extends Error {}

export interface PrintOptions {
  /** The built site (Astro's output folder). */
  siteDir: string;
  log: (line: string) => void;
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

export async function printPublications({ siteDir, log }: PrintOptions): Promise<Manifest> {
  const publications = findPublications(siteDir);
  if (publications.length === 0) return writeManifest(siteDir, []);
  const browser = await launchChromium();
  try {
    const entries: ManifestEntry[] = [];
    const queue = [...publications];
    const worker = async () => {
      for (let ref = queue.shift(); ref; ref = queue.shift()) entries.push(await printOne(ref));
    };
    const printOne = async (ref: PublicationRef): Promise<ManifestEntry> => {
      const started = performance.now();
      const rendered = await renderPdf(browser, siteDir, printPagePath(ref));
      const date = new Date(`${rendered.meta.date}T00:00:00Z`);
      const { pdf, pages, fontProblems } = await postprocessPdf(rendered.pdf, {
        title: rendered.meta.title,
        author: rendered.meta.author,
        language: rendered.meta.lang,
        date: Number.isNaN(date.getTime()) ? new Date(0) : date,
      });
      if (fontProblems.length) {
        const list = fontProblems.map((f) => `${f.font} (${f.problem === 'type3' ? 'Type 3' : 'not embedded'})`).join(', ');
        throw new PrintError(`${ref.kind} ${ref.slug} ${ref.locale}: fonts a print shop would reject: ${list}. Check that every weight and style used is loaded.`);
      }
      const file = pdfFileName(ref);
      writeFileSync(join(siteDir, 'print', file), pdf);
      for (const line of rendered.console) log(`  ${ref.kind} ${ref.locale}: browser ${line}`);
      for (const line of rendered.warnings) log(`  warning: ${line}`);
      log(`${ref.kind} ${ref.slug} ${ref.locale}: ${pages} pages, ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return {
        ...ref,
        variant: 'screen',
        file,
        pages,
        bytes: pdf.byteLength,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      };
    };
    await Promise.all(Array.from({ length: Math.min(2, availableParallelism(), publications.length) }, worker));
    return writeManifest(siteDir, entries);
  } finally {
    await browser.close();
  }
}

function writeManifest(siteDir: string, entries: ManifestEntry[]): Manifest {
  const manifest = sortManifest(entries);
  mkdirSync(join(siteDir, 'print'), { recursive: true });
  writeFileSync(join(siteDir, 'print', 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
