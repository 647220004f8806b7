/**
 * Which PDFs a build prints, known from the content before anything is printed: every edition
 * language of every bulletin issue and booklet, and each bilingual edition. The print routes
 * (src/pages/print/) build one print page per planned PDF, and the site links to these files
 * before the print stage has made them (their pages and sizes are filled in afterwards).
 */
import type { LocaleId } from '../i18n/locales.ts';
import { pdfFileName, type PublicationKind } from '../print/publication.ts';

export interface PlannedPdf {
  kind: PublicationKind;
  slug: string;
  /** The edition language, or the languages of a bilingual edition joined by a hyphen. */
  locale: string;
  /** The screen PDF's file name in `print/`. */
  file: string;
  /** Projects whose sheet the PDF carries (booklets). */
  projects: string[];
}

export interface PlanInput {
  bulletins: ReadonlyArray<{ month: string; editions: readonly LocaleId[] }>;
  booklets: ReadonlyArray<{ slug: string; editions: readonly LocaleId[]; sections: ReadonlyArray<{ kind: string; projects?: readonly string[] }> }>;
  editions: ReadonlyArray<{ slug: string; languages: readonly LocaleId[] }>;
}

export function printPlan(input: PlanInput): PlannedPdf[] {
  const planned = (kind: PublicationKind, slug: string, locale: string, projects: string[] = []): PlannedPdf => ({
    kind,
    slug,
    locale,
    file: pdfFileName({ kind, slug, locale }),
    projects,
  });
  return [
    ...input.bulletins.flatMap((b) => b.editions.map((l) => planned('bulletin', b.month, l))),
    ...input.booklets.flatMap((b) => {
      const projects = [...new Set(b.sections.flatMap((s) => (s.kind === 'projects' ? (s.projects ?? []) : [])))];
      return b.editions.map((l) => planned('booklet', b.slug, l, projects));
    }),
    ...input.editions.map((e) => planned('edition', e.slug, e.languages.join('-'))),
  ];
}
