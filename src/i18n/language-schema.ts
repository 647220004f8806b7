/**
 * The languages file, `locales/languages.yaml`: its schema, the types derived from it, and the
 * check that reads it (form first, then the rules between fields: the default exists and has no
 * fallback, fallbacks name languages and end with the default, fonts exist, ids and tags are
 * unique). `readLanguages` is pure, text in, data or problems out; `readLanguagesFile` reads the disk.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { describeIssue, fieldName, type IssueWording } from '../content/issues.ts';
import { formatProblems, problem, type ContentProblem, type ProblemCode } from '../content/problems.ts';
import { isSyntaxError, parseYaml, type YamlSource } from '../content/source.ts';

/** Where the languages file is, relative to the project folder. */
export const languagesFile = 'locales/languages.yaml';

/** A language id: the first segment of its addresses (/en/…) and the name of its files (en.mdx). */
export const localeIdPattern = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;
const fontIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const fontsourcePattern = /^@fontsource\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Ids are branded: a plain string becomes a LocaleId only through the schema or `isLocaleId`
 * (./locales.ts), so an id from a URL or a file name is checked before it is used.
 */
export const localeIdSchema = z.string().regex(localeIdPattern).brand<'LocaleId'>();
export const fontIdSchema = z.string().regex(fontIdPattern).brand<'FontId'>();
export type LocaleId = z.infer<typeof localeIdSchema>;
export type FontId = z.infer<typeof fontIdSchema>;

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
const languageTag = (example: string) =>
  z.string().refine(isLanguageTag, { message: `Expected a BCP 47 language tag (e.g. ${example})` });

/** How a language's lines may break (see `lineBreak` below). */
export const lineBreakKinds = ['latin', 'cjk', 'korean', 'dictionary'] as const;
export type LineBreakKind = (typeof lineBreakKinds)[number];

const fontList = z.array(fontIdSchema).min(1).readonly();

export const localeDefinitionSchema = z
  .strictObject({
    /** BCP 47 tag written into `lang` attributes. */
    tag: languageTag('en, zh-Hans'),
    /** The language's name in that language, for the switcher. */
    name: z.string().trim().min(1),
    dir: z.enum(['ltr', 'rtl']),
    /** Where a missing page or string is taken from, in order. The default locale has none. */
    fallback: z.array(localeIdSchema).readonly().default([]),
    /** Font stacks; the first family that has a glyph draws it. */
    fonts: z.strictObject({ text: fontList, heading: fontList }).readonly(),
    /** Locale handed to Intl for dates and numbers. */
    intl: languageTag('en-GB, zh-CN'),
    /**
     * How lines may break: CJK text breaks between characters with strict kinsoku rules; Korean
     * breaks between words like Latin text; `dictionary` scripts (Thai, Lao, Khmer, Myanmar) write
     * words without spaces, so lines break between the words a dictionary finds (Intl.Segmenter).
     */
    lineBreak: z.enum(lineBreakKinds),
  })
  .readonly();
export type LocaleDefinition = z.infer<typeof localeDefinitionSchema>;

/** A self-hosted font family: an @fontsource package with static TrueType-outline files. */
export const fontFamilySchema = z
  .strictObject({
    family: z.string().trim().min(1),
    package: z.string().regex(fontsourcePattern),
    /** Which of the package's unicode-range subsets to serve; `all` for CJK, which is split in ~100 slices. */
    subsets: z.union([z.literal('all'), z.array(z.string().trim().min(1)).min(1).readonly()]),
  })
  .readonly();
export type FontFamily = z.infer<typeof fontFamilySchema>;

export const languagesSchema = z
  .strictObject({
    /** The source language: every translation is made from it, and it is served at `x-default`. */
    default: localeIdSchema,
    /** In the switcher's order. */
    languages: z.record(localeIdSchema, localeDefinitionSchema),
    fonts: z.record(fontIdSchema, fontFamilySchema),
  })
  .readonly();
export type Languages = z.infer<typeof languagesSchema>;

const wording: IssueWording = {
  pattern(pattern) {
    if (pattern === String(localeIdPattern)) return 'a language id: 2 or 3 lowercase letters, e.g. fr (or fr-ca)';
    if (pattern === String(fontIdPattern)) return 'a font id: lowercase letters, digits and hyphens, e.g. noto-sans-lao';
    if (pattern === String(fontsourcePattern)) return 'an @fontsource package name, e.g. @fontsource/noto-sans-lao';
    return undefined;
  },
  union: '"all" or a list of subsets, e.g. [latin, latin-ext, vietnamese]',
};

export type LanguagesResult = { data: Languages; problems: [] } | { data: undefined; problems: ContentProblem[] };

