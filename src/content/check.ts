/**
 * The content check: reads every file an editor wrote, validates it against the schemas and the
 * links between files (publications name articles and projects, translations need a Vietnamese
 * source), and reports every problem at once with file, line and field. Pure: files come in,
 * problems come out; reading the disk happens in ./read.ts.
 */
import { z } from 'astro/zod';
import { defaultLocale, isLocaleId, localeIds, type LocaleId } from '../i18n/locales.ts';
import { describeIssue, fieldName, valueAt, type IssueWording } from './issues.ts';
import { problem, type ContentProblem, type ProblemCode } from './problems.ts';
import {
  articleSchema,
  bookletSchema,
  bulletinSchema,
  editionSchema,
  forewordSchema,
  monthPattern,
  projectSourceSchema,
  projectTranslationSchema,
  publicationTextSchema,
  slugPattern,
  type ArticleData,
  type BookletData,
  type BulletinData,
  type EditionData,
  type ForewordData,
  type ProjectSourceData,
  type ProjectTranslationData,
  type PublicationTextData,
} from './schema.ts';
import { isSyntaxError, parseMdx, parseMdxBody, parseYaml, type YamlSource } from './source.ts';
import { bodyImages, isLocalPath, lacksAlt } from './images.ts';
import { placeholders } from './placeholders.ts';
import { FigureTitleError, parseFigureTitle, type Placement } from '../pictures/figure-title.ts';
import { inspectImageFile, type ImageFileResult } from '../pictures/image-file.ts';
import { effectivePpi, printedWidthMm, screenPpi } from '../pictures/print-size.ts';

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
  /**
   * Reads an asset's bytes, so images are checked (readable, not too large, SVG safe, enough pixels
   * for their placement) before anything draws them; without it only their presence is checked.
   */
  readAsset?: (path: string) => Uint8Array;
}

export interface Translation<Data> {
  data: Data;
  /** The frontmatter as written (parsed YAML, before the schema): what Astro's collections validate again with their image helper. */
  fields: unknown;
  body: string;
  /** Relative to the content folder: `articles/tea/en.mdx`. */
  path: string;
  /** As messages show it: `content/articles/tea/en.mdx`. */
  file: string;
  /** The file as written, for fingerprints of Vietnamese sources. */
  text: string;
}

/** A publication's definition file (issue.yaml, booklet.yaml, edition.yaml) and its texts per language. */
export interface PublicationSource<Data, Text> {
  data: Data;
  /** The file as written (parsed YAML, before the schema). */
  fields: unknown;
  /** Relative to the content folder. */
  path: string;
  file: string;
  texts: Map<LocaleId, Translation<Text>>;
}

export interface ContentIndex {
  articles: Map<string, Map<LocaleId, Translation<ArticleData>>>;
  projects: Map<string, Map<LocaleId, Translation<ProjectSourceData | ProjectTranslationData>>>;
  bulletins: Map<string, PublicationSource<BulletinData, ForewordData>>;
  booklets: Map<string, PublicationSource<BookletData, PublicationTextData>>;
  editions: Map<string, PublicationSource<EditionData, PublicationTextData>>;
}

export interface CheckResult {
  problems: ContentProblem[];
  index: ContentIndex;
}

// The content check only needs the image path; Astro's image() helper checks the file itself.
const articleCheckSchema = articleSchema(z.string().trim().min(1));

/** Folders of translated texts, and the schema of each language's file. */
const textSchemas = {
  articles: () => articleCheckSchema,
  projects: (locale: LocaleId) => (locale === defaultLocale ? projectSourceSchema : projectTranslationSchema),
  bulletins: () => forewordSchema,
  booklets: () => publicationTextSchema,
  editions: () => publicationTextSchema,
} as const;
type TextSection = keyof typeof textSchemas;

/** Publication folders and the file that defines each publication. */
const definitions = {
  bulletins: { file: 'issue.yaml', schema: bulletinSchema },
  booklets: { file: 'booklet.yaml', schema: bookletSchema },
  editions: { file: 'edition.yaml', schema: editionSchema },
} as const;
type PublicationSection = keyof typeof definitions;

