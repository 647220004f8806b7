/**
 * The studio's "New" forms, over the same scaffolds as `npm run new` (src/scaffold/templates.ts):
 * an article, a project, the next bulletin (number and month, edition languages, articles picked
 * and ordered, print run per language), and a translation started from the Vietnamese source.
 * Like the command, nothing is ever overwritten: if any file exists, nothing is written.
 */
import { isMap, parseDocument } from 'yaml';
import type { ContentIndex } from '../content/check.ts';
import { parseMdx } from '../content/source.ts';
import { monthPattern, projectTranslationSchema } from '../content/schema.ts';
import { defaultLocale, isLocaleId, localeIds, type LocaleId } from '../i18n/locales.ts';
import { articleFiles, bulletinFiles, nextMonth, projectFiles, ScaffoldError, type Files } from '../scaffold/templates.ts';

export type CreateRequest =
  | { kind: 'article'; slug: string }
  | { kind: 'project'; slug: string }
  | { kind: 'bulletin'; month: string; editions: string[]; articles: string[]; printRun: Record<string, number> }
  | { kind: 'translation'; source: string; locale: string };

/** What the bulletin form starts from: the next month and number, the last issue's languages and print run, the articles newest first. */
export function bulletinDefaults(index: ContentIndex, today: string) {
  const latest = [...index.bulletins.values()].sort((a, b) => b.data.month.localeCompare(a.data.month))[0];
  const articles = [...index.articles]
    .filter(([, t]) => t.has(defaultLocale))
    .map(([slug, t]) => ({ slug, title: t.get(defaultLocale)!.data.title, date: t.get(defaultLocale)!.data.date.toISOString().slice(0, 10), locales: [...t.keys()] }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  return {
    month: latest ? nextMonth(latest.data.month) : today.slice(0, 7),
    number: (latest?.data.number ?? 0) + 1,
    editions: latest?.data.editions ?? localeIds.filter((l) => l === defaultLocale || l === 'en'),
    printRun: latest?.data.printRun ?? {},
    articles,
    locales: [...localeIds],
    taken: [...index.bulletins.keys()],
  };
}

/** The files one request creates, relative to the content folder. Pure; the caller refuses to overwrite. */
export function filesFor(request: CreateRequest, index: ContentIndex, today: string, readSource: (path: string) => string): Files {
  switch (request.kind) {
    case 'article':
      return articleFiles(request.slug, today);
    case 'project':
      return projectFiles(request.slug);
    case 'bulletin':
      return bulletinFilesFor(request, index, today);
    case 'translation':
      return translationFiles(request.source, request.locale, readSource);
  }
}

function bulletinFilesFor(request: Extract<CreateRequest, { kind: 'bulletin' }>, index: ContentIndex, today: string): Files {
  if (!monthPattern.test(request.month)) throw new ScaffoldError(`"${request.month}" is not a month: write it yyyy-mm, e.g. 2026-12.`);
  const editions = request.editions.filter(isLocaleId);
  if (editions.length === 0 || editions.length !== request.editions.length) throw new ScaffoldError('Choose at least one edition language of this site.');
  const unknown = request.articles.filter((slug) => !index.articles.has(slug));
  if (unknown.length) throw new ScaffoldError(`No such article: ${unknown.join(', ')}.`);
  if (request.articles.length === 0) throw new ScaffoldError('Pick at least one article for the issue.');
  const printRun: Partial<Record<LocaleId, number>> = {};
  for (const locale of editions) {
    const copies = Number(request.printRun[locale] ?? 0);
    if (!Number.isInteger(copies) || copies < 0) throw new ScaffoldError(`The print run for ${locale} must be a whole number of copies.`);
    printRun[locale] = copies;
  }
  const defaults = bulletinDefaults(index, today);
  const latest = [...index.bulletins.values()].sort((a, b) => b.data.month.localeCompare(a.data.month))[0];
  const previous = { month: latest?.data.month ?? request.month, number: defaults.number - 1, editions, printRun };
  const files = bulletinFiles(request.month, previous, request.articles, today);
  // The scaffold starts with the newest four articles; the editor picked and ordered their own.
  const path = `bulletins/${request.month}/issue.yaml`;
  const doc = parseDocument(files[path]!);
  doc.set('articles', doc.createNode(request.articles, { flow: false }));
  files[path] = doc.toString({ lineWidth: 0 });
  return files;
}

/**
 * A translation's first draft: the Vietnamese file with its words, for the translator to replace.
 * For a project only the fields a translation may have (facts stay in vi.mdx); never translatedFrom,
 * so it shows as outdated until marked as translated.
 */
function translationFiles(source: string, locale: string, readSource: (path: string) => string): Files {
  const parts = source.split('/');
  if (parts.length !== 3 || parts[2] !== `${defaultLocale}.mdx`) throw new ScaffoldError(`${source} is not a Vietnamese text (…/${defaultLocale}.mdx).`);
  if (!isLocaleId(locale) || locale === defaultLocale) throw new ScaffoldError(`"${locale}" is not a language to translate into.`);
  const text = readSource(source);
  const parsed = parseMdx(text);
  const match = /^---[ \t]*\r?\n([\s\S]*?\r?\n)---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match || !parsed.frontmatter || 'syntaxError' in parsed.frontmatter) throw new ScaffoldError(`${source} has no valid frontmatter to start from; fix it first.`);
  const doc = parseDocument(match[1]!);
  if (!isMap(doc.contents)) throw new ScaffoldError(`${source} has no valid frontmatter to start from; fix it first.`);
  doc.delete('translatedFrom');
  if (parts[0] === 'projects') {
    const allowed = new Set(Object.keys(projectTranslationSchema.shape));
    for (const key of Object.keys(doc.toJS() as object)) if (!allowed.has(key)) doc.delete(key);
    const contact = doc.get('contact');
    if (isMap(contact)) for (const key of Object.keys(contact.toJSON() as object)) if (key !== 'office') contact.delete(key);
  }
  return { [`${parts[0]}/${parts[1]}/${locale}.mdx`]: `---\n${doc.toString({ lineWidth: 0 })}---\n${text.slice(match[0].length)}` };
}
