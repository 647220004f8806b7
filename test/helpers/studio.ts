/**
 * A studio on a fixture copy of the content, for the studio tests: the real `npm run studio`
 * command in a child process (as an editor starts it), on a free port, with its own content and
 * dist folders so nothing the tests write reaches the fixtures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnvironment } from '../../src/build/config.ts';
import { ensurePictureFixture } from './picture-fixture.ts';

/** The environment without the variables Vitest sets (NODE_ENV=test and its own), as a terminal would have it. */
function environment(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = childEnvironment(extra);
  for (const key of ['NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']) delete env[key];
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

export interface TestStudio {
  url: string;
  /** The content folder the studio edits. */
  content: string;
  /** Where its Build button writes the site. */
  out: string;
  /** The project folder it runs in: this one, or a copy (`project: true`) whose locales/ it may change. */
  root: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * With `project`, the studio runs in a copy of the project (code and languages, node_modules linked),
 * so what it writes into locales/ (a new language) stays in the copy.
 */
export async function startTestStudio(args: string[] = [], env: Record<string, string> = {}, { project = false }: { project?: boolean } = {}): Promise<TestStudio> {
  // The picture article's images are made, not kept in git: a fresh checkout has them only after this.
  await ensurePictureFixture();
  const work = mkdtempSync(join(tmpdir(), 'press-studio-'));
  const content = join(work, 'content');
  const out = join(work, 'dist');
  cpSync('test/fixtures/site/content', content, { recursive: true });
  const root = project ? join(work, 'project') : process.cwd();
  if (project) {
    for (const entry of ['src', 'locales', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      if (existsSync(entry)) cpSync(entry, join(root, entry), { recursive: true });
    }
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  }
  const child: ChildProcess = spawn(process.execPath, ['scripts/studio.ts', '--port', '0', '--content', content, '--out', out, ...args], {
    cwd: root,
    env: environment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^studio: (http:\/\/\S+)$/m.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
        resolve({
          url: match[1]!,
          content,
          out,
          root,
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => {
                rmSync(work, { recursive: true, force: true });
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(Object.assign(new Error(`The studio stopped (${code}):\n${output}`), { output, code })));
  });
}

/** Runs the studio command to its end (for the ones that must refuse to start). */
export function runStudioCommand(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/studio.ts', ...args], { env: { ...environment(env), ...(env.STUDIO_PASSWORD ? {} : { STUDIO_PASSWORD: '' }) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** Asks `url` to upgrade to Vite's HMR WebSocket; the status it answers (101 when it accepts), and its text. */
export function hmrUpgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Protocol': 'vite-hmr', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, body: '' });
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (c: Buffer) => (body += c.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}
