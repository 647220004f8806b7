/**
 * Serves the self-hosted fonts: in `astro dev` from node_modules, and on build as files in
 * `dist/fonts/` (one stylesheet per family plus its woff2 slices).
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fontFaceCss, fontStylesheetPath } from './faces.ts';
import { fontPackages, type FontPackage } from './packages.ts';

/**
 * The stylesheets to serve, one per family with every slice: print pages and the search page link
 * them; other web pages carry rules for their own characters (page-fonts.ts).
 */
function stylesheets(packages: FontPackage[]): Map<string, string> {
  return new Map(packages.map((p) => [fontStylesheetPath(p.id), fontFaceCss(p.id, p.files, '/fonts/')]));
}

export function selfHostedFonts(): AstroIntegration {
  return {
    name: 'press:self-hosted-fonts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const packages = fontPackages();
        const sheets = stylesheets(packages);
        server.middlewares.use((req, res, next) => {
          const match = /^\/fonts\/([^/?]+)/.exec(req.url ?? '');
          const name = match?.[1];
          const css = sheets.get(`/fonts/${name}`);
          if (css !== undefined) {
            res.setHeader('Content-Type', 'text/css');
            return res.end(css);
          }
          const owner = packages.find((p) => p.files.some((f) => f.file === name));
          if (owner && name) {
            res.setHeader('Content-Type', 'font/woff2');
            return res.end(readFileSync(join(owner.dir, 'files', name)));
          }
          next();
        });
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(new URL('fonts/', dir));
        mkdirSync(out, { recursive: true });
        const packages = fontPackages();
        for (const [path, css] of stylesheets(packages)) writeFileSync(join(out, path.slice('/fonts/'.length)), css);
        // Linked where the file system allows: 17 MB of unchanging font files need no copy each build.
        const place = (from: string, to: string) => {
          // Never written over: were `to` already a link to `from`, a copy onto it would empty both.
          rmSync(to, { force: true });
          try {
            linkSync(from, to);
          } catch {
            copyFileSync(from, to);
          }
        };
        for (const p of packages) for (const f of p.files) place(join(p.dir, 'files', f.file), join(out, f.file));
      },
    },
  };
}
