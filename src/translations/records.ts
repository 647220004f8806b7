/**
 * The disk side of translation status: reading UI strings and their records, recording a
 * translation as current (`--done`, "mark as translated") in the translation's own file, and keeping
 * current translations current after a minor change to their source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { writeAtomically } from '../cache/store.ts';
import { defaultLocale, isLocaleId, localeIds, type LocaleId } from '../i18n/locales.ts';
import { uiNamespaces } from '../i18n/namespaces.ts';
import { fingerprintsInUse, pruneSourceSnapshots, saveSourceSnapshot, saveUiSources } from './history.ts';
import { fingerprint, uiRecordFor, uiStringsByKey, type UiRecords, type UiStrings } from './status.ts';

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
 * the current Vietnamese source, and keeps that source (./history.ts) so the changes made to it
 * later can be shown. Returns the fingerprint recorded.
 */
export function recordTranslation(locale: string, path: string, roots: { content: string; ui: string }): string {
  if (!isLocaleId(locale)) throw new RecordError(`"${locale}" is not a language of this site.`);
  if (!existsSync(path)) throw new RecordError(`${path} does not exist.`);
  if (path.endsWith('.json')) return recordUiFile(locale, path, roots.ui);
  if (!path.endsWith('.mdx')) throw new RecordError(`${path} is neither a text (.mdx) nor a UI strings file (.json).`);
  if (basename(path) !== `${locale}.mdx`) throw new RecordError(`${path} is not the ${locale} translation: its name should be ${locale}.mdx.`);
  const sourcePath = join(dirname(path), `${defaultLocale}.mdx`);
  if (!existsSync(sourcePath)) throw new RecordError(`There is no Vietnamese source ${sourcePath} next to ${path}.`);
  const hash = saveSourceSnapshot(roots.content, readFileSync(sourcePath, 'utf8'));
  writeTranslatedFrom(path, hash);
  pruneSourceSnapshots(roots.content, fingerprintsInUse(roots.content));
  return hash;
}

/** Sets `translatedFrom` in the frontmatter of the text at `path`, leaving the rest of it as written. */
export function writeTranslatedFrom(path: string, hash: string): void {
  const text = readFileSync(path, 'utf8');
  const match = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!match) throw new RecordError(`${path} has no frontmatter block between "---" lines.`);
  const doc = parseDocument(match[2] ?? '');
  if (doc.errors.length) throw new RecordError(`${path}: the frontmatter is not valid YAML; fix it first.`);
  doc.set('translatedFrom', hash);
  writeAtomically(path, `${match[1]}${doc.toString({ lineWidth: 0 })}${match[3]}${text.slice(match[0].length)}`);
}

/**
 * After a minor change to the Vietnamese source at `sourcePath` (a typo, a number format): the
 * translations that were current with `previousSource` are recorded as current with the source as it
 * is now. Outdated translations stay outdated. Returns the translations updated.
 */
export function keepTranslationsCurrent(sourcePath: string, previousSource: string, contentRoot: string): string[] {
  const before = fingerprint(previousSource);
  const folder = dirname(sourcePath);
  const updated: string[] = [];
  let hash: string | undefined;
  for (const name of readdirSync(folder).sort()) {
    const locale = name.replace(/\.mdx$/, '');
    if (!name.endsWith('.mdx') || locale === defaultLocale || !isLocaleId(locale)) continue;
    const path = join(folder, name);
    if (/^translatedFrom:\s*["']?([0-9a-f]{12})/m.exec(readFileSync(path, 'utf8'))?.[1] !== before) continue;
    hash ??= saveSourceSnapshot(contentRoot, readFileSync(sourcePath, 'utf8'));
    writeTranslatedFrom(path, hash);
    updated.push(path);
  }
  if (updated.length) pruneSourceSnapshots(contentRoot, fingerprintsInUse(contentRoot));
  return updated;
}

function readRecords(root: string, locale: LocaleId): Record<string, Record<string, string>> {
  const path = join(root, locale, uiRecordFile);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
}

function recordUiFile(locale: LocaleId, path: string, root: string): string {
  const namespace = basename(path, '.json');
  if (!(uiNamespaces as readonly string[]).includes(namespace) || basename(dirname(path)) !== locale) {
    throw new RecordError(`${path} is not a UI strings file of ${locale} (expected ${join(root, locale, '<namespace>.json')}).`);
  }
  const source = JSON.parse(readFileSync(join(root, defaultLocale, `${namespace}.json`), 'utf8'));
  const translated = JSON.parse(readFileSync(path, 'utf8'));
  const records = readRecords(root, locale);
  records[namespace] = uiRecordFor(source, translated);
  writeAtomically(join(root, locale, uiRecordFile), `${JSON.stringify(records, null, 2)}\n`);
  const inUse = new Set(localeIds.flatMap((l) => Object.values(readRecords(root, l)).flatMap((keys) => Object.values(keys))));
  saveUiSources(root, uiStringsByKey(source).values(), inUse);
  return fingerprint(JSON.stringify(records[namespace]));
}
