/** The projects a map shows: those whose facts give a location, titled in the reader's language. */
import { resolveTranslation } from '../i18n/fallback.ts';
import type { LocaleId } from '../i18n/locales.ts';
import type { Project } from '../content/query.ts';

export interface MappedProject {
  slug: string;
  title: string;
  location: { lon: number; lat: number };
}

export function mappedProjects(projects: Iterable<Project>, locale: LocaleId): MappedProject[] {
  const out: MappedProject[] = [];
  for (const project of projects) {
    const location = project.facts.location;
    const title = resolveTranslation(project.translations, locale)?.value.data.title;
    if (location && title) out.push({ slug: project.slug, title, location });
  }
  return out;
}
