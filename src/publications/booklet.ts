/**
 * Assembles one language edition of the investor booklet: its introduction, then each section
 * (articles, key figures, project sheets) in the edition's language, falling back where a
 * translation is missing. Pure; the print page renders what this returns.
 */
import { resolveTranslation, type Resolved } from '../i18n/fallback.ts';
import { defaultLocale, type LocaleId } from '../i18n/locales.ts';
import type { BookletData } from '../content/schema.ts';

export type BookletPart<Article, Project> =
  | { kind: 'articles'; articles: Array<Resolved<Article> & { slug: string }> }
  | { kind: 'figures'; figures: LabelledFigure[] }
  | { kind: 'projects'; projects: Array<Resolved<Project> & { slug: string }> };

export interface BookletEdition<Text, Article, Project> {
  locale: LocaleId;
  text: Resolved<Text>;
  parts: Array<BookletPart<Article, Project>>;
  /** Articles and projects printed in another language than the edition's. */
  untranslated: string[];
}

type Figures = { data: { figures?: Record<string, string> | undefined } };

/** A key figure with its label in the best language available, and that label's language. */
export type LabelledFigure = BookletData['figures'][number] & { label: string; labelLocale: LocaleId };

/**
 * The booklet's key figures for readers of `locale`: each label from the edition text the
 * fallback chain finds, else from the Vietnamese text, else the figure's id.
 */
export function bookletFigures<Text extends Figures>(booklet: BookletData, texts: ReadonlyMap<LocaleId, Text>, locale: LocaleId): LabelledFigure[] {
  const text = resolveTranslation(texts, locale);
  const sourceLabels = texts.get(defaultLocale)?.data.figures ?? {};
  return booklet.figures.map((f) => {
    const own = text?.value.data.figures?.[f.id];
    if (own !== undefined && text) return { ...f, label: own, labelLocale: text.locale };
    return { ...f, label: sourceLabels[f.id] ?? f.id, labelLocale: defaultLocale };
  });
}

export function assembleBooklet<Text extends Figures, Article, Project>(
  booklet: BookletData,
  texts: ReadonlyMap<LocaleId, Text>,
  articles: ReadonlyMap<string, ReadonlyMap<LocaleId, Article>>,
  projects: ReadonlyMap<string, ReadonlyMap<LocaleId, Project>>,
  locale: LocaleId,
): BookletEdition<Text, Article, Project> {
  const text = resolveTranslation(texts, locale);
  if (!text) throw new Error('The booklet has no Vietnamese text.');
  const untranslated: string[] = [];
  const resolve = <T>(collection: ReadonlyMap<string, ReadonlyMap<LocaleId, T>>, slug: string) => {
    const found = resolveTranslation(collection.get(slug) ?? new Map<LocaleId, T>(), locale);
    // The content check rejects a booklet naming a missing entry before any build starts.
    if (!found) throw new Error(`The booklet names "${slug}", which does not exist.`);
    if (found.isFallback) untranslated.push(slug);
    return { slug, ...found };
  };
  const parts = booklet.sections.map((section): BookletPart<Article, Project> => {
    switch (section.kind) {
      case 'articles':
        return { kind: 'articles', articles: section.articles.map((slug) => resolve(articles, slug)) };
      case 'projects':
        return { kind: 'projects', projects: section.projects.map((slug) => resolve(projects, slug)) };
      case 'figures':
        return { kind: 'figures', figures: bookletFigures(booklet, texts, locale) };
    }
  });
  return { locale, text, parts, untranslated };
}
