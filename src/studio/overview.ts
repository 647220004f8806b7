/**
 * The overview screen's data: the next bulletin and the state of its texts per edition language,
 * each publication due for print with what blocks each language, and the translation matrix. Pure:
 * made from the content check's index and the translation status rows (src/translations/status.ts),
 * which decide every state; nothing here judges a translation again.
 */
import type { ContentIndex } from '../content/check.ts';
import type { ContentProblem } from '../content/problems.ts';
import { defaultLocale, localeIds, type LocaleId } from '../i18n/locales.ts';
import { printPlan } from '../publications/print-plan.ts';
import { statusTable, type ItemKind, type StatusRow, type TranslationState } from '../translations/status.ts';

export interface TextState {
  kind: ItemKind;
  id: string;
  /** The Vietnamese title, when the text has one: what editors recognise it by. */
  title?: string;
  /** The file to open: the translation (or where it should be written), or the Vietnamese source. */
  file: string;
  state: TranslationState | 'source';
}

export interface PublicationLanguage {
  locale: LocaleId;
  /** The PDF this language prints to. */
  pdf: string;
  /** Its print page in the dev server, laid out by Paged.js: the print preview. */
  print: string;
  texts: TextState[];
  /** Counted: how many texts of each kind are outdated or missing. */
  blockers: Array<{ kind: ItemKind; state: 'outdated' | 'missing'; count: number }>;
}

export interface PublicationSummary {
  kind: 'bulletin' | 'booklet' | 'edition';
  slug: string;
  /** The definition file (issue.yaml, booklet.yaml, edition.yaml). */
  file: string;
  languages: PublicationLanguage[];
}

export interface MatrixLine {
  kind: ItemKind;
  id: string;
  title?: string;
  /** The Vietnamese source file. */
  source: string;
  cells: Partial<Record<LocaleId, { state: TranslationState; file: string; counts: Record<TranslationState, number> }>>;
}

export interface Overview {
  locales: LocaleId[];
  nextBulletin: PublicationSummary | null;
  /** False when the newest bulletin's month has passed: the studio calls it the latest, not the next. */
  nextBulletinDue: boolean;
  publications: PublicationSummary[];
  matrix: MatrixLine[];
  problems: ContentProblem[];
}

function textsOf(index: ContentIndex, kind: 'bulletin' | 'booklet' | 'edition', slug: string): Array<{ kind: ItemKind; id: string }> {
  if (kind === 'bulletin') {
    const b = index.bulletins.get(slug);
    return b ? [{ kind: 'foreword', id: slug }, ...b.data.articles.map((id) => ({ kind: 'article' as const, id }))] : [];
  }
  if (kind === 'booklet') {
    const b = index.booklets.get(slug);
    if (!b) return [];
    return [
      { kind: 'booklet', id: slug },
      ...b.data.sections.flatMap((s): Array<{ kind: ItemKind; id: string }> =>
        s.kind === 'articles' ? s.articles.map((id) => ({ kind: 'article', id })) : s.kind === 'projects' ? s.projects.map((id) => ({ kind: 'project', id })) : [],
      ),
    ];
  }
  const e = index.editions.get(slug);
  return e ? [{ kind: 'edition', id: slug }, ...e.data.articles.map((id) => ({ kind: 'article' as const, id }))] : [];
}

const sourceFolder: Record<ItemKind, string> = { article: 'articles', project: 'projects', foreword: 'bulletins', booklet: 'booklets', edition: 'editions', ui: '' };

/** The Vietnamese title of a text, from the content check's index. */
function titleOf(index: ContentIndex, kind: ItemKind, id: string): string | undefined {
  const source = (texts: ReadonlyMap<LocaleId, { data: object }> | undefined) => {
    const data = texts?.get(defaultLocale)?.data as { title?: unknown } | undefined;
    return typeof data?.title === 'string' ? data.title : undefined;
  };
  switch (kind) {
    case 'article':
      return source(index.articles.get(id));
    case 'project':
      return source(index.projects.get(id));
    case 'foreword':
      return source(index.bulletins.get(id)?.texts);
    case 'booklet':
      return source(index.booklets.get(id)?.texts);
    case 'edition':
      return source(index.editions.get(id)?.texts);
    default:
      return undefined;
  }
}

