/** The catalogue for readers of one locale: every project in catalogue order, in the best language available. */
import { resolveTranslation, type Resolved } from '../i18n/fallback.ts';
import type { LocaleId } from '../i18n/locales.ts';
import { catalogueOrder, type ProjectFacts } from './catalogue.ts';

/** A project's sheet in the investor booklet PDF (the shape `projectSheet()` in ./downloads.ts answers). */
export interface ProjectSheet {
  href: string;
  /** The language of the PDF: the reader's, or the fallback language. */
  locale: LocaleId;
  pages: number;
  bytes: number;
}

export type SheetLookup = (slug: string, locale: LocaleId) => ProjectSheet | undefined;

interface ProjectLike<Entry> {
  slug: string;
  facts: ProjectFacts;
  translations: ReadonlyMap<LocaleId, Entry>;
}

export interface CatalogueEntry<P extends ProjectLike<Entry>, Entry> {
  project: P;
  text: Resolved<Entry>;
  sheet: ProjectSheet | undefined;
}

/**
 * Every project resolved for `locale`, with its booklet sheet when `sheets` knows one. A project
 * always has its Vietnamese source (the content check makes sure), so resolution always finds a text.
 */
export function catalogueEntries<P extends ProjectLike<Entry>, Entry>(
  projects: ReadonlyMap<string, P>,
  locale: LocaleId,
  sheets: SheetLookup = () => undefined,
): Array<CatalogueEntry<P, Entry>> {
  return catalogueOrder(projects.values()).map((project) => {
    const text = resolveTranslation(project.translations, locale);
    if (!text) throw new Error(`The project "${project.slug}" has no text in any language of ${locale}'s fallback chain.`);
    return { project, text, sheet: sheets(project.slug, locale) };
  });
}
