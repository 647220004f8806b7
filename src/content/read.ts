/** The disk side of the content check: lists and reads the content folder. */
import { createHash } from 'node:crypto';
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
  const folder = readContentFolder(root);
  // One build checks the same content up to three times (the build script, the status page, the
  // sitemap's list of fallback pages), from modules loaded separately: they share results through a
  // global, by what the files say, so an edit in `astro dev` is checked afresh.
  const hash = createHash('sha256').update(displayRoot);
  for (const file of folder.files) hash.update(`\u0000${file.path}\u0000${file.text}`);
  for (const asset of folder.assets) hash.update(`\u0001${asset}`);
  const key = `${root}\u0000${hash.digest('hex')}`;
  const checked = ((globalThis as WithChecks)[checksKey] ??= new Map<string, CheckResult>());
  let result = checked.get(key);
  if (!result) {
    result = checkContent({ ...folder, displayRoot });
    // The latest check per folder is enough: older states of the files are not asked for again.
    for (const [earlier] of checked) if (earlier.startsWith(`${root}\u0000`)) checked.delete(earlier);
    checked.set(key, result);
  }
  return result;
}

const checksKey = Symbol.for('press:content-checks');
type WithChecks = typeof globalThis & { [checksKey]?: Map<string, CheckResult> };
