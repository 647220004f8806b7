/**
 * Schemas of everything an editor writes in `content/`, in one place. Astro's collections
 * (src/content.config.ts) and the content check that runs before every build (./check.ts) both
 * validate with these, so a field means the same thing everywhere; the types are derived from them.
 */
import { z } from 'astro/zod';
import { figureUnits } from '../i18n/format.ts';
import { localeIds } from '../i18n/locales.ts';
import { translatable } from './translatable.ts';
import { placements } from '../pictures/figure-title.ts';

export const topics = ['investment', 'tea', 'tourism', 'culture', 'foreign-affairs'] as const;
export type Topic = (typeof topics)[number];

/** Slugs become URL segments and file names of print files. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

const localeEnum = z.enum(localeIds);

/** A print run: copies to print. */
const copies = z.number().int().nonnegative();

/**
 * In a translation: the fingerprint of the Vietnamese source it was translated from, written by
 * `npm run translations -- --done <locale> <file>`. When the source changes, the fingerprints
 * differ and the translation shows as outdated.
 */
const translatedFrom = z.string().regex(/^[0-9a-f]{12}$/).optional();

// YAML reads `2026-10-05` as a date (Astro) or a string (the content check); accept both.
const isoDate = z.coerce.date();

// `translatable(…)` marks what a translator translates (./translatable.ts; the XLIFF hand-off).
const text = () => translatable(z.string().trim().min(1));

const articleFields = z.strictObject({
  title: text(),
  summary: text(),
  topic: z.enum(topics),
  date: isoDate,
  translatedFrom,
});
const coverAlt = text();

/**
 * An article in one language: `content/articles/<slug>/<locale>.mdx`.
 * The cover image field is passed in because Astro checks images with its own `image()` helper,
 * while the content check only needs the path.
 */
export function articleSchema<Image extends z.ZodType>(image: Image) {
  // Astro calls this for every article (the image schema is the entry's own): only the cover is
  // made per call, the other fields once.
  return articleFields.extend({
    cover: z
      .strictObject({
        src: image,
        alt: coverAlt,
        /** Printed and shown under the picture, in this file's language. */
        caption: z.string().trim().min(1).optional(),
        /** One credit line, e.g. "Ảnh: Trần Minh". */
        credit: z.string().trim().min(1).optional(),
        /** Where the cover prints at the head of the article (default: full, the width of the type area). */
        placement: z.enum(placements).optional(),
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
  /** Copies to print per edition language (the order sheet leaves it open when absent). */
  printRun: z.partialRecord(localeEnum, copies).optional(),
});

/** The editor's foreword of one edition of a bulletin: `content/bulletins/<yyyy-mm>/<locale>.mdx`. */
export const forewordSchema = z.strictObject({
  title: text(),
  translatedFrom,
});

/** Page formats of printed products (trim size; the bleed is added on every side). */
export const pageFormats = { A4: { width: 210, height: 297 }, A5: { width: 148, height: 210 } } as const;
export type PageFormat = keyof typeof pageFormats;
const formatEnum = z.enum(Object.keys(pageFormats) as [PageFormat, ...PageFormat[]]);

export const sectors = ['industry', 'agriculture', 'tourism', 'infrastructure', 'urban', 'services', 'education', 'health'] as const;
export const projectStatuses = ['proposed', 'seeking-investors', 'licensed', 'under-construction', 'operating'] as const;
/** Districts and towns of the province, as they are named in UI strings (`district.<id>`). */
export const districts = [
  'thai-nguyen-city', 'song-cong', 'pho-yen', 'dai-tu', 'dinh-hoa', 'phu-luong', 'dong-hy', 'vo-nhai', 'phu-binh',
] as const;

const projectText = {
  title: text(),
  summary: text(),
  incentives: z.array(text()).min(1),
};

/**
 * An investment project, in Vietnamese: `content/projects/<slug>/vi.mdx`. Facts (sector, place,
 * size, money, status, phone) live only here, so translations can never disagree on them.
 */
export const projectSourceSchema = z.strictObject({
  ...projectText,
  sector: z.enum(sectors),
  district: z.enum(districts),
  areaHa: z.number().positive(),
  investmentUsd: z.number().int().positive(),
  status: z.enum(projectStatuses),
  /** Where the project is (WGS 84 degrees), for the province map; inside the province's extent. */
  location: z.strictObject({ lat: z.number().min(21.2).max(22.1), lon: z.number().min(105.4).max(106.3) }).optional(),
  contact: z.strictObject({
    office: z.string().trim().min(1),
    phone: z.string().regex(/^\+?[0-9 ()-]{6,}$/),
    email: z.email(),
  }),
});

/** A translation of a project: only its words. */
export const projectTranslationSchema = z.strictObject({
  ...projectText,
  contact: z.strictObject({ office: text() }),
  translatedFrom,
});



/** The investor booklet: `content/booklets/<slug>/booklet.yaml`. */
export const bookletSchema = z.strictObject({
  format: formatEnum,
  /** Publication date, printed in the colophon and written into the PDF. */
  date: isoDate,
  editions: z.array(localeEnum).min(1),
  /** Copies to print per edition language. */
  printRun: z.partialRecord(localeEnum, copies),
  figures: z
    .array(z.strictObject({ id: z.string().regex(slugPattern), value: z.number(), unit: z.enum(figureUnits), year: z.number().int().optional() }))
    .default([]),
  sections: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('articles'), articles: z.array(z.string().regex(slugPattern)).min(1) }),
        z.strictObject({ kind: z.literal('figures') }),
        z.strictObject({ kind: z.literal('projects'), projects: z.array(z.string().regex(slugPattern)).min(1) }),
      ]),
    )
    .min(1),
});

/** One language of a booklet or edition: `content/<booklets|editions>/<slug>/<locale>.mdx`; the body is the introduction. */
export const publicationTextSchema = z.strictObject({
  title: text(),
  subtitle: text(),
  /** Labels of the key figures, by figure id. */
  figures: z.record(z.string(), text()).optional(),
  translatedFrom,
});

/** A bilingual special edition: `content/editions/<slug>/edition.yaml`. */
export const editionSchema = z.strictObject({
  format: formatEnum,
  date: isoDate,
  /** The two languages printed side by side, source first. */
  languages: z.tuple([localeEnum, localeEnum]),
  printRun: copies,
  articles: z.array(z.string().regex(slugPattern)).min(1),
});

export type ArticleData = z.infer<ReturnType<typeof articleSchema<z.ZodString>>>;
export type ProjectSourceData = z.infer<typeof projectSourceSchema>;
export type ProjectTranslationData = z.infer<typeof projectTranslationSchema>;
export type BookletData = z.infer<typeof bookletSchema>;
export type EditionData = z.infer<typeof editionSchema>;
export type PublicationTextData = z.infer<typeof publicationTextSchema>;
export type BulletinData = z.infer<typeof bulletinSchema>;
export type ForewordData = z.infer<typeof forewordSchema>;
