/**
 * The site's downloads: which PDFs a reader can take away, from the print plan (what the build
 * prints, known from the content), so a link only ever names a file that is printed. Their pages,
 * sizes and sheet pages are figures filled in after printing (./print-figures.ts). Pure functions
 * over a plan.
 */
import { defaultLocale, fallbackChain, isLocaleId, localeIds, type LocaleId } from '../i18n/locales.ts';
import type { PublicationKind } from '../print/publication.ts';
import type { PlannedPdf } from '../publications/print-plan.ts';

export interface Download {
  kind: PublicationKind;
  slug: string;
  /** The edition language, or the languages of a bilingual edition. */
  locales: LocaleId[];
  /** Site path of the PDF. */
  href: string;
  file: string;
}

const localeOrder = (locales: LocaleId[]) => localeIds.indexOf(locales[0] ?? defaultLocale);

function toDownload(pdf: PlannedPdf): Download {
  return { kind: pdf.kind, slug: pdf.slug, locales: pdf.locale.split('-').filter(isLocaleId), href: `/print/${pdf.file}`, file: pdf.file };
}

/** Screen PDFs a reader can download (press files are for the print shop), in the site's locale order. */
export function downloads(plan: readonly PlannedPdf[], filter: { kind?: PublicationKind; slug?: string } = {}): Download[] {
  return plan
    .filter((e) => (!filter.kind || e.kind === filter.kind) && (!filter.slug || e.slug === filter.slug))
    .map(toDownload)
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.slug.localeCompare(a.slug) || localeOrder(a.locales) - localeOrder(b.locales));
}

export interface BookletLink extends Download {
  /** The language of the booklet linked (the reader's, or the next one along the fallback chain). */
  locale: LocaleId;
}

/** The first of the booklet PDFs that is in the reader's language or the nearest along its fallback chain. */
function nearestBooklet(plan: readonly PlannedPdf[], locale: LocaleId): BookletLink | undefined {
  for (const candidate of fallbackChain(locale)) {
    const pdf = plan.find((e) => e.kind === 'booklet' && e.locale === candidate);
    if (pdf) return { ...toDownload(pdf), locale: candidate };
  }
  return undefined;
}

/** A booklet's PDF for a reader of `locale`: their language's edition, or the nearest one printed. */
export function bookletDownload(plan: readonly PlannedPdf[], slug: string, locale: LocaleId): BookletLink | undefined {
  return nearestBooklet(plan.filter((e) => e.slug === slug), locale);
}

export interface ProjectSheetLink extends BookletLink {
  project: string;
}

/** The project's sheet in a printed booklet, in the reader's language or the nearest fallback. */
export function projectSheet(plan: readonly PlannedPdf[], project: string, locale: LocaleId): ProjectSheetLink | undefined {
  const found = nearestBooklet(plan.filter((e) => e.projects.includes(project)), locale);
  return found && { ...found, project };
}

export interface PublicationDownloads {
  kind: PublicationKind;
  slug: string;
  files: Download[];
}

/** Downloads grouped by publication, keeping their order (kind, newest first, languages). */
export function byPublication(files: readonly Download[]): PublicationDownloads[] {
  const groups: PublicationDownloads[] = [];
  for (const file of files) {
    const last = groups.at(-1);
    if (last && last.kind === file.kind && last.slug === file.slug) last.files.push(file);
    else groups.push({ kind: file.kind, slug: file.slug, files: [file] });
  }
  return groups;
}
