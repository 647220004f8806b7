/**
 * `npm run bench -- site [--articles <n>]`: what `npm run build` costs, against a vanilla Astro +
 * @astrojs/mdx project on the same articles, in the same run.
 *
 * The content is the sample content (content/) plus synthetic articles (scripts/bench-content.ts):
 * 200 articles in every language by default, and one more bulletin issue. Builds, each a child
 * process measured for wall time and peak memory:
 *
 *   vanilla      a minimal Astro 7 + MDX project made in a temp folder: the glob loader over the same
 *                article files, one page per entry, a plain layout; it runs with this project's
 *                node_modules (a symlink), so nothing is installed
 *   ours, cold   `npm run build` (scripts/build.ts with package.json's Node options) with empty
 *                caches (its own --cache-dir, emptied first): site, every PDF laid out, figures, search
 *   ours, warm   the same again with nothing changed: no PDF is laid out (the whole-build record,
 *                src/build/build-record.ts, finds nothing to do)
 *   one edit     the same again after one article's English text was edited (then put back): the
 *                site is rendered again, PDFs and search from their caches; reported, no target
 *
 * They alternate for BENCH_ROUNDS rounds (3), vanilla going first in turn: on a shared 2-core machine
 * one build varies by ±0.5 s. Each verdict takes the larger of the median of the rounds' ratios and
 * the ratio of the medians. Targets: cold ≤ 2.0 × vanilla, warm ≤ 1.3 × vanilla with no PDF laid out,
 * the largest single process ≤ 1.3 GB. Never fails on a target. The memory of all processes together
 * comes from one more untimed build of each kind (polling it slows the build it polls). Each build's
 * CPU time (the whole machine's, while it ran) is reported beside its wall time, with the cold build's
 * floor: its CPU time spread over every core, below which no wall time can go.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { childEnvironment, resolveBuildConfig, useProductionEnvironment } from '../src/build/config.ts';
import { parseCommandLine } from '../src/cli/arguments.ts';
import { formatProblems } from '../src/content/problems.ts';
import { checkContentFolder } from '../src/content/read.ts';
import { localeIds } from '../src/i18n/locales.ts';
import { syntheticContent } from './bench-content.ts';
import { load, machine, measure, median, megabytes, runBench, seconds, type Measured } from './bench-common.ts';

const args = parseCommandLine('npm run bench -- site', { articles: { type: 'string', description: 'synthetic articles, each in every language (200)' } }, { argv: process.argv.slice(3) });
const articles = Number(args?.values.articles ?? '200');
const { rounds } = resolveBuildConfig().bench;

const project = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'press-bench-site-'));
const content = join(work, 'content');
const vanilla = join(work, 'vanilla');
const caches = join(work, 'caches');

const gigabyte = 1.3 * 2 ** 30;

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
  if (!args) throw new Error('see the usage above.');
  console.log(`bench: machine: ${machine()}`);
  console.log(`bench: ${load()}`);
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles takes a whole number of articles, not "${args.values.articles}".`);
  cpSync(join(project, 'content'), content, { recursive: true });
  for (const file of syntheticContent(articles)) writeFiles(content, { [file.path]: file.text });
  const { problems } = checkContentFolder(content, 'bench-content');
  if (problems.some((p) => p.severity === 'error')) throw new Error(`the bench content does not pass the content check:\n${formatProblems(problems)}`);
  console.log(`bench: content: the sample content plus ${articles} articles × ${localeIds.length} languages, one more bulletin issue`);
  writeVanillaProject();

  const node = process.execPath;
  // Both builds run as npm run build does: a production build, whatever environment the bench has.
  const env = childEnvironment();
  useProductionEnvironment(env);
  const nodeOptions = buildNodeOptions();
  const out = join(work, 'out');
  const build = (treeMemory = false) => measure(node, [...nodeOptions, 'scripts/build.ts', '--content', content, '--out', out, '--cache-dir', caches], { cwd: project, env, treeMemory });

  const cold: Measured[] = [];
  const warm: Measured[] = [];
  const edited: Measured[] = [];
  // An editor's usual next build: one article's English text edited (in no publication), then put back.
  const editedFile = join(content, 'articles', 'article-001', 'en.mdx');
  const original = readFileSync(editedFile, 'utf8');
  const vanillas: Measured[] = [];
  const vanillaBuild = (treeMemory = false) => {
    rmSync(join(vanilla, '.astro-cache'), { recursive: true, force: true });
    rmSync(join(vanilla, 'dist'), { recursive: true, force: true });
    return measure(node, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], { cwd: vanilla, env, treeMemory });
  };
  const buildVanilla = async () => {
    vanillas.push(check('the vanilla build', await vanillaBuild()));
  };
  // Cold: empty caches and no earlier output, as on a fresh checkout (the emptying is not timed).
  const coldBuild = (treeMemory = false) => {
    rmSync(caches, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    return build(treeMemory);
  };
  const buildOurs = async () => {
    cold.push(check('the cold build', await coldBuild()));
    warm.push(check('the warm build', await build()));
    writeFileSync(editedFile, `${original}\nOne more paragraph, written after the last build.\n`);
    edited.push(check('the build after an edit', await build()));
    writeFileSync(editedFile, original);
  };
  console.log(`bench: vanilla Astro + MDX, and npm run build (node ${nodeOptions.join(' ')}) cold then warm, ${rounds} rounds…`);
  for (let round = 1; round <= rounds; round++) {
    // Each goes first in turn: the first build of a round finds colder disk caches.
    for (const step of round % 2 ? [buildVanilla, buildOurs] : [buildOurs, buildVanilla]) await step();
    console.log(`bench: round ${round}/${rounds}: vanilla ${seconds(vanillas.at(-1)!.ms)}, cold ${seconds(cold.at(-1)!.ms)}, warm ${seconds(warm.at(-1)!.ms)}, one article edited ${seconds(edited.at(-1)!.ms)}`);
  }
  // The whole tree's memory, from one more untimed build each (polling it slows what it polls).
  console.log('bench: one more vanilla, cold and warm build each, untimed, for the memory of all their processes…');
  const treeMemory = { vanilla: check('the vanilla build', await vanillaBuild(true)).peakTree, cold: check('the cold build', await coldBuild(true)).peakTree, warm: check('the warm build', await build(true)).peakTree };
  const summary = (runs: Measured[], peakTree: number) => ({ ...runs[0]!, ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), peakProcess: Math.max(...runs.map((r) => r.peakProcess)), peakTree });
  const base = summary(vanillas, treeMemory.vanilla);
  const coldSummary = summary(cold, treeMemory.cold);
  const pages = { ours: countPages(out), vanilla: countPages(join(vanilla, 'dist')) };
  const pdfs = readdirSync(join(out, 'print')).filter((f) => f.endsWith('.pdf')).length;
  const laidOut = (run: Measured) => (run.stdout.match(/^print: .*: \d+ pages, laid out/gm) ?? []).length;
  const sitePart = (run: Measured) => /site: built in ([\d.]+ s)/.exec(run.stdout)?.[1] ?? '?';
  console.log(`bench: ${'build'.padEnd(28)} ${'time'.padStart(8)} ${'× vanilla'.padStart(10)} ${'CPU'.padStart(8)} ${'× vanilla'.padStart(10)} ${'peak RSS'.padStart(9)} ${'tree PSS'.padStart(9)}  output`);
  const rows: Array<[string, Measured, string]> = [
    ['vanilla Astro + MDX, median', base, `${pages.vanilla} pages`],
    ['npm run build cold, median', coldSummary, `${pages.ours} pages, ${pdfs} PDFs, ${laidOut(cold.at(-1)!)} laid out; site part ${sitePart(cold.at(-1)!)}`],
    ['npm run build warm, median', summary(warm, treeMemory.warm), `${laidOut(warm.at(-1)!)} PDFs laid out; ${/^site: nothing changed/m.test(warm.at(-1)!.stdout) ? 'nothing to do (the whole-build record)' : `site part ${sitePart(warm.at(-1)!)}`}`],
    ['one article edited, median', summary(edited, 0), `${laidOut(edited.at(-1)!)} PDFs laid out; site part ${sitePart(edited.at(-1)!)} (no target; tree PSS not sampled)`],
  ];
  for (const [name, run, note] of rows) {
    console.log(`bench: ${name.padEnd(28)} ${seconds(run.ms).padStart(8)} ${`${(run.ms / base.ms).toFixed(2)}×`.padStart(10)} ${seconds(run.cpuMs).padStart(8)} ${`${(run.cpuMs / base.cpuMs).toFixed(2)}×`.padStart(10)} ${megabytes(run.peakProcess).padStart(9)} ${megabytes(run.peakTree).padStart(9)}  ${note}`);
  }
  console.log(`bench: CPU: what the whole machine spent while a build ran (every core's busy time; Chromium's processes and the kernel's work included), median`);
  console.log(`bench: peak RSS: the largest single process, Chromium's included (${base.method}); tree PSS: all processes together (shared pages once), sampled every 100 ms in one untimed build`);
  // A wall time cannot go below its CPU time spread over every core: when that floor is above a
  // target, no overlap of the stages meets it; only less work does.
  const floor = coldSummary.cpuMs / cpus().length;
  console.log(`bench: cold build's floor on ${cpus().length} cores (its CPU time / ${cpus().length}): ${seconds(floor)} = ${(floor / base.ms).toFixed(2)}× vanilla's median time`);
  // Each round's builds ran back to back, so a round's ratio is free of the machine's drift between
  // rounds; the verdict takes the larger of that median and the ratio of the medians.
  const verdict = (name: string, runs: Measured[], target: number, extra = true) => {
    const ratios = runs.map((run, i) => run.ms / vanillas[i]!.ms);
    const ratio = Math.max(median(ratios), median(runs.map((r) => r.ms)) / base.ms);
    console.log(`bench: ${name} / vanilla: ${ratio.toFixed(2)}× (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}); target ≤ ${target}×: ${ratio <= target && extra ? 'met' : 'NOT met'}`);
  };
  verdict('cold build', cold, 2.0);
  const warmLaidOut = Math.max(...warm.map(laidOut));
  verdict(`warm build (${warmLaidOut} PDFs laid out, target 0)`, warm, 1.3, warmLaidOut === 0);
  const peak = Math.max(...[...cold, ...warm, ...edited].map((r) => r.peakProcess));
  console.log(`bench: largest single process of npm run build: ${megabytes(peak)} (target ≤ ${megabytes(gigabyte)}): ${peak <= gigabyte ? 'met' : 'NOT met'}`);
}

await runBench(main, work);
