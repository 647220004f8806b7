/**
 * `npm run studio` keeps one studio process (./worker.ts) running and starts it again, on the same
 * port and with the same signed-in sessions, when it asks: after a new language, whose list every
 * module reads once per process (src/i18n/locales.ts). Stopping the command stops the studio.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StudioConfig } from '../build/config.ts';
import type { SupervisorMessage, WorkerMessage } from './command.ts';

const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));

export function superviseStudio(argv: string[], config: StudioConfig): void {
  const tokens = new Set<string>();
  let port: number | undefined;
  let restarting = false;
  let stopping = false;
  let child: ChildProcess;

  const start = () => {
    child = fork(worker, port === undefined ? argv : [...argv, '--port', String(port)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.send({ type: 'sessions', tokens: [...tokens] } satisfies SupervisorMessage);
    child.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          if (port === undefined) {
            console.log(`studio: ${message.url}`);
            if (config.password) console.log('studio: every page asks for STUDIO_PASSWORD once per browser session.');
            console.log('studio: Ctrl+C stops it.');
          } else console.log(`studio: started again with the new language list (${message.url})`);
          port = message.port;
          break;
        case 'restart':
          restarting = true;
          console.log('studio: a language was added; starting again…');
          child.kill('SIGTERM');
          break;
        case 'session-added':
          tokens.add(message.token);
          break;
        case 'session-removed':
          tokens.delete(message.token);
          break;
      }
    });
    child.once('exit', (code, signal) => {
      if (restarting && !stopping) {
        restarting = false;
        return start();
      }
      process.exitCode = stopping ? 0 : (code ?? (signal ? 1 : 0));
    });
  };

  const stop = () => {
    stopping = true;
    child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  start();
}
