/**
 * Where the project's inputs are. The content folder can be pointed elsewhere (test fixtures,
 * a trial run on a copy) with PRESS_CONTENT_DIR; everything that reads content asks here.
 */
import { join, relative, resolve } from 'node:path';

export const contentDirVariable = 'PRESS_CONTENT_DIR';

export function contentDir(): string {
  return resolve(process.env[contentDirVariable] ?? 'content');
}

/** A folder as messages show it: relative to where the command runs. */
export function shownPath(path: string): string {
  return relative(process.cwd(), path) || '.';
}

/**
 * The print manifest the site's download links are built from. The build sets it (the site is built
 * again when the PDFs it describes changed); `astro dev` reads the last build's `dist/`.
 */
export const printManifestVariable = 'PRESS_PRINT_MANIFEST';

export function printManifestPath(): string {
  return resolve(process.env[printManifestVariable] ?? printManifestFile('dist'));
}

/** The print manifest of a built site. */
export function printManifestFile(siteDir: string): string {
  return join(siteDir, 'print', 'manifest.json');
}
