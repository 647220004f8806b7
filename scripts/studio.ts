/**
 * `npm run studio`: the editors' desk in the browser (src/studio/). Listens on 127.0.0.1 only;
 * `-- --host <address>` shares it on the office network and needs STUDIO_PASSWORD.
 *
 *   node scripts/studio.ts [--host <address>] [--port <port>] [--content <folder>] [--out <folder>]
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';
import { parseCommandLine } from '../src/cli/arguments.ts';
import { reportFailure } from '../src/cli/report.ts';
import { ConfigError, resolveStudioConfig } from '../src/build/config.ts';

async function main() {
  const args = parseCommandLine('npm run studio --', {
    host: { type: 'string', description: 'the address to listen on (127.0.0.1); anything else needs STUDIO_PASSWORD' },
    port: { type: 'string', description: 'the port (4330)' },
    content: { type: 'string', description: 'the content folder (content)' },
    out: { type: 'string', description: 'where the Build button puts the site (dist)' },
  });
  if (!args) return;
  const config = resolveStudioConfig({ host: args.values.host, port: args.values.port, content: args.values.content, out: args.values.out });
  const { startStudio } = await import('../src/studio/server.ts');
  const studio = await startStudio(config, config.build.debug ? 'debug' : 'warn');
  console.log(`studio: ${studio.url}`);
  if (config.password) console.log('studio: every page asks for STUDIO_PASSWORD once per browser session.');
  console.log('studio: Ctrl+C stops it.');
}

await main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`error: ${error.message}\n  Hint: ${error.hint}`);
    process.exitCode = 1;
    return;
  }
  reportFailure(error);
});
