/**
 * How a page asks for its social card while it is rendered. The page knows its card's words
 * (src/components/SeoHead.astro); the cards integration (src/cards/integration.ts) draws them.
 *
 * The integration keeps this one module out of Astro's server bundle (and out of Vite's module
 * runner in `astro dev`): the page's import then loads this very file through Node, the same module
 * instance the integration loaded with the config, so the handler set here is the one pages call.
 * Keep it free of imports that need Vite: Node loads it as it is.
 */
import type { CardRequest } from './painter.ts';

type Handler = (request: CardRequest) => void;

let handler: Handler | undefined;

/** Called by a page whose card is its own (not a fallback page showing another page's card). */
export function requestCard(request: CardRequest): void {
  handler?.(request);
}

/** Where requests go from now on; `undefined` stops taking them. */
export function onCardRequest(next: Handler | undefined): void {
  handler = next;
}
