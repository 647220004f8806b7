/**
 * Global setup of the `build` and `browser` projects: builds the fixture site (web pages and PDFs)
 * with the real build command, and starts one Chromium that every test file connects to.
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
import { chromiumFlags, offlineFlag } from '../../src/print/browser.ts';
import { resolveBuildConfig } from '../../src/build/config.ts';

const chromiumPath = resolveBuildConfig().print.chromium;
import { runBuild, type BuildRun } from './build.ts';
import { ensurePictureFixture } from './picture-fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built fixture site (what `dist/` would hold). */
    fixtureSite: string;
    /** What the fixture build printed, for the test of the build command itself. */
    fixtureBuild: Pick<BuildRun, 'status' | 'output'>;
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
  // No cache: the tests must see Paged.js lay out every publication, not a stored PDF. With --press:
  // each layout gives both the screen PDF and the CMYK press PDF (and the order sheet for those), so
  // the press checks of test/build/print.test.ts need no second layout of every publication. A
  // document that hangs is tried again after a minute rather than the default three: the fixture's
  // largest takes about 10 s on a loaded machine.
  const [build, browser] = await Promise.all([
    runBuild(['--content', 'test/fixtures/site/content', '--out', out, '--no-cache', '--press'], { PRESS_RENDER_TIMEOUT: '60' }),
    chromium.launchServer({ executablePath: chromiumPath, args: [...chromiumFlags, offlineFlag], host: '127.0.0.1' }),
  ]);
  const teardown = async () => {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  };
  if (build.status !== 0) {
    await teardown();
    throw new Error(`The fixture site did not build:\n${build.output}`);
  }
  vitest.provide('fixtureSite', out);
  vitest.provide('fixtureBuild', { status: build.status, output: build.output });
  vitest.provide('chromiumEndpoint', browser.wsEndpoint());
  return teardown;
}
