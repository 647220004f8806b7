/**
 * Which frontmatter fields a translator translates: the schemas in ./schema.ts mark them with
 * `translatable(…)`, so the schema is the one place that says it (titles, summaries, alt text,
 * labels; never dates, topics, numbers, slugs or paths). The XLIFF hand-off
 * (src/translations/xliff/) reads the marks by walking a translation's schema.
 */
import { z } from 'astro/zod';

export const translatableFields = z.registry<{ translatable: true }>();

/** Marks a text field of a schema as one a translator translates. */
export function translatable<Schema extends z.ZodType>(schema: Schema): Schema {
  translatableFields.add(schema as z.ZodType, { translatable: true });
  return schema;
}

export function isTranslatable(schema: z.ZodType): boolean {
  return translatableFields.has(schema);
}
