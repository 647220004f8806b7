/**
 * `npm run dev`: checks the content first and lists its problems the way the build does (file,
 * line, hint), then starts Astro's dev server with live reload. The server starts even when there
 * are problems, so the editor can fix them while looking at the pages.
 *
 *   npm run dev [-- --port 4321 --host]
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { spawn } from 'node:child_process';
import { reportProblems } from '../src/cli/report.ts';
import { checkContentFolder } from '../src/content/read.ts';
import { contentDir, shownPath } from '../src/project.ts';

const root = contentDir();
const { problems } = checkContentFolder(root, shownPath(root));
if (reportProblems(problems)) console.error('\nThe site starts anyway; pages with these problems show an error until they are fixed.\n');

const astro = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => astro.kill(signal));
astro.on('exit', (code) => {
  process.exitCode = code ?? 0;
});
