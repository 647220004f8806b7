/**
 * The studio inside Astro's dev server (as Keystatic's local mode runs inside it): added to the
 * configuration only by `npm run studio`, so nothing of it reaches a build or dist/. Its guard
 * becomes the first middleware, ahead of Vite's own, so every route answers to it; then the studio's
 * page and routes. The page's script (./client/) is served and bundled by the dev server's Vite, and
 * the site preview is the dev server's own pages.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';
import type { Api } from './api.ts';
import { guardMiddleware, guardUpgrades, type Sessions } from './guard.ts';

/** The browser modules the studio page loads, prepared once so the first visit does not wait on a reload. */
const clientDependencies = [
  'preact',
  'preact/hooks',
  'htm/preact',
  'i18next',
  'yaml',
  'codemirror',
  '@codemirror/state',
  '@codemirror/view',
  '@codemirror/lang-markdown',
  '@codemirror/merge',
  'diff',
];

/**
 * The scripts the new-language form names languages in (Lao, Khmer, Thai): their fonts as plain
 * style sheets, not imported by the script, which would bring in Vite's client (and its reloads).
 */
const scriptFonts = ['@fontsource/noto-sans-lao', '@fontsource/noto-sans-khmer', '@fontsource/noto-sans-thai'];

/** The studio's page: one shell, the rest drawn by the script. No Vite client: saving a file must not reload the desk. */
export function studioPage(lang: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Studio</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/src/studio/client/studio.css">
${scriptFonts.map((pkg) => `<link rel="stylesheet" href="/node_modules/${pkg}/400.css">`).join('\n')}
</head><body><div id="studio"><p>Studio…</p></div>
<script type="module" src="/src/studio/client/main.ts"></script>
</body></html>`;
}

export function studio(options: { api: Api; sessions: Sessions | undefined; allowedHosts: () => ReadonlySet<string>; watch: readonly string[] }): AstroIntegration {
  return {
    name: 'press:studio',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { optimizeDeps: { include: clientDependencies } } });
      },
      'astro:server:setup': ({ server }) => {
        // Vite watches the project folder only: a content folder elsewhere (--content) is watched too,
        // so a text or a whole folder the studio creates there reaches the preview at once.
        server.watcher.add([...options.watch]);
        const guard = guardMiddleware(options.allowedHosts, options.sessions);
        // WebSockets (Vite's HMR) do not pass the middlewares: the same guard at the upgrade.
        if (server.httpServer) guardUpgrades(server.httpServer as Server, options.allowedHosts, options.sessions);
        const routes = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
          const url = new URL(request.url ?? '/', 'http://studio');
          if (url.pathname.startsWith('/__studio/')) return void options.api.handle(request, response, url);
          if (url.pathname === '/' && (request.method === 'GET' || request.method === 'HEAD')) {
            const lang = /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'vi';
            response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
            response.end(studioPage(lang));
            return;
          }
          next();
        };
        server.middlewares.use(guard);
        server.middlewares.use(routes);
        // First in line, before every middleware Vite and the other integrations added.
        const stack = server.middlewares.stack;
        stack.unshift(...stack.splice(stack.length - 2, 2));
      },
    },
  };
}
