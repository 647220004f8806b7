/**
 * `npm run print`: renders the PDFs again from an already built site, without rebuilding it.
 *
 *   node scripts/print.ts [--site <folder>]
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportFailure } from '../src/cli/report.ts';
import { printPublications } from '../src/print/stage.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });

async function main() {
  const siteDir = resolve(values.site);
  if (!existsSync(join(siteDir, 'print'))) {
    console.error(`error: ${values.site}/print/ does not exist.\n  Hint: run "npm run build" first; it builds the site and the print pages.`);
    process.exitCode = 1;
    return;
  }
  const manifest = await printPublications({ siteDir, log: (line) => console.log(`print: ${line}`) });
  console.log(`print: ${manifest.length} PDF(s) listed in ${values.site}/print/manifest.json`);
}

await main().catch(reportFailure);
