/**
 * The frontmatter of a translation, from the schema: which fields a translator gets (marked with
 * `translatable` in src/content/schema.ts), which are copied from the Vietnamese source (dates,
 * topics, image paths), and which stay in the source alone (a project's facts). The translation's
 * frontmatter is the source's YAML document with those changes, so comments and order survive.
 */
import { z } from 'astro/zod';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { isTranslatable } from '../../content/translatable.ts';
import { articleSchema, forewordSchema, projectTranslationSchema, publicationTextSchema } from '../../content/schema.ts';

export type TextKind = 'article' | 'project' | 'foreword' | 'booklet' | 'edition';

const articleTranslationSchema = articleSchema(z.string());

/** The schema a translation of this kind of text is checked against. */
export function translationSchema(kind: TextKind): z.ZodType {
  switch (kind) {
    case 'article':
      return articleTranslationSchema;
    case 'project':
      return projectTranslationSchema;
    case 'foreword':
      return forewordSchema;
    case 'booklet':
    case 'edition':
      return publicationTextSchema;
  }
}

/** The kind of text a content path holds: `articles/<slug>/vi.mdx` is an article. */
export function textKindOf(path: string): TextKind | undefined {
  const folder = path.split('/')[0];
  const kinds: Record<string, TextKind> = { articles: 'article', projects: 'project', bulletins: 'foreword', booklets: 'booklet', editions: 'edition' };
  return folder ? kinds[folder] : undefined;
}

type Step = string | number;

/** Optional, default and similar wrappers hide the schema that says what a field is. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current;
}

/** The schema at `path` inside `schema`, if the schema has such a field. */
function schemaAt(schema: z.ZodType, path: readonly Step[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const step of path) {
    if (!current) return undefined;
    const inner = unwrap(current);
    if (isTranslatable(current) || isTranslatable(inner)) return undefined;
    if (inner instanceof z.ZodObject && typeof step === 'string') current = (inner.shape as Record<string, z.ZodType>)[step];
    else if (inner instanceof z.ZodArray && typeof step === 'number') current = inner.element as z.ZodType;
    else if (inner instanceof z.ZodRecord && typeof step === 'string') current = inner.valueType as z.ZodType;
    else return undefined;
  }
  return current;
}

export interface FieldText {
  /** Dotted path: `title`, `cover.alt`, `incentives.0`, `figures.land-area`. */
  id: string;
  path: Step[];
  value: string;
}

/** The frontmatter YAML of an MDX file (without the `---` lines), and where its body starts. */
export function splitFrontmatter(file: string): { yaml: string; open: string; close: string; body: number } | undefined {
  const match = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/.exec(file);
  return match ? { open: match[1]!, yaml: match[2] ?? '', close: match[3]!, body: match[0].length } : undefined;
}

/** The translatable texts of a source file's frontmatter, in the order they are written. */
export function translatableFields(kind: TextKind, file: string): FieldText[] {
  const parts = splitFrontmatter(file);
  if (!parts) return [];
  const schema = translationSchema(kind);
  const fields: FieldText[] = [];
  const visit = (node: unknown, path: Step[]) => {
    if (isScalar(node)) {
      const at = path.length ? schemaAt(schema, path) : undefined;
      if (at && (isTranslatable(at) || isTranslatable(unwrap(at))) && typeof node.value === 'string') fields.push({ id: path.join('.'), path, value: node.value });
    } else if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) visit(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    }
  };
  visit(parseDocument(parts.yaml).contents, []);
  return fields;
}

/**
 * The frontmatter of the translation: the source's, without the fields the translation schema does
 * not have, with each translatable text replaced by `texts` (by field id) and `translatedFrom` set.
 */
export function translatedFrontmatter(kind: TextKind, sourceYaml: string, texts: ReadonlyMap<string, string>, translatedFrom: string): string {
  const doc: Document = parseDocument(sourceYaml);
  const schema = translationSchema(kind);
  const prune = (node: YamlNode | null | undefined, path: Step[]) => {
    if (isMap(node)) {
      for (const pair of [...node.items]) {
        if (!isScalar(pair.key)) continue;
        const step = String(pair.key.value);
        if (!schemaAt(schema, [...path, step])) node.delete(pair.key);
        else prune(pair.value as YamlNode, [...path, step]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => prune(item as YamlNode, [...path, i]));
    } else if (isScalar(node)) {
      const text = texts.get(path.join('.'));
      if (text !== undefined && typeof node.value === 'string') node.value = text;
    }
  };
  prune(doc.contents as YamlNode, []);
  doc.set('translatedFrom', translatedFrom);
  return doc.toString({ lineWidth: 0 });
}
