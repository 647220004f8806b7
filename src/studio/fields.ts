/**
 * The frontmatter form, generated from the content schemas (src/content/schema.ts): a choice for
 * an enum, a date picker for a date, a number with its unit, a group for an object, a list for an
 * array. The schemas stay the one definition of a field; the form only describes them to the page.
 */
import { z } from 'astro/zod';
import { defaultLocale, isLocaleId, localeIds } from '../i18n/locales.ts';
import {
  articleSchema,
  bulletinSchema,
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
  | { kind: 'counts'; name: string; required: boolean; keys: string[]; unit: string };

/** Units shown beside numbers, by field name: what the schema's comments say they count. */
const units: Record<string, string> = { areaHa: 'ha', investmentUsd: 'USD', number: '№' };
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
      const item = describe(name, def.element);
      return item ? { kind: 'list', name, required, item } : undefined;
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

function describeObject(shape: Record<string, unknown>): Field[] {
  return Object.entries(shape).flatMap(([name, schema]) => describe(name, schema) ?? []);
}

const articleForm = articleSchema(z.string());

/**
 * The form for a content file, by its path inside the content folder (`articles/x/en.mdx`), or
 * undefined when the file is edited as text only (booklet.yaml, edition.yaml: sections and
 * figures read better as YAML).
 */
export function formFor(inner: string): Field[] | undefined {
  const [section, , name = ''] = inner.split('/');
  const locale = name.replace(/\.mdx$/, '');
  if (name === 'issue.yaml' && section === 'bulletins') return describeObject(bulletinSchema.shape);
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
