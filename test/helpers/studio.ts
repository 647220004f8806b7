/**
 * A studio on a fixture copy of the content, for the studio tests: the real `npm run studio`
 * command in a child process (as an editor starts it), on a free port, in a copy of the project
 * with its own content and dist folders, so nothing the tests write reaches the fixtures or this
 * project.
 *
 * Always a copy of the project (code and languages; node_modules linked), because Astro keeps state
 * in `<project>/.astro/` whatever content folder it is given, and neither Astro nor Vite can move
 * it: `content-modules.mjs` and `content-assets.mjs` (the module maps of the content last synced,
 * written by dev servers and builds alike and read when `astro:content` is bundled or served),
 * `data-store.json` (a dev server's content store, which it watches; a build keeps its own in the
 * cache folder, per content folder), the generated types, and the build lock of scripts/build.ts.
 * A studio here would rewrite those maps while the build and browser projects build the fixture
 * content in this folder, and its Build button would wait on their lock. In a copy, the studio
 * project runs beside the others. Vite's prepared modules are not shared either: the studio keeps
 * them per content folder (src/studio/server.ts), removed with the rest when the studio stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isSeq, parseDocument, visit } from 'yaml';
import { childEnvironment, resolveBuildConfig } from '../../src/build/config.ts';

/** The environment without the variables Vitest sets (NODE_ENV=test and its own), as a terminal would have it. */
function environment(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = childEnvironment(extra);
  for (const key of ['NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']) delete env[key];
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

const fixtureContent = 'test/fixtures/site/content';

/**
 * What the studio's copy of the fixture leaves out unless told otherwise (folders under content/).
 * `articles/pictures` holds one picture of every kind an editor may bring (a 12,000-pixel scan
 * among them): the build project proves what the build and the PDFs do with them, and no studio
 * test opens that article. Left in, the Build button spent most of its time on those pictures (the
 * fixture's full build, cold: 133 s of CPU, 38 s without them), and print previews waited on them.
 */
export const leftOutByDefault = ['articles/pictures'] as const;

/**
 * Copies the fixture content into `to` without the folders `leaveOut` names (`articles/<slug>`,
 * `booklets/<slug>`…), and takes the articles left out from every publication's list (bulletin
 * issues, editions, booklet sections), so the copy is whole: its content check finds nothing missing.
 */
export function copyFixtureContent(to: string, leaveOut: readonly string[] = leftOutByDefault): void {
  const left = new Set(leaveOut.map((folder) => resolve(fixtureContent, folder)));
  const articles = new Set(leaveOut.filter((folder) => folder.startsWith('articles/')).map((folder) => folder.slice('articles/'.length)));
  cpSync(fixtureContent, to, { recursive: true, filter: (source) => !left.has(resolve(source)) });
  for (const [folder, name] of [['bulletins', 'issue.yaml'], ['editions', 'edition.yaml'], ['booklets', 'booklet.yaml']] as const) {
    if (!existsSync(join(to, folder))) continue;
    for (const slug of readdirSync(join(to, folder))) {
      const file = join(to, folder, slug, name);
      if (!existsSync(file)) continue;
      const document = parseDocument(readFileSync(file, 'utf8'));
      visit(document, {
        Pair(_, pair) {
          if (String((pair.key as { value?: unknown } | null)?.value) !== 'articles' || !isSeq(pair.value)) return;
          pair.value.items = pair.value.items.filter((item) => !articles.has(String((item as { value?: unknown }).value)));
        },
      });
      writeFileSync(file, document.toString());
    }
  }
}

export interface TestStudio {
  url: string;
  /** The content folder the studio edits. */
  content: string;
  /** Where its Build button writes the site. */
  out: string;
  /** The copy of the project it runs in, whose locales/ it may change (a new language). */
  root: string;
  output(): string;
  stop(): Promise<void>;
}

const projectEntries = ['src', 'locales', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** `leaveOut`: the content folders the copy goes without (see copyFixtureContent). */
export async function startTestStudio(args: string[] = [], env: Record<string, string> = {}, { leaveOut = leftOutByDefault }: { leaveOut?: readonly string[] } = {}): Promise<TestStudio> {
  const work = mkdtempSync(join(tmpdir(), 'press-studio-'));
  const content = join(work, 'content');
  const out = join(work, 'dist');
  const root = join(work, 'project');
  copyFixtureContent(content, leaveOut);
  for (const entry of projectEntries) if (existsSync(entry)) cpSync(entry, join(root, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  // The Astro cache of this content folder (the dev server's prepared modules, the Build button's
  // build), in the shared node_modules/.cache: named after the folder, so no later run finds it.
  const astroCache = resolveBuildConfig({ root, content }).caches.astro;
  const cleanUp = () => {
    rmSync(work, { recursive: true, force: true });
    rmSync(astroCache, { recursive: true, force: true });
  };
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
                cleanUp();
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      cleanUp();
      reject(Object.assign(new Error(`The studio stopped (${code}):\n${output}`), { output, code }));
    });
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
