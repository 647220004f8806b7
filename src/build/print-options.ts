/** The print stage's options (src/print/stage.ts) from the resolved build configuration. */
import type { PrintOptions } from '../print/stage.ts';
import type { BuildConfig } from './config.ts';

export function printOptions(config: BuildConfig, siteDir: string, log: (line: string) => void = () => {}): PrintOptions {
  const { chromium, jobs, renderTimeoutMs, marks, press } = config.print;
  return { siteDir, log, chromium, jobs, renderTimeoutMs, marks, press, cacheDir: config.caches.print };
}
