/**
 * Print figures as pages show them (./print-figures.ts): tokens in a build, filled in after
 * printing; in `astro dev`, the figures of the last build's PDFs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import config from 'virtual:press/config';
import { defaultLocale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import { manifestSchema, type Manifest } from '../print/manifest.ts';
import { figureText, figureToken, type Figure } from './print-figures.ts';

let lastRead: { modified: number; manifest: Manifest } | undefined;

/** The last build's manifest, read again when it changes (a build next to a running dev server). */
function lastManifest(file: string): Manifest {
  if (!existsSync(file)) return [];
  const modified = statSync(file).mtimeMs;
  if (lastRead?.modified !== modified) lastRead = { modified, manifest: manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) };
  return lastRead.manifest;
}

export function showFigure(figure: Figure): string {
  const { figures } = config;
  if (figures.from === 'build') return figureToken(figure);
  const manifest = lastManifest(figures.file);
  const text = figureText(figure, (file) => manifest.find((e) => e.file === file && e.variant === 'screen'), useTranslations);
  if (text !== undefined) return text;
  // Not printed yet: `npm run build` prints it. A page number in a link falls back to the first page.
  return figure.show === 'page' ? '1' : useTranslations('locale' in figure ? figure.locale : defaultLocale)('downloads.notPrinted');
}
