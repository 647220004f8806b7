/** The catalogue for readers of one locale: every project in catalogue order, in the best language available. */
import { resolveTranslation, type Resolved } from '../i18n/fallback.ts';
import type { LocaleId } from '../i18n/locales.ts';
import { catalogueOrder, type ProjectFacts } from './catalogue.ts';
import type { ProjectSheetLink } from './downloads.ts';

/** Where a project's sheet in the booklet PDF is (`projectSheet` of ./downloads.ts, over one manifest). */
export type SheetLookup = (slug: string, locale: LocaleId) => ProjectSheetLink | undefined;

interface ProjectLike<Entry> {
  slug: string;
  facts: ProjectFacts;
  translations: ReadonlyMap<LocaleId, Entry>;
}

type EntryOf<P> = P extends ProjectLike<infer Entry> ? Entry : never;

export interface CatalogueEntry<P extends ProjectLike<unknown>> {
  project: P;
  text: Resolved<EntryOf<P>>;
  sheet: ProjectSheetLink | undefined;
}

/**
 * Every project resolved for `locale`, with its booklet sheet when `sheets` finds one. A project
 * always has its Vietnamese source (the content check makes sure), so resolution always finds a text.
 */
export function catalogueEntries<P extends ProjectLike<unknown>>(
  projects: ReadonlyMap<string, P>,
  locale: LocaleId,
  sheets: SheetLookup,
): Array<CatalogueEntry<P>> {
  return catalogueOrder(projects.values()).map((project) => {
    const text = resolveTranslation(project.translations as ReadonlyMap<LocaleId, EntryOf<P>>, locale);
    if (!text) throw new Error(`The project "${project.slug}" has no text in any language of ${locale}'s fallback chain.`);
    return { project, text, sheet: sheets(project.slug, locale) };
  });
}
