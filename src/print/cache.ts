/**
 * The print cache on disk (src/cache/store.ts), keyed as src/print/cache-key.ts says: a layout record
 * per publication (the files its page read and their hashes, the raw PDF, pages, warnings, metadata,
 * anchors), raw PDFs by their hash, and each finished variant under its variant key. This module also
 * measures the inputs the keys are made of: file hashes, code hashes, tool versions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CacheStore, sha256 } from '../cache/store.ts';
import { cacheFormat, layoutKey, layoutRecordName, type LayoutInputs } from './cache-key.ts';
import type { PrintMeta } from './layout-audit.ts';
import { pagedjsDir } from './pagedjs.ts';
import type { ImageUse } from './layout-audit.ts';

export interface LayoutRecord {
  format: typeof cacheFormat;
  /** layoutKey() of the inputs below when it was laid out. */
  key: string;
  /** sha256 of every site file the page read, by path relative to the site. */
  files: Record<string, string>;
  /** sha256 of Chromium's PDF before post-processing (stored in the cache by it). */
  raw: string;
  pages: number;
  warnings: string[];
  meta: PrintMeta;
  /** Start page of each named part (see RenderResult.anchors). */
  anchors: Record<string, number>;
  /** Every image as printed: the screen PDF brings each down to screen resolution from these. */
  images: ImageUse[];
}

/** Hashes of the files a render read, or undefined if one of them is gone. */
export function hashInputs(siteDir: string, files: readonly string[]): Record<string, string> | undefined {
  const hashes: Record<string, string> = {};
  for (const file of files) {
    const absolute = join(siteDir, file);
    if (!existsSync(absolute)) return undefined;
    hashes[file] = sha256(readFileSync(absolute));
  }
  return hashes;
}

/** Where src/ is: the code lists in cache-key.ts are relative to it. */
const srcDir = new URL('../', import.meta.url);

/** One hash of the source of `modules` (paths relative to src/). */
export function codeVersion(modules: readonly string[]): string {
  return sha256(modules.map((m) => `${m}\u0000${readFileSync(new URL(m, srcDir), 'utf8')}`).join('\u0000'));
}

export function pagedjsVersion(): string {
  return (JSON.parse(readFileSync(join(pagedjsDir, 'package.json'), 'utf8')) as { version: string }).version;
}

export class PrintCache {
  private readonly store: CacheStore;

  constructor(dir: string) {
    this.store = new CacheStore(dir);
  }

  /**
   * The layout record of a publication if every file it read still has the same content in
   * `siteDir` and the engine is the same; `html` is the sha256 of its print HTML.
   */
  lookupLayout(publication: string, engine: Omit<LayoutInputs, 'files'>, html: string, siteDir: string): { record: LayoutRecord; raw: Uint8Array } | undefined {
    const record = this.store.readRecord(layoutRecordName(publication, engine, html)) as LayoutRecord | undefined;
    if (record?.format !== cacheFormat) return undefined;
    const files = hashInputs(siteDir, Object.keys(record.files));
    if (!files || layoutKey({ ...engine, files }) !== record.key) return undefined;
    const raw = this.store.read(record.raw);
    return raw ? { record, raw } : undefined;
  }

  storeLayout(publication: string, engine: Omit<LayoutInputs, 'files'>, html: string, record: Omit<LayoutRecord, 'format' | 'key' | 'raw'>, raw: Uint8Array): LayoutRecord {
    const stored: LayoutRecord = { format: cacheFormat, key: layoutKey({ ...engine, files: record.files }), raw: this.store.write(raw), ...record };
    this.store.writeRecord(layoutRecordName(publication, engine, html), stored);
    return stored;
  }

  /** A finished PDF (a variant, the order sheet) by its key. */
  read(key: string): Uint8Array | undefined {
    return this.store.readKeyed(key);
  }

  write(key: string, pdf: Uint8Array): void {
    this.store.writeKeyed(key, pdf);
  }
}
