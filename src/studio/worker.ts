/**
 * One studio process, started by `npm run studio` (./supervisor.ts) with the command's arguments:
 * it takes the sessions the command keeps (so a restart does not ask for the password again),
 * starts the studio, says where it listens, and asks to be started again after a new language.
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../cli/languages.ts';
import { once } from 'node:events';
import { reportFailure } from '../cli/report.ts';
import { ConfigError, resolveStudioConfig } from '../build/config.ts';
import { studioArguments, type SupervisorMessage, type WorkerMessage } from './command.ts';

const tell = (message: WorkerMessage) => process.send?.(message);

async function main() {
  const args = studioArguments();
  if (!args) return;
  const config = resolveStudioConfig(args);
  const [{ tokens }] = (process.send ? await once(process, 'message') : [{ type: 'sessions', tokens: [] }]) as [SupervisorMessage];
  const { startStudio } = await import('./server.ts');
  const studio = await startStudio(config, config.build.debug ? 'debug' : 'warn', {
    tokens,
    sessionAdded: (token) => tell({ type: 'session-added', token }),
    sessionRemoved: (token) => tell({ type: 'session-removed', token }),
    restart: () => tell({ type: 'restart' }),
  });
  tell({ type: 'ready', url: studio.url, port: studio.port });
}

await main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`error: ${error.message}\n  Hint: ${error.hint}`);
  else reportFailure(error);
  // A dev server that failed half-way (its port taken) can leave watchers open: the command must end.
  process.exit(1);
});
