/**
 * The not-found pages: each locale's 404 page moves from `<locale>/404/index.html` (Astro's directory
 * format) to `<locale>/404.html`, where static hosts (and the loopback server) look for it.
 */
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { localeIds, type LocaleId } from '../i18n/locales.ts';

/** The path of a locale's 404 page in the built site. */
const notFoundFile = (locale: LocaleId) => `${locale}/404.html`;

export function notFoundPages(): AstroIntegration {
  return {
    name: 'press:not-found-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const locale of localeIds) {
          const built = join(out, locale, '404', 'index.html');
          if (!existsSync(built)) continue;
          renameSync(built, join(out, notFoundFile(locale)));
          rmdirSync(dirname(built));
        }
      },
    },
  };
}
