/**
 * `astro dev` only (src/cards/integration.ts adds it): answers `/social/….png` by rendering the
 * page the card belongs to in this process (a rewrite to the page), which asks for its card on the
 * way (src/cards/requests.ts, the same module instance in the dev server), then drawing that card.
 * A middleware rather than a route: Astro forbids an on-demand route to render a prerendered page.
 */
import { defineMiddleware } from 'astro:middleware';
import options from 'virtual:press-cards/options';
import { cardPage } from '../site/social.ts';
import { cardDrawer, directoryStore, type CardRequest } from './painter.ts';
import { onCardRequest } from './requests.ts';
import { undrawnWarning } from './undrawn.ts';

const requested = new Map<string, CardRequest>();
onCardRequest((request) => requested.set(request.path, request));
const draw = cardDrawer(options.logo, options.cacheDir === null ? undefined : directoryStore(options.cacheDir));

export const onRequest = defineMiddleware(async (context, next) => {
  // Astro's dev server adds the trailing slash the site's addresses have.
  const path = context.url.pathname.replace(/\/$/, '');
  const page = cardPage(path);
  if (!page) return next();
  requested.delete(path);
  const rendered = await next(page);
  await rendered.arrayBuffer();
  const request = requested.get(path);
  if (!rendered.ok || !request) return new Response(`No page at ${page} asks for the card ${path}.`, { status: 404 });
  const { png, titleDrawn } = await draw(request);
  if (!titleDrawn) console.warn(undrawnWarning(request));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
});
