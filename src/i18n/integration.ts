/**
 * `astro dev` starts again when the languages file changes: Astro's i18n config, routes, fonts and
 * every page come from it, and it is read once per start (./locales.ts), not imported through Vite.
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { languagesFile } from './language-schema.ts';

export function languagesWatch(): AstroIntegration {
  return {
    name: 'press:languages',
    hooks: {
      'astro:config:setup': ({ addWatchFile }) => addWatchFile(resolve(languagesFile)),
    },
  };
}
