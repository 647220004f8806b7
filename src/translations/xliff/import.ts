/**
 * `npm run translations -- --import <file or folder> [--dry-run]`: takes translated XLIFF files back.
 * Each file is checked whole before anything is written (./problems.ts lists what can be wrong);
 * the translation is made from the Vietnamese source the export was made from (kept under its
 * fingerprint), each unit's target spliced in by position, each code's markup taken from that
 * source, never from the returned file. The translation records that source's fingerprint, so a
 * source changed since the export shows the translation as outdated. Writes are atomic.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { checkContent } from '../../content/check.ts';
import { readContentFolder } from '../../content/read.ts';
import { defaultLocale, getLocale, isLocaleId, localeIds, type LocaleId } from '../../i18n/locales.ts';
import { writeAtomically } from '../../cache/store.ts';
import { textBlocks } from '../blocks.ts';
import { fingerprintsInUse, pruneSourceSnapshots, readSourceSnapshot } from '../history.ts';
import { recordUiTranslation } from '../records.ts';
import { fingerprint } from '../status.ts';
import { splitFrontmatter, textKindOf, translatedFrontmatter } from './fields.ts';
import { readXliff, XliffFormatError, type ReadFile, type ReadUnit } from './format.ts';
import { escapeInner, extractInline, inlineKey, inlineText, rebuildInline, type Code, type Inline } from './inline.ts';
import { importProblem, type ImportProblem } from './problems.ts';
import { readExportRecord, recordKey, writeExportRecord, type ExportEntry } from './record.ts';
import { allUnits, contentUnits, uiUnits, type Unit } from './units.ts';

export interface ImportOptions {
  /** XLIFF files, or folders of them (`.xlf`, `.xliff`). */
  paths: readonly string[];
  contentRoot: string;
  contentShown: string;
  uiRoot: string;
  dryRun?: boolean;
}

export interface ImportedText {
  /** The XLIFF file it came from. */
  xliff: string;
  locale: LocaleId;
  /** The file written (or that would be), as the editor knows it. */
  target: string;
  units: number;
  /** The change as a unified diff (the whole file when it is new). */
  diff: string;
  written: boolean;
}

export interface ImportResult {
  texts: ImportedText[];
  problems: ImportProblem[];
}

/** The XLIFF files named: files as given, folders' .xlf/.xliff files (not their subfolders), sorted. */
export function xliffFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) =>
    existsSync(path) && statSync(path).isDirectory()
      ? readdirSync(path).filter((name) => /\.(xlf|xliff)$/i.test(name)).sort().map((name) => join(path, name))
      : [path],
  );
}

const acceptedStates = new Set(['translated', 'reviewed', 'final', 'signed-off']);

/** The target's language as a site language: its id or tag, or the id with a region (`ja-JP`). */
function siteLocale(tag: string | undefined): LocaleId | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  return localeIds.find((id) => lower === id || lower === getLocale(id).tag.toLowerCase() || new RegExp(`^${id}-([a-z]{2}|\\d{3})$`).test(lower));
}

/** How the placeholders of a target differ from its source's, as problems. */
function placeholderProblems(unit: Unit, target: Inline, report: (code: ImportProblem['code'], message: string) => void): void {
  const codes = unit.codes;
  const seen = new Map<string, number>();
  const stack: string[] = [];
  let unpaired = false;
  for (const part of target) {
    if (typeof part === 'string') continue;
    const id = 'open' in part ? part.open : 'close' in part ? part.close : part.code;
    const code = codes.get(id);
    const shape = 'open' in part || 'close' in part ? 'paired' : 'standalone';
    if (!code || (code.paired ? 'paired' : 'standalone') !== shape) {
      report('placeholder-added', `The target has placeholder ${id} (${shape}), which the source does not have${code ? ` as a ${shape} one` : ''}.`);
      continue;
    }
    if ('close' in part) {
      if (stack.at(-1) === id) stack.pop();
      else unpaired = true;
      continue;
    }
    seen.set(id, (seen.get(id) ?? 0) + 1);
    if ('open' in part) stack.push(id);
  }
  const missing = [...codes.keys()].filter((id) => !seen.has(id));
  const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  if (missing.length) report('placeholder-missing', `The target lacks placeholder${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of the source (${missing.map((id) => describe(codes.get(id)!)).join('; ')}).`);
  if (twice.length) report('placeholder-duplicated', `The target has placeholder${twice.length > 1 ? 's' : ''} ${twice.join(', ')} more than once.`);
  else if (unpaired || stack.length) report('placeholder-unpaired', 'A paired placeholder in the target is not closed where it should be: pairs must open and close once and nest.');
}

