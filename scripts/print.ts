/**
 * `npm run print`: renders the PDFs again from an already built site, without rebuilding it.
 *
 *   node scripts/print.ts [--site <folder>] [--marks] [--press] [--no-cache]
 *
 * --marks   crop marks on the screen PDFs as well
 * --press   also write CMYK PDF/X press files (with crop marks and bleed) and the order sheet for them
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportFailure } from '../src/cli/report.ts';
import { printPublications } from '../src/print/stage.ts';

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
  const manifest = await printPublications({
    siteDir,
    log: (line) => console.log(`print: ${line}`),
    marks: values.marks,
    press: values.press,
    cacheDir: values['no-cache'] ? null : undefined,
  });
  console.log(`print: ${manifest.length} PDF(s) listed in ${values.site}/print/manifest.json`);
}

await main().catch(reportFailure);
