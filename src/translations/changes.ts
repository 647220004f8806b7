/**
 * What changed in a Vietnamese source since a translation was made from it, block by block and
 * word by word, and how a translation lines up with its source: the core of the side-by-side
 * translation screen. Pure: file texts in, rows out. Sequences are compared with jsdiff.
 */
import { diffArrays, diffWords } from 'diff';
import { parse } from 'yaml';
import type { PhrasingContent } from 'mdast';
import { textBlocks, type TextBlock } from './blocks.ts';

/** A run of words: unchanged, or only in the new text (`added`), or only in the old (`removed`). */
export interface WordPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export type BlockChange =
  | { kind: 'same'; before: TextBlock; after: TextBlock }
  | { kind: 'changed'; before: TextBlock; after: TextBlock; words: WordPart[] }
  | { kind: 'added'; after: TextBlock }
  | { kind: 'removed'; before: TextBlock };

/** A frontmatter text (title, summary, …) whose value differs between the two sources. */
export interface FieldChange {
  field: string;
  before: string | undefined;
  after: string | undefined;
  words: WordPart[];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const sameBlock = (a: TextBlock, b: TextBlock) => a.kind === b.kind && normalise(a.text) === normalise(b.text);

export function wordChanges(before: string, after: string): WordPart[] {
  return diffWords(before, after).map(({ value, added, removed }) => ({ value, ...(added ? { added } : {}), ...(removed ? { removed } : {}) }));
}

/**
 * The blocks of `after` against those of `before`, in reading order. Unmatched blocks between two
 * matches are paired in order, as far as their kinds agree, as changed: an edited paragraph stays
 * one row with its words marked, rather than a removal and an addition.
 */
export function blockChanges(before: readonly TextBlock[], after: readonly TextBlock[]): BlockChange[] {
  const changes: BlockChange[] = [];
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    while (removed.length && added.length && removed[0]!.kind === added[0]!.kind) {
      const b = removed.shift()!;
      const a = added.shift()!;
      changes.push({ kind: 'changed', before: b, after: a, words: wordChanges(b.text, a.text) });
    }
    for (const b of removed) changes.push({ kind: 'removed', before: b });
    for (const a of added) changes.push({ kind: 'added', after: a });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const part of diffArrays<TextBlock>([...before], [...after], { comparator: sameBlock })) {
    if (part.removed) removed.push(...before.slice(i, (i += part.count ?? part.value.length)));
    else if (part.added) added.push(...after.slice(j, (j += part.count ?? part.value.length)));
    else {
      flush();
      for (let k = 0; k < (part.count ?? part.value.length); k += 1) changes.push({ kind: 'same', before: before[i++]!, after: after[j++]! });
    }
  }
  flush();
  return changes;
}

function frontmatterTexts(file: string): Map<string, string> {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(file);
  const data = match ? (parse(match[1] ?? '') as unknown) : undefined;
  const texts = new Map<string, string>();
  if (data && typeof data === 'object') {
    for (const [field, value] of Object.entries(data)) if (typeof value === 'string' && field !== 'translatedFrom') texts.set(field, value);
  }
  return texts;
}

function fieldChanges(before: string, after: string): FieldChange[] {
  const old = frontmatterTexts(before);
  const now = frontmatterTexts(after);
  return [...new Set([...old.keys(), ...now.keys()])]
    .filter((field) => old.get(field) !== now.get(field))
    .map((field) => ({ field, before: old.get(field), after: now.get(field), words: wordChanges(old.get(field) ?? '', now.get(field) ?? '') }));
}

/** What changed from the source `before` (as translated) to the source `after` (as it is now). */
export function sourceChanges(before: string, after: string): { fields: FieldChange[]; blocks: BlockChange[] } {
  return { fields: fieldChanges(before, after), blocks: blockChanges(textBlocks(before), textBlocks(after)) };
}

/** A source block and the translation block that renders it, or one of them alone. */
export interface AlignedRow {
  source?: TextBlock;
  translation?: TextBlock;
}

/** A block's shape: its kind and the inline markup it carries (bold, links, code, components, images). */
function shape(block: TextBlock): string {
  const marks: string[] = [];
  const visit = (node: PhrasingContent) => {
    if (node.type !== 'text') marks.push(node.type === 'mdxJsxTextElement' ? `<${node.name ?? ''}>` : node.type);
    if ('children' in node) for (const child of node.children as PhrasingContent[]) visit(child);
  };
  block.children.forEach(visit);
  return `${block.kind}:${marks.join(',')}`;
}

