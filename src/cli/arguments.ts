/**
 * Command-line options for the npm scripts: node's parseArgs, with a mistake reported the way
 * content problems are (what was wrong, the usage as a hint), never a stack trace.
 */
import { parseArgs } from 'node:util';

type Option = { type: 'string'; description: string } | { type: 'boolean'; description: string };
type Values<Options extends Record<string, Option>> = {
  [K in keyof Options]?: Options[K]['type'] extends 'string' ? string : boolean;
};

export function usage(command: string, options: Record<string, Option>): string {
  const lines = Object.entries(options).map(([name, o]) => `    --${name}${o.type === 'string' ? ` <${name}>` : ''}  ${o.description}`);
  return `usage: ${command} [options]\n${lines.join('\n')}`;
}

/** The options given, or undefined after reporting a mistake (the exit code is set). */
export function parseCommandLine<Options extends Record<string, Option>>(
  command: string,
  options: Options,
  { argv = process.argv.slice(2), positionals = false }: { argv?: string[]; positionals?: boolean } = {},
): { values: Values<Options>; positionals: string[] } | undefined {
  try {
    const parsed = parseArgs({ args: argv, options: Object.fromEntries(Object.entries(options).map(([k, o]) => [k, { type: o.type }])), strict: true, allowPositionals: positionals });
    return { values: parsed.values as Values<Options>, positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`error: ${message}\n  Hint: ${usage(command, options).replace(/\n/g, '\n  ')}`);
    process.exitCode = 1;
    return undefined;
  }
}
