/**
 * Imported first by every command (scripts/*.ts): checks locales/languages.yaml before any module
 * that needs the languages is loaded, and reports its problems the way content problems are
 * reported (file, line, field, hint), without a stack trace. Without this, the first import of
 * src/i18n/locales.ts would end the command with an uncaught error.
 */
import { languagesFile, readLanguagesFile } from '../i18n/language-schema.ts';
import { reportProblems } from './report.ts';

const { problems } = readLanguagesFile();
if (reportProblems(problems, languagesFile)) {
  console.error('\nNothing was done: the languages are needed for everything else.');
  // Exiting is safe here, and the only way to stop the imports that follow: nothing is open yet.
  process.exit(1);
}
