/**
 * Astro's i18n routing is "manual" (astro.config.mjs): the pages do their own routing and
 * fallback, so requests pass straight through. Astro's automatic i18n middleware would answer
 * 404 in `npm run dev` for the pages outside the locale folders (print pages, /status/).
 */
import { defineMiddleware } from 'astro:middleware';

export const onRequest = defineMiddleware((_context, next) => next());
