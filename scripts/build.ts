/**
 * `npm run build`: check the content, build the site (print pages first) and print every
 * publication meanwhile, index the pages for search, fill the pages' download figures from the
 * PDFs, and only then replace `dist/`: a failed build never leaves a half-finished dist over a good one.
 *
 *   node scripts/build.ts [--content <folder>] [--out <folder>] [--marks] [--press] [--no-cache] [--cache-dir <folder>]
 *
 * --marks, --press and --no-cache work as for `npm run print`.
 *
 * A build with nothing to do (every input and the output as the last finished build of that output
 * left them: src/build/build-record.ts) says so, tells the content's warnings and the PDFs again,
 * and stops before Astro is loaded.
 *
 * Every page is rendered once: pages that show a PDF's pages or size carry tokens the figure stage
 * fills after printing (src/site/print-figures.ts), instead of a second site build.
 *
 * package.json starts it with `--max-semi-space-size=64`: a larger young generation means fewer
 * garbage-collector pauses while a thousand pages render (about 0.5 s of a 10 s site build, for
 * about 100 MB more memory; 128 was slower again).
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { reportFailure, reportProblems } from '../src/cli/report.ts';
import { astroConfig } from '../src/build/astro-config.ts';
import { releaseFreedNativeMemory, resolveBuildConfig, useProductionEnvironment, type BuildConfig } from '../src/build/config.ts';
import { fillPrintFigures } from '../src/build/fill-figures.ts';
import { clearPreviousOutput, swapOutput } from '../src/build/output-folder.ts';
import { printOptions } from '../src/build/print-options.ts';
import { withProjectLock } from '../src/build/project-lock.ts';
import { buildFacts, inputsKey, type BuildRecord, outputKey, readBuildRecord, unchangedSince, writeBuildRecord } from '../src/build/build-record.ts';
import { contentWarnings, isContentProblemsError } from '../src/content/loader.ts';
import { ContentReader } from '../src/content/read.ts';
import { contentStatus } from '../src/translations/status.ts';
import { chromiumVersion } from '../src/print/browser.ts';
import { pressToolVersions } from '../src/print/press.ts';
import { manifestSchema, printManifestFile } from '../src/print/manifest.ts';
import type { ContentProblem } from '../src/content/problems.ts';
import { printPublications, type PrintRun } from '../src/print/stage.ts';
import { printFirst } from '../src/build/print-first.ts';
import { placeFonts } from '../src/fonts/integration.ts';
import { indexSite } from '../src/site/search-index.ts';
import { parseCommandLine } from '../src/cli/arguments.ts';

async function main() {
  const started = performance.now();
  const args = parseCommandLine('npm run build --', {
    content: { type: 'string', description: 'the content folder (content)' },
    out: { type: 'string', description: 'where the site goes (dist)' },
    marks: { type: 'boolean', description: 'crop marks on the screen PDFs too' },
    press: { type: 'boolean', description: 'also the CMYK PDF/X press files' },
    'no-cache': { type: 'boolean', description: 'lay out every PDF and draw every card afresh' },
    'cache-dir': { type: 'string', description: 'where the caches live (node_modules/.cache)' },
  });
  if (!args) return;
  const { values } = args;
  const config = resolveBuildConfig({ content: values.content, out: values.out, marks: values.marks, press: values.press, noCache: values['no-cache'], cacheDir: values['cache-dir'] });
  useProductionEnvironment();
  releaseFreedNativeMemory();
  const { dir: content, shown: shownContent } = config.content;
  const out = config.outDir;
  const shownOut = relative(process.cwd(), out);
  const staging = `${out}.staging`;

  if (!existsSync(content)) {
    console.error(`error: the content folder ${shownContent}/ does not exist.\n  Hint: run the build from the project folder, or pass --content <folder>.`);
    process.exitCode = 1;
    return;
  }
  // Nothing to do when every input is as it was for the last finished build and its output is untouched.
  const records = config.caches.build;
  const inputs = records ? inputsKey(buildFacts(config, toolVersions(config))) : '';
  const unchanged = records ? unchangedSince(readBuildRecord(records, out), inputs, out) : undefined;
  if (unchanged) {
    tellUnchanged(config, unchanged, shownOut);
    console.log(`done: ${shownOut}/ in ${seconds(started)}`);
    return;
  }
  rmSync(staging, { recursive: true, force: true });
  // The last build's output, set aside when it was replaced, goes while this one renders.
  const clearing = clearPreviousOutput(out);
  clearing.catch(() => {});
  try {
    // The content is read and checked once, by Astro's collections (src/content/loader.ts): a
    // content error stops the build there, before any page is rendered.
    const { build } = await import('astro');
    // The PDFs are laid out while Astro renders the rest of the site (src/build/print-first.ts).
    let siteDone!: () => void;
    const siteComplete = new Promise<void>((resolve) => (siteDone = resolve));
    const stopPrinting = new AbortController();
    let printing: Promise<PrintRun> | undefined;
    let printStarted = 0;
    const startPrinting = () => {
      printStarted = performance.now();
      printing = printPublications({ ...printOptions(config, staging, (line) => console.log(`print: ${line}`)), siteComplete, signal: stopPrinting.signal });
      // Failures are reported where the run is awaited, after the site.
      printing.catch(() => {});
      return printing;
    };
    const early = printFirst({ prepare: placeFonts, onPrintPages: () => void startPrinting() });
    const astro = astroConfig(config, 'build', staging);
    try {
      await withProjectLock(
        config.root,
        () => build({ ...astro, integrations: [...(astro.integrations ?? []), early], configFile: false, logLevel: config.debug ? 'debug' : 'warn' }),
        (pid) => console.log(`site: waiting for the build already running in this folder${pid ? ` (process ${pid})` : ''}`),
      );
    } catch (error) {
      // A print run under way takes no further document, and closes its browser before the error is told.
      stopPrinting.abort();
      siteDone();
      await printing?.catch(() => {});
      throw error;
    }
    siteDone();
    console.log(`site: built in ${seconds(started)}`);
    // Indexed while the last PDFs print: figures are no part of the index (data-pagefind-ignore),
    // so the pages are indexed as they will be published.
    const indexing = performance.now();
    const searching = indexSite(staging, (line) => console.log(`search: ${line}`), { ...config.search, cacheDir: config.caches.search });
    const [printed, searched] = await Promise.allSettled([printing ?? startPrinting(), searching]);
    if (printed.status === 'rejected') throw printed.reason;
    console.log(`print: done in ${seconds(printStarted)}`);
    if (searched.status === 'rejected') throw searched.reason;
    console.log(`search: done in ${seconds(indexing)}`);
    // After the index: Pagefind has read every page by then.
    const pages = fillPrintFigures(staging, printed.value.manifest, config.localesDir);
    console.log(`site: download figures filled in on ${pages} pages`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const problems = contentProblems(error);
    if (problems) {
      reportProblems(problems);
      console.error(`\nNothing was built; ${shownOut}/ is unchanged.`);
      process.exitCode = 1;
      return;
    }
    reportFailure(error);
    console.error(`\nThe build stopped; ${shownOut}/ is unchanged.`);
    return;
  }

  await clearing;
  swapOutput(staging, out);
  if (records) writeBuildRecord(records, out, { inputs, output: outputKey(out), finished: new Date().toISOString() });
  console.log(`done: ${shownOut}/ in ${seconds(started)}`);
}

/**
 * What a build with nothing to do tells: the content's warnings (as a build would), that nothing
 * changed, and each publication's PDF as the print stage tells it (the studio lists them from these lines).
 */
