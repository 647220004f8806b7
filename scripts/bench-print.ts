/**
 * `npm run bench` (or `npm run bench -- print`): how fast print is, against pagedjs-cli 0.4.3 on
 * the same documents in the same run (Debian's Chromium for both). Reports cold and warm times as
 * ratios, with the machine and its load.
 *
 *   cold  our renderer with an empty cache: one Chromium, documents laid out concurrently
 *   warm  our renderer again, nothing changed: every PDF comes from the cache
 *   pagedjs-cli: one browser launch per document, as its command line works
 * Cold runs and pagedjs-cli runs alternate for BENCH_ROUNDS rounds (3); medians are compared.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnvironment, resolveBuildConfig } from '../src/build/config.ts';
import { printOptions as printOptionsOf } from '../src/build/print-options.ts';
import { load, machine, median, runBench, seconds } from './bench-common.ts';
import { findPublications, printPublications } from '../src/print/stage.ts';
import { printPagePath } from '../src/print/publication.ts';
import { serveSite } from '../src/server/static-server.ts';

const work = mkdtempSync(join(tmpdir(), 'press-bench-'));
const site = join(work, 'site');
const run = promisify(execFile);
/** Rounds of (ours cold, pagedjs-cli); BENCH_ROUNDS overrides. */
const config = resolveBuildConfig();
const { rounds } = config.bench;
const printOptions = printOptionsOf(config, site);
const chromiumPath = config.print.chromium;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main() {
  console.log(`bench: machine: ${machine()}`);
  console.log(`bench: ${load()}`);
  console.log('bench: building the site and print pages once…');
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', site, '--no-cache'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  const documents = findPublications(site);
  console.log(`bench: ${documents.length} documents (${documents.map((d) => `${d.kind} ${d.locale}`).join(', ')})`);

  const cli = join(process.cwd(), 'node_modules', '.bin', 'pagedjs-cli');
  const server = existsSync(cli) ? await serveSite(site) : undefined;
  const pagedjsCli = () =>
    timed(async () => {
      for (const doc of documents) {
        // Asynchronous: the site is served from this very process.
        await run(process.execPath, [cli, `${server!.url}${printPagePath(doc)}`, '-o', join(work, 'cli.pdf'), '--browserArgs', '--no-sandbox,--disable-gpu,--disable-background-networking,--disable-component-update,--disable-sync'], {
          env: childEnvironment({ PUPPETEER_EXECUTABLE_PATH: chromiumPath, PUPPETEER_SKIP_DOWNLOAD: '1' }),
        }).catch((error: { stderr?: string }) => {
          throw new Error(`pagedjs-cli failed on ${printPagePath(doc)}: ${error.stderr ?? error}`);
        });
      }
    });

  // Rounds alternate the two renderers, so a busy moment of the machine weighs on both alike.
  const cold: number[] = [];
  const baseline: number[] = [];
  let cacheDir = '';
  try {
    for (let round = 1; round <= rounds; round++) {
      cacheDir = join(work, `cache-${round}`);
      cold.push(await timed(() => printPublications({ ...printOptions, cacheDir })));
      if (server) baseline.push(await pagedjsCli());
      console.log(`bench: round ${round}/${rounds}: ours cold ${seconds(cold.at(-1)!)}${server ? `, pagedjs-cli ${seconds(baseline.at(-1)!)}` : ''}`);
    }
  } finally {
    await server?.close();
  }
  const warm = await timed(() => printPublications({ ...printOptions, cacheDir }));

  const rows: Array<[string, number]> = [
    [`ours, cold (empty cache), median of ${rounds}`, median(cold)],
    ['ours, warm (no content change)', warm],
    ...(server ? ([[`pagedjs-cli 0.4.3, median of ${rounds}`, median(baseline)]] as Array<[string, number]>) : []),
  ];
  for (const [name, ms] of rows) console.log(`bench: ${name.padEnd(42)} ${seconds(ms).padStart(8)}`);
  if (server) {
    const ratios = baseline.map((b, i) => b / cold[i]!);
    const speedUp = median(baseline) / median(cold);
    console.log(`bench: speed-up cold vs pagedjs-cli 0.4.3: ${speedUp.toFixed(2)}× (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}); target ≥ 2.5×: ${speedUp >= 2.5 ? 'met' : 'NOT met'}`);
  } else {
    console.log('bench: pagedjs-cli is not installed; no baseline ratio');
  }
  console.log(`bench: warm rebuild / cold: ${((warm / median(cold)) * 100).toFixed(1)} % (target ≤ 15 %)`);
}

await runBench(main, work);
