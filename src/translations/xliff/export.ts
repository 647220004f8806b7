/**
 * `npm run translations -- --export <locale>`: one XLIFF file per text missing or outdated in that
 * language (articles, projects, bulletin forewords, booklet and edition texts, UI namespaces). In an
 * outdated text, units whose source has not changed since the recorded translation carry it, marked
 * final; changed units come empty, with the previous translation as a note. The Vietnamese sources
 * are kept (content/.sources) and the export recorded (./record.ts) for the import.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentProblem } from '../../content/problems.ts';
import { checkContentFolder } from '../../content/read.ts';
import { defaultLocale, getLocale, type LocaleId } from '../../i18n/locales.ts';
import { writeAtomically } from '../../cache/store.ts';
import { BlockParseError } from '../blocks.ts';
import { translationRows } from '../changes.ts';
import { readSourceSnapshot, saveSourceSnapshot } from '../history.ts';
import { readUiStrings } from '../records.ts';
import { contentStatus, fingerprint, flattenStrings, uiStatus, uiStringsByKey } from '../status.ts';
import { textKindOf, translatableFields, type TextKind } from './fields.ts';
import { writeXliff, type WriteUnit, type XliffVersion } from './format.ts';
import { extractInline, type Code, type Inline } from './inline.ts';
import { readExportRecord, recordKey, writeExportRecord, type ExportRecord } from './record.ts';
import { allUnits, contentUnits, uiInline, uiUnits, type Unit } from './units.ts';

export interface ExportOptions {
  locale: LocaleId;
  /** The content folder, and how messages show it (`content`). */
  contentRoot: string;
  contentShown: string;
  /** The UI strings folder (`locales`). */
  uiRoot: string;
  /** Where the XLIFF files go. */
  out: string;
  version: XliffVersion;
  /** Only these texts (their sources: `articles/<slug>/vi.mdx`, `ui/<namespace>.json`), e.g. one text from the studio. */
  only?: readonly string[];
  now?: Date;
}

export interface ExportedFile {
  /** The XLIFF file written. */
  path: string;
  /** What it holds: `article tan-cuong-tea`, `ui common`. */
  text: string;
  /** The source, relative to the content folder, or `ui/<namespace>.json`. */
  original: string;
  units: number;
  /** Units to translate; the others carry the recorded translation, final. */
  open: number;
}

export interface ExportResult {
  id: string;
  files: ExportedFile[];
  /** Content errors: the texts they are in were left out. */
  problems: ContentProblem[];
}

/** A mistake in what was asked (a language, a version), with what to do instead. */
export class ExportError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

