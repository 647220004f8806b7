/**
 * `npm run new -- <what> <name>`: starting files for editors. Never overwrites anything.
 *
 *   npm run new -- article <slug>       content/articles/<slug>/vi.mdx
 *   npm run new -- project <slug>       content/projects/<slug>/vi.mdx
 *   npm run new -- bulletin [yyyy-mm]   the next issue: number, editions, forewords, newest articles
 *   npm run new -- locale <id>          a new language (lo, km, th, fr, de): locales/languages.yaml, UI strings, fonts
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { reportFailure } from '../src/cli/report.ts';
import { checkContentFolder } from '../src/content/read.ts';
import { languagesFile } from '../src/i18n/language-schema.ts';
import { defaultLocale } from '../src/i18n/locales.ts';
import { uiNamespaces } from '../src/i18n/namespaces.ts';
import { resolveBuildConfig } from '../src/build/config.ts';
import { planNewLocale } from '../src/scaffold/locale.ts';
import { articleFiles, bulletinFiles, projectFiles, ScaffoldError, type Files } from '../src/scaffold/templates.ts';
import { uiRecordFile } from '../src/translations/records.ts';

const [what, name] = process.argv.slice(2);
const today = new Date().toISOString().slice(0, 10);

function write(root: string, files: Files) {
  const shown = (path: string) => relative(process.cwd(), join(root, path)) || path;
  const existing = Object.keys(files).filter((path) => existsSync(join(root, path)));
  if (existing.length) throw new ScaffoldError(`${existing.map(shown).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    console.log(`new: wrote ${shown(path)}`);
  }
}

function newBulletin(root: string) {
  const { index } = checkContentFolder(root, 'content');
  const latest = [...index.bulletins.values()].sort((a, b) => b.data.month.localeCompare(a.data.month))[0];
  const newest = [...index.articles]
    .map(([slug, t]) => ({ slug, date: t.get(defaultLocale)!.data.date.getTime() }))
    .sort((a, b) => b.date - a.date)
    .map((a) => a.slug);
  const previous = latest && { month: latest.data.month, number: latest.data.number, editions: latest.data.editions, printRun: latest.data.printRun };
  write(root, bulletinFiles(name, previous, newest, today));
}

function newLocale() {
  const plan = planNewLocale(readFileSync(languagesFile, 'utf8'), name ?? '', uiNamespaces, (namespace) => JSON.parse(readFileSync(join('locales', 'en', `${namespace}.json`), 'utf8')), uiRecordFile);
  const { locale } = plan;
  if (existsSync(join('locales', locale.id))) throw new ScaffoldError(`locales/${locale.id}/ already exists; nothing was written.`);
  if (locale.font && !existsSync(join('node_modules', locale.font.package))) {
    console.log(`new: installing the ${locale.font.family} font (${locale.font.package})…`);
    execFileSync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', `${locale.font.package}@5`], { stdio: 'inherit' });
  }
  writeFileSync(languagesFile, plan.languages);
  console.log(`new: added "${locale.id}" (${locale.name}) to ${languagesFile}`);
  mkdirSync(join('locales', locale.id));
  for (const [path, text] of Object.entries(plan.files)) writeFileSync(join('locales', path), text);
  console.log(`new: seeded locales/${locale.id}/ with the English strings in ${locale.name} plural forms, marked not yet translated (npm run translations)`);
  console.log(`new: pages in ${locale.name} fall back to English, then Vietnamese, until articles are translated.`);
}

function main() {
  const root = resolveBuildConfig().content.dir;
  switch (what) {
    case 'article':
      return write(root, articleFiles(name, today));
    case 'project':
      return write(root, projectFiles(name));
    case 'bulletin':
      return newBulletin(root);
    case 'locale':
      return newLocale();
    default:
      throw new ScaffoldError('usage: npm run new -- article <slug> | project <slug> | bulletin [yyyy-mm] | locale <id>');
  }
}

// Errors the editor can act on carry their message; reportFailure prints it without a stack trace.
try {
  main();
} catch (error) {
  reportFailure(error);
}
