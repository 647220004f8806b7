/**
 * Build steps for findability:
 * - each locale's 404 page moves from `<locale>/404/index.html` (Astro's directory format) to
 *   `<locale>/404.html`, where static hosts (and src/server/static-server.ts) look for it;
 * - social cards: every page whose card is its own asks for it while it renders
 *   (src/site/card-requests.ts); a worker thread (src/site/card-worker.ts) draws them meanwhile,
 *   and the build waits for the last one when the pages are done.
 * In `astro dev`, a card is drawn on request, after rendering the page that asks for it.
 */
import { existsSync, readFileSync, renameSync, rmdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { localeIds, type LocaleId } from '../i18n/locales.ts';
import type { CardRequest } from './card-painter.ts';
import { onCardRequest } from './card-requests.ts';
import type { CardWorkerData, FromCardWorker, ToCardWorker } from './card-worker.ts';
import { cardPage } from './social.ts';

/** The path of a locale's 404 page in the built site. */
const notFoundFile = (locale: LocaleId) => `${locale}/404.html`;

function warnUndrawn(logger: AstroIntegrationLogger, request: CardRequest) {
  logger.warn(`${request.path}: no font of the ${request.locale} pages can draw every character of "${request.words.title}"; the card shows the site name instead of the title.`);
}

/** The card-drawing thread of one build: takes requests at once, and is done when `finish` resolves. */
function startCardWorker(data: CardWorkerData) {
  // No Node options: the thread needs none, and a worker refuses some the build may be started with
  // (`--input-type` of `node -e`, heap sizes such as package.json's `--max-semi-space-size`).
  const worker = new Worker(new URL('./card-worker.ts', import.meta.url), { workerData: data, execArgv: [] });
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

export function findability(): AstroIntegration {
  let publicDir = '';
  let outDir = '';
  let cards: ReturnType<typeof startCardWorker> | undefined;
  const logo = () => readFileSync(join(publicDir, 'favicon.svg'), 'utf8');
  return {
    name: 'press:findability',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': async ({ server, logger }) => {
        // The dev server renders the page a card belongs to, which asks for its card on the way.
        const requested = new Map<string, CardRequest>();
        onCardRequest((request) => requested.set(request.path, request));
        // Loaded here, not with the config: a build draws its cards in the card thread.
        const { cardDrawer } = await import('./card-painter.ts');
        const draw = cardDrawer(logo());
        server.middlewares.use(async (req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          const page = cardPage(path);
          const address = server.httpServer?.address();
          if (!page || !address || typeof address === 'string') return next();
          try {
            requested.delete(path);
            const response = await fetch(`http://localhost:${address.port}${page}`);
            await response.arrayBuffer();
            const request = response.ok ? requested.get(path) : undefined;
            if (!request) return next();
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
        cards = startCardWorker({ outDir, logo: logo() });
        onCardRequest(cards.request);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const locale of localeIds) {
          const built = join(out, locale, '404', 'index.html');
          if (!existsSync(built)) continue;
          renameSync(built, join(out, notFoundFile(locale)));
          rmdirSync(dirname(built));
        }
        onCardRequest(undefined);
        if (!cards) return;
        const { drawn, undrawn } = await cards.finish();
        cards = undefined;
        for (const request of undrawn) warnUndrawn(logger, request);
        logger.info(`${drawn} social cards in ${relative(process.cwd(), join(out, 'social')) || 'social'}/`);
      },
    },
  };
}
