/**
 * The units a text is handed to a translator in, and where each goes back. A content text (MDX)
 * gives one unit per translatable frontmatter field (from the schema), one per text block
 * (heading, paragraph, list item, table cell) and one per image's alt text; a UI namespace gives
 * one per string (per plural form of the target language). The same function makes them at export
 * and, from the kept source, at import: that is the export's record.
 */
import type { Image } from 'mdast';
import { textBlocks, type TextBlock } from '../blocks.ts';
import { flattenStrings } from '../status.ts';
import { translatableFields, type FieldText, type TextKind } from './fields.ts';
import { extractInline, type Code, type Inline } from './inline.ts';

export type UnitKind = 'field' | TextBlock['kind'] | 'alt' | 'string';

export interface Unit {
  /** Stable within the text: `title`, `cover.alt`, `b4` (the 4th block), `alt-1`, `nav.home`. */
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

/** An alt-text unit: where the alt text sits, if its image is not inside a block unit. */
export interface AltUnit extends Unit {
  /** Set when the image stands alone (its block has no words and is not a unit). */
  range?: { start: number; end: number };
  /** Where the block holding the image starts. */
  blockStart: number;
}

export interface ContentUnits {
  fields: Array<Unit & { field: FieldText }>;
  blocks: BlockUnit[];
  alts: AltUnit[];
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
  const alts: AltUnit[] = [];
  const altIds = new Map<Image, string>();
  const altUnit = (image: Image) => {
    let id = altIds.get(image);
    if (!id) altIds.set(image, (id = `alt-${altIds.size + 1}`));
    return id;
  };
  textBlocks(file).forEach((block, index) => {
    const { parts, codes, images } = extractInline(file, block.children, altUnit);
    const words = parts.some((p) => typeof p === 'string' && p.trim());
    // A heading's `heading` is the one before it: the section it follows, not one it sits under.
    const note = block.kind === 'heading' ? `Heading${block.heading ? `, after the section “${block.heading}”` : ' at the start of the text'}` : `${blockNames[block.kind]}${under(block.heading)}`;
    if (words) blocks.push({ id: `b${index + 1}`, kind: block.kind, source: parts, codes, note, start: block.start, end: block.end, block });
    for (const { code } of images) {
      const alt = code.alt!;
      const node = images.find((i) => i.code === code)!.node;
      const start = node.position!.start.offset! + alt.before.length;
      const unit: AltUnit = { id: alt.unit, kind: 'alt', blockStart: block.start, source: [alt.text], codes: new Map(), note: `Image description (alt text)${under(block.heading)}; the image file: ${/^\]\(([^)\s]+)/.exec(alt.after)?.[1] ?? ''}` };
      // An image in a block of words is written back with its block; one standing alone, in place.
      if (!words) unit.range = { start, end: start + code.open.length - alt.before.length - alt.after.length };
      if (alt.text.trim()) alts.push(unit);
    }
  });
  return { fields, blocks, alts };
}

export function allUnits(units: ContentUnits): Unit[] {
  return [...units.fields, ...units.blocks, ...units.alts];
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
    codes.set(id, { id, kind: 'expression', paired: false, open: match[0], close: '' });
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
