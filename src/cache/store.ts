/**
 * A cache folder on disk shared by builds that may run at the same time (two worktrees, a build and
 * a test): content-addressed blobs (`<sha256>.pdf`), files under a key of their own (`<key>.bin`)
 * and JSON records (`<name>.json`). Every write goes to a temporary file first and is renamed into
 * place, so a reader sees a whole file or none, never half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/**
 * Writes `data` to `path` through a temporary file beside it, renamed into place: a reader sees the
 * old file or the new one, never half. The temporary name starts with a dot, so the content reader
 * and editors' folders never list it.
 */
export function writeAtomically(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

const safeName = (key: string) => key.replace(/[^a-z0-9-]/gi, '_');

export class CacheStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private file(name: string): string | undefined {
    const path = join(this.dir, name);
    return existsSync(path) ? path : undefined;
  }

  private put(name: string, data: Uint8Array | string): void {
    mkdirSync(this.dir, { recursive: true });
    writeAtomically(join(this.dir, name), data);
  }

  /** Stores `data` under its own sha256, which it returns. */
  write(data: Uint8Array): string {
    const hash = sha256(data);
    if (!this.file(`${hash}.pdf`)) this.put(`${hash}.pdf`, data);
    return hash;
  }

  /** The blob stored under `hash`, if it is there and still has that hash. */
  read(hash: string): Uint8Array | undefined {
    const path = this.file(`${hash}.pdf`);
    if (!path) return undefined;
    const data = readFileSync(path);
    return sha256(data) === hash ? data : undefined;
  }

  /** Files stored under a key of their own (a social card by what it shows, the order sheet by its HTML). */
  readKeyed(key: string): Uint8Array | undefined {
    const path = this.file(`${safeName(key)}.bin`);
    return path ? readFileSync(path) : undefined;
  }

  writeKeyed(key: string, data: Uint8Array): void {
    this.put(`${safeName(key)}.bin`, data);
  }

  /** A JSON record, or undefined when there is none or it cannot be read. */
  readRecord(name: string): unknown {
    const path = this.file(`${safeName(name)}.json`);
    if (!path) return undefined;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  writeRecord(name: string, record: unknown): void {
    this.put(`${safeName(name)}.json`, JSON.stringify(record));
  }
}
