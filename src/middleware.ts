/**
 * Astro's i18n routing is "manual" (astro.config.mjs): the pages do their own routing and
 * fallback, so requests pass straight through. Astro's automatic i18n middleware would answer
 * 404 in `npm run dev` for the pages outside the locale folders (print pages, /status/).
 *
 * Thai, Lao and Khmer text gets its words marked (src/i18n/word-breaks.ts), in print and web
 * pages alike: a line breaks only between words, whatever the dictionaries of the reader's browser
 * or the printing Chromium would choose.
 */
import { defineMiddleware } from 'astro:middleware';
import { mayHaveSpacelessText } from './i18n/spaceless-bytes.ts';
import { markWordBreaks } from './i18n/word-breaks.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  // Most pages have none of that text: their bytes go back as they came, neither decoded nor encoded again.
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!mayHaveSpacelessText(bytes)) return new Response(bytes, init);
  return new Response(markWordBreaks(new TextDecoder().decode(bytes)), init);
});
