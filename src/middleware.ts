/**
 * Astro's i18n routing is "manual" (astro.config.mjs): the pages do their own routing and
 * fallback, so requests pass straight through. Astro's automatic i18n middleware would answer
 * 404 in `npm run dev` for the pages outside the locale folders (print pages, /status/).
 *
 * Print pages in Thai, Lao or Khmer get their words marked (src/i18n/word-breaks.ts), so a PDF
 * line breaks only between words, whatever Chromium's own dictionaries would choose.
 */
import { defineMiddleware } from 'astro:middleware';
import { markWordBreaks } from './i18n/word-breaks.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.url.pathname.startsWith('/print/') || !response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  return new Response(markWordBreaks(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
