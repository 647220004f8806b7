/**
 * Astro's content collections over `content/`, read by our one reader (./read.ts): the files are read
 * and checked once per build, through the same frontmatter and YAML path as every command-line tool,
 * with one notion of a date (the schemas make Dates of the `yyyy-mm-dd` text). The entries are the
 * files the check accepted, their frontmatter validated again by the collection's schema (which
 * resolves images), MDX bodies rendered by @astrojs/mdx from the file.
 *
 * A build stops on a content error before any page is rendered (ContentProblemsError, reported by
 * scripts/build.ts); `astro dev` reports the problems and serves the files without them.
 */
import { relative, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblems, type ContentProblem } from './problems.ts';
import type { CheckResult, ContentIndex, PublicationSource, Translation } from './check.ts';
import { ContentReader } from './read.ts';
import { readUiStrings } from '../translations/records.ts';
import { contentStatus, printBlockers, uiStatus, type StatusRow } from '../translations/status.ts';

/**
 * What a build tells the editor about the content it builds: the check's problems, and the
 * translations that will be printed although their Vietnamese source changed since.
 */
export function contentWarnings(result: CheckResult, rows: readonly StatusRow[]): string[] {
  const warnings: string[] = [];
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (result.problems.length) warnings.push(`\n${formatProblems(result.problems)}${errors.length ? '\nThe files with errors are left out until they are fixed.' : ''}`);
  const notCurrent = printBlockers(result.index, rows).filter((b) => !b.includes(' is missing '));
  if (notCurrent.length) {
    warnings.push(`these translations will be printed although their Vietnamese source has changed since:\n  ${notCurrent.join('\n  ')}\n  Hint: update them and record each with npm run translations -- --done <locale> <file>.`);
  }
  return warnings;
}

export interface LoaderOptions {
  dir: string;
  shown: string;
  localesDir: string;
  /** `fail`: a content error stops the build; `report`: problems are logged and the rest is served (dev). */
  onProblems: 'fail' | 'report';
}

/** A content error found while Astro read the collections: the build reports `problems` and stops. */
export class ContentProblemsError extends Error {
  override readonly name = 'ContentProblemsError';
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    super(formatProblems(problems));
    this.problems = problems;
  }
}

/** Recognised by shape: scripts/build.ts and this module are loaded separately (Node and Vite). */
export function isContentProblemsError(error: unknown): error is ContentProblemsError {
  return error instanceof Error && error.name === 'ContentProblemsError' && Array.isArray((error as { problems?: unknown }).problems);
}

interface Item {
  id: string;
  /** Relative to the content folder. */
  path: string;
  text: string | undefined;
  fields: unknown;
  body: string | undefined;
}

type Pick = (index: ContentIndex) => Item[];

const textItems = (slug: string, texts: ReadonlyMap<string, Translation<unknown>>): Item[] =>
  [...texts].map(([locale, t]) => ({ id: `${slug}/${locale}`, path: t.path, text: t.text, fields: t.fields, body: t.body }));
const definitionItem = (slug: string, p: PublicationSource<unknown, unknown>): Item => ({ id: slug, path: p.path, text: undefined, fields: p.fields, body: undefined });

const picks = {
  articles: (index) => [...index.articles].flatMap(([slug, t]) => textItems(slug, t)),
  projects: (index) => [...index.projects].flatMap(([slug, t]) => textItems(slug, t)),
  forewords: (index) => [...index.bulletins].flatMap(([slug, p]) => textItems(slug, p.texts)),
  bookletTexts: (index) => [...index.booklets].flatMap(([slug, p]) => textItems(slug, p.texts)),
  editionTexts: (index) => [...index.editions].flatMap(([slug, p]) => textItems(slug, p.texts)),
  bulletins: (index) => [...index.bulletins].map(([slug, p]) => definitionItem(slug, p)),
  booklets: (index) => [...index.booklets].map(([slug, p]) => definitionItem(slug, p)),
  editions: (index) => [...index.editions].map(([slug, p]) => definitionItem(slug, p)),
} satisfies Record<string, Pick>;

export type CollectionName = keyof typeof picks;

/** The loaders of every collection, sharing one reading of the folder. */
export function contentLoaders(options: LoaderOptions) {
  const reader = new ContentReader(options.dir, options.shown);
  /** The last check told about, with its translation status rows (the warnings and the status collection share them). */
  let reported: { result: CheckResult; rows: StatusRow[] } | undefined;

  /** The check as it is now; a new result's problems and print warnings are told once. */
  const current = (logger: LoaderContext['logger']): { result: CheckResult; rows: StatusRow[] } => {
    const { result } = reader.read();
    if (reported?.result !== result) {
      const errors = result.problems.filter((p) => p.severity === 'error');
      if (errors.length && options.onProblems === 'fail') throw new ContentProblemsError(result.problems);
      reported = { result, rows: contentStatus(result.index, options.shown) };
      for (const warning of contentWarnings(result, reported.rows)) logger.warn(warning);
    }
    return reported;
  };

  const watch = (context: LoaderContext, sync: () => Promise<void>) => {
    const inFolder = (path: string) => !relative(options.dir, path).startsWith('..');
    for (const event of ['change', 'add', 'unlink'] as const) {
      context.watcher?.on(event, (path: string) => {
        if (inFolder(path)) sync().catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      });
    }
  };

  const collection = (name: CollectionName): Loader => ({
    name: `press:${name}`,
    load: async (context) => {
      const { store, parseData, generateDigest, config } = context;
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const items = picks[name](current(context.logger).result.index);
        const kept = new Set<string>();
        for (const item of items) {
          kept.add(item.id);
          const absolute = join(options.dir, item.path);
          const filePath = relative(root, absolute).split(sep).join('/');
          const digest = generateDigest(item.text ?? JSON.stringify(item.fields));
          const mdx = item.path.endsWith('.mdx');
          // Every entry is validated and set again, unchanged ones too: setting is what makes an
          // entry's MDX module and images part of this build (a page of an entry kept from the last
          // build's store waited forever for its image), and the files were read and checked anyway.
          const data = await parseData({ id: item.id, data: (item.fields ?? {}) as Record<string, unknown>, filePath: absolute });
          store.delete(item.id);
          store.set({ id: item.id, data, filePath, digest, ...(mdx ? { body: item.body, deferredRender: true } : {}) });
        }
        for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
      };
      await sync();
      watch(context, sync);
    },
  });

  /** Translation status rows (src/translations/status.ts), for the status page and "outdated" notices. */
  const translationStatus: Loader = {
    name: 'press:translation-status',
    load: async (context) => {
      const sync = async () => {
        const { result, rows: contentRows } = current(context.logger);
        const { index } = result;
        const { strings, records } = readUiStrings(options.localesDir);
        const rows = [...contentRows, ...uiStatus(strings, records, 'locales')];
        const data = { rows, blockers: printBlockers(index, rows) };
        context.store.set({ id: 'all', data, digest: context.generateDigest(JSON.stringify(data)) });
      };
      await sync();
      watch(context, sync);
    },
  };

  return { collection, translationStatus };
}
