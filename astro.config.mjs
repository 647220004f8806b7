// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { selfHostedFonts } from './src/fonts/integration.ts';
import { printPreview } from './src/print/preview.ts';
import { findability } from './src/site/integration.ts';
import { fallbackPaths } from './src/content/fallback-pages.ts';
import { checkContentFolder } from './src/content/read.ts';
import { languagesWatch } from './src/i18n/integration.ts';
import { defaultLocale, getLocale, localeIds } from './src/i18n/locales.ts';
import { routes } from './src/i18n/routes.ts';
import { contentDir, shownPath } from './src/project.ts';

// Pages kept out of the sitemap: fallback pages (noindex), print pages, the status page, 404 pages,
// and `/`, which only sends readers on to /vi/; and the search pages (noindex: they hold no content
// of their own). Fallback pages are worked out once, when the sitemap is written, so `astro dev`
// and `astro check` do not read the content for it.
/** @type {Set<string> | undefined} */
let fallbacks;
/** @param {string} url */
const inSitemap = (url) => {
  // The same call as the status page's, so the build checks the content once (src/content/read.ts).
  fallbacks ??= fallbackPaths(checkContentFolder(contentDir(), shownPath(contentDir())).index);
  const path = new URL(url).pathname;
  const search = localeIds.some((l) => path === routes.search()(l));
  return path !== '/' && !path.startsWith('/print/') && !path.startsWith('/status/') && !/^\/[^/]+\/404\/$/.test(path) && !fallbacks.has(path) && !search;
};

export default defineConfig({
  site: process.env.PRESS_SITE_URL ?? 'https://sngv.thainguyen.gov.vn',
  trailingSlash: 'always',
  // Pages carry their small stylesheet inline: one request fewer before a phone shows anything.
  // Pages wait on content imports and file writes; rendering four at a time fills those waits
  // (`npm run bench -- site`: about 0.5 s less for 1000 pages on two cores).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  // Astro 7's default 'jsx' whitespace rules drop spaces between inline elements, gluing words
  // together; lossless compression keeps the text as written.
  compressHTML: true,
  i18n: {
    locales: [...localeIds],
    defaultLocale,
    // Routes are our own (src/pages/[locale]/…, with our fallback rules); `/` sends readers to
    // Vietnamese and offers the other languages. Manual routing keeps Astro's i18n middleware from
    // answering 404 for pages outside the locale folders (print pages, /status/) in dev.
    routing: 'manual',
  },
  integrations: [
    mdx(),
    sitemap({ filter: inSitemap, i18n: { defaultLocale, locales: Object.fromEntries(localeIds.map((id) => [id, getLocale(id).tag])) } }),
    selfHostedFonts(),
    printPreview(),
    findability(),
    languagesWatch(),
  ],
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every MDX file triggers this about Astro's own head-injection marker; it is harmless
          // and would bury the warnings an editor needs to see.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
