/**
 * How command-line tools end: an editor sees what went wrong and what to do, never a stack trace
 * (set PRESS_DEBUG=1 to get one). Tools set process.exitCode instead of exiting, so open
 * browsers and files are closed properly.
 */
import { debugWanted } from '../build/config.ts';
import { formatProblems, type ContentProblem } from '../content/problems.ts';

interface AstroLikeError {
  message: string;
  hint?: string;
  loc?: { file?: string; line?: number; column?: number };
  frame?: string;
}

function relativeFile(file: string): string {
  return file.startsWith(process.cwd()) ? file.slice(process.cwd().length + 1) : file;
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `error: ${String(error)}`;
  const e = error as Error & AstroLikeError;
  // Bundler errors carry the stack inside the message; an editor needs only the first lines.
  const message = e.message.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n').trim();
  const lines = [`error: ${message}`];
  if (e.loc?.file) lines.push(`  in ${relativeFile(e.loc.file)}${e.loc.line ? `:${e.loc.line}` : ''}`);
  if (e.hint) lines.push(`  Hint: ${e.hint.trim().split('\n')[0]}`);
  if (debugWanted()) lines.push(e.stack ?? '');
  return lines.join('\n');
}

export function reportFailure(error: unknown): void {
  console.error(describeError(error));
  process.exitCode = 1;
}

/** Prints content problems (or those of another file, `where`); returns true when any of them stops the build. */
export function reportProblems(problems: readonly ContentProblem[], where?: string): boolean {
  if (problems.length === 0) return false;
  const blocking = problems.some((p) => p.severity === 'error');
  (blocking ? console.error : console.warn)(formatProblems(problems, where));
  return blocking;
}
