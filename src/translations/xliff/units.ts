/**
 * The units a text is handed to a translator in, and where each goes back. A content text (MDX)
 * gives one unit per translatable frontmatter field (from the schema), one per text block
 * (heading, paragraph, list item, table cell), one per image's alt text and one per component
 * caption (`alt`, `caption`, `title`, `label` attributes); a UI namespace gives
 * one per string (per plural form of the target language). The same function makes them at export
 * and, from the kept source, at import: that is the export's record.
 */
import type { Nodes } from 'mdast';
import { parseMdx, textBlocks, type TextBlock } from '../blocks.ts';
import { flattenStrings } from '../status.ts';
import { translatableFields, type FieldText, type TextKind } from './fields.ts';
import { attributeTexts, extractInline, type Code, type Inline, type InnerText } from './inline.ts';

export type UnitKind = 'field' | TextBlock['kind'] | 'alt' | 'attribute' | 'string';

export interface Unit {
  /** Stable within the text: `title`, `cover.alt`, `b4` (the 4th block), `alt-1`, `caption-1`, `nav.home`. */
  id: string;
  kind: UnitKind;
  source: Inline;
  codes: Map<string, Code>;
  /** Context for the translator: the field name or the heading the block sits under. */
  note: string;
}

/** A block unit: its place in the source file. */
export interface BlockUnit extends Unit {
  start: number;
  end: number;
  block: TextBlock;
}

/** An alt text or a component's caption: written back with its block when that is a unit, else in place. */
export interface InnerUnit extends Unit {
  inner: InnerText;
  /** Inside a block unit (and written back with it). */
  inBlockUnit: boolean;
  /** The start of the block holding it, if any. */
  blockStart: number | undefined;
}

export interface ContentUnits {
  fields: Array<Unit & { field: FieldText }>;
  blocks: BlockUnit[];
  inner: InnerUnit[];
}

const blockNames: Record<TextBlock['kind'], string> = { heading: 'Heading', paragraph: 'Paragraph', 'list-item': 'List item', 'table-cell': 'Table cell' };

const fieldNames: Record<string, string> = { title: 'Title', subtitle: 'Subtitle', summary: 'Summary', 'cover.alt': 'Cover image description (alt text)', 'contact.office': 'Contact office' };

function fieldNote(field: FieldText): string {
  const name = fieldNames[field.id] ?? (field.path[0] === 'incentives' ? `Incentive ${Number(field.path[1]) + 1}` : field.path[0] === 'figures' ? `Label of the key figure "${field.path.slice(1).join('.')}"` : field.id);
  return `${name} (field "${field.id}")`;
}

const under = (heading: string | undefined) => (heading ? ` under the heading “${heading}”` : ' at the start of the text');

/** The units of a content text. `kind` decides which frontmatter fields are translatable. */
export function contentUnits(kind: TextKind, file: string): ContentUnits {
  const fields = translatableFields(kind, file).map((field) => ({ id: field.id, kind: 'field' as const, source: [field.value], codes: new Map<string, Code>(), note: fieldNote(field), field }));
  const blocks: BlockUnit[] = [];
  const inner: Array<{ text: InnerText; heading: string | undefined; inBlockUnit: boolean; blockStart: number | undefined }> = [];
  const all = textBlocks(file);
  all.forEach((block, index) => {
    const { parts, codes, inner: texts } = extractInline(file, block.children);
    const words = parts.some((p) => typeof p === 'string' && p.trim());
    // A heading's `heading` is the one before it: the section it follows, not one it sits under.
    const note = block.kind === 'heading' ? `Heading${block.heading ? `, after the section “${block.heading}”` : ' at the start of the text'}` : `${blockNames[block.kind]}${under(block.heading)}`;
    if (words) blocks.push({ id: `b${index + 1}`, kind: block.kind, source: parts, codes, note, start: block.start, end: block.end, block });
    for (const text of texts) inner.push({ text, heading: block.kind === 'heading' ? block.plain : block.heading, inBlockUnit: words, blockStart: block.start });
  });
  // Components on lines of their own (a figure) carry captions outside any block.
  const flow = (node: Nodes) => {
    if (node.type === 'mdxJsxFlowElement') {
      const heading = all.filter((b) => b.start < node.position!.start.offset!).at(-1);
      for (const text of attributeTexts(file, node)) inner.push({ text, heading: heading?.kind === 'heading' ? heading.plain : heading?.heading, inBlockUnit: false, blockStart: undefined });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) flow(child);
  };
  flow(parseMdx(file));
  // Ids in reading order, counted per name: alt-1, alt-2, caption-1.
  const counts = new Map<string, number>();
  const innerUnits = inner
    .sort((a, b) => a.text.start - b.text.start)
    .map(({ text, heading, inBlockUnit, blockStart }): InnerUnit => {
      const n = (counts.get(text.name) ?? 0) + 1;
      counts.set(text.name, n);
      text.unit = `${text.name}-${n}`;
      const what = text.kind === 'alt' ? 'Image description (alt text)' : `The "${text.name}" of the component <${text.element}>`;
      return { id: text.unit, kind: text.kind, source: [text.text], codes: new Map(), note: `${what}${under(heading)}`, inner: text, inBlockUnit, blockStart };
    });
  return { fields, blocks, inner: innerUnits };
}

export function allUnits(units: ContentUnits): Unit[] {
  return [...units.fields, ...units.blocks, ...units.inner];
}

// i18next: `{{name}}` interpolations and `$t(key)` nestings are code, kept as they are.
const interpolation = /\{\{[^}]*\}\}|\$t\([^)]*\)/g;

/** A UI string's parts: words, and its interpolations as standalone codes. */
export function uiInline(text: string): { source: Inline; codes: Map<string, Code> } {
  const source: Inline = [];
  const codes = new Map<string, Code>();
  let at = 0;
  for (const match of text.matchAll(interpolation)) {
    if (match.index > at) source.push(text.slice(at, match.index));
    const id = String(codes.size + 1);
    codes.set(id, { id, kind: 'expression', paired: false, open: match[0], close: '', start: match.index, inner: [] });
    source.push({ code: id });
    at = match.index + match[0].length;
  }
  if (at < text.length) source.push(text.slice(at));
  return { source, codes };
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * The units of a UI namespace for `intl` (the target's Intl locale): one per string key; a plural
 * string gives one unit per plural form of the target language, each from the source's matching
 * form or its `other` form.
 */
export function uiUnits(sourceTree: unknown, intl: string): Unit[] {
  const strings = flattenStrings(sourceTree);
  const categories = new Intl.PluralRules(intl).resolvedOptions().pluralCategories;
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (const [key, value] of strings) {
    const match = pluralSuffix.exec(key);
    if (!match) {
      units.push({ id: key, kind: 'string', ...uiInline(value), note: `Interface text "${key}"` });
      continue;
    }
    const base = key.slice(0, match.index);
    if (seen.has(base)) continue;
    seen.add(base);
    for (const category of categories) {
      const text = strings.get(`${base}_${category}`) ?? strings.get(`${base}_other`) ?? value;
      units.push({ id: `${base}_${category}`, kind: 'string', ...uiInline(text), note: `Interface text "${base}", plural form "${category}" (the count is {{count}})` });
    }
  }
  return units;
}
