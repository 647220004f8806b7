// @ts-check
// `astro dev`, `astro check` and `astro preview` read this file; `npm run build` hands Astro the same
// configuration directly (src/build/astro-config.ts). Download figures come from the last build, and
// content problems are reported while the rest is served.
import { defineConfig } from 'astro/config';
import { astroConfig } from './src/build/astro-config.ts';
import { resolveBuildConfig } from './src/build/config.ts';

export default defineConfig(astroConfig(resolveBuildConfig(), 'serve'));
