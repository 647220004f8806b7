/**
 * The studio's only way to the disk: paths an editor's browser names are resolved inside the
 * content folder, the UI strings (locales) or the trash, whatever their spelling (`..`, absolute,
 * percent-encoded, backslashes, symlinks pointing out); every read returns a version (the sha256 of
 * the bytes), every save names the version it started from and is refused when the file changed
 * since, writes are atomic (a temporary file renamed over the old one) and deleting moves the file
 * into the trash, where it can be taken back.
 */
import { writeAtomically } from '../cache/store.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';

/** The folders the studio may touch, by the name paths start with (`content/articles/x/vi.mdx`). */
export interface StudioAreas {
  content: string;
  locales: string;
  trash: string;
}
export type AreaName = keyof StudioAreas;
const areaNames: readonly AreaName[] = ['content', 'locales', 'trash'];

export class PathRefused extends Error {}

export interface ResolvedPath {
  area: AreaName;
  /** Inside the area, with `/` separators: `articles/x/vi.mdx`. */
  inner: string;
  /** As the studio names it: `content/articles/x/vi.mdx`. */
  shown: string;
  absolute: string;
}

/** The real path of `path`, or of its deepest existing ancestor with the rest appended (a file not yet written). */
function realPathOf(path: string): string {
  const missing: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return path;
      missing.push(at.slice(parent.length + 1));
      at = parent;
    }
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Where a requested path is, or PathRefused. The request is decoded until it no longer changes
 * (so `%252e%252e` cannot smuggle a `..` through a second decoding elsewhere), must be relative,
 * must not climb with `..`, must start with an area name, and its real path (symlinks followed)
 * must stay inside that area's real folder.
 */
export function resolveStudioPath(areas: StudioAreas, requested: string): ResolvedPath {
  let path = requested;
  for (let i = 0; i < 5; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw new PathRefused(`"${requested}" is not a valid path.`);
    }
    if (decoded === path) break;
    path = decoded;
  }
  if (/[\u0000-\u001f%]/.test(path)) throw new PathRefused(`"${requested}" is not a valid path.`);
  path = path.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) throw new PathRefused(`"${requested}" is outside the content: give a path such as content/articles/<slug>/vi.mdx.`);
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) throw new PathRefused(`"${requested}" leaves the content folder.`);
  const [first = '', ...rest] = parts;
  if (!(areaNames as readonly string[]).includes(first) || rest.length === 0) {
    throw new PathRefused(`"${requested}" is outside the content: only content/, locales/ and the trash can be opened.`);
  }
  const area = first as AreaName;
  const inner = posix.join(...rest);
  const root = areas[area];
  const absolute = join(root, ...rest);
  if (!inside(realPathOf(root), realPathOf(absolute))) throw new PathRefused(`"${requested}" leads outside the ${area} folder.`);
  return { area, inner, shown: `${area}/${inner}`, absolute };
}

/** The version of a file's bytes: what a save names as the state it started from. */
export function versionOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface FileRead {
  path: string;
  text: string;
  /** null when the file does not exist. */
  version: string | null;
}

export function readStudioFile(areas: StudioAreas, requested: string): FileRead {
  const { absolute, shown } = resolveStudioPath(areas, requested);
  if (!existsSync(absolute)) return { path: shown, text: '', version: null };
  const bytes = readFileSync(absolute);
  return { path: shown, text: bytes.toString('utf8'), version: versionOf(bytes) };
}

export { writeAtomically };

export type SaveResult =
  | { saved: true; path: string; version: string }
  /** The file changed since the editor opened it: both texts go back to be merged; nothing is written. */
  | { saved: false; path: string; conflict: { theirs: string; theirVersion: string | null; yours: string } };

/**
 * Saves `text` if the file is still at `baseVersion` (null: the file must not exist yet). Never a
 * silent overwrite.
 */
export function saveStudioFile(areas: StudioAreas, requested: string, text: string | Buffer, baseVersion: string | null): SaveResult {
  const { absolute, shown, area } = resolveStudioPath(areas, requested);
  if (area === 'trash') throw new PathRefused('Files in the trash cannot be edited; restore them first.');
  const current = existsSync(absolute) ? readFileSync(absolute) : null;
  const currentVersion = current ? versionOf(current) : null;
  if (currentVersion !== baseVersion) {
    return { saved: false, path: shown, conflict: { theirs: current?.toString('utf8') ?? '', theirVersion: currentVersion, yours: text.toString() } };
  }
  writeAtomically(absolute, text);
  return { saved: true, path: shown, version: versionOf(text) };
}

/** Moves the file into the trash (same path inside it, under the time of deletion); returns where it went. */
export function trashStudioFile(areas: StudioAreas, requested: string, baseVersion: string, now = new Date()): SaveResult | { saved: true; path: string; trashed: string } {
  const { absolute, shown, area, inner } = resolveStudioPath(areas, requested);
  if (area === 'trash') throw new PathRefused('That file is already in the trash.');
  if (!existsSync(absolute)) throw new PathRefused(`${shown} does not exist.`);
  const current = readFileSync(absolute);
  if (versionOf(current) !== baseVersion) {
    return { saved: false, path: shown, conflict: { theirs: current.toString('utf8'), theirVersion: versionOf(current), yours: '' } };
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(areas.trash, stamp, area, ...inner.split('/'));
  mkdirSync(dirname(target), { recursive: true });
  renameSync(absolute, target);
  return { saved: true, path: shown, trashed: `trash/${stamp}/${area}/${inner}` };
}

/** Takes a file back out of the trash to where it was, unless something is there now. */
export function restoreStudioFile(areas: StudioAreas, requested: string): string {
  const { area, inner, absolute } = resolveStudioPath(areas, requested);
  if (area !== 'trash') throw new PathRefused('Only files in the trash can be restored.');
  const [, originalArea, ...rest] = inner.split('/');
  if (originalArea !== 'content' && originalArea !== 'locales') throw new PathRefused(`${requested} is not a deleted file.`);
  const target = resolveStudioPath(areas, [originalArea, ...rest].join('/'));
  if (existsSync(target.absolute)) throw new PathRefused(`${target.shown} exists again; rename or delete it first.`);
  mkdirSync(dirname(target.absolute), { recursive: true });
  renameSync(absolute, target.absolute);
  return target.shown;
}
