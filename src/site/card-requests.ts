/**
 * How a page asks for its social card while it is rendered. The page knows its card's words
 * (src/components/SeoHead.astro); the build integration (src/site/integration.ts) draws them. The
 * two run in the same process but load this module separately (the page from Astro's bundle), so
 * they meet on a global: the integration sets the handler, pages call it.
 */
import type { CardRequest } from './card-painter.ts';

const handlerKey = Symbol.for('press:social-card-requests');

type Handler = (request: CardRequest) => void;
type WithHandler = typeof globalThis & { [handlerKey]?: Handler | undefined };

/** Called by a page whose card is its own (not a fallback page showing another page's card). */
export function requestCard(request: CardRequest): void {
  (globalThis as WithHandler)[handlerKey]?.(request);
}

/** Where requests go from now on; `undefined` stops taking them. */
export function onCardRequest(handler: Handler | undefined): void {
  (globalThis as WithHandler)[handlerKey] = handler;
}