export function overview(index: ContentIndex, rows: readonly StatusRow[], problems: readonly ContentProblem[], contentShown: string, today: Date = new Date()): Overview {
  const rowOf = new Map(rows.map((r) => [`${r.kind}\u0000${r.id}\u0000${r.locale}`, r]));
  const plan = printPlan({
    bulletins: [...index.bulletins].map(([month, b]) => ({ month, editions: b.data.editions })),
    booklets: [...index.booklets].map(([slug, b]) => ({ slug, editions: b.data.editions, sections: b.data.sections })),
    editions: [...index.editions].map(([slug, e]) => ({ slug, languages: e.data.languages })),
  });
  const definitionFile = { bulletin: 'issue.yaml', booklet: 'booklet.yaml', edition: 'edition.yaml' } as const;
  const folder = { bulletin: 'bulletins', booklet: 'booklets', edition: 'editions' } as const;

  const summary = (kind: 'bulletin' | 'booklet' | 'edition', slug: string, languages: readonly LocaleId[]): PublicationSummary => ({
    kind,
    slug,
    file: `${contentShown}/${folder[kind]}/${slug}/${definitionFile[kind]}`,
    languages: languages.map((locale) => {
      const texts: TextState[] = textsOf(index, kind, slug).map(({ kind: k, id }) => {
        const title = titleOf(index, k, id);
        const named = title ? { title } : {};
        if (locale === defaultLocale) return { kind: k, id, ...named, file: `${contentShown}/${sourceFolder[k]}/${id}/${defaultLocale}.mdx`, state: 'source' };
        const row = rowOf.get(`${k}\u0000${id}\u0000${locale}`);
        return { kind: k, id, ...named, file: row?.file ?? `${contentShown}/${sourceFolder[k]}/${id}/${locale}.mdx`, state: row?.state ?? 'missing' };
      });
      const counts = new Map<string, number>();
      for (const t of texts) if (t.state === 'outdated' || t.state === 'missing') counts.set(`${t.kind}\u0000${t.state}`, (counts.get(`${t.kind}\u0000${t.state}`) ?? 0) + 1);
      const planned = plan.find((p) => p.kind === kind && p.slug === slug && (p.locale === locale || p.locale.split('-').includes(locale)));
      return {
        locale,
        pdf: planned?.file ?? '',
        print: planned ? `/print/${kind}/${slug}/${planned.locale}/` : '',
        texts,
        blockers: [...counts].map(([key, count]) => {
          const [k, state] = key.split('\u0000') as [ItemKind, 'outdated' | 'missing'];
          return { kind: k, state, count };
        }),
      };
    }),
  });

  const bulletins = [...index.bulletins].sort(([a], [b]) => b.localeCompare(a));
  const publications = [
    ...bulletins.map(([month, b]) => summary('bulletin', month, b.data.editions)),
    ...[...index.booklets].map(([slug, b]) => summary('booklet', slug, b.data.editions)),
    ...[...index.editions].map(([slug, e]) => summary('edition', slug, e.data.languages)),
  ];

  const matrix = statusTable(rows).map(({ item, cells }) => {
    const first = rows.find((r) => (r.kind === 'ui' ? `ui ${r.id.split(':')[0]}` : `${r.kind} ${r.id}`) === item)!;
    const id = first.kind === 'ui' ? first.id.split(':')[0]! : first.id;
    const title = titleOf(index, first.kind, id);
    return {
      kind: first.kind,
      id,
      ...(title ? { title } : {}),
      source: first.source,
      cells: Object.fromEntries([...cells].map(([locale, cell]) => [locale, { state: cell.state, file: cell.file, counts: cell.counts }])),
    };
  });

  return {
    locales: localeIds.filter((l) => l !== defaultLocale),
    nextBulletin: publications.find((p) => p.kind === 'bulletin') ?? null,
    nextBulletinDue: (publications.find((p) => p.kind === 'bulletin')?.slug ?? '') >= today.toISOString().slice(0, 7),
    publications,
    matrix,
    problems: [...problems],
  };
}
