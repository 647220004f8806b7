/**
 * The press integration for the build configuration: serves `virtual:press/config` (./site-config.ts)
 * to pages and to the content collections, so neither reads the environment.
 */
import type { AstroIntegration } from 'astro';
import { virtualConfigId, type SiteConfig } from './site-config.ts';

export function buildConfiguration(site: SiteConfig): AstroIntegration {
  const resolved = `\0${virtualConfigId}`;
  return {
    name: 'press:build-configuration',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'press:virtual-config',
                resolveId: (id: string) => (id === virtualConfigId ? resolved : undefined),
                load: (id: string) => (id === resolved ? `export default ${JSON.stringify(site)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
