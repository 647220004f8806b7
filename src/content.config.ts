import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  articleSchema,
  bookletSchema,
  bulletinSchema,
  editionSchema,
  forewordSchema,
  projectSourceSchema,
  projectTranslationSchema,
  publicationTextSchema,
} from './content/schema.ts';
import config from 'virtual:press/config';

const root = config.content.dir;

/** Entry ids keep the folder structure: `<slug>/<locale>` for texts, `<slug>` for definition files. */
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|ya?ml)$/, '').replace(/\/(issue|booklet|edition)$/, '');

const texts = <Schema extends z.ZodType>(folder: string, schema: Schema) =>
  defineCollection({ loader: glob({ base: `${root}/${folder}`, pattern: '*/*.mdx', generateId: idFromPath }), schema });
const definitions = <Schema extends z.ZodType>(folder: string, file: string, schema: Schema) =>
  defineCollection({ loader: glob({ base: `${root}/${folder}`, pattern: `*/${file}`, generateId: idFromPath }), schema });

export const collections = {
  articles: defineCollection({
    loader: glob({ base: `${root}/articles`, pattern: '*/*.mdx', generateId: idFromPath }),
    schema: ({ image }) => articleSchema(image()),
  }),
  // vi.mdx carries the project's facts, translations only its words (the content check enforces which is which).
  projects: texts('projects', z.union([projectSourceSchema, projectTranslationSchema])),
  bulletins: definitions('bulletins', 'issue.yaml', bulletinSchema),
  forewords: texts('bulletins', forewordSchema),
  booklets: definitions('booklets', 'booklet.yaml', bookletSchema),
  bookletTexts: texts('booklets', publicationTextSchema),
  editions: definitions('editions', 'edition.yaml', editionSchema),
  editionTexts: texts('editions', publicationTextSchema),
};
