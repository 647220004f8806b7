/**
 * The setup file of the `build` and `browser` projects: a test file of theirs is collected only once
 * the fixture site is built (helpers/fixture-setup.ts starts the build and goes on), and fails with
 * the build's own output when it did not build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { BuildRun } from './build.ts';

export type FixtureBuild = Pick<BuildRun, 'status' | 'output'>;

/** What the fixture build printed and how it ended, once it has. */
export async function fixtureBuild(): Promise<FixtureBuild> {
  const result = inject('fixtureResult');
  while (!existsSync(result)) await new Promise((resolve) => setTimeout(resolve, 250));
  return JSON.parse(readFileSync(result, 'utf8')) as FixtureBuild;
}

const build = await fixtureBuild();
if (build.status !== 0) throw new Error(`The fixture site did not build (exit ${build.status}):\n${build.output}`);
