/**
 * What can be wrong with a translated XLIFF file handed back, each with a stable code (the
 * translators' guide lists them) and a one-line hint. Messages are built where the problem is found
 * and name the XLIFF file and the unit; hints live here so a problem always gets the same advice.
 */
export const importProblemCatalogue = {
  'file-missing': 'Check the path: give an XLIFF file (.xlf, .xliff) or a folder holding them.',
  'xliff-not-xml': 'The file was damaged on the way: ask for it again as exported by the translation tool (File › Export › XLIFF), do not edit it by hand.',
  'xliff-version': 'Send back the XLIFF file the tool made from our export (XLIFF 1.2 or 2.1), not another format (a .docx, a .tmx, a bilingual table).',
  'export-unknown': 'Import files of the latest export only; if the text was exported again since, use the newer file, or export again and send that.',
  'language-mismatch': 'The file was made for another language: check the target language in the translation project, or import it for the language it says.',
  'unit-missing': 'Every unit of the export must come back: ask the translator to export the whole file again, with all units.',
  'unit-unknown': 'Units cannot be added: remove it, or export again if the source was changed since.',
  'unit-duplicate': 'Each unit comes back once: remove the copy (a split or repeated segment in the tool).',
  'source-changed': 'Sources are not to be edited in the translation tool: restore the source text as exported (or export again), and translate only the target.',
  'placeholder-missing': 'Put back every placeholder of the source into the target (in memoQ/Trados: copy the tags from the source with the tag commands).',
  'placeholder-added': 'Remove the placeholder that is not in the source; only the source’s placeholders can be used.',
  'placeholder-duplicated': 'Use each placeholder once: remove the copy.',
  'placeholder-unpaired': 'A paired placeholder opens and closes once, around the words it marks, and pairs nest inside each other (open 1, open 2, close 2, close 1).',
  'state-open': 'Finish and confirm the unit in the translation tool (state translated, reviewed or final) before exporting the file.',
  'target-empty': 'Translate the unit: its target is empty.',
  'translation-changed': 'Someone edited the translation since the export: export again (the new export keeps their edits) and have the translator finish the new file, or undo the edit first.',
  'source-unknown': 'The Vietnamese text this export was made from is no longer kept (content/.sources): export again and translate the new file.',
  'markup-broken': 'Move the placeholder so that it sits next to a space or a letter, not between punctuation and a word, or split the unit’s words differently.',
  'content-invalid': 'The translated text would not pass the content check: correct the target as the message says and import again.',
} as const satisfies Record<string, string>;

export type ImportProblemCode = keyof typeof importProblemCatalogue;

export interface ImportProblem {
  code: ImportProblemCode;
  /** The XLIFF file, as given on the command line. */
  file: string;
  line?: number;
  /** The unit the problem is in, by its id. */
  unit?: string;
  message: string;
  hint: string;
}

export function importProblem(code: ImportProblemCode, file: string, message: string, where: { line?: number | undefined; unit?: string | undefined } = {}): ImportProblem {
  return { code, file, message, hint: importProblemCatalogue[code], ...(where.line ? { line: where.line } : {}), ...(where.unit !== undefined ? { unit: where.unit } : {}) };
}

/** A problem as the editor reads it: like a content problem, with the unit instead of a field. */
export function formatImportProblem(p: ImportProblem): string {
  const location = p.line ? `${p.file}:${p.line}` : p.file;
  return `error [${p.code}] ${location}${p.unit !== undefined ? `  unit "${p.unit}"` : ''}\n  ${p.message}\n  Hint: ${p.hint}`;
}
