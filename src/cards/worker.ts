/**
 * The build's social-card painter, on a thread of its own: pages ask for their cards while Astro
 * renders them (src/cards/requests.ts) and the cards are drawn on the other core meanwhile,
 * instead of after the last page. Started and ended by src/cards/integration.ts.
 */
import { mkdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { cardDrawer, directoryStore, type CardRequest } from './painter.ts';

export interface CardWorkerData {
  /** The built site's folder; cards go to their site path under it. */
  outDir: string;
  /** The site's mark, as SVG. */
  logo: string;
  /** Where finished cards are kept between builds; null draws every card afresh. */
  cacheDir: string | null;
}

export type ToCardWorker = { type: 'card'; request: CardRequest } | { type: 'end' };
export type FromCardWorker = { type: 'done'; drawn: number; undrawn: CardRequest[] };

const { outDir, logo, cacheDir } = workerData as CardWorkerData;

// Cards wait for pages: at the lowest priority this thread takes only the CPU that page rendering
// leaves idle (1000 pages on two cores: 0.5 s sooner than at normal priority, and the cards still
// keep up with the pages). On Linux a thread has a priority of its own, set through its thread id;
// elsewhere the thread keeps the normal priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {}
const draw = cardDrawer(logo, cacheDir === null ? undefined : directoryStore(cacheDir));
const seen = new Set<string>();
const undrawn: CardRequest[] = [];
// One card at a time, in the order pages asked: the thread has one core to itself.
let queue = Promise.resolve();

parentPort!.on('message', (message: ToCardWorker) => {
  if (message.type === 'card') {
    const { request } = message;
    if (seen.has(request.path)) return;
    seen.add(request.path);
    queue = queue.then(async () => {
      const { png, titleDrawn } = await draw(request);
      if (!titleDrawn) undrawn.push(request);
      const file = join(outDir, request.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
    });
  } else {
    void queue.then(() => parentPort!.postMessage({ type: 'done', drawn: seen.size, undrawn } satisfies FromCardWorker));
  }
});
