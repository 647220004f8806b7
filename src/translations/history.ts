/**
 * What a translation was made from, kept in the repository so "what changed since" works without
 * git history (a download, a shallow clone, a copy on a USB stick). Recording a translation saves the
 * Vietnamese source it was made from under its fingerprint:
 * - content texts: `content/.sources/<fingerprint>.txt`, one file each (readable, diffable);
 * - UI strings: `locales/.sources.json`, fingerprint → Vietnamese string.
 * Sources no translation points at any more are pruned when a translation is recorded. The content
 * reader skips dot folders, so none of this is ever taken for content.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from '../cache/store.ts';
import { fingerprint } from './status.ts';

export const contentSourcesFolder = '.sources';
export const uiSourcesFile = '.sources.json';

const normalised = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trimEnd();

/** Keeps `text` (a Vietnamese source file) under its fingerprint in `contentRoot`; returns the fingerprint. */
export function saveSourceSnapshot(contentRoot: string, text: string): string {
  const hash = fingerprint(text);
  const folder = join(contentRoot, contentSourcesFolder);
  const path = join(folder, `${hash}.txt`);
  if (!existsSync(path)) {
    mkdirSync(folder, { recursive: true });
    writeAtomically(path, `${normalised(text)}\n`);
  }
  return hash;
}

/** The source a translation was made from, if it was kept. */
export function readSourceSnapshot(contentRoot: string, hash: string): string | undefined {
  if (!/^[0-9a-f]{12}$/.test(hash)) return undefined;
  const path = join(contentRoot, contentSourcesFolder, `${hash}.txt`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Removes kept sources no translation refers to; returns the fingerprints removed. */
export function pruneSourceSnapshots(contentRoot: string, inUse: ReadonlySet<string>): string[] {
  const folder = join(contentRoot, contentSourcesFolder);
  if (!existsSync(folder)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    const hash = name.replace(/\.txt$/, '');
    if (name.endsWith('.txt') && !inUse.has(hash)) {
      rmSync(join(folder, name));
      removed.push(hash);
    }
  }
  return removed;
}

/** The `translatedFrom` fingerprints of every translation under `contentRoot`. */
export function fingerprintsInUse(contentRoot: string): Set<string> {
  const inUse = new Set<string>();
  for (const entry of readdirSync(contentRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.mdx') || entry.parentPath.includes(`/${contentSourcesFolder}`)) continue;
    const match = /^translatedFrom:\s*["']?([0-9a-f]{12})/m.exec(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    if (match?.[1]) inUse.add(match[1]);
  }
  return inUse;
}

type UiSources = Record<string, string>;

function readUiSources(localesRoot: string): UiSources {
  const path = join(localesRoot, uiSourcesFile);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as UiSources) : {};
}

/**
 * Keeps the Vietnamese UI strings a translation was made from, dropping those no record refers to.
 * `strings` are the source strings as fingerprinted (plural forms joined, as the status does).
 */
export function saveUiSources(localesRoot: string, strings: Iterable<string>, inUse: ReadonlySet<string>): void {
  const kept = readUiSources(localesRoot);
  for (const text of strings) kept[fingerprint(text)] = text;
  const pruned = Object.fromEntries(Object.entries(kept).filter(([hash]) => inUse.has(hash)).sort(([a], [b]) => a.localeCompare(b)));
  writeAtomically(join(localesRoot, uiSourcesFile), `${JSON.stringify(pruned, null, 2)}\n`);
}

/** The Vietnamese UI string a translation was made from, if it was kept. */
export function readUiSource(localesRoot: string, hash: string): string | undefined {
  return readUiSources(localesRoot)[hash];
}