const projectSourceOnly = Object.keys(projectSourceSchema.shape).filter((key) => !(key in projectTranslationSchema.shape));

const imageExtensions = /\.(jpe?g|png|webp|avif|svg|gif|tiff?)$/i;

export function checkContent(input: CheckInput): CheckResult {
  const problems: ContentProblem[] = [];
  const assets = new Set(input.assets);
  const show = (path: string) => `${input.displayRoot}/${path}`;
  /** Each image file is read and inspected once, however many texts show it. */
  const inspected = new Map<string, ImageFileResult>();
  const report = (code: ProblemCode, file: string, message: string, where?: { line?: number; field?: string; params?: Record<string, string | number> }) =>
    problems.push(problem(code, file, message, where));

  const texts = new Map<string, Map<LocaleId, Translation<unknown>>>();
  const sources = new Map<string, { data: unknown; path: string; file: string; yaml: YamlSource }>();
  /** Every file and folder present, valid or not: a file with problems of its own is not also "missing". */
  const paths = new Set(input.files.map((f) => f.path));
  const folders = new Set(input.files.map((f) => f.path.split('/').slice(0, 2).join('/')));

  for (const file of [...input.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = file.path.split('/');
    const [section = '', folder = '', name = ''] = parts;
    const definition = section in definitions ? definitions[section as PublicationSection] : undefined;
    if (parts.length === 3 && definition && name === definition.file) {
      readDefinition(file, section as PublicationSection, folder);
    } else if (parts.length === 3 && section in textSchemas && name.endsWith('.mdx')) {
      readText(file, section as TextSection, folder, name.slice(0, -'.mdx'.length));
    } else {
      report('file-unexpected', show(file.path), unexpectedFileMessage(file.path));
    }
  }

  const index: ContentIndex = {
    articles: translationsOf<ArticleData>('articles'),
    projects: translationsOf<ProjectSourceData | ProjectTranslationData>('projects'),
    bulletins: publicationsOf<BulletinData, ForewordData>('bulletins'),
    booklets: publicationsOf<BookletData, PublicationTextData>('booklets'),
    editions: publicationsOf<EditionData, PublicationTextData>('editions'),
  };
  checkCovers();
  checkBulletins();
  checkBooklets();
  checkEditions();
  return { problems, index };

  function readText(file: ContentFile, section: TextSection, folder: string, locale: string) {
    const shown = show(file.path);
    if ((section === 'articles' || section === 'projects') && !slugPattern.test(folder)) {
      report('slug-invalid', shown, `The folder name "${folder}" cannot be used in a web address.`, { params: { folder } });
      return;
    }
    if (!isLocaleId(locale)) {
      report('locale-unknown', shown, `"${locale}" is not a language of this site; expected one of: ${localeIds.join(', ')}.`, { params: { locale } });
      return;
    }
    const source = parseMdx(file.text);
    if (!source.frontmatter) {
      report('frontmatter-missing', shown, 'The file has no frontmatter block between "---" lines.', { line: 1 });
      return;
    }
    if (isSyntaxError(source.frontmatter)) {
      report('yaml-syntax', shown, `The frontmatter is not valid YAML: ${source.frontmatter.syntaxError}.`, { line: source.frontmatter.line });
      return;
    }
    const yaml = source.frontmatter;
    const data = validate(shown, yaml, textSchemas[section](locale), section === 'projects' && locale !== defaultLocale);
    if (source.body.trim() === '') {
      report('body-empty', shown, 'The file has no text below its frontmatter.', { line: source.bodyLine });
      return;
    }
    const parsed = parseMdxBody(source.body);
    if ('error' in parsed) {
      report('mdx-syntax', shown, `The text cannot be read as MDX: ${parsed.error.reason}.`, { line: source.bodyLine + parsed.error.line - 1 });
      return;
    }
    for (const image of bodyImages(parsed.tree)) {
      const line = source.bodyLine + image.line - 1;
      if (lacksAlt(image)) report('image-alt-missing', shown, `The image "${image.src}" has no alt text describing it.`, { line, field: 'alt', params: { src: image.src } });
      let placement: Placement = 'column';
      try {
        placement = parseFigureTitle(image.title).placement;
      } catch (error) {
        if (!(error instanceof FigureTitleError)) throw error;
        report('image-title-invalid', shown, `The image "${image.src}": ${error.message}`, { line, field: 'title', params: { src: image.src } });
      }
      if (isLocalPath(image.src)) checkImage(file.path, image.src, line, undefined, placement);
    }
    if (data === undefined) return;
    if (placeholders.some((words) => file.text.includes(words))) {
      report('placeholder-text', shown, 'The file still has the words of the template made by npm run new.');
    }
    const cover = (data as Partial<ArticleData>).cover;
    if (cover) checkImage(file.path, cover.src, yaml.lineOf(['cover', 'src']), 'cover.src', cover.placement ?? 'full');
    const key = `${section}/${folder}`;
    const translations = texts.get(key) ?? new Map();
    translations.set(locale, { data, fields: yaml.data, body: source.body, path: file.path, file: shown, text: file.text });
    texts.set(key, translations);
  }

  function readDefinition(file: ContentFile, section: PublicationSection, folder: string) {
    const shown = show(file.path);
    const yaml = parseYaml(file.text);
    if (isSyntaxError(yaml)) {
      report('yaml-syntax', shown, `The file is not valid YAML: ${yaml.syntaxError}.`, { line: yaml.line });
      return;
    }
    const data = validate(shown, yaml, definitions[section].schema);
    if (data === undefined) return;
    if (section === 'bulletins') {
      const { month } = data as BulletinData;
      if (!monthPattern.test(folder) || month !== folder) {
        report('month-mismatch', shown, `The folder is "${folder}" but the month field says "${month}".`, { line: yaml.lineOf(['month']), field: 'month', params: { folder, month } });
        return;
      }
    } else if (!slugPattern.test(folder)) {
      report('slug-invalid', shown, `The folder name "${folder}" cannot be used in a web address or file name.`, { params: { folder } });
      return;
    }
    sources.set(`${section}/${folder}`, { data, path: file.path, file: shown, yaml });
  }

  function validate<Schema extends z.ZodType>(shown: string, yaml: YamlSource, schema: Schema, isProjectTranslation = false): z.infer<Schema> | undefined {
    const result = schema.safeParse(yaml.data ?? {});
    if (result.success) return result.data;
    for (const issue of result.error.issues) problems.push(describeContentIssue(shown, yaml, issue, isProjectTranslation));
    return undefined;
  }

  function checkImage(mdxPath: string, src: string, line: number, field: string | undefined, placement: Placement) {
    const folder = mdxPath.slice(0, mdxPath.lastIndexOf('/'));
    const path = src.split(/[?#]/)[0] ?? '';
    let decoded = path;
    try {
      decoded = decodeURI(path);
    } catch {
      // A stray `%` is part of the file name as written.
    }
    const resolved = normalise(`${folder}/${decoded}`);
    if (!assets.has(resolved)) {
      report('image-missing', show(mdxPath), `The image "${src}" was not found (looked for ${show(resolved)}).`, field ? { line, field, params: { src } } : { line, params: { src } });
      return;
    }
    if (!input.readAsset) return;
    let result = inspected.get(resolved);
    if (!result) {
      result = inspectImageFile(input.readAsset(resolved));
      inspected.set(resolved, result);
    }
    const where = { line, field: field ?? 'src', params: { src } };
    if (!result.ok) {
      report(result.problem, show(mdxPath), `The image "${src}" (${show(resolved)}): ${result.message}`, where);
      return;
    }
    if (result.format === 'svg') return;
    // Even in the smallest format, the placement prints at least this wide.
    const widthMm = printedWidthMm('A5', placement, { aspect: result.width / result.height });
    const ppi = effectivePpi(result.width, widthMm);
    if (ppi < screenPpi) {
      report('image-low-resolution', show(mdxPath), `The image "${src}" is ${result.width} × ${result.height} pixels: placed "${placement}" it prints at about ${ppi} ppi even on an A5 page; screen PDFs need ${screenPpi}, press PDFs 300.`, where);
    }
  }

  /** A cover shown in Vietnamese is shown in every translation, described in its language. */
  function checkCovers() {
    for (const translations of index.articles.values()) {
      const cover = translations.get(defaultLocale)?.data.cover;
      if (!cover) continue;
      for (const [locale, translation] of translations) {
        if (locale !== defaultLocale && !translation.data.cover) {
          report('image-alt-missing', translation.file, `The Vietnamese original has a cover image (${cover.src}); this translation has no cover with alt text in its own language.`, {
            field: 'cover.alt',
            params: { context: 'cover', src: cover.src },
          });
        }
      }
    }
  }

  function translationsOf<Data>(section: TextSection) {
    const out = new Map<string, Map<LocaleId, Translation<Data>>>();
    for (const [key, translations] of texts) {
      const [keySection = '', slug = ''] = key.split('/');
      if (keySection !== section) continue;
      if (!translations.has(defaultLocale)) {
        // A Vietnamese file with problems of its own is reported there, not again for each translation.
        if (paths.has(`${section}/${slug}/${defaultLocale}.mdx`)) continue;
        for (const t of translations.values()) {
          report('source-missing', t.file, `There is no Vietnamese source (${show(`${section}/${slug}/${defaultLocale}.mdx`)}) for this translation.`);
        }
        continue;
      }
      out.set(slug, translations as Map<LocaleId, Translation<Data>>);
    }
    return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
  }

  function publicationsOf<Data, Text>(section: PublicationSection) {
    const out = new Map<string, PublicationSource<Data, Text>>();
    for (const [key, source] of sources) {
      const [keySection = '', slug = ''] = key.split('/');
      if (keySection !== section) continue;
      const publicationTexts = (texts.get(key) ?? new Map()) as Map<LocaleId, Translation<Text>>;
      out.set(slug, { data: source.data as Data, fields: source.yaml.data, path: source.path, file: source.file, texts: publicationTexts });
    }
    for (const key of texts.keys()) {
      const [keySection = '', slug = ''] = key.split('/');
      if (keySection === section && !paths.has(`${key}/${definitions[section].file}`)) {
        report('file-unexpected', show(`${key}/`), `These texts belong to no publication: ${show(`${section}/${slug}/${definitions[section].file}`)} is missing.`);
      }
    }
    return out;
  }

  /** Every listed slug exists; every edition language has it translated (or is warned about). */
  function checkMembers(
    section: PublicationSection,
    slug: string,
    field: string,
    listed: readonly string[],
    collection: 'articles' | 'projects',
    languages: readonly LocaleId[],
    path: readonly (string | number)[] = [field],
  ) {
    const source = sources.get(`${section}/${slug}`)!;
    const found = index[collection];
    listed.forEach((member, i) => {
      const where = { line: source.yaml.lineOf([...path, i]), field: `${path.join('.')}[${i + 1}]`, params: { member } };
      if (listed.indexOf(member) !== i) {
        report('duplicate-entry', source.file, `"${member}" is listed twice (first as item ${listed.indexOf(member) + 1}).`, where);
        return;
      }
      const translations = found.get(member);
      if (!translations) {
        if (!folders.has(`${collection}/${member}`)) {
          report('reference-unknown', source.file, `There is no ${collection === 'articles' ? 'article' : 'project'} "${member}" in ${show(`${collection}/`)}.`, where);
        }
        return;
      }
      for (const locale of languages) {
        if (!translations.has(locale) && !paths.has(`${collection}/${member}/${locale}.mdx`)) {
          report('translation-missing-for-edition', source.file, `The ${locale} edition includes "${member}", which has no ${locale} translation yet.`, { ...where, params: { member, locale } });
        }
      }
    });
  }

  function checkTexts(section: PublicationSection, slug: string, languages: readonly LocaleId[], field: string) {
    const source = sources.get(`${section}/${slug}`)!;
    const publicationTexts = texts.get(`${section}/${slug}`) ?? new Map();
    languages.forEach((locale, i) => {
      if (!publicationTexts.has(locale)) {
        report('edition-text-missing', source.file, `The ${locale} edition has no text: ${show(`${section}/${slug}/${locale}.mdx`)} does not exist.`, {
          line: source.yaml.lineOf([field, i]),
          field,
          params: { locale },
        });
      }
    });
  }

  function checkBulletins() {
    const numbers = new Map<number, string>();
    for (const [month, bulletin] of index.bulletins) {
      const source = sources.get(`bulletins/${month}`)!;
      const seen = numbers.get(bulletin.data.number);
      if (seen) {
        report('bulletin-number-duplicate', bulletin.file, `Issue number ${bulletin.data.number} is already used by bulletin ${seen}.`, {
          line: source.yaml.lineOf(['number']),
          field: 'number',
          params: { number: bulletin.data.number, other: seen },
        });
      }
      numbers.set(bulletin.data.number, month);
      checkMembers('bulletins', month, 'articles', bulletin.data.articles, 'articles', bulletin.data.editions);
      for (const locale of bulletin.data.editions) {
        if (bulletin.data.printRun?.[locale] === undefined) {
          report('print-run-unset', bulletin.file, `The ${locale} edition has no print run yet.`, { field: `printRun.${locale}`, params: { locale } });
        }
      }
      checkTexts('bulletins', month, bulletin.data.editions, 'editions');
    }
  }

  function checkBooklets() {
    for (const [slug, booklet] of index.booklets) {
      const source = sources.get(`booklets/${slug}`)!;
      const { editions, printRun, figures, sections } = booklet.data;
      sections.forEach((section, i) => {
        if (section.kind === 'articles') checkMembers('booklets', slug, 'articles', section.articles, 'articles', editions, ['sections', i, 'articles']);
        if (section.kind === 'projects') checkMembers('booklets', slug, 'projects', section.projects, 'projects', editions, ['sections', i, 'projects']);
      });
      checkTexts('booklets', slug, editions, 'editions');
      for (const locale of editions) {
        if (printRun[locale] === undefined) {
          report('print-run-missing', booklet.file, `The ${locale} edition has no print run.`, { line: source.yaml.lineOf(['printRun']), field: `printRun.${locale}`, params: { locale } });
        }
        const labels = booklet.texts.get(locale)?.data.figures ?? {};
        const text = booklet.texts.get(locale);
        for (const figure of figures) {
          if (text && labels[figure.id] === undefined) {
            report('figure-label-missing', text.file, `The key figure "${figure.id}" has no label in this language.`, { field: `figures.${figure.id}`, params: { id: figure.id } });
          }
        }
      }
    }
  }

  function checkEditions() {
    for (const [slug, edition] of index.editions) {
      checkMembers('editions', slug, 'articles', edition.data.articles, 'articles', edition.data.languages);
      checkTexts('editions', slug, edition.data.languages, 'languages');
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
  if (imageExtensions.test(path)) return 'This image is not next to any article or publication text.';
  return 'This file is not in a place the site or print reads from.';
}

/** Turns one schema issue into a problem an editor can act on, with the content's own wording. */
function describeContentIssue(shown: string, source: YamlSource, issue: z.core.$ZodIssue, isProjectTranslation: boolean): ContentProblem {
  const path = issue.path;
  const field = fieldName(path);
  if (issue.code === 'unrecognized_keys' && isProjectTranslation) {
    const [key = ''] = issue.keys;
    const name = field ? `${field}.${key}` : key;
    if (projectSourceOnly.includes(key) || path[0] === 'contact') {
      return problem('field-source-only', shown, `"${name}" is a fact of the project and is written only in the Vietnamese file.`, { line: source.keyLine(path, key), field: name });
    }
  }
  if (path.length === 2 && path[0] === 'cover' && path[1] === 'alt') {
    const value = valueAt(source.data, path);
    return problem('image-alt-missing', shown, value === undefined ? 'The cover image has no alt text.' : 'The alt text of the cover image is empty.', { line: source.lineOf(path), field, params: { context: 'cover' } });
  }
  return describeIssue(shown, source, issue, contentWording);
}

const contentWording: IssueWording = {
  pattern(pattern) {
    if (pattern === String(monthPattern)) return 'a month written yyyy-mm (e.g. 2026-10)';
    if (pattern === String(slugPattern)) return 'a folder name (lowercase, digits and hyphens)';
    return undefined;
  },
  union: 'one of the section kinds: articles, figures, projects',
};
