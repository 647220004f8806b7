import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import config from 'virtual:press/config';
import { contentLoaders } from './content/loader.ts';
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

/**
 * Every collection reads `content/` through the one content reader (src/content/loader.ts). Entry ids
 * keep the folder structure: `<slug>/<locale>` for texts, `<slug>` for definition files.
 */
const { collection, translationStatus } = contentLoaders({ ...config.content, localesDir: config.localesDir, onProblems: config.contentProblems });

export const collections = {
  articles: defineCollection({ loader: collection('articles'), schema: ({ image }) => articleSchema(image()) }),
  // vi.mdx carries the project's facts, translations only its words (the content check enforces which is which).
  projects: defineCollection({ loader: collection('projects'), schema: z.union([projectSourceSchema, projectTranslationSchema]) }),
  bulletins: defineCollection({ loader: collection('bulletins'), schema: bulletinSchema }),
  forewords: defineCollection({ loader: collection('forewords'), schema: forewordSchema }),
  booklets: defineCollection({ loader: collection('booklets'), schema: bookletSchema }),
  bookletTexts: defineCollection({ loader: collection('bookletTexts'), schema: publicationTextSchema }),
  editions: defineCollection({ loader: collection('editions'), schema: editionSchema }),
  editionTexts: defineCollection({ loader: collection('editionTexts'), schema: publicationTextSchema }),
  translationStatus: defineCollection({ loader: translationStatus }),
};
