/**
 * `npm run translations`: which translations are up to date, outdated or missing.
 *
 *   npm run translations                          table of every article, project, publication text and UI namespace
 *   npm run translations -- --json                the same as JSON rows
 *   npm run translations -- --strict              also fail when a publication due for print would print
 *                                                 a missing or outdated translation (for CI)
 *   npm run translations -- --done <locale> <file>  record <file> as translated from the current Vietnamese
 *   npm run translations -- --export <locale> [--out <folder>] [--xliff 1.2|2.1]
 *                                                 one XLIFF file per text missing or outdated in <locale>
 *   npm run translations -- --import <file or folder> [--dry-run]
 *                                                 take translated XLIFF files back (--dry-run: show the diff)
 *   npm run translations -- --pseudo <file or folder>  fill every target with a pseudo-translation (to try the round trip)
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { parseCommandLine } from '../src/cli/arguments.ts';
import { reportFailure, reportProblems } from '../src/cli/report.ts';
import { checkContentFolder } from '../src/content/read.ts';
import { localeIds, defaultLocale } from '../src/i18n/locales.ts';
import { resolveBuildConfig } from '../src/build/config.ts';
import { readUiStrings, recordTranslation, RecordError } from '../src/translations/records.ts';
import { exportTranslations, ExportError } from '../src/translations/xliff/export.ts';
import { xliffVersions, type XliffVersion } from '../src/translations/xliff/format.ts';
import { importTranslations, xliffFiles } from '../src/translations/xliff/import.ts';
import { formatImportProblem } from '../src/translations/xliff/problems.ts';
import { pseudoTranslate } from '../src/translations/xliff/pseudo.ts';
import { isLocaleId } from '../src/i18n/locales.ts';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { writeAtomically } from '../src/cache/store.ts';
import { contentStatus, printBlockers, statusTable, uiStatus, type StatusCell, type StatusRow, type TranslationState } from '../src/translations/status.ts';

const args = parseCommandLine(
  'npm run translations --',
  {
    json: { type: 'boolean', description: 'the status as JSON rows' },
    strict: { type: 'boolean', description: 'fail when a publication due for print has a missing or outdated translation' },
    done: { type: 'boolean', description: '<locale> <file>: record the file as translated from the current Vietnamese' },
    content: { type: 'string', description: 'the content folder (content)' },
    export: { type: 'string', description: '<locale>: one XLIFF file per text missing or outdated in that language' },
    out: { type: 'string', description: 'with --export: the folder for the XLIFF files (xliff/<locale>)' },
    xliff: { type: 'string', description: 'with --export: XLIFF version, 1.2 (default) or 2.1' },
    import: { type: 'string', description: '<file or folder>: take translated XLIFF files back' },
    'dry-run': { type: 'boolean', description: 'with --import: check and show the changes as a diff, write nothing' },
    pseudo: { type: 'string', description: '<file or folder>: fill every XLIFF target with a pseudo-translation (to try the round trip)' },
  },
  { positionals: true },
);
const { values, positionals } = args ?? { values: {}, positionals: [] };

const config = resolveBuildConfig({ content: values.content });
const uiRoot = 'locales';
const marks: Record<TranslationState, string> = { 'up-to-date': 'ok', outdated: 'OUTDATED', missing: 'missing' };

function table(rows: StatusRow[]): string {
  const locales = localeIds.filter((l) => l !== defaultLocale);
  const lines = statusTable(rows);
  // A cell of one row shows its state; a UI namespace shows how many strings are not up to date.
  const cell = (value: StatusCell | undefined) => {
    if (!value) return '';
    const total = value.counts['up-to-date'] + value.counts.outdated + value.counts.missing;
    if (total === 1) return marks[value.state];
    const bad = [value.counts.outdated && `${value.counts.outdated} OUTDATED`, value.counts.missing && `${value.counts.missing} missing`].filter(Boolean);
    return bad.length ? bad.join(', ') : `ok (${total})`;
  };
  const width = Math.max(...lines.map((l) => l.item.length)) + 2;
  const columns = locales.map((l) => Math.max(10, ...lines.map((line) => cell(line.cells.get(l)).length + 2)));
  const line = (name: string, values: string[]) => name.padEnd(width) + values.map((v, i) => v.padEnd(columns[i]!)).join('').trimEnd();
  return [line('', locales), ...lines.map(({ item, cells }) => line(item, locales.map((l) => cell(cells.get(l)))))].join('\n');
}

function exportCommand(locale: string) {
  if (!isLocaleId(locale)) throw new ExportError(`--export ${locale}: "${locale}" is not a language of this site.`, `Use one of ${localeIds.filter((l) => l !== defaultLocale).join(', ')} (the languages in locales/languages.yaml).`);
  const version = values.xliff ?? '1.2';
  if (!(xliffVersions as readonly string[]).includes(version)) throw new ExportError(`--xliff ${version}: this site writes XLIFF ${xliffVersions.join(' or ')}.`, 'Leave --xliff out for 1.2, which every translation tool reads; --xliff 2.1 for tools that ask for XLIFF 2.');
  const out = values.out ?? `xliff/${locale}`;
  const result = exportTranslations({ locale, contentRoot: config.content.dir, contentShown: config.content.shown, uiRoot, out, version: version as XliffVersion });
  if (reportProblems(result.problems.filter((p) => p.severity === 'error'))) console.error('(the texts with errors were left out of the export)\n');
  if (!result.files.length) {
    console.log(`translations: nothing to export for ${locale}: every text is up to date.`);
    return;
  }
  const width = Math.max(...result.files.map((f) => relative('.', f.path).length)) + 2;
  console.log(`translations: ${result.files.length} texts exported for ${locale} (XLIFF ${version}, export ${result.id}) into ${out}/:`);
  for (const f of result.files) console.log(`  ${relative('.', f.path).padEnd(width)}${f.text.padEnd(40)}${f.units} units, ${f.open} to translate`);
  const units = result.files.reduce((n, f) => n + f.units, 0);
  const open = result.files.reduce((n, f) => n + f.open, 0);
  console.log(`${units} units, ${open} to translate${open < units ? '; the others carry the current translation, marked final' : ''}.`);
  console.log(`Send the files to the translator; when they come back: npm run translations -- --import ${out}`);
  console.log(`The export is recorded in ${config.content.shown}/.sources/exports.json (commit it with the content).`);
}

function importCommand(paths: string[]) {
  const result = importTranslations({ paths, contentRoot: config.content.dir, contentShown: config.content.shown, uiRoot, dryRun: values['dry-run'] ?? false });
  for (const text of result.texts) {
    if (values['dry-run']) console.log(text.diff);
    console.log(`translations: ${text.target} ${text.written ? 'written' : 'would be written'} from ${text.xliff} (${text.units} units).`);
  }
  if (result.problems.length) {
    console.error(`\n${result.problems.map(formatImportProblem).join('\n\n')}`);
    const files = new Set(result.problems.map((p) => p.file));
    console.error(`\n${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${files.size} XLIFF file${files.size === 1 ? '' : 's'}; nothing was written from ${files.size === 1 ? 'it' : 'them'}.`);
    process.exitCode = 1;
  }
  if (!result.texts.length && !result.problems.length) console.log('translations: no XLIFF files (.xlf, .xliff) found there.');
}

function pseudoCommand(paths: string[]) {
  for (const file of xliffFiles(paths)) {
    const text = readFileSync(file, 'utf8');
    const language = /(?:target-language|trgLang)="([^"]+)"/.exec(text)?.[1] ?? 'xx';
    writeAtomically(file, pseudoTranslate(text, `[${language}]`));
    console.log(`translations: ${file} pseudo-translated.`);
  }
}

function main() {
  const actions = (['done', 'export', 'import', 'pseudo'] as const).filter((a) => values[a] !== undefined && values[a] !== false);
  if (actions.length > 1) throw new ExportError(`--${actions.join(' and --')} cannot be given together.`, 'Run the command once for each: first --export, then (when the files come back) --import.');
  const stray = ([['out', 'export'], ['xliff', 'export'], ['dry-run', 'import']] as const).find(([option, action]) => values[option] !== undefined && values[action] === undefined);
  if (stray) throw new ExportError(`--${stray[0]} goes with --${stray[1]}.`, `e.g. npm run translations -- --${stray[1]} ${stray[1] === 'export' ? 'ja' : 'xliff/ja'} --${stray[0]}${stray[0] === 'dry-run' ? '' : ' …'}`);
  if (values.export !== undefined) return exportCommand(values.export);
  if (values.import !== undefined) return importCommand([values.import, ...positionals]);
  if (values.pseudo !== undefined) return pseudoCommand([values.pseudo, ...positionals]);
  if (values.done) {
    const [locale, file] = positionals;
    if (!locale || !file) throw new RecordError('usage: npm run translations -- --done <locale> <file>, e.g. --done ja content/articles/tea/ja.mdx');
    const hash = recordTranslation(locale, file, { content: config.content.dir, ui: uiRoot });
    console.log(`translations: ${file} recorded as translated from the current Vietnamese (${hash}).`);
    return;
  }
  const { problems, index } = checkContentFolder(config.content.dir, config.content.shown);
  if (reportProblems(problems.filter((p) => p.severity === 'error'))) console.error('(the status below leaves out the files with errors)\n');
  const { strings, records } = readUiStrings(uiRoot);
  const rows = [...contentStatus(index, config.content.shown), ...uiStatus(strings, records, uiRoot)];
  const blockers = printBlockers(index, rows);
  if (values.json) {
    console.log(JSON.stringify({ rows, printBlockers: blockers }, null, 2));
  } else {
    console.log(table(rows));
    const count = (state: TranslationState) => rows.filter((r) => r.state === state).length;
    console.log(`\n${count('up-to-date')} up to date, ${count('outdated')} outdated, ${count('missing')} missing.`);
    console.log('After translating or checking a file: npm run translations -- --done <locale> <file>');
  }
  if (values.strict && blockers.length) {
    console.error(`\nerror: publications due for print have translations that are not up to date:\n  ${blockers.join('\n  ')}`);
    console.error('  Hint: translate or update them, then record each with --done; or remove the language from the edition.');
    process.exitCode = 1;
  }
}

// Errors the editor can act on carry their message; reportFailure prints it without a stack trace.
try {
  if (args) main();
} catch (error) {
  reportFailure(error);
}
