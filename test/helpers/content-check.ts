/**
 * The build's first step in-process: the content check and the report an editor reads, as the
 * collections' loader (src/content/loader.ts) and scripts/build.ts run them before any page is
 * built, with what they print captured. Seconds
 * cheaper than a child build per case; test/build/build-command.test.ts runs the real command once.
 */
import { format } from 'node:util';
import { vi } from 'vitest';
import { describeError, reportProblems } from '../../src/cli/report.ts';
import { checkContentFolder } from '../../src/content/read.ts';
import { resolveBuildConfig } from '../../src/build/config.ts';

export interface ContentCheckRun {
  /** The check found an error: the build stops before building anything. */
  stops: boolean;
  /** What the editor reads on standard error. */
  stderr: string;
  /** Everything printed, standard output and error. */
  output: string;
}

export function checkContentAsBuild(folder: string): ContentCheckRun {
  const { content } = resolveBuildConfig({ content: folder }, {});
  const stdout: string[] = [];
  const stderr: string[] = [];
  const to = (lines: string[]) => (...args: unknown[]) => void lines.push(`${format(...args)}\n`);
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(to(stdout)),
    vi.spyOn(console, 'warn').mockImplementation(to(stderr)),
    vi.spyOn(console, 'error').mockImplementation(to(stderr)),
  ];
  let stops: boolean;
  try {
    const { problems } = checkContentFolder(content.dir, content.shown);
    stops = reportProblems(problems);
  } catch (error) {
    // What the build script's last resort (reportFailure) prints.
    stderr.push(`${describeError(error)}\n`);
    stops = true;
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return { stops, stderr: stderr.join(''), output: stdout.join('') + stderr.join('') };
}