const translatedFromOf = (text: string) => /^translatedFrom:\s*["']?([0-9a-f]{12})/m.exec(text)?.[1];

/** Code kinds in the order they open, for matching a translation's codes with its source's. */
function codeOrder(parts: Inline, codes: ReadonlyMap<string, Code>): Array<{ id: string; kind: string }> {
  return parts.flatMap((p) => (typeof p === 'string' || 'close' in p ? [] : [{ id: 'open' in p ? p.open : p.code, kind: codes.get('open' in p ? p.open : p.code)!.kind }]));
}

/** A translation's inline parts with its codes renamed to the source's, when they match one to one in order and kind. */
function remapCodes(source: Unit, parts: Inline, codes: ReadonlyMap<string, Code>): Inline | undefined {
  const want = codeOrder(source.source, source.codes);
  const have = codeOrder(parts, codes);
  if (want.length !== have.length || want.some((w, i) => w.kind !== have[i]!.kind)) return undefined;
  const rename = new Map(have.map((h, i) => [h.id, want[i]!.id]));
  return parts.map((p) => (typeof p === 'string' ? p : 'open' in p ? { open: rename.get(p.open)! } : 'close' in p ? { close: rename.get(p.close)! } : { code: rename.get(p.code)! }));
}

interface Prefill {
  targets: Map<string, Inline>;
  previous: Map<string, string>;
}

/** What an outdated content translation still gives: final targets for unchanged units, notes for changed ones. */
function contentPrefill(kind: TextKind, units: ReturnType<typeof contentUnits>, source: string, translation: string, translatedFrom: string | undefined): Prefill {
  const targets = new Map<string, Inline>();
  const previous = new Map<string, string>();
  const before = translatedFrom ? new Map(translatableFields(kind, translatedFrom).map((f) => [f.id, f.value])) : new Map<string, string>();
  const translated = new Map(translatableFields(kind, translation).map((f) => [f.id, f.value]));
  for (const unit of units.fields) {
    const value = translated.get(unit.id);
    if (value === undefined) continue;
    if (before.get(unit.id) === unit.field.value) targets.set(unit.id, [value]);
    else previous.set(unit.id, value);
  }
  const rows = new Map(translationRows(source, translation, translatedFrom).rows.flatMap((row) => (row.source ? [[row.source.start, row] as const] : [])));
  const blockAt = new Map(units.blocks.map((b) => [b.start, b]));
  for (const [start, row] of rows) {
    if (!row.translation) continue;
    const unit = blockAt.get(start);
    const sameSince = translatedFrom !== undefined && row.change === 'same';
    const extracted = extractInline(translation, row.translation.children);
    // The alt texts and captions of an unchanged block keep their translation, in order.
    const inner = units.inner.filter((u) => u.blockStart === start);
    if (sameSince && inner.length === extracted.inner.length && inner.every((u, i) => u.inner.name === extracted.inner[i]!.name)) inner.forEach((u, i) => targets.set(u.id, [extracted.inner[i]!.text]));
    if (!unit) continue;
    const remapped = sameSince ? remapCodes(unit, extracted.parts, extracted.codes) : undefined;
    if (remapped) targets.set(unit.id, remapped);
    else previous.set(unit.id, row.translation.plain);
  }
  // Captions of components on lines of their own, in order: carried when unchanged since.
  const flow = (file: string) => contentUnits(kind, file).inner.filter((u) => u.blockStart === undefined);
  const now = units.inner.filter((u) => u.blockStart === undefined);
  const then = translatedFrom ? flow(translatedFrom) : [];
  const theirs = flow(translation);
  if (theirs.length === now.length && theirs.every((t, i) => t.inner.name === now[i]!.inner.name)) {
    now.forEach((u, i) => {
      const same = then.length === now.length && then[i]!.inner.name === u.inner.name && then[i]!.inner.text === u.inner.text;
      if (same) targets.set(u.id, [theirs[i]!.inner.text]);
      else previous.set(u.id, theirs[i]!.inner.text);
    });
  }
  return { targets, previous };
}

function writeUnits(units: readonly Unit[], prefill: Prefill): WriteUnit[] {
  return units.map((unit) => {
    const target = prefill.targets.get(unit.id);
    const previous = prefill.previous.get(unit.id);
    return {
      id: unit.id,
      name: unit.kind,
      source: unit.source,
      codes: unit.codes,
      ...(target ? { target } : {}),
      notes: [{ category: 'context' as const, text: unit.note }, ...(previous !== undefined && !target ? [{ category: 'previous-translation' as const, text: `Previous translation (the source has changed since): ${previous}` }] : [])],
    };
  });
}

/** Writes the XLIFF files of every text missing or outdated in `locale`; records the export. */
export function exportTranslations(options: ExportOptions): ExportResult {
  const { locale, contentRoot, contentShown, uiRoot, out, version } = options;
  if (locale === defaultLocale) throw new ExportError(`${locale} is the source language: texts are translated from it, not into it.`, 'Name the language to translate into, e.g. --export ja.');
  const now = options.now ?? new Date();
  const id = `${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
  const { problems, index } = checkContentFolder(contentRoot, contentShown);
  const record: ExportRecord = readExportRecord(contentRoot);
  const files: ExportedFile[] = [];
  const sourceLanguage = getLocale(defaultLocale).tag;
  const targetLanguage = getLocale(locale).tag;
  const relative = (shown: string) => shown.slice(contentShown.length + 1);
  const emit = (name: string, text: string, original: string, target: string, units: WriteUnit[], source: string, translation: string | undefined) => {
    const path = join(out, `${name}.xlf`);
    mkdirSync(out, { recursive: true });
    writeAtomically(path, writeXliff({ original, sourceLanguage, targetLanguage, exportId: id, units }, version));
    record[recordKey(locale, original)] = { id, locale, source: fingerprint(source), translation: translation === undefined ? null : fingerprint(translation), target, exported: now.toISOString() };
    files.push({ path, text, original, units: units.length, open: units.filter((u) => !u.target).length });
  };

  for (const row of contentStatus(index, contentShown)) {
    if (row.locale !== locale || row.state === 'up-to-date') continue;
    const original = relative(row.source);
    if (options.only && !options.only.includes(original)) continue;
    const kind = textKindOf(original)!;
    const source = readFileSync(join(contentRoot, original), 'utf8');
    saveSourceSnapshot(contentRoot, source);
    const targetPath = relative(row.file);
    const translation = existsSync(join(contentRoot, targetPath)) ? readFileSync(join(contentRoot, targetPath), 'utf8') : undefined;
    const units = contentUnits(kind, source);
    const from = translation ? translatedFromOf(translation) : undefined;
    let prefill: Prefill = { targets: new Map(), previous: new Map() };
    try {
      if (translation) prefill = contentPrefill(kind, units, source, translation, from ? readSourceSnapshot(contentRoot, from) : undefined);
    } catch (error) {
      // A translation MDX cannot read gives nothing to carry over: every unit comes open.
      if (!(error instanceof BlockParseError)) throw error;
    }
    emit(`${row.kind}-${row.id}`, `${row.kind} ${row.id}`, original, targetPath, writeUnits(allUnits(units), prefill), source, translation);
  }

  const { strings, records } = readUiStrings(uiRoot);
  const namespaces = new Set(uiStatus(strings, records, uiRoot).filter((r) => r.locale === locale && r.state !== 'up-to-date').map((r) => r.id.split(':')[0]!));
  for (const namespace of namespaces) {
    if (options.only && !options.only.includes(`ui/${namespace}.json`)) continue;
    const sourceFile = join(uiRoot, defaultLocale, `${namespace}.json`);
    const targetFile = join(uiRoot, locale, `${namespace}.json`);
    const source = readFileSync(sourceFile, 'utf8');
    saveSourceSnapshot(contentRoot, source);
    const translation = existsSync(targetFile) ? readFileSync(targetFile, 'utf8') : undefined;
    const units = uiUnits(JSON.parse(source), getLocale(locale).intl);
    emit(`ui-${namespace}`, `ui ${namespace}`, `ui/${namespace}.json`, `${locale}/${namespace}.json`, writeUnits(units, uiPrefill(units, source, translation, records[locale]?.[namespace] ?? {})), source, translation);
  }
  if (files.length) writeExportRecord(contentRoot, record);
  return { id, files, problems };
}

/** UI strings: a key whose Vietnamese string is the one recorded for the translation carries it, final. */
function uiPrefill(units: readonly Unit[], source: string, translation: string | undefined, recorded: Record<string, string>): Prefill {
  const targets = new Map<string, Inline>();
  const previous = new Map<string, string>();
  if (!translation) return { targets, previous };
  const translated = flattenStrings(JSON.parse(translation));
  const sourceByKey = uiStringsByKey(JSON.parse(source));
  for (const unit of units) {
    const value = translated.get(unit.id);
    if (value === undefined) continue;
    const base = unit.id.replace(/_(zero|one|two|few|many|other)$/, '');
    const text = sourceByKey.get(base);
    const parts = uiInline(value);
    const codeOf = new Map([...unit.codes.values()].map((c) => [c.open, c.id]));
    const sameCodes = parts.codes.size === unit.codes.size && [...parts.codes.values()].every((c) => codeOf.has(c.open));
    if (text !== undefined && recorded[base] === fingerprint(text) && sameCodes) {
      targets.set(unit.id, parts.source.map((p) => (typeof p === 'string' ? p : { code: codeOf.get(parts.codes.get((p as { code: string }).code)!.open)! })));
    } else previous.set(unit.id, value);
  }
  return { targets, previous };
}