/** Pairs two block sequences by `key`, handing each stretch between pairs to `gap`. */
function pairBy(source: readonly TextBlock[], translation: readonly TextBlock[], key: (b: TextBlock) => string, gap: (s: TextBlock[], t: TextBlock[]) => AlignedRow[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  let pendingSource: TextBlock[] = [];
  let pendingTranslation: TextBlock[] = [];
  const flush = () => {
    if (pendingSource.length || pendingTranslation.length) rows.push(...gap(pendingSource, pendingTranslation));
    pendingSource = [];
    pendingTranslation = [];
  };
  for (const part of diffArrays(source.map(key), translation.map(key))) {
    const count = part.count ?? part.value.length;
    if (part.removed) pendingSource.push(...source.slice(i, (i += count)));
    else if (part.added) pendingTranslation.push(...translation.slice(j, (j += count)));
    else {
      flush();
      for (let k = 0; k < count; k += 1) rows.push({ source: source[i++]!, translation: translation[j++]! });
    }
  }
  flush();
  return rows;
}

/** Two unmatched runs side by side are still each other's best guess, row by row. */
function sideBySide(source: TextBlock[], translation: TextBlock[]): AlignedRow[] {
  return Array.from({ length: Math.max(source.length, translation.length) }, (_, k) => ({
    ...(source[k] ? { source: source[k] } : {}),
    ...(translation[k] ? { translation: translation[k] } : {}),
  }));
}

/**
 * Pairs the blocks of a translation with those of its source: first by shape (kind and inline
 * markup, which translators keep), then what is left by kind alone, so a paragraph the translator
 * merged or split leaves a gap in one row instead of shifting every row after it.
 */
export function alignBlocks(source: readonly TextBlock[], translation: readonly TextBlock[]): AlignedRow[] {
  return pairBy(source, translation, shape, (s, t) => pairBy(s, t, (b) => b.kind, sideBySide));
}

/** One row of the side-by-side screen: the source as it is now, what changed in it, its translation. */
export interface TranslationRow {
  source?: TextBlock;
  change: BlockChange['kind'];
  /** For a changed block: the words of the source as translated against those of now. */
  words?: WordPart[];
  translation?: TextBlock;
}

/**
 * The side-by-side view of a translation. `translatedFrom` is the source the translation was made
 * from (kept by ./history.ts), when known: the translation is aligned with that, and each row says
 * how the source has changed since. Without it, the current source is aligned as it is.
 */
export function translationRows(current: string, translation: string, translatedFrom: string | undefined): { fields: FieldChange[]; rows: TranslationRow[] } {
  const now = textBlocks(current);
  const translated = textBlocks(translation);
  if (translatedFrom === undefined) {
    return { fields: [], rows: alignBlocks(now, translated).map(({ source, translation: t }) => ({ ...(source ? { source } : {}), change: 'same', ...(t ? { translation: t } : {}) })) };
  }
  const then = textBlocks(translatedFrom);
  const byOldBlock = new Map<TextBlock, TextBlock>();
  // Translation blocks that match no block of the source they were made from stay where they are:
  // after the row of the block before them.
  const loneAfter = new Map<TextBlock | undefined, TextBlock[]>();
  let previous: TextBlock | undefined;
  for (const row of alignBlocks(then, translated)) {
    if (row.source && row.translation) byOldBlock.set(row.source, row.translation);
    else if (row.translation) loneAfter.set(previous, [...(loneAfter.get(previous) ?? []), row.translation]);
    previous = row.source ?? previous;
  }
  const rows: TranslationRow[] = [];
  const pushLone = (block: TextBlock | undefined) => {
    for (const t of loneAfter.get(block) ?? []) rows.push({ change: 'same', translation: t });
  };
  pushLone(undefined);
  for (const change of blockChanges(then, now)) {
    const before = 'before' in change ? change.before : undefined;
    const t = before ? byOldBlock.get(before) : undefined;
    rows.push({
      ...('after' in change ? { source: change.after } : {}),
      change: change.kind,
      ...(change.kind === 'changed' ? { words: change.words } : change.kind === 'removed' ? { words: [{ value: change.before.text, removed: true }] } : {}),
      ...(t ? { translation: t } : {}),
    });
    if (before) pushLone(before);
  }
  return { fields: fieldChanges(translatedFrom, current), rows };
}
