/**
 * How a printed publication is named: where Astro writes its print HTML and what its PDF is called.
 * The Astro print routes, the renderer and the site's download links all go through here.
 */
export const publicationKinds = ['bulletin', 'booklet', 'edition'] as const;
export type PublicationKind = (typeof publicationKinds)[number];

export const variants = ['screen', 'press'] as const;
export type Variant = (typeof variants)[number];

export interface PublicationRef {
  kind: PublicationKind;
  slug: string;
  /** The edition language, or two joined by a hyphen for a bilingual edition (`vi-en`). */
  locale: string;
}

/** The print HTML of a publication, relative to the site root. */
export function printPagePath(p: PublicationRef): string {
  return `/print/${p.kind}/${p.slug}/${p.locale}/`;
}

/** The PDF's file name, relative to `dist/print/`. */
export function pdfFileName(p: PublicationRef, variant: Variant = 'screen'): string {
  return `${p.kind}-${p.slug}-${p.locale}${variant === 'press' ? '-press' : ''}.pdf`;
}

/** The anchor naming a project's sheet in a booklet PDF (its start page is in the manifest). */
export function projectAnchor(projectSlug: string): string {
  return `project-${projectSlug}`;
}

/** Reads a publication back from its print HTML path (`print/bulletin/2026-10/vi/index.html`). */
export function parsePrintPagePath(path: string): PublicationRef | undefined {
  const match = /^\/?print\/([a-z]+)\/([^/]+)\/([^/]+)\/(?:index\.html)?$/.exec(path);
  if (!match) return undefined;
  const [, kind = '', slug = '', locale = ''] = match;
  if (!(publicationKinds as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as PublicationKind, slug, locale };
}
