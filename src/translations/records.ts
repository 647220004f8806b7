/**
 * The disk side of translation status: reading UI strings and their records, and recording a
 * translation as current (`--done`) in the translation's own file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { isLocaleId, localeIds, type LocaleId } from '../i18n/locales.ts';
import { uiNamespaces } from '../i18n/namespaces.ts';
import { fingerprint, uiRecordFor, type UiRecords, type UiStrings } from './status.ts';

export const uiRecordFile = 'translated-from.json';

export function readUiStrings(root: string): { strings: UiStrings; records: UiRecords } {
  const strings: UiStrings = {};
  const records: UiRecords = {};
  for (const locale of localeIds) {
    const namespaces: Record<string, unknown> = {};
    for (const namespace of uiNamespaces) {
      const file = join(root, locale, `${namespace}.json`);
      if (existsSync(file)) namespaces[namespace] = JSON.parse(readFileSync(file, 'utf8'));
    }
    strings[locale] = namespaces;
    const recordFile = join(root, locale, uiRecordFile);
    if (existsSync(recordFile)) records[locale] = JSON.parse(readFileSync(recordFile, 'utf8'));
  }
  return { strings, records };
}

export class RecordError extends Error {}

/**
 * Marks the translation at `path` (a content .mdx file or a UI strings file) as translated from
 * the current Vietnamese source. Returns the fingerprint recorded.
 */
export function recordTranslation(locale: string, path: string, uiRoot: string): string {
  if (!isLocaleId(locale)) throw new RecordError(`"${locale}" is not a language of this site.`);
  if (!existsSync(path)) throw new RecordError(`${path} does not exist.`);
  if (path.endsWith('.json')) return recordUiFile(locale, path, uiRoot);
  if (!path.endsWith('.mdx')) throw new RecordError(`${path} is neither a text (.mdx) nor a UI strings file (.json).`);
  if (basename(path) !== `${locale}.mdx`) throw new RecordError(`${path} is not the ${locale} translation: its name should be ${locale}.mdx.`);
  const sourcePath = join(dirname(path), 'vi.mdx');
  if (!existsSync(sourcePath)) throw new RecordError(`There is no Vietnamese source ${sourcePath} next to ${path}.`);
  const hash = fingerprint(readFileSync(sourcePath, 'utf8'));
  const text = readFileSync(path, 'utf8');
  const match = /^(---[ \t]*\r?\n)([\s\S]*?\r?\n)(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!match) throw new RecordError(`${path} has no frontmatter block between "---" lines.`);
  const doc = parseDocument(match[2] ?? '');
  if (doc.errors.length) throw new RecordError(`${path}: the frontmatter is not valid YAML; fix it first.`);
  doc.set('translatedFrom', hash);
  writeFileSync(path, `${match[1]}${doc.toString({ lineWidth: 0 })}${match[3]}${text.slice(match[0].length)}`);
  return hash;
}

function recordUiFile(locale: LocaleId, path: string, root: string): string {
  const namespace = basename(path, '.json');
  if (!(uiNamespaces as readonly string[]).includes(namespace) || basename(dirname(path)) !== locale) {
    throw new RecordError(`${path} is not a UI strings file of ${locale} (expected ${join(root, locale, '<namespace>.json')}).`);
  }
  const source = JSON.parse(readFileSync(join(root, 'vi', `${namespace}.json`), 'utf8'));
  const translated = JSON.parse(readFileSync(path, 'utf8'));
  const recordPath = join(root, locale, uiRecordFile);
  const records = existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : {};
  records[namespace] = uiRecordFor(source, translated);
  writeFileSync(recordPath, `${JSON.stringify(records, null, 2)}\n`);
  return fingerprint(JSON.stringify(records[namespace]));
}
