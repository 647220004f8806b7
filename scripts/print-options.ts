/**
 * The print options from the environment and the command line, with their defaults: the one place
 * the scripts (build, print, benches) and tests read PRESS_* print settings. src/print/ reads none.
 *
 *   PRESS_CHROMIUM          Chromium binary (/usr/bin/chromium)
 *   PRESS_PRINT_JOBS        documents laid out at once (cores + 1)
 *   PRESS_RENDER_TIMEOUT    seconds one document may take to lay out (180)
 *   PRESS_ICC_PROFILE       CMYK profile of the press PDFs (Ghostscript's default_cmyk.icc, from Debian)
 *   PRESS_OUTPUT_CONDITION  its output condition identifier (CGATS TR 001)
 */
import { availableParallelism } from 'node:os';
import type { PrintOptions } from '../src/print/stage.ts';

export const defaultChromium = '/usr/bin/chromium';
export const defaultIccProfile = '/usr/share/color/icc/ghostscript/default_cmyk.icc';
export const defaultOutputCondition = 'CGATS TR 001';
/** New name with the key format of src/print/cache-key.ts: older builds keep their own folder. */
export const defaultPrintCacheDir = 'node_modules/.cache/press-print-2';

const positive = (value: string | undefined) => (Number(value) > 0 ? Number(value) : undefined);

export function printOptionsFromEnv(
  env: NodeJS.ProcessEnv,
  flags: { siteDir?: string; log?: (line: string) => void; marks?: boolean; press?: boolean; noCache?: boolean } = {},
): PrintOptions {
  return {
    siteDir: flags.siteDir ?? '',
    log: flags.log ?? (() => {}),
    chromium: env.PRESS_CHROMIUM || defaultChromium,
    // One more than cores: while one page waits on Chromium, another is laid out or post-processed.
    jobs: Math.floor(positive(env.PRESS_PRINT_JOBS) ?? availableParallelism() + 1),
    renderTimeoutMs: (positive(env.PRESS_RENDER_TIMEOUT) ?? 180) * 1000,
    marks: flags.marks ?? false,
    press: flags.press ? { iccProfile: env.PRESS_ICC_PROFILE || defaultIccProfile, outputCondition: env.PRESS_OUTPUT_CONDITION || defaultOutputCondition } : null,
    cacheDir: flags.noCache ? null : defaultPrintCacheDir,
  };
}
