/**
 * Global setup of the `build` and `browser` projects: starts the fixture site's build (web pages
 * and PDFs, with the real build command) and one Chromium that every test file connects to.
 *
 * The build is not awaited here: it goes on in the background while the unit and studio files run
 * (helpers/sequencer.ts hands those to the workers first), and each build or browser file waits for
 * it before it is collected (helpers/fixture-ready.ts, the projects' setup file). It writes its
 * result to a file (`fixtureResult`) when it ends.
 *
 * Both projects list this file and Vitest runs each project's global setup, so the first run
 * provides its results to the whole test run (the root project's context, which every project
 * inherits) and the second finds them there: one build and one browser per `npm test`. A run of the
 * unit project alone never comes here.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { writeAtomically } from '../../src/cache/store.ts';
import { chromiumFlags, offlineFlag } from '../../src/print/browser.ts';
import { resolveBuildConfig } from '../../src/build/config.ts';
import { runBuild } from './build.ts';
import type { FixtureBuild } from './fixture-ready.ts';
import { ensurePictureFixture } from './picture-fixture.ts';

const chromiumPath = resolveBuildConfig().print.chromium;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture site (what `dist/` would hold), once fixtureResult is written. */
    fixtureSite: string;
    /** The file the fixture build's result (FixtureBuild) is written to when it ends. */
    fixtureResult: string;
    /** Where the shared Chromium listens (playwright-core's `chromium.connect`). */
    chromiumEndpoint: string;
  }
}

export default async function setup({ vitest }: TestProject) {
  if (vitest.getProvidedContext().fixtureSite) return;
  if (!existsSync(chromiumPath)) throw new Error(`Chromium was not found at ${chromiumPath}. Run "npm run setup", or set PRESS_CHROMIUM.`);

  await ensurePictureFixture();
  const work = mkdtempSync(join(tmpdir(), 'press-fixture-'));
  const out = join(work, 'dist');
  const result = join(work, 'build.json');
  // No cache: the tests must see Paged.js lay out every publication, not a stored PDF. With --press:
  // each layout gives both the screen PDF and the CMYK press PDF (and the order sheet for those), so
  // the press checks of test/build/print.test.ts need no second layout of every publication. A
  // document that hangs is tried again after a minute rather than the default three: the fixture's
  // largest takes about 10 s on a loaded machine.
  const building = runBuild(['--content', 'test/fixtures/site/content', '--out', out, '--no-cache', '--press'], { PRESS_RENDER_TIMEOUT: '60' }).then(
    ({ status, output }): FixtureBuild => ({ status, output }),
    (error: unknown): FixtureBuild => ({ status: null, output: `npm run build did not start: ${String(error)}` }),
  );
  const ended = building.then((build) => writeAtomically(result, JSON.stringify(build)));
  const browser = await chromium.launchServer({ executablePath: chromiumPath, args: [...chromiumFlags, offlineFlag], host: '127.0.0.1' });
  vitest.provide('fixtureSite', out);
  vitest.provide('fixtureResult', result);
  vitest.provide('chromiumEndpoint', browser.wsEndpoint());
  return async () => {
    await ended;
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  };
}