function describe(code: Code): string {
  const shown = code.paired ? `${code.open}…${code.close}` : code.open;
  return `${code.kind} ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`;
}

interface Built {
  target: string;
  /** The content-relative path (content texts) or the UI file path. */
  path: string;
  text: string;
  ui?: { namespace: string; sourceTree: unknown; tree: unknown };
}

const jsxKinds: Record<string, string> = { '<strong>': 'bold', '<em>': 'italic', '<del>': 'strike' };
const kindOf = (code: Code | undefined) => (code?.kind === 'component' ? (jsxKinds[code.open] ?? code.kind) : code?.kind);

/** Code structure of inline parts: kinds of codes in order, for checking that the markup still parses as it should. */
function structure(parts: Inline, codes: ReadonlyMap<string, Code>): string {
  return parts.map((p) => (typeof p === 'string' ? '' : 'open' in p ? `<${kindOf(codes.get(p.open))}>` : 'close' in p ? `</${kindOf(codes.get(p.close))}>` : `[${kindOf(codes.get(p.code))}]`)).join('');
}

/** Imports every XLIFF file named; each is checked whole, and written only when it passes. */
export function importTranslations(options: ImportOptions): ImportResult {
  const result: ImportResult = { texts: [], problems: [] };
  const record = readExportRecord(options.contentRoot);
  let recordChanged = false;
  for (const xliff of xliffFiles(options.paths)) {
    const problems: ImportProblem[] = [];
    const texts: Array<ImportedText & { built: Built; key: string; entry: ExportEntry }> = [];
    let doc;
    try {
      if (!existsSync(xliff)) {
        result.problems.push(importProblem('file-missing', xliff, `There is no file or folder ${xliff}.`));
        continue;
      }
      doc = readXliff(readFileSync(xliff, 'utf8'));
    } catch (error) {
      if (!(error instanceof XliffFormatError)) throw error;
      result.problems.push(importProblem(error.code, xliff, error.message, { line: error.line }));
      continue;
    }
    for (const file of doc.files) {
      const built = importFile(xliff, file, record, options, problems);
      if (built) texts.push(built);
    }
    if (doc.files.length === 0) problems.push(importProblem('unit-missing', xliff, 'The file holds no <file> element: no text to import.'));
    if (problems.length) {
      result.problems.push(...problems);
      continue;
    }
    for (const text of texts) {
      if (!options.dryRun) {
        const { built, entry } = text;
        mkdirSync(dirname(built.path), { recursive: true });
        writeAtomically(built.path, built.text);
        if (built.ui) recordUiTranslation(text.locale, built.ui.namespace, built.ui.sourceTree, built.ui.tree, options.uiRoot);
        delete record[text.key];
        recordChanged = true;
      }
      const { built: _b, key: _k, entry: _e, ...shown } = text;
      result.texts.push({ ...shown, written: !options.dryRun });
    }
  }
  if (recordChanged) {
    writeExportRecord(options.contentRoot, record);
    pruneSourceSnapshots(options.contentRoot, fingerprintsInUse(options.contentRoot));
  }
  return result;
}

