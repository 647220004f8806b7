/**
 * The frontmatter form, generated from the content schemas (src/content/schema.ts): a choice for
 * an enum, a date picker for a date, a number with its unit, a group for an object, a list for an
 * array. The schemas stay the one definition of a field; the form only describes them to the page.
 */
import { z } from 'astro/zod';
import { defaultLocale, isLocaleId, localeIds } from '../i18n/locales.ts';
import {
  articleSchema,
  bookletSchema,
  bulletinSchema,
  editionSchema,
  forewordSchema,
  projectSourceSchema,
  projectTranslationSchema,
  publicationTextSchema,
} from '../content/schema.ts';

export type Field =
  | { kind: 'text' | 'textarea' | 'email' | 'date' | 'readonly'; name: string; required: boolean; pattern?: string }
  | { kind: 'number'; name: string; required: boolean; unit?: string; integer: boolean; min?: number }
  | { kind: 'choice'; name: string; required: boolean; options: string[] }
  | { kind: 'choices'; name: string; required: boolean; options: string[] }
  | { kind: 'list'; name: string; required: boolean; item: Field }
  | { kind: 'group'; name: string; required: boolean; fields: Field[] }
  | { kind: 'counts'; name: string; required: boolean; keys: string[]; unit: string }
  /** Slugs of articles or projects, picked from those there are and put in order. */
  | { kind: 'pick'; name: string; required: boolean; from: 'articles' | 'projects' }
  /** A fixed number of choices in order (an edition's two languages, source first). */
  | { kind: 'tuple'; name: string; required: boolean; options: string[]; length: number }
  /** A list of objects of one shape (a booklet's key figures): one row of fields each. */
  | { kind: 'rows'; name: string; required: boolean; fields: Field[] }
  /** A list of objects of several shapes told apart by one field (a booklet's sections, by `kind`). */
  | { kind: 'variants'; name: string; required: boolean; key: string; variants: Record<string, Field[]> };

/** Units shown beside numbers, by field name: what the schema's comments say they count. */
const units: Record<string, string> = { areaHa: 'ha', investmentUsd: 'USD', number: '№', printRun: 'copies' };
/** Lists of slugs, by field name: which entries they name. */
const picked: Record<string, 'articles' | 'projects'> = { articles: 'articles', projects: 'projects' };
const longText = new Set(['summary']);
/** Fields the studio writes itself (Mark as translated), shown but not edited. */
const writtenByStudio = new Set(['translatedFrom']);

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function describe(name: string, schema: unknown, required = true): Field | undefined {
  const def = defOf(schema);
  if (writtenByStudio.has(name)) return { kind: 'readonly', name, required: false };
  switch (def.type) {
    case 'optional':
    case 'default':
      return describe(name, def.innerType, false);
    case 'string': {
      if (def.format === 'email') return { kind: 'email', name, required };
      const checks = (def.checks as Array<{ _zod: { def: { format?: string; pattern?: RegExp } } }> | undefined) ?? [];
      const pattern = checks.map((c) => c._zod.def.pattern).find(Boolean);
      return { kind: longText.has(name) ? 'textarea' : 'text', name, required, ...(pattern ? { pattern: pattern.source } : {}) };
    }
    case 'date':
      return { kind: 'date', name, required };
    case 'number': {
      const checks = (def.checks as Array<{ _zod: { def: { check: string; value?: number; inclusive?: boolean; format?: string } } }> | undefined) ?? [];
      const integer = checks.some((c) => c._zod.def.format === 'safeint' || c._zod.def.check === 'number_format');
      const min = checks.find((c) => c._zod.def.check === 'greater_than')?._zod.def.value;
      return { kind: 'number', name, required, integer, ...(units[name] ? { unit: units[name] } : {}), ...(min !== undefined ? { min } : {}) };
    }
    case 'enum': {
      const options = Object.values(def.entries as Record<string, string>);
      return { kind: 'choice', name, required, options };
    }
    case 'array': {
      const element = defOf(def.element);
      if (element.type === 'enum') return { kind: 'choices', name, required, options: Object.values(element.entries as Record<string, string>) };
      if (element.type === 'string' && picked[name]) return { kind: 'pick', name, required, from: picked[name] };
      if (element.type === 'object') return { kind: 'rows', name, required, fields: describeObject(element.shape as Record<string, unknown>) };
      if (element.type === 'union' && typeof element.discriminator === 'string') return variantsOf(name, required, element.discriminator, element.options as unknown[]);
      const item = describe(name, def.element);
      return item ? { kind: 'list', name, required, item } : undefined;
    }
    case 'tuple': {
      const items = (def.items as unknown[]).map(defOf);
      if (items.length === 0 || !items.every((i) => i.type === 'enum')) return undefined;
      return { kind: 'tuple', name, required, options: Object.values(items[0]!.entries as Record<string, string>), length: items.length };
    }
    case 'object':
      return { kind: 'group', name, required, fields: describeObject(def.shape as Record<string, unknown>) };
    case 'record': {
      const key = defOf(def.keyType);
      const keys = key.type === 'enum' ? Object.values(key.entries as Record<string, string>) : [];
      return keys.length ? { kind: 'counts', name, required, keys, unit: 'copies' } : undefined;
    }
    default:
      // Tuples, unions, records of labels: edited in the text (the YAML stays readable).
      return undefined;
  }
}

/** A discriminated union's shapes, by the value of the field that tells them apart (a literal). */
function variantsOf(name: string, required: boolean, key: string, options: unknown[]): Field | undefined {
  const variants: Record<string, Field[]> = {};
  for (const option of options) {
    const shape = defOf(option).shape as Record<string, unknown> | undefined;
    const literal = shape && defOf(shape[key]);
    const value = literal?.type === 'literal' ? (literal.values as unknown[])[0] : undefined;
    if (typeof value !== 'string' || !shape) return undefined;
    variants[value] = describeObject(Object.fromEntries(Object.entries(shape).filter(([k]) => k !== key)));
  }
  return { kind: 'variants', name, required, key, variants };
}

function describeObject(shape: Record<string, unknown>): Field[] {
  return Object.entries(shape).flatMap(([name, schema]) => describe(name, schema) ?? []);
}

const articleForm = articleSchema(z.string());

/**
 * The form for a content file, by its path inside the content folder (`articles/x/en.mdx`), or
 * undefined when the file is edited as text only.
 */
export function formFor(inner: string): Field[] | undefined {
  const [section, , name = ''] = inner.split('/');
  const locale = name.replace(/\.mdx$/, '');
  if (name === 'issue.yaml' && section === 'bulletins') return describeObject(bulletinSchema.shape);
  if (name === 'booklet.yaml' && section === 'booklets') return describeObject(bookletSchema.shape);
  if (name === 'edition.yaml' && section === 'editions') return describeObject(editionSchema.shape);
  if (!name.endsWith('.mdx') || !isLocaleId(locale)) return undefined;
  const form = formForText(section, locale);
  // A Vietnamese source is never "translated from" anything.
  return locale === defaultLocale ? form?.filter((f) => f.name !== 'translatedFrom') : form;
}

function formForText(section: string | undefined, locale: string): Field[] | undefined {
  switch (section) {
    case 'articles':
      return describeObject(articleForm.shape);
    case 'projects':
      return describeObject(locale === defaultLocale ? projectSourceSchema.shape : projectTranslationSchema.shape);
    case 'bulletins':
      return describeObject(forewordSchema.shape);
    case 'booklets':
    case 'editions':
      return describeObject(publicationTextSchema.shape);
    default:
      return undefined;
  }
}

export const formLocales = localeIds;
