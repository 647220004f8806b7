/**
 * `npm run bench -- site [--articles <n>]`: how fast and how lean the site build is, against a
 * vanilla Astro + @astrojs/mdx project on the same content in the same run.
 *
 * The content is synthetic (scripts/bench-content.ts): 200 articles in every language by default,
 * plus one bulletin issue. Builds, each a child process measured for wall time and peak memory:
 *
 *   ours, site only   astro build of this project (what the site costs), with the Node options
 *                     `npm run build` uses (package.json)
 *   vanilla           a minimal Astro 7 + MDX project made in a temp folder: the glob loader over
 *                     the same MDX files, one page per entry, a plain layout; it runs with this
 *                     project's node_modules (a symlink), so nothing is installed
 *   ours, full build  scripts/build.ts: content check, site, print stage (PDFs), swap into place
 *
 * The first two alternate for BENCH_ROUNDS rounds (3), in turn going first: on a shared 2-core
 * machine one build varies by ±0.5 s. The verdict takes the larger of the median of the rounds'
 * ratios and the ratio of the medians. The full build runs once.
 * Targets: site build ≤ 1.3 × vanilla time; peak memory ≤ 1.5 GB. Never fails on a target.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblems } from '../src/content/problems.ts';
import { checkContentFolder } from '../src/content/read.ts';
import { localeIds } from '../src/i18n/locales.ts';
import { contentDirVariable, printManifestVariable } from '../src/project.ts';
import { syntheticContent } from './bench-content.ts';
import { load, machine, measure, median, megabytes, runBench, seconds, type Measured } from './bench-common.ts';

const { values } = parseArgs({ args: process.argv.slice(3), options: { articles: { type: 'string', default: '200' } } });
const articles = Number(values.articles);
/** Rounds of (ours, vanilla); BENCH_ROUNDS overrides. */
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS) || 3);

const project = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'press-bench-site-'));
const content = join(work, 'content');
const vanilla = join(work, 'vanilla');
// scripts/build.ts keeps Astro's cache per content folder under node_modules/.astro/<hash>; the
// bench's folder is new every run, so its cache is removed afterwards.
const buildCache = join(project, 'node_modules', '.astro', createHash('sha256').update(content).digest('hex').slice(0, 12));

const gigabyte = 1.5 * 2 ** 30;

function writeFiles(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

/** The baseline: what a plain Astro + MDX site over the same files looks like. */
function writeVanillaProject() {
  writeFiles(vanilla, {
    'package.json': JSON.stringify({ name: 'vanilla-astro-mdx', private: true, type: 'module' }, null, 2),
    // Its own cache folder: node_modules is the project's, and so would be its default cache.
    'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
export default defineConfig({ integrations: [mdx()], cacheDir: './.astro-cache' });
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  articles: defineCollection({
    loader: glob({ base: ${JSON.stringify(join(content, 'articles'))}, pattern: '*/*.mdx' }),
    schema: z.object({ title: z.string(), summary: z.string(), topic: z.string(), date: z.coerce.date(), translatedFrom: z.string().optional() }),
  }),
};
`,
    'src/layouts/Plain.astro': `---
const { lang, title } = Astro.props;
---
<!doctype html>
<html lang={lang}>
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><main><slot /></main></body>
</html>
`,
    'src/pages/[locale]/articles/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Plain from '../../../layouts/Plain.astro';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => {
    const [slug, locale] = entry.id.split('/');
    return { params: { locale, slug }, props: { entry } };
  });
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Plain lang={Astro.params.locale} title={entry.data.title}>
  <h1>{entry.data.title}</h1>
  <p>{entry.data.summary}</p>
  <Content />
</Plain>
`,
  });
  symlinkSync(join(project, 'node_modules'), join(vanilla, 'node_modules'), 'dir');
}

