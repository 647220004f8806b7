/**
 * What pages and content collections need of the build configuration, handed to them through the
 * `virtual:press/config` module (as Starlight hands its user config to its pages): plain data,
 * made once per build or dev server from the resolved BuildConfig.
 */
import type { BuildConfig } from './config.ts';

export interface SiteConfig {
  content: { dir: string; shown: string };
  localesDir: string;
  /**
   * Where pages get the figures of printed PDFs (pages, size, sheet pages): `build` writes tokens the
   * build fills in after printing; `manifest` reads a print manifest already written (`astro dev`).
   */
  figures: { from: 'build' } | { from: 'manifest'; file: string };
}

export const virtualConfigId = 'virtual:press/config';

export function siteConfig(config: BuildConfig, figures: SiteConfig['figures']): SiteConfig {
  return { content: config.content, localesDir: config.localesDir, figures };
}
