/** The disk side of the content check: lists and reads the content folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkContent, type CheckResult, type ContentFile } from './check.ts';

const textFile = /\.(mdx?|ya?ml|json)$/i;

export function readContentFolder(root: string): { files: ContentFile[]; assets: string[] } {
  const files: ContentFile[] = [];
  const assets: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const absolute = join(entry.parentPath, entry.name);
    const path = relative(root, absolute).split(sep).join('/');
    if (textFile.test(entry.name)) files.push({ path, text: readFileSync(absolute, 'utf8') });
    else assets.push(path);
  }
  return { files, assets };
}

/** Checks the content folder at `root`; messages show paths as `displayRoot/...`. */
export function checkContentFolder(root: string, displayRoot: string): CheckResult {
  return checkContent({ ...readContentFolder(root), displayRoot });
}
