/**
 * The print cache: a PDF is rendered again only when something that shapes it changed — the print
 * HTML, any stylesheet, font or image the page read, the print code, Paged.js or Chromium.
 * Entries live in node_modules/.cache/press-print/: one JSON file per publication, PDFs by hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintMeta } from './layout-audit.ts';

export interface CacheEntry {
  /** Chromium, Paged.js and print-code versions. */
  engine: string;
  /** sha256 of every input file, by path relative to the site. */
  inputs: Record<string, string>;
  pages: number;
  warnings: string[];
  meta: PrintMeta;
  /** Start page of each named part (see RenderResult.anchors). */
  anchors: Record<string, number>;
  /** sha256 of Chromium's PDF before post-processing. */
  raw: string;
  /** sha256 of each finished variant, by variant key (`screen`, `screen+marks`, `press`). */
  outputs: Record<string, string>;
}

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** The version of the code that lays out and post-processes PDFs: a change to it invalidates every PDF. */
export function printCodeVersion(printDir: string): string {
  const files = readdirSync(printDir).filter((f) => f.endsWith('.ts')).sort();
  return sha256(files.map((f) => readFileSync(join(printDir, f), 'utf8')).join('\u0000')).slice(0, 16);
}

export class PrintCache {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private entryPath(key: string) {
    return join(this.dir, `${key.replace(/[^a-z0-9-]/gi, '_')}.json`);
  }

  /** The entry for `key` if every input it recorded still has the same content in `siteDir`. */
  lookup(key: string, engine: string, siteDir: string): CacheEntry | undefined {
    const path = this.entryPath(key);
    if (!existsSync(path)) return undefined;
    const entry = JSON.parse(readFileSync(path, 'utf8')) as CacheEntry;
    if (entry.engine !== engine) return undefined;
    for (const [file, hash] of Object.entries(entry.inputs)) {
      const absolute = join(siteDir, file);
      if (!existsSync(absolute) || sha256(readFileSync(absolute)) !== hash) return undefined;
    }
    return entry;
  }

  store(key: string, entry: CacheEntry): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.entryPath(key), JSON.stringify(entry));
  }

  read(hash: string): Uint8Array | undefined {
    const path = join(this.dir, `${hash}.pdf`);
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  /** Files stored under a key of their own (the order sheet, keyed by its HTML). */
  readKeyed(key: string): Uint8Array | undefined {
    const path = join(this.dir, `${key}.bin`);
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  writeKeyed(key: string, data: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, `${key}.bin`), data);
  }

  write(data: Uint8Array): string {
    const hash = sha256(data);
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, `${hash}.pdf`);
    if (!existsSync(path)) writeFileSync(path, data);
    return hash;
  }
}

/** Hashes of the files a render read. */
export function hashInputs(siteDir: string, files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, sha256(readFileSync(join(siteDir, f)))]));
}
