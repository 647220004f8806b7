/**
 * Four projects (`--project <name>` runs one):
 *   unit     pure logic and in-process checks (test/unit/), no global setup: seconds;
 *   build    the built fixture site, its PDFs and the commands end to end (test/build/);
 *   browser  the built fixture site in Chromium (test/browser/);
 *   studio   `npm run studio` in a copy of the project with fixture content, in Chromium (test/studio/):
 *            its own dev server and browser, no fixture build: it runs while the fixture site builds.
 * build and browser share one global setup (helpers/fixture-setup.ts) that starts the fixture site's
 * build and one Chromium once per run; the build goes on while unit and studio files run
 * (helpers/sequencer.ts), and build and browser files wait for it (helpers/fixture-ready.ts).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { FixtureLastSequencer } from './helpers/sequencer.ts';

const fixtureSetup = 'test/helpers/fixture-setup.ts';
const fixtureReady = 'test/helpers/fixture-ready.ts';

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    // At least two files at once, even on two cores (Vitest's default there is one): most of a build
    // or browser test's time is spent in Chromium or a child build, not in the test worker.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Tests marked concurrent (browser pages side by side) run at most three at a time.
    maxConcurrency: 3,
    testTimeout: 120_000,
    // Pagefind's WebAssembly can take seconds to start on a loaded machine; a wrong answer still fails.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 300_000,
    // Unit and studio files first, while the fixture site builds (helpers/sequencer.ts).
    sequence: { sequencer: FixtureLastSequencer },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], globalSetup: [fixtureSetup], setupFiles: [fixtureReady] } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: [fixtureSetup], setupFiles: [fixtureReady] } },
      // Beside the others: each studio under test runs in a copy of the project (helpers/studio.ts),
      // so Astro's per-project state in .astro/ (content module maps, the dev data store, the build
      // lock) is its own, not the one the fixture builds in this folder use.
      { extends: true, test: { name: 'studio', include: ['test/studio/**/*.test.ts'] } },
    ],
  },
});
