/**
 * The content check: reads every file an editor wrote, validates it against the schemas and the
 * links between files (bulletins name articles, translations need a Vietnamese source), and reports
 * every problem at once with file, line and field. Pure: files come in, problems come out; reading
 * the disk happens in ./read.ts.
 */
import { z } from 'astro/zod';
import { defaultLocale, isLocaleId, type LocaleId } from '../i18n/locales.ts';
import { problem, type ContentProblem } from './problems.ts';
import {
  articleSchema,
  bulletinSchema,
  forewordSchema,
  monthPattern,
  slugPattern,
  type ArticleData,
  type BulletinData,
  type ForewordData,
} from './schema.ts';
import { isSyntaxError, mdxSyntaxError, parseMdx, parseYaml, type YamlSource } from './source.ts';

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes: `articles/tea/vi.mdx`. */
  path: string;
  text: string;
}

export interface CheckInput {
  files: readonly ContentFile[];
  /** Other files present (images and the like), relative to the content folder. */
  assets: readonly string[];
  /** How the content folder is shown in messages, e.g. `content`. */
  displayRoot: string;
}

export interface Translation<Data> {
  data: Data;
  body: string;
  file: string;
}

export interface ContentIndex {
  articles: Map<string, Map<LocaleId, Translation<ArticleData>>>;
  bulletins: Map<string, { data: BulletinData; file: string; forewords: Map<LocaleId, Translation<ForewordData>> }>;
}

export interface CheckResult {
  problems: ContentProblem[];
  index: ContentIndex;
}

const imageExtensions = /\.(jpe?g|png|webp|avif|svg|gif|tiff?)$/i;

// The content check only needs the image path; Astro's image() helper checks the file itself.
const articleCheckSchema = articleSchema(z.string().trim().min(1));

