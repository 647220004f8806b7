/**
 * `npm run print`: renders the PDFs again from an already built site, without rebuilding it.
 *
 *   node scripts/print.ts [--site <folder>] [--marks] [--press] [--no-cache]
 *
 * --marks   crop marks on the screen PDFs as well
 * --press   also write CMYK PDF/X press files (with crop marks and bleed) and the order sheet for them
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '../src/cli/arguments.ts';
import { reportFailure } from '../src/cli/report.ts';
import { resolveBuildConfig } from '../src/build/config.ts';
import { printOptions } from '../src/build/print-options.ts';
import { printManifestFile, type Manifest } from '../src/print/manifest.ts';
import { printPublications } from '../src/print/stage.ts';

/** What the site's pages state of each screen PDF: its pages, size and sheet pages. */
const statedFigures = (manifest: Manifest) =>
  JSON.stringify(manifest.filter((e) => e.variant === 'screen').map((e) => [e.file, e.pages, e.bytes, e.anchors ?? {}]));

async function main() {
  const args = parseCommandLine('npm run print --', {
    site: { type: 'string', description: 'the built site (dist)' },
    marks: { type: 'boolean', description: 'crop marks on the screen PDFs too' },
    press: { type: 'boolean', description: 'also the CMYK PDF/X press files' },
    'no-cache': { type: 'boolean', description: 'lay out every PDF afresh' },
  });
  if (!args) return;
  const { values } = args;
  const site = values.site ?? 'dist';
  const config = resolveBuildConfig({ out: site, marks: values.marks, press: values.press, noCache: values['no-cache'] });
  const siteDir = resolve(site);
  if (!existsSync(join(siteDir, 'print'))) {
    console.error(`error: ${site}/print/ does not exist.\n  Hint: run "npm run build" first; it builds the site and the print pages.`);
    process.exitCode = 1;
    return;
  }
  console.log(`print: from the site built in ${site}/ (after changing content, run npm run build first, or npm run build -- --press)`);
  const manifestFile = printManifestFile(siteDir);
  const stated = existsSync(manifestFile) ? statedFigures(JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : '';
  const { manifest } = await printPublications(printOptions(config, siteDir, (line) => console.log(`print: ${line}`)));
  const press = manifest.filter((e) => e.variant === 'press').length;
  if (statedFigures(manifest) !== stated) {
    console.warn(`warning: the screen PDFs changed, but the site's download links still give the previous pages and sizes.\n  Hint: run npm run build (with the same options) to update the site as well.`);
  }
  console.log(`print: ${manifest.length - press} screen and ${press} press PDF(s) in ${site}/print/, listed in manifest.json; order sheet: ${site}/print/order-sheet.pdf (and .csv)`);
}

await main().catch(reportFailure);