/** The Node options `npm run build` starts the build with: the bench builds the site the same way. */
function buildNodeOptions(): string[] {
  const script = (JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.build ?? '';
  const options = /^node\s+(.*?)\s*scripts\/build\.ts/.exec(script)?.[1];
  if (options === undefined) throw new Error(`package.json's build script is "${script}"; the bench expects "node [options] scripts/build.ts".`);
  return options.split(/\s+/).filter(Boolean);
}

function check(name: string, run: Measured): Measured {
  if (run.status !== 0) throw new Error(`${name} failed (exit ${run.status}):\n${(run.stderr || run.stdout).trim().split('\n').slice(-20).join('\n')}`);
  return run;
}

async function main() {
  console.log(`bench: machine: ${machine()}`);
  console.log(`bench: ${load()}`);
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles takes a whole number of articles, not "${values.articles}".`);

  for (const file of syntheticContent(articles)) writeFiles(content, { [file.path]: file.text });
  const { problems } = checkContentFolder(content, 'bench-content');
  if (problems.length) throw new Error(`the synthetic content does not pass the content check:\n${formatProblems(problems)}`);
  const mdxFiles = articles * localeIds.length;
  console.log(`bench: content: ${articles} articles × ${localeIds.length} languages = ${mdxFiles} MDX files, one bulletin issue`);
  writeVanillaProject();

  const node = process.execPath;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', [contentDirVariable]: content, PRESS_NO_CACHE: '1', [printManifestVariable]: join(work, 'no-manifest.json') };
  for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[key];

  const siteOut = join(work, 'out-site');
  const astroCache = join(work, 'astro-cache');
  // The same call scripts/build.ts makes, without the content check and print stage around it.
  const astroOnly = `const { build } = await import('astro');
await build({ root: process.cwd(), outDir: ${JSON.stringify(siteOut)}, logLevel: 'warn', cacheDir: ${JSON.stringify(astroCache)} });`;
  const nodeOptions = buildNodeOptions();
  const ours: Measured[] = [];
  const vanillas: Measured[] = [];
  const buildOurs = async () => {
    // Every round starts cold and into an empty folder, as a build on a fresh checkout does
    // (scripts/build.ts always builds into a new folder): emptying the last round's output is not timed.
    rmSync(astroCache, { recursive: true, force: true });
    rmSync(siteOut, { recursive: true, force: true });
    ours.push(check('the site build', await measure(node, [...nodeOptions, '--input-type=module', '-e', astroOnly], { cwd: project, env })));
  };
  const buildVanilla = async () => {
    rmSync(join(vanilla, '.astro-cache'), { recursive: true, force: true });
    rmSync(join(vanilla, 'dist'), { recursive: true, force: true });
    vanillas.push(check('the vanilla build', await measure(node, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], { cwd: vanilla, env })));
  };
  console.log(`bench: ours, site only (astro build${nodeOptions.length ? `, node ${nodeOptions.join(' ')}` : ''}) and vanilla Astro + MDX, ${rounds} rounds…`);
  for (let round = 1; round <= rounds; round++) {
    // Each goes first in turn: the first build of a pair finds colder disk caches.
    for (const build of round % 2 ? [buildOurs, buildVanilla] : [buildVanilla, buildOurs]) await build();
    console.log(`bench: round ${round}/${rounds}: ours ${seconds(ours.at(-1)!.ms)}, vanilla ${seconds(vanillas.at(-1)!.ms)}`);
  }
  const site = { ...ours[0]!, ms: median(ours.map((r) => r.ms)), peakProcess: Math.max(...ours.map((r) => r.peakProcess)), peakTree: Math.max(...ours.map((r) => r.peakTree)) };
  const base = { ...vanillas[0]!, ms: median(vanillas.map((r) => r.ms)), peakProcess: Math.max(...vanillas.map((r) => r.peakProcess)), peakTree: Math.max(...vanillas.map((r) => r.peakTree)) };

  console.log('bench: ours, full build (scripts/build.ts --no-cache)…');
  const fullOut = join(work, 'out-full');
  const full = check('the full build', await measure(node, [...nodeOptions, 'scripts/build.ts', '--content', content, '--out', fullOut, '--no-cache'], { cwd: project, env }));
  const siteInFull = /site: built in ([\d.]+) s/.exec(full.stdout)?.[1];

  const pages = { site: countPages(siteOut), vanilla: countPages(join(vanilla, 'dist')), full: countPages(fullOut) };
  const pdfs = readdirSync(join(fullOut, 'print')).filter((f) => f.endsWith('.pdf')).length;
  const rows: Array<[string, Measured, string]> = [
    [`vanilla Astro + MDX, median`, base, `${pages.vanilla} pages`],
    [`ours, site only, median`, site, `${pages.site} pages`],
    ['ours, full build', full, `${pages.full} pages, ${pdfs} PDFs${siteInFull ? `; site part ${siteInFull} s` : ''}`],
  ];
  console.log(`bench: ${'build'.padEnd(30)} ${'time'.padStart(8)} ${'× vanilla'.padStart(10)} ${'peak RSS'.padStart(9)} ${'tree PSS'.padStart(9)}  output`);
  for (const [name, run, note] of rows) {
    console.log(`bench: ${name.padEnd(30)} ${seconds(run.ms).padStart(8)} ${`${(run.ms / base.ms).toFixed(2)}×`.padStart(10)} ${megabytes(run.peakProcess).padStart(9)} ${megabytes(run.peakTree).padStart(9)}  ${note}`);
  }
  console.log(`bench: peak RSS: the largest single process (${site.method}); tree PSS: all its processes together (shared pages counted once), Chromium included, sampled every 100 ms`);
  // Each round's two builds ran back to back, so the round's ratio is free of the machine's drift
  // between rounds; the verdict takes the median of those, the larger of the two estimates as a rule.
  const roundRatios = ours.map((run, i) => run.ms / vanillas[i]!.ms);
  const ratio = Math.max(median(roundRatios), site.ms / base.ms);
  console.log(`bench: site build / vanilla: median of the round ratios ${median(roundRatios).toFixed(2)}× (rounds ${roundRatios.map((r) => r.toFixed(2)).join(', ')}), ratio of the medians ${(site.ms / base.ms).toFixed(2)}×; target ≤ 1.3×: ${ratio <= 1.3 ? 'met' : 'NOT met'}`);
  console.log(`bench: per page: ours ${((site.ms / pages.site) * 1000).toFixed(0)} µs, vanilla ${((base.ms / pages.vanilla) * 1000).toFixed(0)} µs (ours builds home, topic, bulletin and print pages too)`);
  // The target is the site build's, as compared with vanilla; the full build adds Chromium printing PDFs.
  const peak = Math.max(site.peakProcess, site.peakTree);
  console.log(`bench: peak memory of the site build: ${megabytes(peak)} (target ≤ ${megabytes(gigabyte)}): ${peak <= gigabyte ? 'met' : 'NOT met'}; full build with Chromium: ${megabytes(full.peakTree)} in all`);
}

await runBench(main, work, buildCache);
