// @ts-check
// `astro dev`, `astro check` and `astro preview` read this file; `npm run build` hands Astro the same
// configuration directly (src/build/astro-config.ts). Download figures come from the last build.
import { defineConfig } from 'astro/config';
import { astroConfig } from './src/build/astro-config.ts';
import { resolveBuildConfig } from './src/build/config.ts';

const config = resolveBuildConfig();
export default defineConfig(astroConfig(config, { from: 'manifest', file: `${config.outDir}/print/manifest.json` }));
