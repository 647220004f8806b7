/**
 * Serves the self-hosted fonts: in `astro dev` from node_modules, and on build as files in
 * `dist/fonts/` (one stylesheet per family plus its woff2 slices).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fontFaceCss, fontStylesheetPath } from './faces.ts';
import { fontPackages, type FontPackage } from './packages.ts';
import { linkOrCopy } from '../cache/link.ts';
import { writeAtomically } from '../cache/store.ts';

/**
 * The stylesheets to serve, one per family with every slice: the search and not-found pages link
 * them; other web pages and the print pages carry rules for their own characters (page-fonts.ts).
 */
function stylesheets(packages: FontPackage[]): Map<string, string> {
  return new Map(packages.map((p) => [fontStylesheetPath(p.id), fontFaceCss(p.id, p.files, '/fonts/')]));
}

/**
 * Writes the stylesheets and places the woff2 slices in `<siteDir>/fonts/`. A build places them
 * twice (before the print pages are laid out, and when Astro is done), so nothing is ever missing
 * or half-written while Chromium reads them: a slice already placed is left alone, and what is
 * written is written whole (renamed into place).
 */
export function placeFonts(siteDir: string): void {
  const out = join(siteDir, 'fonts');
  mkdirSync(out, { recursive: true });
  const packages = fontPackages();
  for (const [path, css] of stylesheets(packages)) {
    const file = join(out, path.slice('/fonts/'.length));
    if (!existsSync(file) || readFileSync(file, 'utf8') !== css) writeAtomically(file, css);
  }
  // Linked where the file system allows: 17 MB of unchanging font files need no copy each build.
  const place = (from: string, to: string) => {
    const placed = statSync(to, { throwIfNoEntry: false });
    const source = statSync(from);
    if (placed && placed.ino === source.ino && placed.dev === source.dev) return;
    const temporary = `${to}.${process.pid}.tmp`;
    rmSync(temporary, { force: true });
    linkOrCopy(from, temporary);
    renameSync(temporary, to);
  };
  for (const p of packages) for (const f of p.files) place(join(p.dir, 'files', f.file), join(out, f.file));
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
      // Again after a build that placed them early (src/build/print-first.ts): cheap, links only.
      'astro:build:done': ({ dir }) => placeFonts(fileURLToPath(dir)),
    },
  };
}
