/**
 * Social cards: every page whose card is its own asks for it while it renders
 * (src/cards/requests.ts); in a build a worker thread (src/cards/worker.ts) draws them meanwhile,
 * and the build waits for the last one when the pages are done. In `astro dev`, a middleware
 * (src/cards/dev-middleware.ts) draws a card when it is asked for, rendering its page in-process.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { undrawnWarning } from './undrawn.ts';
import type { CardRequest } from './painter.ts';
import { onCardRequest } from './requests.ts';
import type { CardWorkerData, FromCardWorker, ToCardWorker } from './worker.ts';

export interface CardsOptions {
  /** Where finished cards are kept between builds (relative to the project root); null draws every card afresh. */
  cacheDir: string | null;
}

const requestsFile = fileURLToPath(new URL('./requests.ts', import.meta.url));

/**
 * Keeps src/cards/requests.ts out of the server bundle of a build: the bundle imports it from its
 * file, through Node, and so shares the instance this integration holds. (The dev server's module
 * runner cannot load a local file through Node; there the dev middleware shares the runner's instance.)
 */
export function externalRequests(): Plugin {
  return {
    name: 'press:cards-requests',
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    async resolveId(source, importer, options) {
      if (!source.endsWith('requests.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === requestsFile ? { id: pathToFileURL(requestsFile).href, external: true } : null;
    },
  };
}

/** Hands the dev middleware the site's mark and the cache folder. */
function devOptions(options: () => { logo: string; cacheDir: string | null }): Plugin {
  const id = 'virtual:press-cards/options';
  return {
    name: 'press:cards-options',
    apply: 'serve',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (loaded) => (loaded === `\0${id}` ? `export default ${JSON.stringify(options())};` : null),
  };
}

/** The card-drawing thread of one build: takes requests at once, and is done when `finish` resolves. */
function startCardWorker(data: CardWorkerData) {
  // No Node options: the thread needs none, and a worker refuses some the build may be started with
  // (`--input-type` of `node -e`, heap sizes such as package.json's `--max-semi-space-size`).
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: data, execArgv: [] });
  // A build that fails before its pages are done must still be able to exit.
  worker.unref();
  const done = new Promise<FromCardWorker>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The social-card thread stopped (exit code ${code}) before drawing every card.`)));
  });
  // Rejections are collected by finish(); until then the build goes on.
  done.catch(() => {});
  const post = (message: ToCardWorker) => worker.postMessage(message);
  return {
    request: (request: CardRequest) => post({ type: 'card', request }),
    finish: async () => {
      worker.ref();
      post({ type: 'end' });
      try {
        return await done;
      } finally {
        await worker.terminate();
      }
    },
  };
}

export function cards(options: CardsOptions): AstroIntegration {
  let publicDir = '';
  let outDir = '';
  let cacheDir: string | null = null;
  let cardWorker: ReturnType<typeof startCardWorker> | undefined;
  const logo = () => readFileSync(join(publicDir, 'favicon.svg'), 'utf8');
  return {
    name: 'press:cards',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, addMiddleware }) => {
        updateConfig({ vite: { plugins: [externalRequests(), devOptions(() => ({ logo: logo(), cacheDir }))] } });
        if (command === 'dev') addMiddleware({ entrypoint: new URL('./dev-middleware.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        outDir = fileURLToPath(config.outDir);
        cacheDir = options.cacheDir === null ? null : resolve(fileURLToPath(config.root), options.cacheDir);
      },
      'astro:build:start': () => {
        cardWorker = startCardWorker({ outDir, logo: logo(), cacheDir });
        onCardRequest(cardWorker.request);
      },
      'astro:build:done': async ({ dir, logger }) => {
        onCardRequest(undefined);
        if (!cardWorker) return;
        const { drawn, undrawn } = await cardWorker.finish();
        cardWorker = undefined;
        for (const request of undrawn) logger.warn(undrawnWarning(request));
        const out = fileURLToPath(dir);
        logger.info(`${drawn} social cards in ${relative(process.cwd(), join(out, 'social')) || 'social'}/`);
      },
    },
  };
}
