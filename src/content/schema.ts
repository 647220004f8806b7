/**
 * Schemas of everything an editor writes in `content/`, in one place. Astro's collections
 * (src/content.config.ts) and the content check that runs before every build (./check.ts) both
 * validate with these, so a field means the same thing everywhere; the types are derived from them.
 */
import { z } from 'astro/zod';
import { localeIds } from '../i18n/locales.ts';

export const topics = ['investment', 'tea', 'tourism', 'culture', 'foreign-affairs'] as const;
export type Topic = (typeof topics)[number];

/** Slugs become URL segments and file names of print files. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

const localeEnum = z.enum(localeIds);

// YAML reads `2026-10-05` as a date (Astro) or a string (the content check); accept both.
const isoDate = z.coerce.date();

/**
 * An article in one language: `content/articles/<slug>/<locale>.mdx`.
 * The cover image field is passed in because Astro checks images with its own `image()` helper,
 * while the content check only needs the path.
 */
export function articleSchema<Image extends z.ZodType>(image: Image) {
  return z.strictObject({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1),
    topic: z.enum(topics),
    date: isoDate,
    cover: z
      .strictObject({
        src: image,
        alt: z.string().trim().min(1),
      })
      .optional(),
  });
}

/** A bulletin issue: `content/bulletins/<yyyy-mm>/issue.yaml`. */
export const bulletinSchema = z.strictObject({
  number: z.number().int().positive(),
  month: z.string().regex(monthPattern),
  editions: z.array(localeEnum).min(1),
  articles: z.array(z.string().regex(slugPattern)).min(1),
});

/** The editor's foreword of one edition of a bulletin: `content/bulletins/<yyyy-mm>/<locale>.mdx`. */
export const forewordSchema = z.strictObject({
  title: z.string().trim().min(1),
});

export type ArticleData = z.infer<ReturnType<typeof articleSchema<z.ZodString>>>;
export type BulletinData = z.infer<typeof bulletinSchema>;
export type ForewordData = z.infer<typeof forewordSchema>;
