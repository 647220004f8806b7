/**
 * `npm run build` end to end, as an editor runs it: once on content with a mistake, and once on
 * good content (the fixture build every build and browser test reads, run by fixture-setup.ts).
 * Each content error's message is tested in-process (test/unit/content-errors.test.ts). Then again
 * and again on content that did not change: nothing to do, then a real build once the output was touched.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runBuild, type BuildRun } from '../helpers/build.ts';
import { fixtureBuild } from '../helpers/fixture-ready.ts';

describe('the build command on content with a mistake', () => {
  const work = mkdtempSync(join(tmpdir(), 'press-broken-'));
  const out = join(work, 'dist');
  let result: BuildRun;

  beforeAll(async () => {
    // A good build from yesterday must survive today's failed one.
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'the good site');
    result = await runBuild(['--content', 'test/fixtures/broken-frontmatter/content', '--out', out]);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exits with an error code', () => {
    expect(result.status).not.toBe(0);
  });

  it('prints the problems with file, line, field and hint, says nothing was built, and no stack trace', () => {
    expect(result.stderr).toContain('test/fixtures/broken-frontmatter/content/articles/tea-hills/vi.mdx:4  field "topic"');
    expect(result.stderr).toMatch(/Hint: .+/);
    expect(result.stderr).toContain('2 errors, 0 warnings in content.');
    expect(result.stderr).toContain(`Nothing was built; ${relative(process.cwd(), out)}/ is unchanged.`);
    expect(result.output).not.toMatch(/^\s+at .+:\d+/m);
  });

  it('leaves the previous dist/ untouched', () => {
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the good site');
    expect(existsSync(`${out}.staging`)).toBe(false);
  });
});

// Collected after the fixture build (helpers/fixture-ready.ts): its result is on disk.
const build = await fixtureBuild();

describe('the build command on good content', () => {
  const site = inject('fixtureSite');

  it('exits cleanly, reporting the site, the print run and the swap into the output folder', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/^site: built in [\d.]+ s$/m);
    expect(build.output).toMatch(/^print: /m);
    expect(build.output).toContain(`done: ${relative(process.cwd(), site)}/ in `);
  });

  it('leaves the site, its PDFs and search index in the output folder, and no staging folder', () => {
    for (const file of ['index.html', 'vi/index.html', 'print/manifest.json', 'pagefind/pagefind.js']) expect(existsSync(join(site, file)), file).toBe(true);
    expect(existsSync(`${site}.staging`)).toBe(false);
  });
});

describe('the build command again on content that did not change', () => {
  // An article with a cover and an inline photo: on the second build its entry comes from the
  // content cache, and its images must still be part of the build (they once were not, and the
  // page waited for them forever).
  const work = mkdtempSync(join(tmpdir(), 'press-again-'));
  const content = join(work, 'content');
  const caches = join(work, 'caches');
  const runs: BuildRun[] = [];
  const listings: string[][] = [];
  /** Every file of the output with its size and modification time. */
  const listing = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => `${f} ${statSync(join(dir, f)).size} ${statSync(join(dir, f)).mtimeMs}`).sort();
  /** The content check's warnings a build told (the photo here is small for print). */
  const warningsOf = (output: string) => output.split('\n').filter((line) => line.startsWith('warning ['));

  beforeAll(async () => {
    cpSync('test/fixtures/site/content/articles/beta', join(content, 'articles', 'beta'), { recursive: true });
    const args = ['--content', content, '--out', join(work, 'dist'), '--cache-dir', caches];
    runs.push(await runBuild(args, {}, 120_000));
    listings.push(listing(join(work, 'dist')));
    runs.push(await runBuild(args, {}, 120_000));
    listings.push(listing(join(work, 'dist')));
    // A file added to the output by hand: the next build is a real one.
    writeFileSync(join(work, 'dist', 'marker'), 'first build');
    runs.push(await runBuild(args, {}, 120_000));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('has nothing to do the second time: the output stays as the first build left it', () => {
    for (const run of runs) expect(run.status, run.output).toBe(0);
    expect(runs[1]!.output).toMatch(/^site: nothing changed since the build of /m);
    expect(runs[1]!.output).not.toMatch(/^search: |laid out/m);
    expect(listings[1]).toEqual(listings[0]);
    // The content's warnings are told again.
    expect(warningsOf(runs[0]!.output)).toHaveLength(2);
    expect(warningsOf(runs[1]!.output)).toEqual(warningsOf(runs[0]!.output));
  });

  it('builds again once the output was touched, reusing the caches', () => {
    expect(existsSync(join(work, 'dist', 'marker'))).toBe(false);
    expect(runs[2]!.output).toMatch(/^site: built in /m);
    expect(runs[2]!.output).toMatch(/^search: .*\(unchanged, from the cache\)$/m);
  });

  it('shows the article with its photos both times', () => {
    const page = readFileSync(join(work, 'dist', 'vi', 'articles', 'beta', 'index.html'), 'utf8');
    expect(page).toMatch(/<img[^>]+srcset=/);
  });
});
