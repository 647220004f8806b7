/**
 * `npm run build`: check the content, build the site, print every publication, and only then
 * replace `dist/` — a failed build never leaves a half-finished dist over a good one.
 *
 *   node scripts/build.ts [--content <folder>] [--out <folder>] [--marks] [--press] [--no-cache]
 *
 * --marks, --press and --no-cache work as for `npm run print`.
 *
 * package.json starts it with `--max-semi-space-size=64`: a larger young generation means fewer
 * garbage-collector pauses while a thousand pages render (about 0.5 s of a 10 s site build, for
 * about 100 MB more memory; 128 was slower again).
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportFailure, reportProblems } from '../src/cli/report.ts';
import { checkContentFolder } from '../src/content/read.ts';
import { printPublications } from '../src/print/stage.ts';
import { contentDir, contentDirVariable, printManifestFile, printManifestVariable, shownPath } from '../src/project.ts';
import { indexSite } from '../src/site/search-index.ts';
import { contentStatus, printBlockers } from '../src/translations/status.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    out: { type: 'string', default: 'dist' },
    marks: { type: 'boolean', default: false },
    press: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});

async function main() {
  const started = performance.now();
  // A build is always a production build, even when started from a test runner: Vitest sets
  // NODE_ENV, DEV and MODE, and Astro would pass them on to import.meta.env.
  process.env.NODE_ENV = 'production';
  for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete process.env[key];
  if (values.content) process.env[contentDirVariable] = resolve(values.content);
  // Social cards keep a cache of their own (src/site/integration.ts).
  if (values['no-cache']) process.env.PRESS_NO_CACHE = '1';
  const content = contentDir();
  const out = resolve(values.out);
  const staging = `${out}.staging`;

  if (!existsSync(content)) {
    console.error(`error: the content folder ${relative(process.cwd(), content)}/ does not exist.\n  Hint: run the build from the project folder, or pass --content <folder>.`);
    process.exitCode = 1;
    return;
  }
  const shownContent = shownPath(content);
  const { problems, index } = checkContentFolder(content, shownContent);
  if (reportProblems(problems)) {
    console.error(`\nNothing was built; ${relative(process.cwd(), out)}/ is unchanged.`);
    process.exitCode = 1;
    return;
  }

  const notCurrent = printBlockers(index, contentStatus(index, shownContent)).filter((b) => !b.includes(' is missing '));
  if (notCurrent.length) {
    console.warn(`warning: these translations will be printed although their Vietnamese source has changed since:\n  ${notCurrent.join('\n  ')}\n  Hint: update them and record each with npm run translations -- --done <locale> <file>.\n`);
  }

  rmSync(staging, { recursive: true, force: true });
  const rebuilt = `${out}.staging-site`;
  try {
    // Imported here so a content error is reported before Astro starts up.
    const { build } = await import('astro');
    const buildSite = async (outDir: string, manifest: string) => {
      // The site's download links read this manifest (src/site/downloads.ts).
      process.env[printManifestVariable] = manifest;
      await build({
        root: process.cwd(),
        outDir,
        logLevel: process.env.PRESS_DEBUG ? 'debug' : 'warn',
        // Each content folder gets its own cache, so a fixture build never shows another folder's entries.
        cacheDir: `node_modules/.astro/${createHash('sha256').update(content).digest('hex').slice(0, 12)}`,
      });
    };
    // First guess for the download links: the PDFs of the last build. Usually nothing changed.
    const lastManifest = printManifestFile(out);
    await buildSite(staging, lastManifest);
    console.log(`site: built in ${seconds(started)}`);
    await printPublications({ siteDir: staging, log: (line) => console.log(`print: ${line}`), marks: values.marks, press: values.press, cacheDir: values['no-cache'] ? null : undefined });
    const printed = printManifestFile(staging);
    if (!sameContent(lastManifest, printed)) {
      // The PDFs differ from the guess: build the pages again so every link states the true pages and size.
      const again = performance.now();
      rmSync(rebuilt, { recursive: true, force: true });
      await buildSite(rebuilt, printed);
      mkdirSync(join(rebuilt, 'print'), { recursive: true });
      for (const file of readdirSync(join(staging, 'print'), { withFileTypes: true })) {
        if (file.isFile()) renameSync(join(staging, 'print', file.name), join(rebuilt, 'print', file.name));
      }
      rmSync(staging, { recursive: true, force: true });
      renameSync(rebuilt, staging);
      console.log(`site: download links updated in ${seconds(again)}`);
    }
    // Indexed last, from the pages as they will be published.
    await indexSite(staging, (line) => console.log(`search: ${line}`));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(rebuilt, { recursive: true, force: true });
    reportFailure(error);
    console.error(`\nThe build stopped; ${relative(process.cwd(), out)}/ is unchanged.`);
    return;
  }

  const previous = `${out}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, previous);
  renameSync(staging, out);
  rmSync(previous, { recursive: true, force: true });
  console.log(`done: ${relative(process.cwd(), out)}/ in ${seconds(started)}`);
}

function sameContent(a: string, b: string): boolean {
  return existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

await main().catch(reportFailure);
