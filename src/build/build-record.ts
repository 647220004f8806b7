/**
 * The whole-build record: a build whose every input is as it was for the last finished build of the
 * same output folder, and whose output folder is as that build left it, has nothing to do. The
 * record names those inputs (`inputsKey`) and that output (`outputKey`); scripts/build.ts compares
 * them before it renders anything, and writes a new record after each finished build.
 *
 * The inputs are everything a build reads: the content folder, the project's code, UI strings and
 * static files, the installed packages (npm's record of node_modules), the resolved build options
 * that shape output (site address, marks, press condition and profile bytes), and the tools (Node,
 * Chromium, and for press Ghostscript and qpdf). Every file is hashed by its bytes, so a checkout
 * that only touches mtimes still matches. The output is listed by path, size and mtime: a file
 * deleted, added or edited in `dist/` makes the next build a real one.
 *
 * The product's site does not depend on the clock (no page shows the build date), so no date enters
 * the key. Pure apart from reading files: the caller gives the tool versions.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeAtomically } from '../cache/store.ts';
import type { BuildConfig } from './config.ts';

/** The project's files a build reads, relative to its root (folders are read whole). */
export const projectInputs = [
  'src',
  'locales',
  'public',
  'scripts',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  // npm's own record of what is installed: it changes with every install that changes a package.
  'node_modules/.package-lock.json',
] as const;

/** The format of the record; a record of another format never matches. */
const recordFormat = 1;

export interface BuildFacts {
  /** The project folder and the content folder, absolute. */
  root: string;
  contentDir: string;
  /** Resolved options that shape the output (site address, marks, press, ...), as plain data. */
  options: unknown;
  /** Versions of the tools the output depends on: Node, Chromium, Ghostscript and qpdf when used. */
  tools: Readonly<Record<string, string>>;
}

export interface BuildRecord {
  format: typeof recordFormat;
  inputs: string;
  output: string;
  /** When the recorded build finished (ISO), for the message. */
  finished: string;
}

/** Every file under `dir` (or `dir` itself when a file), sorted, with its path relative to `base`. */
function filesUnder(base: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [relative(base, dir).split(sep).join('/')];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    // A linked file is read through its link, as the build reads it.
    .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && statSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.isFile()))
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** One hash of every input of a build: file paths and bytes, options and tool versions. */
export function inputsKey(facts: BuildFacts): string {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Uint8Array) => hash.update(`${label}\u0000`).update(value).update('\u0000');
  add('format', String(recordFormat));
  for (const [base, folders] of [
    [facts.root, projectInputs.map((input) => join(facts.root, input))],
    [facts.contentDir, [facts.contentDir]],
  ] as const) {
    for (const folder of folders) {
      for (const file of filesUnder(base, folder)) add(file, readFileSync(join(base, file)));
    }
  }
  add('options', JSON.stringify(facts.options));
  add('tools', JSON.stringify(Object.entries(facts.tools).sort(([a], [b]) => (a < b ? -1 : 1))));
  return hash.digest('hex');
}

/** One hash of the output folder as it stands: every file's path, size and modification time; '' when there is none. */
export function outputKey(outDir: string): string {
  if (!existsSync(outDir)) return '';
  const hash = createHash('sha256');
  for (const file of filesUnder(outDir, outDir)) {
    const stats = statSync(join(outDir, file));
    hash.update(`${file}\u0000${stats.size}\u0000${stats.mtimeMs}\u0000`);
  }
  return hash.digest('hex');
}

/** The record of the last finished build of `outDir`, kept in `recordDir`. */
const recordPath = (recordDir: string, outDir: string) => join(recordDir, `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);

export function readBuildRecord(recordDir: string, outDir: string): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(recordPath(recordDir, outDir), 'utf8')) as BuildRecord;
    return record.format === recordFormat ? record : undefined;
  } catch {
    return undefined;
  }
}

export function writeBuildRecord(recordDir: string, outDir: string, record: Omit<BuildRecord, 'format'>): void {
  writeAtomically(recordPath(recordDir, outDir), JSON.stringify({ format: recordFormat, ...record }));
}

/** The record, when this build has nothing to do: the same inputs, and the output as that build left it. */
export function unchangedSince(record: BuildRecord | undefined, inputs: string, outDir: string): BuildRecord | undefined {
  if (!record || record.inputs !== inputs || !record.output) return undefined;
  return outputKey(outDir) === record.output ? record : undefined;
}

/** The facts of a build as resolved: the options that shape its output, with the press profile by its bytes. */
export function buildFacts(config: BuildConfig, tools: Readonly<Record<string, string>>): BuildFacts {
  const press = config.print.press;
  const profile = press && existsSync(press.iccProfile) ? createHash('sha256').update(readFileSync(press.iccProfile)).digest('hex') : 'missing';
  return {
    root: config.root,
    contentDir: config.content.dir,
    options: {
      siteUrl: config.siteUrl,
      marks: config.print.marks,
      press: press && { outputCondition: press.outputCondition, info: press.info ?? null, profile },
      chromium: config.print.chromium,
      pagefind: config.search.pagefindBinary ?? null,
    },
    tools,
  };
}
