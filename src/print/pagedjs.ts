/** Where Paged.js is installed: the renderer, the dev preview and the cache key all need it. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

// pagedjs's exports map hides dist/ (it offers it only under a "polyfill" condition), so find the
// package through its CommonJS entry, lib/index.cjs, and take the files beside it.
export const pagedjsDir = join(dirname(require.resolve('pagedjs')), '..');
export const pagedPolyfill = join(pagedjsDir, 'dist', 'paged.polyfill.js');

/** Where print pages load it from, in the dev preview and in the print run (served beside the site). */
export const pagedPolyfillUrlPath = '/_press/paged.polyfill.js';
