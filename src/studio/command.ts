/** The studio's command line, read by the command (scripts/studio.ts) and by each studio process it starts (./worker.ts). */
import { parseCommandLine } from '../cli/arguments.ts';
import type { StudioArguments } from '../build/config.ts';

export function studioArguments(argv: string[] = process.argv.slice(2)): StudioArguments | undefined {
  const args = parseCommandLine(
    'npm run studio --',
    {
      host: { type: 'string', description: 'the address to listen on (127.0.0.1); anything else needs STUDIO_PASSWORD' },
      port: { type: 'string', description: 'the port (4330)' },
      content: { type: 'string', description: 'the content folder (content)' },
      out: { type: 'string', description: 'where the Build button puts the site (dist)' },
    },
    { argv },
  );
  return args && { host: args.values.host, port: args.values.port, content: args.values.content, out: args.values.out };
}

/** What a studio process and the command that started it tell each other (Node's IPC channel). */
export type WorkerMessage =
  | { type: 'ready'; url: string; port: number }
  /** A language was added: every module reads the languages once, so the process starts again. */
  | { type: 'restart' }
  | { type: 'session-added'; token: string }
  | { type: 'session-removed'; token: string };
export type SupervisorMessage = { type: 'sessions'; tokens: string[] };