/**
 * Reads and checks the languages file. `path` is relative to the project folder, where every
 * command runs (Astro runs this code from its build output, so the module's own place says nothing).
 */
export function readLanguagesFile(path: string = languagesFile): LanguagesResult {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch {
    return { data: undefined, problems: [problem('languages-file-missing', path, `The languages file ${path} cannot be read.`)] };
  }
  return readLanguages(text, path);
}

/** The languages file has problems: its message lists them the way the content check does. */
export class LanguagesError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[], shown: string = languagesFile) {
    super(formatProblems(problems, shown));
    this.name = 'LanguagesError';
    this.problems = problems;
  }
}

/** Checks the text of the languages file; `shown` is how messages name the file. */
export function readLanguages(text: string, shown: string = languagesFile): LanguagesResult {
  const fail = (problems: ContentProblem[]): LanguagesResult => ({ data: undefined, problems });
  // Repeated ids first: YAML would only say "keys must be unique", without naming what is repeated.
  const repeated = repeatedIds(text, shown);
  if (repeated.length) return fail(repeated);
  const yaml = parseYaml(text);
  if (isSyntaxError(yaml)) {
    return fail([problem('yaml-syntax', shown, `The file is not valid YAML: ${yaml.syntaxError}.`, { line: yaml.line })]);
  }
  const parsed = languagesSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) return fail(parsed.error.issues.map((issue) => describeIssue(shown, yaml, issue, wording)));
  const problems = crossFieldProblems(parsed.data, yaml, shown);
  return problems.length ? fail(problems) : { data: parsed.data, problems: [] };
}

/** The rules between fields, once every field has its form. */
function crossFieldProblems(data: Languages, yaml: YamlSource, shown: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (code: ProblemCode, path: (string | number)[], message: string) =>
    problems.push(problem(code, shown, message, { line: yaml.lineOf(path), field: fieldName(path) }));
  const ids = Object.keys(data.languages);
  const isLanguage = (id: string) => Object.hasOwn(data.languages, id);

  if (!isLanguage(data.default)) {
    report('language-unknown', ['default'], `The default language "${data.default}" is not listed under "languages" (${ids.join(', ')}).`);
  }
  const tags = new Map<string, string>();
  for (const [id, language] of Object.entries(data.languages)) {
    const first = tags.get(language.tag.toLowerCase());
    if (first) report('language-duplicate', ['languages', id, 'tag'], `The tag "${language.tag}" is already the tag of "${first}".`);
    else tags.set(language.tag.toLowerCase(), id);

    const fallback = language.fallback;
    if (id === data.default) {
      if (fallback.length) report('fallback-invalid', ['languages', id, 'fallback'], `"${id}" is the default language, so it has no fallback; found [${fallback.join(', ')}].`);
    } else {
      fallback.forEach((other, i) => {
        const at = ['languages', id, 'fallback', i];
        if (!isLanguage(other)) report('language-unknown', at, `"${other}" is not a language listed under "languages" (${ids.join(', ')}).`);
        else if (other === id) report('fallback-invalid', at, `"${id}" cannot fall back to itself.`);
        else if (fallback.indexOf(other) !== i) report('fallback-invalid', at, `"${other}" is already in the fallback list of "${id}".`);
      });
      if (isLanguage(data.default) && fallback.at(-1) !== data.default) {
        report('fallback-invalid', ['languages', id, 'fallback'], `The fallback list of "${id}" must end with the default language "${data.default}", where every text exists; found [${fallback.join(', ')}].`);
      }
    }

    for (const kind of ['text', 'heading'] as const) {
      language.fonts[kind].forEach((font, i) => {
        if (!Object.hasOwn(data.fonts, font)) {
          report('font-unknown', ['languages', id, 'fonts', kind, i], `"${font}" is not a font listed under "fonts" (${Object.keys(data.fonts).join(', ')}).`);
        }
      });
    }
  }
  return problems;
}

/** Language and font ids written twice: the YAML parser would stop at the first, without saying which. */
function repeatedIds(text: string, shown: string): ContentProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length) return [];
  const problems: ContentProblem[] = [];
  for (const section of ['languages', 'fonts'] as const) {
    const map = doc.get(section, true);
    if (!isMap(map)) continue;
    const seen = new Map<string, number>();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const id = String(pair.key.value);
      const line = lineCounter.linePos(pair.key.range?.[0] ?? 0).line;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, line);
      else {
        const what = section === 'languages' ? 'language' : 'font';
        problems.push(problem('language-duplicate', shown, `The ${what} "${id}" is listed twice under "${section}" (first on line ${first}).`, { line, field: `${section}.${id}` }));
      }
    }
  }
  return problems;
}
