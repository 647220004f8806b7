import { spawn } from 'node:child_process';

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * Runs `npm run build -- <args>` in a child process, exactly the command an editor types (with
 * package.json's Node options), without PRESS_DEBUG so messages are what the editor sees.
 * Asynchronous: the test worker and the other builds go on meanwhile.
 */
export function runBuild(args: string[], env: Record<string, string> = {}, timeoutMs?: number): Promise<BuildRun> {
  // A time limit turns a build that hangs into a failed one (killed, status null) with its output so far.
  const child = spawn('npm', ['run', 'build', '--', ...args], { env: { ...process.env, PRESS_DEBUG: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' as const } : {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, output: stdout + stderr }));
  });
}
