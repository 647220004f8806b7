/**
 * `dist/print/manifest.json`: every PDF the build wrote, for the site's download links, the
 * print shop's order sheet and anyone checking a delivery. Later stages add entries; the shape stays.
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import { publicationKinds, variants } from './publication.ts';

export const manifestEntrySchema = z.strictObject({
  kind: z.enum(publicationKinds),
  slug: z.string().min(1),
  locale: z.string().min(1),
  variant: z.enum(variants),
  /** Relative to `dist/print/`. */
  file: z.string().min(1),
  pages: z.number().int().positive(),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Start page of named parts, e.g. `project-<slug>` in a booklet: the site links to `file#page=N`. */
  anchors: z.record(z.string(), z.number().int().positive()).optional(),
});

export const manifestSchema = z.array(manifestEntrySchema);

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** Stable order, so the manifest only changes when a PDF does. */
export function sortManifest(entries: readonly ManifestEntry[]): Manifest {
  const key = (e: ManifestEntry) => [e.kind, e.slug, e.locale, e.variant].join('\u0000');
  return [...entries].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The print manifest of a built site. */
export function printManifestFile(siteDir: string): string {
  return join(siteDir, 'print', 'manifest.json');
}
