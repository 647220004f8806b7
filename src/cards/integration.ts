/**
 * Social cards: every page whose card is its own asks for it while it renders
 * (src/cards/requests.ts); in a build a worker thread (src/cards/worker.ts) draws them meanwhile,
 * and the build waits for the last one when the pages are done. In `astro dev`, a card is drawn
 * when it is asked for, from the words its page gave when it was last rendered.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import type { CardRequest } from './painter.ts';
import { onCardRequest } from './requests.ts';
import type { CardWorkerData, FromCardWorker, ToCardWorker } from './worker.ts';

export interface CardsOptions {
  /** Where finished cards are kept between builds (relative to the project root); null draws every card afresh. */
  cacheDir: string | null;
}

const requestsFile = fileURLToPath(new URL('./requests.ts', import.meta.url));

/**
 * Keeps src/cards/requests.ts out of the server bundle and out of the dev server's module runner:
 * pages import it from its file, through Node, and so share the instance this integration holds.
 */
export function externalRequests(): Plugin {
  return {
    name: 'press:cards-requests',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    async resolveId(source, importer, options) {
      if (!source.endsWith('requests.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === requestsFile ? { id: pathToFileURL(requestsFile).href, external: true } : null;
    },
  };
}

function warnUndrawn(logger: AstroIntegrationLogger, request: CardRequest) {
  logger.warn(`${request.path}: no font of the ${request.locale} pages can draw every character of "${request.words.title}"; the card shows the site name instead of the title.`);
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
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [externalRequests()] } });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        outDir = fileURLToPath(config.outDir);
        cacheDir = options.cacheDir === null ? null : resolve(fileURLToPath(config.root), options.cacheDir);
      },
      'astro:server:setup': async ({ server, logger }) => {
        const requested = new Map<string, CardRequest>();
        onCardRequest((request) => requested.set(request.path, request));
        // Loaded here, not with the config: a build draws its cards in the card thread.
        const { cardDrawer, directoryStore } = await import('./painter.ts');
        const draw = cardDrawer(logo(), cacheDir === null ? undefined : directoryStore(cacheDir));
        server.middlewares.use(async (req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          const request = requested.get(path);
          if (!request) return next();
          try {
            const { png, titleDrawn } = await draw(request);
            if (!titleDrawn) warnUndrawn(logger, request);
            res.setHeader('Content-Type', 'image/png');
            res.end(png);
          } catch (error) {
            next(error);
          }
        });
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
        for (const request of undrawn) warnUndrawn(logger, request);
        const out = fileURLToPath(dir);
        logger.info(`${drawn} social cards in ${relative(process.cwd(), join(out, 'social')) || 'social'}/`);
      },
    },
  };
}
