/**
 * What pages and content collections need of the build configuration, handed to them through the
 * `virtual:press/config` module (as Starlight hands its user config to its pages): plain data,
 * made once per build or dev server from the resolved BuildConfig.
 */
import { printManifestFile } from '../print/manifest.ts';
import type { BuildConfig } from './config.ts';

export interface SiteConfig {
  content: { dir: string; shown: string };
  /** `fail`: a content error stops the build before any page; `report`: logged, the rest served (dev). */
  contentProblems: 'fail' | 'report';
  localesDir: string;
  /**
   * Where pages get the figures of printed PDFs (pages, size, sheet pages): `build` writes tokens the
   * build fills in after printing; `manifest` reads a print manifest already written (`astro dev`).
   */
  figures: { from: 'build' } | { from: 'manifest'; file: string };
}

export const virtualConfigId = 'virtual:press/config';

/** `build`: `npm run build`, which prints and then fills the figures; `serve`: `astro dev`, `astro check`. */
export type SiteMode = 'build' | 'serve';

export function siteConfig(config: BuildConfig, mode: SiteMode): SiteConfig {
  return {
    content: config.content,
    contentProblems: mode === 'build' ? 'fail' : 'report',
    localesDir: config.localesDir,
    figures: mode === 'build' ? { from: 'build' } : { from: 'manifest', file: printManifestFile(config.outDir) },
  };
}
