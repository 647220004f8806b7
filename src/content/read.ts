/** The disk side of the content check: lists and reads the content folder. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkContent, type CheckResult, type ContentFile } from './check.ts';

const textFile = /\.(mdx?|ya?ml|json)$/i;

interface Listing {
  /** Text files and other files (images), relative to the folder, with `/` separators. */
  texts: string[];
  assets: string[];
  /** Every file's path, size and modification time: changes when any file does. */
  state: string;
}

function listContentFolder(root: string): Listing {
  const texts: string[] = [];
  const assets: string[] = [];
  const state: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    const path = relative(root, absolute).split(sep).join('/');
    // Dot files and folders are not content: editors' tools, the kept translation sources, the trash.
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    (textFile.test(entry.name) ? texts : assets).push(path);
    const { size, mtimeMs } = statSync(absolute);
    state.push(`${path}\u0000${size}\u0000${mtimeMs}`);
  }
  return { texts, assets, state: state.sort().join('\u0001') };
}

export function readContentFolder(root: string): { files: ContentFile[]; assets: string[]; readAsset: (path: string) => Uint8Array } {
  const { texts, assets } = listContentFolder(root);
  return { files: texts.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })), assets, readAsset: assetReader(root) };
}

/** Reads an image next to a text, for the image checks. */
const assetReader = (root: string) => (path: string) => readFileSync(join(root, path));

/** Checks the content folder at `root`; messages show paths as `displayRoot/...`. */
export function checkContentFolder(root: string, displayRoot: string): CheckResult {
  return checkContent({ ...readContentFolder(root), displayRoot });
}

/**
 * The content as Astro's collections read it (./loader.ts): every collection of one build asks, and
 * the files are read and checked once; in `astro dev` again only after a file changed (judged by the
 * files' sizes and times, without reading them).
 */
export class ContentReader {
  private last: { state: string; result: CheckResult } | undefined;
  private readonly root: string;
  private readonly displayRoot: string;

  constructor(root: string, displayRoot: string) {
    this.root = root;
    this.displayRoot = displayRoot;
  }

  /** The check of the folder as it is now, and whether it is a new one since the last call. */
  read(): { result: CheckResult; fresh: boolean } {
    const listing = listContentFolder(this.root);
    if (this.last?.state === listing.state) return { result: this.last.result, fresh: false };
    const files = listing.texts.map((path) => ({ path, text: readFileSync(join(this.root, path), 'utf8') }));
    const result = checkContent({ files, assets: listing.assets, displayRoot: this.displayRoot, readAsset: assetReader(this.root) });
    this.last = { state: listing.state, result };
    return { result, fresh: true };
  }
}
