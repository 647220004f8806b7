/**
 * The build's figure stage: after printing, every built page that shows a figure of a PDF (pages,
 * size, a sheet's page) gets it from the print manifest (src/site/print-figures.ts). Pages are read
 * once and only those with figures are written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTranslations } from '../i18n/ui-files.ts';
import type { Manifest } from '../print/manifest.ts';
import { figureText, fillFigures } from '../site/print-figures.ts';

/** Fills the figures of every HTML page under `siteDir`; returns how many pages had some. */
export function fillPrintFigures(siteDir: string, manifest: Manifest, localesDir: string): number {
  const screen = new Map(manifest.filter((e) => e.variant === 'screen').map((e) => [e.file, e]));
  const { useTranslations } = readTranslations(localesDir);
  const text = (figure: Parameters<typeof figureText>[0]) => figureText(figure, (file) => screen.get(file), useTranslations);
  let filled = 0;
  for (const file of readdirSync(siteDir, { recursive: true, encoding: 'utf8' })) {
    // Print sources and the search index have no figures.
    if (!file.endsWith('.html') || file.startsWith('print/') || file.startsWith('pagefind/')) continue;
    const path = join(siteDir, file);
    const html = fillFigures(readFileSync(path, 'utf8'), text);
    if (html === undefined) continue;
    writeFileSync(path, html);
    filled++;
  }
  return filled;
}
