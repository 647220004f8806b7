/**
 * The export's own record: for each text handed to a translator and not yet taken back, the
 * fingerprint of the Vietnamese source it was made from (kept in content/.sources, so the units,
 * URLs, code and components can be made again from it at import), the fingerprint of the language's
 * file at the time (to refuse overwriting later edits), and the export's id. Kept beside the kept
 * sources, `content/.sources/exports.json`, in the repository: an import works on any clone.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from '../../cache/store.ts';
import { contentSourcesFolder, exportRecordFile } from '../history.ts';

export interface ExportEntry {
  /** The export run: written into the XLIFF file too, so a file from an earlier export is recognised. */
  id: string;
  locale: string;
  /** Fingerprint of the Vietnamese source exported (content/.sources/<source>.txt). */
  source: string;
  /** Fingerprint of the language's file when exported; null when it did not exist. */
  translation: string | null;
  /** Where the translation goes: relative to the content folder (`articles/x/ja.mdx`) or, for UI strings, to the UI strings folder (`ja/common.json`). */
  target: string;
  exported: string;
}

export type ExportRecord = Record<string, ExportEntry>;

export const recordKey = (locale: string, original: string) => `${locale}:${original}`;
const recordPath = (contentRoot: string) => join(contentRoot, contentSourcesFolder, exportRecordFile);

/** The record cannot be read: an edit by hand or a merge gone wrong. */
export class ExportRecordError extends Error {
  readonly hint = 'Restore the file from git (git checkout -- content/.sources/exports.json), or resolve the merge so it is valid JSON again.';
}

export function readExportRecord(contentRoot: string): ExportRecord {
  const path = recordPath(contentRoot);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ExportRecord;
  } catch (error) {
    throw new ExportRecordError(`${path} is not valid JSON (${(error as Error).message}).`);
  }
}

export function writeExportRecord(contentRoot: string, record: ExportRecord): void {
  mkdirSync(join(contentRoot, contentSourcesFolder), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  writeAtomically(recordPath(contentRoot), `${JSON.stringify(sorted, null, 2)}\n`);
}
