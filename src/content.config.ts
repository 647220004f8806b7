import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, bulletinSchema, forewordSchema } from './content/schema.ts';
import { contentDir } from './project.ts';

const root = contentDir();

/** Entry ids keep the folder structure: `<slug>/<locale>` for translations, `<yyyy-mm>` for issues. */
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|ya?ml)$/, '').replace(/\/issue$/, '');

export const collections = {
  articles: defineCollection({
    loader: glob({ base: `${root}/articles`, pattern: '*/*.mdx', generateId: idFromPath }),
    schema: ({ image }) => articleSchema(image()),
  }),
  bulletins: defineCollection({
    loader: glob({ base: `${root}/bulletins`, pattern: '*/issue.yaml', generateId: idFromPath }),
    schema: bulletinSchema,
  }),
  forewords: defineCollection({
    loader: glob({ base: `${root}/bulletins`, pattern: '*/*.mdx', generateId: idFromPath }),
    schema: forewordSchema,
  }),
};
