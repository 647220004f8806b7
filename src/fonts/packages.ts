/**
 * The @fontsource packages behind each font family: their folder and woff2 files. Read once per
 * process; resolved from this module, wherever it runs from: the source, or Astro's build output in
 * the project's .astro/ (both under the project, so both find its node_modules), whatever the
 * current folder is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fontIds, getFontFamily, type FontFamily, type FontId } from '../i18n/locales.ts';
import { fontFiles, type FontFile } from './faces.ts';
import { SliceLookup } from './page-fonts.ts';

export interface FontPackage<Id extends string = FontId> {
  id: Id;
  dir: string;
  files: FontFile[];
}

let packages: FontPackage[] | undefined;

export function fontPackages(): FontPackage[] {
  packages ??= fontIds.map((id) => fontPackage(id, getFontFamily(id)));
  return packages;
}

/** One family's package folder and files. */
export function fontPackage<Id extends string>(id: Id, family: FontFamily): FontPackage<Id> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(`${family.package}/package.json`));
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const metadata = { styles: read('metadata.json').styles, unicode: read('unicode.json') };
  return { id, dir, files: fontFiles(id, metadata, family.subsets) };
}

let catalogue: { files: Map<FontId, FontFile[]>; lookups: Map<FontId, SliceLookup> } | undefined;

/** Every family's files and a code point → slice lookup, for writing per-page @font-face rules. */
export function fontCatalogue() {
  catalogue ??= {
    files: new Map(fontPackages().map((p) => [p.id, p.files])),
    lookups: new Map(fontPackages().map((p) => [p.id, new SliceLookup(p.files)])),
  };
  return catalogue;
}
