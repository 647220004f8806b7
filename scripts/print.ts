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
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportFailure } from '../src/cli/report.ts';
import { printPublications } from '../src/print/stage.ts';
import { printManifestFile, printManifestVariable } from '../src/project.ts';
import { downloads } from '../src/site/downloads.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    marks: { type: 'boolean', default: false },
    press: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});

async function main() {
  const siteDir = resolve(values.site);
  if (!existsSync(join(siteDir, 'print'))) {
    console.error(`error: ${values.site}/print/ does not exist.\n  Hint: run "npm run build" first; it builds the site and the print pages.`);
    process.exitCode = 1;
    return;
  }
  process.env[printManifestVariable] = printManifestFile(siteDir);
  console.log(`print: from the site built in ${values.site}/ (after changing content, run npm run build first, or npm run build -- --press)`);
  const screenFiles = () => JSON.stringify(downloads());
  const linked = screenFiles();
  const manifest = await printPublications({
    siteDir,
    log: (line) => console.log(`print: ${line}`),
    marks: values.marks,
    press: values.press,
    cacheDir: values['no-cache'] ? null : undefined,
  });
  const press = manifest.filter((e) => e.variant === 'press').length;
  if (screenFiles() !== linked) {
    console.warn(`warning: the screen PDFs changed, but the site's download links still give the previous pages and sizes.\n  Hint: run npm run build (with the same options) to update the site as well.`);
  }
  console.log(`print: ${manifest.length - press} screen and ${press} press PDF(s) in ${values.site}/print/, listed in manifest.json; order sheet: ${values.site}/print/order-sheet.pdf (and .csv)`);
}

await main().catch(reportFailure);
