/**
 * `npm run studio`: the editors' desk in the browser (src/studio/). Listens on 127.0.0.1 only;
 * `-- --host <address>` shares it on the office network and needs STUDIO_PASSWORD. The studio runs
 * in a process of its own (src/studio/worker.ts), started again after a new language.
 *
 *   node scripts/studio.ts [--host <address>] [--port <port>] [--content <folder>] [--out <folder>]
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { reportFailure } from '../src/cli/report.ts';
import { ConfigError, resolveStudioConfig } from '../src/build/config.ts';
import { studioArguments } from '../src/studio/command.ts';
import { superviseStudio } from '../src/studio/supervisor.ts';

try {
  const args = studioArguments();
  // The configuration is checked here, so a mistake (--host without a password) is reported once, before any process starts.
  if (args) superviseStudio(process.argv.slice(2), resolveStudioConfig(args));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`error: ${error.message}\n  Hint: ${error.hint}`);
    process.exitCode = 1;
  } else reportFailure(error);
}
