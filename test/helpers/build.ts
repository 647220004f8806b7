import { spawnSync } from 'node:child_process';

/** Runs `npm run build`'s script the way an editor does, in a child process. */
export function runBuild(args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/build.ts', ...args], { encoding: 'utf8', env: { ...process.env, PRESS_DEBUG: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}
