/**
 * The default press condition, FOGRA39, and where its profile is built (./press-profile.ts builds
 * it). Apart from the builder so the build configuration can name it without loading the press code.
 */
import { join } from 'node:path';

/** The output intent FOGRA39 profiles declare (the ICC registry's identifier and its description). */
export const fogra39 = { outputCondition: 'FOGRA39', info: 'Coated FOGRA39 (ISO 12647-2:2004)' } as const;

/**
 * Where the built profile lives: beside the build caches but outside any one of them (a bench or
 * test build with its own cache folder still finds it), shared by every checkout of node_modules.
 */
export function fogra39ProfilePath(root: string): string {
  return join(root, 'node_modules', '.cache', 'press-icc', 'FOGRA39.icc');
}
