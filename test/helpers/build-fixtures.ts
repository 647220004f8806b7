/** Builds the fixture site (web pages and PDFs) once for all build tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runBuild } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: string;
  }
}

export default function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'press-fixture-'));
  const out = join(work, 'dist');
  // No cache: the tests must see Paged.js lay out every publication, not a stored PDF.
  const build = runBuild(['--content', 'test/fixtures/site/content', '--out', out, '--no-cache']);
  if (build.status !== 0) throw new Error(`The fixture site did not build:\n${build.output}`);
  project.provide('fixtureSite', out);
  return () => rmSync(work, { recursive: true, force: true });
}
