/**
 * The catalogue of content problems an editor can meet. Each has a stable code (to look up in the
 * editor guide), a severity, and a one-line hint in plain words. Messages are built where the
 * problem is found; hints live here so the same problem always gets the same advice.
 */
export const problemCatalogue = {
  'yaml-syntax': {
    severity: 'error',
    hint: 'Check the indentation and the colon after each field name; put text containing ":" or "#" in double quotes.',
  },
  'frontmatter-missing': {
    severity: 'error',
    hint: 'Start the file with a line "---", the fields (title: …), and another line "---" before the text.',
  },
  'field-missing': {
    severity: 'error',
    hint: 'Add the field to the block between the two "---" lines (or to the YAML file).',
  },
  'field-unknown': {
    severity: 'error',
    hint: 'Check the spelling of the field name, or remove it: unknown fields would be silently ignored.',
  },
  'field-invalid': {
    severity: 'error',
    hint: 'Correct the value to the expected form shown above.',
  },
  'locale-unknown': {
    severity: 'error',
    hint: 'Name each translation after its language code, e.g. vi.mdx, en.mdx; the codes are the languages in locales/languages.yaml.',
  },
  'source-missing': {
    severity: 'error',
    hint: 'Every article starts in Vietnamese: add vi.mdx in the same folder, or move the file to the right folder.',
  },
  'slug-invalid': {
    severity: 'error',
    hint: 'Use lowercase letters without accents, digits and hyphens for folder names, e.g. tan-cuong-tea.',
  },
  'month-mismatch': {
    severity: 'error',
    hint: 'The folder name and the "month" field must be the same month, written yyyy-mm.',
  },
  'reference-unknown': {
    severity: 'error',
    hint: 'Check the spelling against the folder names in content/articles/ or content/projects/, or create the entry first.',
  },
  'duplicate-entry': {
    severity: 'error',
    hint: 'Each article or project appears once in a publication: remove the second mention.',
  },
  'edition-text-missing': {
    severity: 'error',
    hint: 'Add the text file for that language (foreword or introduction) in the publication folder, or remove the language.',
  },
  'field-source-only': {
    severity: 'error',
    hint: 'Facts such as sector, district, area, investment, status, phone and e-mail are written once, in vi.mdx; remove them here.',
  },
  'print-run-missing': {
    severity: 'error',
    hint: 'Add the number of copies for that language under "printRun"; the print shop needs it for the order.',
  },
  'figure-label-missing': {
    severity: 'warning',
    hint: 'Add the label under "figures" in this file; until then the Vietnamese label is printed.',
  },
  'bulletin-number-duplicate': {
    severity: 'error',
    hint: 'Each bulletin issue needs its own number; the next issue is usually the previous one plus one.',
  },
  'translation-missing-for-edition': {
    severity: 'warning',
    hint: 'Translate the article into that language before the edition goes to print; until then the text is printed from the fallback language.',
  },
  'image-missing': {
    severity: 'error',
    hint: 'Put the image in the same folder as the text and write its name as ./name.jpg.',
  },
  'image-unreadable': {
    severity: 'error',
    hint: 'Open the picture in an image viewer and save it again as JPEG or PNG; replace it if it does not open.',
  },
  'image-too-large': {
    severity: 'error',
    hint: 'Make the picture smaller (a full A4 page at 300 ppi needs about 2,600 × 3,600 pixels) and save it again.',
  },
  'image-unsafe': {
    severity: 'error',
    hint: 'Export the drawing again as plain SVG (no scripts, no links to other files, fonts converted to outlines) or as PNG.',
  },
  'image-title-invalid': {
    severity: 'error',
    hint: 'Write the title as "Caption | Credit | placement", placement one of column, full, page, bleed; e.g. ![Tea hills](./hills.jpg "Tân Cương at dawn | Photo: Trần Minh | full").',
  },
  'image-low-resolution': {
    severity: 'warning',
    hint: 'Use a larger original of the picture, or a smaller placement (column instead of full, page or bleed).',
  },
  'image-alt-missing': {
    severity: 'error',
    hint: 'Describe what the image shows, in the language of this file: cover: { src: ./image.jpg, alt: "…" } for a cover, ![what it shows](./image.jpg) in the text.',
  },
  'mdx-syntax': {
    severity: 'error',
    hint: 'In MDX the characters { } < > start code: close the tag or brace, or write them as \\{ \\} &lt; &gt; in plain text.',
  },
  'body-empty': {
    severity: 'error',
    hint: 'Write the text below the second "---" line, or delete the file if the translation is not ready.',
  },
  'print-run-unset': {
    severity: 'warning',
    hint: 'Add printRun with the copies per language, e.g. printRun: { vi: 500, en: 250 }; the order sheet leaves the copies empty until then.',
  },
  'placeholder-text': {
    severity: 'warning',
    hint: 'Replace the words of the template (title, summary, text) before the page is published.',
  },
  'file-unexpected': {
    severity: 'warning',
    hint: 'This file is not used by the site or print. Move it to where it belongs, or delete it.',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; hint: string }>;

/**
 * Problems of the languages file (locales/languages.yaml) beyond its form, which is described with
 * the codes above. Kept apart: the content tests show every content error with a content folder.
 */
export const languageProblemCatalogue = {
  'languages-file-missing': {
    severity: 'error',
    hint: 'Run the command in the project folder, which holds locales/languages.yaml; restore the file from git if it was deleted.',
  },
  'language-duplicate': {
    severity: 'error',
    hint: 'Each language and each font is listed once in locales/languages.yaml, with a tag of its own: remove or rename the second one.',
  },
  'language-unknown': {
    severity: 'error',
    hint: 'Use the id of a language listed under "languages" in locales/languages.yaml (e.g. vi, en), or add that language first.',
  },
  'font-unknown': {
    severity: 'error',
    hint: 'Use the id of a font listed under "fonts" in locales/languages.yaml, or add the font there (an @fontsource package).',
  },
  'fallback-invalid': {
    severity: 'error',
    hint: 'The default language has no fallback; every other language falls back through other languages, each once, and ends with the default one, e.g. [en, vi].',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; hint: string }>;

const catalogue = { ...problemCatalogue, ...languageProblemCatalogue };

export type ProblemCode = keyof typeof catalogue;

export interface ContentProblem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Path shown to the editor, relative to the project (e.g. content/articles/x/vi.mdx). */
  file: string;
  line?: number;
  field?: string;
  /** What is wrong and what was expected, in one sentence. */
  message: string;
  hint: string;
  /** What the message names (an article, a language, an image), for the studio's own wording of it. */
  params?: Record<string, string | number>;
}

export function problem(
  code: ProblemCode,
  file: string,
  message: string,
  where: { line?: number; field?: string; params?: Record<string, string | number> } = {},
): ContentProblem {
  const { severity, hint } = catalogue[code];
  return { code, severity, file, message, hint, ...where };
}

/** One problem as the editor reads it in the terminal: location, what, hint. No stack trace. */
export function formatProblem(p: ContentProblem): string {
  const location = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? `  field "${p.field}"` : '';
  const mark = p.severity === 'error' ? 'error' : 'warning';
  return `${mark} [${p.code}] ${location}${field}\n  ${p.message}\n  Hint: ${p.hint}`;
}

/** Every problem, then how many; `where` names what was checked (content, or a file). */
export function formatProblems(problems: readonly ContentProblem[], where = 'content'): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${where}.`;
  return [...problems.map(formatProblem), summary].join('\n\n');
}
