/**
 * Serves the self-hosted fonts: in `astro dev` from node_modules, and on build as files in
 * `dist/fonts/` (one stylesheet per family plus its woff2 slices).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fontFamilies, type FontId } from '../i18n/locales.ts';
import { fontFaceCss, fontFiles, fontStylesheetPath, type FontFile } from './faces.ts';

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

export function selfHostedFonts(): AstroIntegration {
  return {
    name: 'press:self-hosted-fonts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const packages = fontPackages();
        server.middlewares.use((req, res, next) => {
          const match = /^\/fonts\/([^/?]+)/.exec(req.url ?? '');
          const name = match?.[1];
          const css = packages.find((p) => fontStylesheetPath(p.id) === `/fonts/${name}`);
          if (css) {
            res.setHeader('Content-Type', 'text/css');
            return res.end(fontFaceCss(css.id, css.files, '/fonts/'));
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
        for (const p of fontPackages()) {
          writeFileSync(join(out, `${p.id}.css`), fontFaceCss(p.id, p.files, '/fonts/'));
          for (const f of p.files) copyFileSync(join(p.dir, 'files', f.file), join(out, f.file));
        }
      },
    },
  };
}
