/**
 * Serves the self-hosted fonts: in `astro dev` from node_modules, and on build as files in
 * `dist/fonts/` (one stylesheet per family plus its woff2 slices).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fontFamilies, localeIds, locales, type FontId } from '../i18n/locales.ts';
import { filesCovering, fontFaceCss, fontFiles, fontStylesheetPath, languageNamesStylesheetPath, type FontFile } from './faces.ts';

const require = createRequire(import.meta.url);

interface FontPackage {
  id: FontId;
  dir: string;
  files: FontFile[];
}

function fontPackages(): FontPackage[] {
  return (Object.keys(fontFamilies) as FontId[]).map((id) => {
    const dir = dirname(require.resolve(`${fontFamilies[id].package}/package.json`));
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const metadata = { styles: read('metadata.json').styles, unicode: read('unicode.json') };
    return { id, dir, files: fontFiles(id, metadata) };
  });
}

/** The stylesheets to serve: one per family, and one with only the slices drawing the language names. */
function stylesheets(packages: FontPackage[]): Map<string, string> {
  const names = localeIds.map((id) => locales[id].name).join('');
  const sheets = new Map(packages.map((p) => [fontStylesheetPath(p.id), fontFaceCss(p.id, p.files, '/fonts/')]));
  sheets.set(languageNamesStylesheetPath, packages.map((p) => fontFaceCss(p.id, filesCovering(p.files, names), '/fonts/')).join('\n'));
  return sheets;
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
        for (const p of packages) for (const f of p.files) copyFileSync(join(p.dir, 'files', f.file), join(out, f.file));
      },
    },
  };
}
