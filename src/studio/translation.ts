/**
 * The side-by-side translation screen's data, from the translation core (src/translations/):
 * the Vietnamese source as it is now and the translation aligned block by block, and for an
 * outdated translation what changed in the source since it was recorded (from the snapshot kept in
 * the repository, so no git history is needed). UI strings the same way, key by key.
 */
import { parse } from 'yaml';
import { BlockParseError, type TextBlock } from '../translations/blocks.ts';
import { translationRows, wordChanges, type FieldChange, type WordPart } from '../translations/changes.ts';
import { readSourceSnapshot, readUiSource } from '../translations/history.ts';
import { fingerprint, flattenStrings, type TranslationState } from '../translations/status.ts';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { uiRecordFile } from '../translations/records.ts';
import type { FileRead } from './files.ts';

/** A block as the page needs it: where it is in its file, its text, and the heading it sits under. */
export interface BlockView {
  kind: TextBlock['kind'];
  start: number;
  end: number;
  text: string;
  heading: string | undefined;
  /** What comes before the text on its line in the file (`## `, `- `): what a copied block starts with. */
  prefix: string;
}

export interface TranslationScreen {
  source: FileRead;
  translation: FileRead;
  state: TranslationState;
  /** Whether the source the translation was made from was found (else only the alignment is shown). */
  history: boolean;
  fields: FieldChange[];
  rows: Array<{ change: 'same' | 'changed' | 'added' | 'removed'; words?: WordPart[]; source?: BlockView; translation?: BlockView }>;
  /** Where the body starts in the translation (after the frontmatter): where a first copied block goes. */
  bodyStart: number;
  error?: string;
}

const frontmatter = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

function view(block: TextBlock | undefined, file: string): BlockView | undefined {
  if (!block) return undefined;
  const lineStart = file.lastIndexOf('\n', block.start - 1) + 1;
  return { kind: block.kind, start: block.start, end: block.end, text: block.text, heading: block.heading, prefix: file.slice(lineStart, block.start) };
}

function translatedFromOf(text: string): string | undefined {
  const match = frontmatter.exec(text);
  try {
    const data = match ? (parse(match[1] ?? '') as Record<string, unknown> | null) : null;
    return typeof data?.translatedFrom === 'string' ? data.translatedFrom : undefined;
  } catch {
    return undefined;
  }
}

export function translationScreen(source: FileRead, translation: FileRead, contentRoot: string): TranslationScreen {
  const recorded = translatedFromOf(translation.text);
  const state: TranslationState = translation.version === null ? 'missing' : recorded === fingerprint(source.text) ? 'up-to-date' : 'outdated';
  const before = recorded && state === 'outdated' ? readSourceSnapshot(contentRoot, recorded) : undefined;
  const bodyStart = frontmatter.exec(translation.text)?.[0].length ?? 0;
  try {
    const { fields, rows } = translationRows(source.text, translation.text, before);
    return {
      source,
      translation,
      state,
      history: before !== undefined,
      fields,
      bodyStart,
      rows: rows.map((row) => ({
        change: row.change,
        ...(row.words ? { words: row.words } : {}),
        ...(row.source ? { source: view(row.source, source.text)! } : {}),
        ...(row.translation ? { translation: view(row.translation, translation.text)! } : {}),
      })),
    };
  } catch (error) {
    // A text remark cannot read: the two files are still shown whole, with the reason.
    const message = error instanceof BlockParseError ? `${error.message}${error.line ? ` (line ${error.line})` : ''}` : String(error);
    return { source, translation, state, history: false, fields: [], rows: [], bodyStart, error: message };
  }
}

export interface UiTranslationScreen {
  source: FileRead;
  translation: FileRead;
  rows: Array<{ key: string; source: string; translation: string | undefined; state: TranslationState; words?: WordPart[] }>;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The UI strings of one namespace, key by key: the Vietnamese, the translation, its state, and what changed. */
export function uiTranslationScreen(source: FileRead, translation: FileRead, localesRoot: string, locale: string): UiTranslationScreen {
  const namespace = source.path.split('/').at(-1)!.replace(/\.json$/, '');
  const sourceStrings = flattenStrings(JSON.parse(source.text || '{}'));
  const translated = flattenStrings(JSON.parse(translation.text || '{}'));
  const recordPath = join(localesRoot, locale, uiRecordFile);
  const records = existsSync(recordPath) ? ((JSON.parse(readFileSync(recordPath, 'utf8')) as Record<string, Record<string, string>>)[namespace] ?? {}) : {};
  // The status compares a key's plural forms together (src/translations/status.ts): so does this.
  const grouped = new Map<string, string>();
  for (const [key, text] of [...sourceStrings].sort(([a], [b]) => a.localeCompare(b))) {
    const base = key.replace(pluralSuffix, '');
    grouped.set(base, (grouped.get(base) ?? '') + text);
  }
  const rows = [...sourceStrings].map(([key, text]) => {
    const base = key.replace(pluralSuffix, '');
    const recordedHash = records[base];
    const current = grouped.get(base) ?? text;
    const state: TranslationState = !translated.has(key) ? 'missing' : recordedHash === fingerprint(current) ? 'up-to-date' : 'outdated';
    const before = state === 'outdated' && recordedHash ? readUiSource(localesRoot, recordedHash) : undefined;
    return { key, source: text, translation: translated.get(key), state, ...(before !== undefined ? { words: wordChanges(before, current) } : {}) };
  });
  return { source, translation, rows };
}
