/**
 * `npm run translations`: which translations are up to date, outdated or missing.
 *
 *   npm run translations                          table of every article, project, publication text and UI namespace
 *   npm run translations -- --json                the same as JSON rows
 *   npm run translations -- --strict              also fail when a publication due for print would print
 *                                                 a missing or outdated translation (for CI)
 *   npm run translations -- --done <locale> <file>  record <file> as translated from the current Vietnamese
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { parseCommandLine } from '../src/cli/arguments.ts';
import { reportFailure, reportProblems } from '../src/cli/report.ts';
import { checkContentFolder } from '../src/content/read.ts';
import { localeIds, defaultLocale } from '../src/i18n/locales.ts';
import { resolveBuildConfig } from '../src/build/config.ts';
import { readUiStrings, recordTranslation, RecordError } from '../src/translations/records.ts';
import { contentStatus, printBlockers, statusTable, uiStatus, type StatusCell, type StatusRow, type TranslationState } from '../src/translations/status.ts';

const args = parseCommandLine(
  'npm run translations --',
  {
    json: { type: 'boolean', description: 'the status as JSON rows' },
    strict: { type: 'boolean', description: 'fail when a publication due for print has a missing or outdated translation' },
    done: { type: 'boolean', description: '<locale> <file>: record the file as translated from the current Vietnamese' },
    content: { type: 'string', description: 'the content folder (content)' },
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

function main() {
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
