/**
 * Print preview while editing: `npm run dev` serves each publication's print page laid out by
 * Paged.js in the browser (http://localhost:4321/print/<kind>/<slug>/<locale>/), and Astro reloads
 * it when a text is saved. The build's PDFs come from the same pages, laid out the same way.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';

export const previewScriptPath = '/_press/paged.polyfill.js';

const require = createRequire(import.meta.url);

export function printPreview(): AstroIntegration {
  return {
    name: 'press:print-preview',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const polyfill = join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
        server.middlewares.use((req, res, next) => {
          if (req.url !== previewScriptPath) return next();
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(polyfill));
        });
      },
    },
  };
}