export function checkContent(input: CheckInput): CheckResult {
  const problems: ContentProblem[] = [];
  const index: ContentIndex = { articles: new Map(), bulletins: new Map() };
  const assets = new Set(input.assets);
  const show = (path: string) => `${input.displayRoot}/${path}`;
  // Forewords and bulletin sources are gathered first and linked once every file is read.
  const pendingForewords = new Map<string, Map<LocaleId, Translation<ForewordData>>>();
  const bulletinSources = new Map<string, YamlSource>();

  for (const file of [...input.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = file.path.split('/');
    const [section, folder, name] = parts;
    if (section === 'articles' && parts.length === 3 && folder && name?.endsWith('.mdx')) {
      checkTranslationFile(file, folder, name, 'article', articleCheckSchema, (locale, t) => {
        const translations = index.articles.get(folder) ?? new Map();
        translations.set(locale, t);
        index.articles.set(folder, translations);
        if (t.data.cover) checkImage(file.path, t.data.cover.src, t.line('cover', 'src'));
      });
    } else if (section === 'bulletins' && parts.length === 3 && folder && name === 'issue.yaml') {
      checkBulletinFile(file, folder);
    } else if (section === 'bulletins' && parts.length === 3 && folder && name?.endsWith('.mdx')) {
      checkTranslationFile(file, folder, name, 'foreword', forewordSchema, (locale, t) => {
        forewords(folder).set(locale, t);
      });
    } else {
      problems.push(
        problem('file-unexpected', show(file.path), unexpectedFileMessage(file.path)),
      );
    }
  }

  checkLinks();
  return { problems, index };

  function forewords(month: string) {
    const existing = pendingForewords.get(month) ?? new Map<LocaleId, Translation<ForewordData>>();
    pendingForewords.set(month, existing);
    return existing;
  }

  function checkImage(mdxPath: string, src: string, line: number) {
    const folder = mdxPath.slice(0, mdxPath.lastIndexOf('/'));
    const resolved = normalise(`${folder}/${src}`);
    if (!assets.has(resolved)) {
      problems.push(
        problem('image-missing', show(mdxPath), `The image "${src}" was not found (looked for ${show(resolved)}).`, {
          line,
          field: 'cover.src',
        }),
      );
    }
  }

  function checkTranslationFile<Schema extends z.ZodType>(
    file: ContentFile,
    folder: string,
    name: string,
    what: 'article' | 'foreword',
    schema: Schema,
    accept: (locale: LocaleId, t: Translation<z.infer<Schema>> & { line(...path: string[]): number }) => void,
  ) {
    const shown = show(file.path);
    const locale = name.slice(0, -'.mdx'.length);
    if (what === 'article' && !slugPattern.test(folder)) {
      problems.push(problem('slug-invalid', shown, `The folder name "${folder}" cannot be used in a web address.`));
      return;
    }
    if (!isLocaleId(locale)) {
      problems.push(
        problem('locale-unknown', shown, `"${locale}" is not a language of this site; expected one of the configured language codes.`),
      );
      return;
    }
    const source = parseMdx(file.text);
    if (!source.frontmatter) {
      problems.push(problem('frontmatter-missing', shown, 'The file has no frontmatter block between "---" lines.', { line: 1 }));
      return;
    }
    if (isSyntaxError(source.frontmatter)) {
      const { syntaxError, line } = source.frontmatter;
      problems.push(problem('yaml-syntax', shown, `The frontmatter is not valid YAML: ${syntaxError}.`, { line }));
      return;
    }
    const data = validate(shown, source.frontmatter, schema);
    if (source.body.trim() === '') {
      problems.push(problem('body-empty', shown, `The ${what} has no text.`, { line: source.bodyLine }));
      return;
    }
    const syntax = mdxSyntaxError(source.body);
    if (syntax) {
      problems.push(problem('mdx-syntax', shown, `The text cannot be read as MDX: ${syntax.reason}.`, { line: source.bodyLine + syntax.line - 1 }));
      return;
    }
    if (data === undefined) return;
    const yaml = source.frontmatter;
    accept(locale, { data, body: source.body, file: shown, line: (...path) => yaml.lineOf(path) });
  }

  function checkBulletinFile(file: ContentFile, folder: string) {
    const shown = show(file.path);
    const source = parseYaml(file.text);
    if (isSyntaxError(source)) {
      problems.push(problem('yaml-syntax', shown, `The file is not valid YAML: ${source.syntaxError}.`, { line: source.line }));
      return;
    }
    const data = validate(shown, source, bulletinSchema);
    if (!data) return;
    if (!monthPattern.test(folder) || data.month !== folder) {
      problems.push(
        problem('month-mismatch', shown, `The folder is "${folder}" but the month field says "${data.month}".`, {
          line: source.lineOf(['month']),
          field: 'month',
        }),
      );
      return;
    }
    index.bulletins.set(folder, { data, file: shown, forewords: new Map() });
    bulletinSources.set(folder, source);
  }

  function validate<Schema extends z.ZodType>(shown: string, source: YamlSource, schema: Schema): z.infer<Schema> | undefined {
    const result = schema.safeParse(source.data ?? {});
    if (result.success) return result.data;
    for (const issue of result.error.issues) problems.push(describeIssue(shown, source, issue));
    return undefined;
  }

  function checkLinks() {
    for (const [slug, translations] of index.articles) {
      if (!translations.has(defaultLocale)) {
        for (const t of translations.values()) {
          problems.push(
            problem('source-missing', t.file, `There is no Vietnamese source (${show(`articles/${slug}/${defaultLocale}.mdx`)}) for this translation.`),
          );
        }
        index.articles.delete(slug);
      }
    }
    const numbers = new Map<number, string>();
    for (const [month, bulletin] of index.bulletins) {
      const source = bulletinSources.get(month);
      const seen = numbers.get(bulletin.data.number);
      if (seen) {
        problems.push(
          problem('bulletin-number-duplicate', bulletin.file, `Issue number ${bulletin.data.number} is already used by bulletin ${seen}.`, {
            line: source?.lineOf(['number']),
            field: 'number',
          }),
        );
      }
      numbers.set(bulletin.data.number, month);
      bulletin.forewords = pendingForewords.get(month) ?? new Map();
      bulletin.data.articles.forEach((slug, i) => {
        const article = index.articles.get(slug);
        const where = { line: source?.lineOf(['articles', i]), field: `articles[${i + 1}]` };
        if (!article) {
          // An article whose files have problems of their own is reported there, not again here.
          if (!input.files.some((f) => f.path.startsWith(`articles/${slug}/`))) {
            problems.push(problem('article-unknown', bulletin.file, `There is no article "${slug}" in ${show('articles/')}.`, where));
          }
          return;
        }
        for (const locale of bulletin.data.editions) {
          if (!article.has(locale)) {
            problems.push(
              problem(
                'translation-missing-for-edition',
                bulletin.file,
                `The ${locale} edition includes "${slug}", which has no ${locale} translation yet.`,
                where,
              ),
            );
          }
        }
      });
      bulletin.data.editions.forEach((locale, i) => {
        if (!bulletin.forewords.has(locale)) {
          problems.push(
            problem('foreword-missing', bulletin.file, `The ${locale} edition has no foreword: ${show(`bulletins/${month}/${locale}.mdx`)} does not exist.`, {
              line: source?.lineOf(['editions', i]),
              field: 'editions',
            }),
          );
        }
      });
    }
    for (const month of pendingForewords.keys()) {
      if (!input.files.some((f) => f.path === `bulletins/${month}/issue.yaml`)) {
        problems.push(
          problem('file-unexpected', show(`bulletins/${month}/`), `These forewords belong to no bulletin: ${show(`bulletins/${month}/issue.yaml`)} is missing.`),
        );
      }
    }
  }
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function unexpectedFileMessage(path: string): string {
  if (path.endsWith('.md')) return 'Texts must be .mdx files; this .md file is not read.';
  if (imageExtensions.test(path)) return 'This image is not next to any article or bulletin text.';
  return 'This file is not in a place the site or print reads from.';
}

/** Turns one schema issue into a problem an editor can act on. */
function describeIssue(shown: string, source: YamlSource, issue: z.core.$ZodIssue): ContentProblem {
  const path = issue.path;
  const field = path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
  const line = source.lineOf(path);
  const value = valueAt(source.data, path);
  if (issue.code === 'unrecognized_keys') {
    const [key = ''] = issue.keys;
    const name = field ? `${field}.${key}` : key;
    return problem('field-unknown', shown, `"${name}" is not a field here.${expectedFields(issue.keys)}`, {
      line: source.keyLine(path, key),
      field: name,
    });
  }
  if (value === undefined) {
    return problem('field-missing', shown, `The required field "${field}" is missing.`, { line, field });
  }
  return problem('field-invalid', shown, `${expectation(issue)}; found ${JSON.stringify(value)}.`, { line, field });
}

function expectedFields(keys: readonly string[]): string {
  return keys.length > 1 ? ` (also unknown: ${keys.slice(1).join(', ')})` : '';
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `Expected one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'date' ? 'Expected a date written yyyy-mm-dd' : `Expected ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array' ? `Expected at least ${issue.minimum} item(s)` : 'Expected a non-empty value';
    case 'invalid_format':
      return issue.format === 'regex' ? `Expected text matching ${describePattern(String(issue.pattern))}` : `Expected ${issue.format}`;
    default:
      return `Invalid value (${issue.message})`;
  }
}

function describePattern(pattern: string): string {
  if (pattern === String(monthPattern)) return 'a month written yyyy-mm (e.g. 2026-10)';
  if (pattern === String(slugPattern)) return 'an article folder name (lowercase, digits and hyphens)';
  return pattern;
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