function tellUnchanged(config: BuildConfig, record: BuildRecord, shownOut: string): void {
  const { dir, shown } = config.content;
  const { result } = new ContentReader(dir, shown).read();
  for (const warning of contentWarnings(result, contentStatus(result.index, shown))) console.warn(warning);
  console.log(`site: nothing changed since the build of ${record.finished.slice(0, 16).replace('T', ' ')} UTC: the content, code and options are the same and ${shownOut}/ is as that build left it`);
  console.log('  (npm run build -- --no-cache builds everything again)');
  for (const entry of manifestSchema.parse(JSON.parse(readFileSync(printManifestFile(config.outDir), 'utf8')))) {
    if (entry.variant === 'screen') console.log(`print: ${entry.kind} ${entry.slug} ${entry.locale}: ${entry.pages} pages, unchanged since that build`);
  }
}

/**
 * The versions of the tools the output depends on. A missing Chromium is left for the print stage to
 * report; a press build without Ghostscript or qpdf stops here, with the message that stage would give.
 */
function toolVersions(config: BuildConfig): Record<string, string> {
  const version = (tool: () => string) => {
    try {
      return tool();
    } catch {
      return 'missing';
    }
  };
  return {
    node: process.version,
    chromium: version(() => chromiumVersion(config.print.chromium)),
    ...(config.print.press ? pressToolVersions() : {}),
  };
}

/** The content problems behind a failed build, however Astro passed the loader's error on. */
function contentProblems(error: unknown): readonly ContentProblem[] | undefined {
  for (let e = error; e; e = e instanceof Error ? e.cause : undefined) if (isContentProblemsError(e)) return e.problems;
  return undefined;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

await main().catch(reportFailure);
