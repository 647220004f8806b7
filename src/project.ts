/**
 * Where the project's inputs are. The content folder can be pointed elsewhere (test fixtures,
 * a trial run on a copy) with PRESS_CONTENT_DIR; everything that reads content asks here.
 */
import { resolve } from 'node:path';

export const contentDirVariable = 'PRESS_CONTENT_DIR';

export function contentDir(): string {
  return resolve(process.env[contentDirVariable] ?? 'content');
}