function importFile(
  xliff: string,
  file: ReadFile,
  record: Record<string, ExportEntry>,
  options: ImportOptions,
  problems: ImportProblem[],
): (ImportedText & { built: Built; key: string; entry: ExportEntry }) | undefined {
  const report = (code: ImportProblem['code'], message: string, where: { line?: number | undefined; unit?: string } = {}) => problems.push(importProblem(code, xliff, message, where));
  const original = file.original ?? '';
  const locale = siteLocale(file.targetLanguage);
  // The languages this text was exported for.
  const exported = Object.values(record).filter((e) => record[recordKey(e.locale, original)] === e);
  if (!locale || locale === defaultLocale || !isLocaleId(locale)) {
    const expected = exported.map((e) => e.locale).join(' or ');
    report('language-mismatch', `The target language is "${file.targetLanguage ?? ''}", ${locale === defaultLocale ? 'the source language' : 'not a language of this site'}${expected ? `; ${original} was exported for ${expected}` : ''}.`, { line: file.line });
    return undefined;
  }
  const key = recordKey(locale, original);
  const entry = record[key];
  if (!entry) {
    if (exported.length) report('language-mismatch', `The target language is ${locale}, but ${original} was exported for ${exported.map((e) => e.locale).join(', ')}.`, { line: file.line });
    else report('export-unknown', `"${original}" was not exported for ${locale}, or was imported already: there is no record of the export in content/.sources/exports.json.`, { line: file.line });
    return undefined;
  }
  if (file.exportId && file.exportId !== entry.id) {
    report('export-unknown', `The file is from export ${file.exportId}; ${original} was exported again since (export ${entry.id}).`, { line: file.line });
    return undefined;
  }
  const source = readSourceSnapshot(options.contentRoot, entry.source);
  if (source === undefined) {
    report('source-unknown', `The Vietnamese source of this export (${entry.source}) is not in ${options.contentShown}/.sources/.`, { line: file.line });
    return undefined;
  }
  const isUi = original.startsWith('ui/');
  const kind = isUi ? undefined : textKindOf(original);
  const units: Unit[] = isUi ? uiUnits(JSON.parse(source), getLocale(locale).intl) : allUnits(contentUnits(kind!, source));

  // Every exported unit once, nothing else.
  const returned = new Map<string, ReadUnit>();
  for (const unit of file.units) {
    if (returned.has(unit.id)) report('unit-duplicate', `Unit "${unit.id}" is in the file more than once.`, { line: unit.line, unit: unit.id });
    else returned.set(unit.id, unit);
  }
  const known = new Set(units.map((u) => u.id));
  for (const unit of file.units) if (!known.has(unit.id)) report('unit-unknown', `Unit "${unit.id}" was not exported.`, { line: unit.line, unit: unit.id });
  const targets = new Map<string, Inline>();
  for (const unit of units) {
    const back = returned.get(unit.id);
    if (!back) {
      report('unit-missing', `Unit "${unit.id}" (${unit.note}) is missing.`, { line: file.line, unit: unit.id });
      continue;
    }
    const where = { line: back.line, unit: unit.id };
    if (inlineKey(back.source) !== inlineKey(unit.source)) {
      report('source-changed', `The source of the unit differs from the one exported: “${clip(inlineText(back.source))}” instead of “${clip(inlineText(unit.source))}”.`, where);
      continue;
    }
    const state = back.states.find((s) => !s || !acceptedStates.has(s));
    if (back.states.length === 0 || back.states.some((s) => !s || !acceptedStates.has(s))) {
      report('state-open', `The unit's state is "${state ?? 'none'}"; only translated, reviewed (signed-off) or final units are taken.`, where);
      continue;
    }
    if (!back.target || !inlineText(back.target).trim()) {
      report('target-empty', 'The unit has no translation.', where);
      continue;
    }
    const before = problems.length;
    placeholderProblems(unit, back.target, (code, message) => report(code, message, where));
    if (problems.length === before) targets.set(unit.id, back.target);
  }

  // The language's file as the export found it.
  const targetPath = join(isUi ? options.uiRoot : options.contentRoot, entry.target);
  const shownTarget = isUi ? `${options.uiRoot}/${entry.target}` : `${options.contentShown}/${entry.target}`;
  const current = existsSync(targetPath) ? readFileSync(targetPath, 'utf8') : undefined;
  if ((current === undefined ? null : fingerprint(current)) !== entry.translation) {
    report('translation-changed', `${shownTarget} ${current === undefined ? 'was deleted' : entry.translation === null ? 'was created' : 'was changed'} since the export; importing would overwrite that.`, { line: file.line });
  }
  if (problems.length) return undefined;

  const built = isUi ? buildUi(original, source, units, targets, targetPath, shownTarget, locale) : buildContent(kind!, source, targets, entry, targetPath, shownTarget, options, report);
  if (!built) return undefined;
  const diff = createTwoFilesPatch(shownTarget, shownTarget, current ?? '', built.text, current === undefined ? '(new file)' : 'now', 'imported');
  return { xliff, locale, target: shownTarget, units: units.length, diff, written: false, built, key, entry };
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

function buildContent(
  kind: NonNullable<ReturnType<typeof textKindOf>>,
  source: string,
  targets: ReadonlyMap<string, Inline>,
  entry: ExportEntry,
  path: string,
  shown: string,
  options: ImportOptions,
  report: (code: ImportProblem['code'], message: string, where?: { unit?: string }) => void,
): Built | undefined {
  const units = contentUnits(kind, source);
  const fields = new Map(units.fields.map((u) => [u.id, inlineText(targets.get(u.id)!)]));
  const texts = new Map(units.inner.map((u) => [u.id, inlineText(targets.get(u.id)!)]));
  const parts = splitFrontmatter(source)!;
  const innerUnits = new Map(units.inner.map((u) => [u.id, u]));
  const unchanged = (unit: Unit): boolean =>
    inlineKey(targets.get(unit.id)!) === inlineKey(unit.source) && [...unit.codes.values()].every((c) => c.inner.every((i) => !innerUnits.has(i.unit) || unchanged(innerUnits.get(i.unit)!)));
  const assemble = (jsx: ReadonlySet<string>) => {
    const splices = [
      // A unit given back as exported keeps its text as written (line breaks, escapes), alt texts included.
      ...units.blocks.map((u) => ({ start: u.start, end: u.end, text: unchanged(u) ? source.slice(u.start, u.end) : rebuildInline(targets.get(u.id)!, u.codes, texts, jsx) })),
      // Alt texts and captions outside block units are written in place.
      ...units.inner.filter((u) => !u.inBlockUnit).map((u) => ({ start: u.inner.start, end: u.inner.end, text: unchanged(u) ? source.slice(u.inner.start, u.inner.end) : escapeInner(u.inner, texts.get(u.id)!) })),
    ].sort((a, b) => a.start - b.start);
    let body = '';
    let at = parts.body;
    for (const s of splices) {
      body += source.slice(at, s.start) + s.text;
      at = s.end;
    }
    body += source.slice(at);
    return `${parts.open}${translatedFrontmatter(kind, parts.yaml, fields, entry.source)}${parts.close}${body}`;
  };
  // The translated words must leave the markup as it was: the same blocks, each with its codes.
  const broken = (text: string): string[] | undefined => {
    let blocks;
    try {
      blocks = textBlocks(text);
    } catch {
      return undefined;
    }
    const sourceBlocks = textBlocks(source);
    if (blocks.length !== sourceBlocks.length) return undefined;
    return units.blocks.filter((u) => {
      const block = blocks[Number(u.id.slice(1)) - 1]!;
      const extracted = extractInline(text, block.children);
      const target = targets.get(u.id)!;
      return structure(extracted.parts, extracted.codes) !== structure(target, u.codes);
    }).map((u) => u.id);
  };
  let text = assemble(new Set());
  let failing = broken(text);
  if (failing?.length) {
    // Emphasis next to CJK punctuation does not parse as Markdown: written as <strong>/<em> instead.
    const jsx = new Set(units.blocks.filter((u) => failing!.includes(u.id)).flatMap((u) => [...u.codes.values()].filter((c) => c.paired && ['bold', 'italic', 'strike'].includes(c.kind)).map((c) => c.id)));
    const retry = assemble(jsx);
    const again = broken(retry);
    if (again && again.length < failing.length) [text, failing] = [retry, again];
  }
  if (failing === undefined) {
    report('markup-broken', 'The translated words change the text’s blocks (a line would start a heading, a list or a table): the file would not keep the source’s structure.');
    return undefined;
  }
  for (const id of failing) report('markup-broken', 'With the translated words next to them, the placeholders of this unit no longer make the same formatting (bold, link, …).', { unit: id });
  if (failing.length) return undefined;

  // The result must pass the content check, with the rest of the content as it is.
  const { files, assets } = readContentFolder(options.contentRoot);
  const relative = path.slice(options.contentRoot.length + 1).split('\\').join('/');
  const checked = checkContent({ files: [...files.filter((f) => f.path !== relative), { path: relative, text }], assets, displayRoot: options.contentShown });
  const errors = checked.problems.filter((p) => p.severity === 'error' && p.file === shown);
  for (const p of errors) report('content-invalid', `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` field "${p.field}"` : ''}: ${p.message}`);
  if (errors.length) return undefined;
  return { target: shown, path, text };
}

function buildUi(original: string, source: string, units: readonly Unit[], targets: ReadonlyMap<string, Inline>, path: string, shown: string, locale: LocaleId): Built {
  const namespace = original.replace(/^ui\/|\.json$/g, '');
  const sourceTree = JSON.parse(source) as unknown;
  const byId = new Map(units.map((u) => [u.id, u]));
  const value = (id: string) => {
    const unit = byId.get(id)!;
    return targets.get(id)!.map((p) => (typeof p === 'string' ? p : 'code' in p ? unit.codes.get(p.code)!.open : '')).join('');
  };
  const plural = /_(zero|one|two|few|many|other)$/;
  const categories = new Intl.PluralRules(getLocale(locale).intl).resolvedOptions().pluralCategories;
  // The tree has the source's shape; a plural string has the target language's forms.
  const build = (node: unknown, prefix: string): unknown => {
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const id = prefix ? `${prefix}.${key}` : key;
      if (typeof child !== 'string') out[key] = build(child, id);
      else if (!plural.test(key)) out[key] = value(id);
      else {
        const base = key.replace(plural, '');
        for (const category of categories) if (!(`${base}_${category}` in out)) out[`${base}_${category}`] = value(`${prefix ? `${prefix}.` : ''}${base}_${category}`);
      }
    }
    return out;
  };
  const tree = build(sourceTree, '');
  return { target: shown, path, text: `${JSON.stringify(tree, null, 2)}\n`, ui: { namespace, sourceTree, tree } };
}
