/**
 * `npm run bench` (or `npm run bench -- print`): how fast print is, against pagedjs-cli 0.4.3 on
 * the same documents in the same run (Debian's Chromium for both). Reports cold and warm times as ratios, with the machine.
 *
 *   cold  our renderer with an empty cache: one Chromium, two documents at a time
 *   warm  our renderer again, nothing changed: every PDF comes from the cache
 *   pagedjs-cli: one browser launch per document, as its command line works
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../src/print/browser.ts';
import { machine } from './bench-common.ts';
import { findPublications, printPublications } from '../src/print/stage.ts';
import { printPagePath } from '../src/print/publication.ts';
import { serveSite } from '../src/site/static-server.ts';

const work = mkdtempSync(join(tmpdir(), 'press-bench-'));
const site = join(work, 'site');
const run = promisify(execFile);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main() {
  console.log(`bench: machine: ${machine()}`);
  console.log('bench: building the site and print pages once…');
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', site, '--no-cache'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  const documents = findPublications(site);
  console.log(`bench: ${documents.length} documents (${documents.map((d) => `${d.kind} ${d.locale}`).join(', ')})`);

  const cacheDir = join(work, 'cache');
  const quiet = () => {};
  const cold = await timed(() => printPublications({ siteDir: site, log: quiet, cacheDir }));
  const warm = await timed(() => printPublications({ siteDir: site, log: quiet, cacheDir }));

  const cli = join(process.cwd(), 'node_modules', '.bin', 'pagedjs-cli');
  let baseline: { name: string; cold: number; warm: number } | undefined;
  if (existsSync(cli)) {
    const server = await serveSite(site);
    const runAll = () =>
      timed(async () => {
        for (const doc of documents) {
          // Asynchronous: the site is served from this very process.
          await run(process.execPath, [cli, `${server.url}${printPagePath(doc)}`, '-o', join(work, 'cli.pdf'), '--browserArgs', '--no-sandbox,--disable-gpu,--disable-background-networking,--disable-component-update,--disable-sync'], {
            env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromiumPath, PUPPETEER_SKIP_DOWNLOAD: '1' },
          }).catch((error: { stderr?: string }) => {
            throw new Error(`pagedjs-cli failed on ${printPagePath(doc)}: ${error.stderr ?? error}`);
          });
        }
      });
    try {
      baseline = { name: 'pagedjs-cli 0.4.3', cold: await runAll(), warm: await runAll() };
    } finally {
      await server.close();
    }
  }

  const rows: Array<[string, number]> = [
    ['ours, cold (empty cache)', cold],
    ['ours, warm (no content change)', warm],
    ...(baseline ? ([[`${baseline.name}, first run`, baseline.cold], [`${baseline.name}, second run`, baseline.warm]] as Array<[string, number]>) : []),
  ];
  for (const [name, ms] of rows) console.log(`bench: ${name.padEnd(34)} ${seconds(ms).padStart(8)}`);
  if (baseline) {
    console.log(`bench: speed-up cold vs ${baseline.name}: ${(baseline.cold / cold).toFixed(2)}× (target ≥ 2×)`);
  } else {
    console.log('bench: pagedjs-cli is not installed; no baseline ratio');
  }
  console.log(`bench: warm rebuild / cold: ${((warm / cold) * 100).toFixed(1)} % (target ≤ 15 %)`);
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
