/**
 * Placing stored files without copying their bytes: a hard link where the file system allows (the
 * stored files are never written again, only replaced by rename), a copy where it does not (the
 * cache on another device, or a file system without links).
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Makes `to` (which must not exist) the same file as `from`. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(from, to);
  }
}

/**
 * Places every file under `from` at the same path under `to` (a new folder). The search index is
 * 1,185 files on the bench content: copied, they took 1.9 s of a warm build under load; linked, a
 * fraction of that.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else linkOrCopy(source, target);
  }
}
