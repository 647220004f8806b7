/**
 * The Astro configuration, made from the resolved build configuration: `npm run build` passes it to
 * Astro directly, and astro.config.mjs (for `astro dev`, `astro check`, `astro preview`) makes it
 * from the defaults. One integration per concern, each named for it.
 */
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroUserConfig } from 'astro';
import { selfHostedFonts } from '../fonts/integration.ts';
import { languagesWatch } from '../i18n/integration.ts';
import { defaultLocale, getLocale, localeIds } from '../i18n/locales.ts';
import { printPreview } from '../print/preview.ts';
import { cards } from '../cards/integration.ts';
import { notFoundPages } from '../site/not-found-pages.ts';
import { sitemapFilter } from '../site/sitemap.ts';
import type { BuildConfig } from './config.ts';
import { buildConfiguration } from './integration.ts';
import { siteConfig, type SiteMode } from './site-config.ts';

export function astroConfig(config: BuildConfig, mode: SiteMode, outDir = config.outDir): AstroUserConfig {
  return {
    root: config.root,
    outDir,
    site: config.siteUrl,
    trailingSlash: 'always',
    // Each content folder gets its own cache, so a fixture build never shows another folder's entries.
    cacheDir: config.caches.astro,
    // Pages carry their small stylesheet inline: one request fewer before a phone shows anything.
    // Pages wait on content imports and file writes; rendering four at a time fills those waits
    // (`npm run bench -- site`: about 0.5 s less for 1000 pages on two cores).
    build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
    // AVIF at effort 3 rather than sharp's 4: the site's pictures (four widths each) encode 3.3-3.6×
    // faster, a cost every new photo puts on an editor's next build, for files 0-6 % larger (measured
    // 2026-12-04: the test fixture's five photos 29.2 → 8.8 s, 107 → 113 KB; a 720 × 477 photograph 11.8 →
    // 3.3 s, 184 → 183 KB). Effort 2 saves little more time for 6-10 % more bytes.
    image: { service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 3 } } } },
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
      buildConfiguration(siteConfig(config, mode)),
      mdx(),
      sitemap({ filter: sitemapFilter(() => outDir), i18n: { defaultLocale, locales: Object.fromEntries(localeIds.map((id) => [id, getLocale(id).tag])) } }),
      selfHostedFonts(),
      printPreview(),
      cards({ cacheDir: config.caches.cards }),
      notFoundPages(),
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
  };
}
