/**
 * Print preview while editing: `npm run dev` serves each publication's print page laid out by
 * Paged.js in the browser (http://localhost:4321/print/<kind>/<slug>/<locale>/), and Astro reloads
 * it when a text is saved. The build's PDFs come from the same pages, laid out the same way.
 */
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { pagedPolyfill, pagedPolyfillUrlPath } from './pagedjs.ts';

export function printPreview(): AstroIntegration {
  return {
    name: 'press:print-preview',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (req.url !== pagedPolyfillUrlPath) return next();
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(pagedPolyfill));
        });
      },
    },
  };
}
