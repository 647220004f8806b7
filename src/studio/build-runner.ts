/**
 * The studio's Build button: the real `node scripts/build.ts` in a child process, one at a time,
 * its progress read from the lines it prints for the terminal (per stage, and one line per PDF from
 * the print stage), so the terminal build and the studio's build are the same program. Editing goes
 * on meanwhile: the build runs in its own process and replaces dist/ only when it succeeds.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { childEnvironment, type BuildConfig } from '../build/config.ts';

export type Stage = 'check' | 'site' | 'print' | 'search' | 'done';
export const stages: readonly Stage[] = ['check', 'site', 'print', 'search', 'done'];

export interface BuildProgress {
  state: 'idle' | 'running' | 'succeeded' | 'failed';
  /** The stage now running (or where it stopped). */
  stage: Stage;
  /** PDFs finished, by `kind slug locale`, with their pages. */
  pdfs: Array<{ name: string; pages: number }>;
  /** How many PDFs this build prints (from the print plan, known before it starts). */
  pdfsPlanned: number;
  /** Every line the build printed, for the details. */
  lines: string[];
  /** The build found nothing changed since the last one and kept the published folder as it was. */
  unchanged: boolean;
  startedAt: number | null;
  finishedAt: number | null;
}

export function idleProgress(): BuildProgress {
  return { state: 'idle', stage: 'check', pdfs: [], pdfsPlanned: 0, lines: [], unchanged: false, startedAt: null, finishedAt: null };
}

const pdfLine = /^print: (\S+ \S+ \S+): (\d+) pages?,/;

/** The progress after one more line of the build's output. Pure. */
export function advance(progress: BuildProgress, line: string): BuildProgress {
  const next: BuildProgress = { ...progress, lines: [...progress.lines, line] };
  const pdf = pdfLine.exec(line);
  // PDFs are laid out while the site's pages render: the stage stays "site" until they are done.
  if (pdf) return { ...next, stage: progress.stage === 'check' || progress.stage === 'site' ? 'site' : 'print', pdfs: [...progress.pdfs, { name: pdf[1]!, pages: Number(pdf[2]) }] };
  if (line.startsWith('site: built')) return { ...next, stage: 'print' };
  if (line.startsWith('site: nothing changed')) return { ...next, stage: 'site', unchanged: true };
  if (line.startsWith('print: done')) return { ...next, stage: 'search' };
  if (line.startsWith('search: done')) return { ...next, stage: 'done' };
  if (line.startsWith('done: ')) return { ...next, stage: 'done' };
  // Astro's first lines: the content has been read and checked, the pages are being made.
  if (progress.stage === 'check' && /^\d\d:\d\d:\d\d|building|generating/i.test(line)) return { ...next, stage: 'site' };
  return next;
}

/** The build's command line: the terminal's `npm run build`, on the studio's content and output. */
export function buildArguments(config: Pick<BuildConfig, 'root' | 'content' | 'outDir'>, { press = false }: { press?: boolean } = {}): string[] {
  return ['--max-semi-space-size=64', join(config.root, 'scripts', 'build.ts'), '--content', config.content.dir, '--out', config.outDir, ...(press ? ['--press'] : [])];
}

export class BuildRunner {
  private progress: BuildProgress = idleProgress();
  private readonly config: BuildConfig;
  private readonly onFinish: ((progress: BuildProgress) => void) | undefined;

  constructor(config: BuildConfig, onFinish?: (progress: BuildProgress) => void) {
    this.config = config;
    this.onFinish = onFinish;
  }

  get current(): BuildProgress {
    return this.progress;
  }

  /**
   * Starts a build unless one is running; returns whether it started. `press` adds the CMYK PDF/X
   * files for the print shop (`--press`), made in the same pass as each screen PDF.
   */
  start(pdfsPlanned: number, { press = false }: { press?: boolean } = {}): boolean {
    if (this.progress.state === 'running') return false;
    this.progress = { ...idleProgress(), state: 'running', pdfsPlanned, startedAt: Date.now() };
    const child = spawn(
      process.execPath,
      buildArguments(this.config, { press }),
      { cwd: this.config.root, env: childEnvironment({ FORCE_COLOR: '0', NO_COLOR: '1' }), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const read = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        for (const line of parts) this.progress = advance(this.progress, line.replace(/\u001b\[[0-9;]*m/g, ''));
      });
      stream.on('end', () => {
        if (rest) this.progress = advance(this.progress, rest);
      });
    };
    read(child.stdout);
    read(child.stderr);
    child.on('close', (code) => {
      const failed = code !== 0 || !this.progress.lines.some((l) => l.startsWith('done: '));
      this.progress = { ...this.progress, state: failed ? 'failed' : 'succeeded', finishedAt: Date.now() };
      this.onFinish?.(this.progress);
    });
    child.on('error', (error) => {
      this.progress = { ...advance(this.progress, `error: ${error.message}`), state: 'failed', finishedAt: Date.now() };
    });
    return true;
  }
}
