/** UI strings for command-line tools and build steps: the same files pages bundle, read from disk. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslations, resourcesFromFiles, type Translations } from './translator.ts';

export function readTranslations(localesDir: string): Translations {
  const files: Record<string, unknown> = {};
  const folders = existsSync(localesDir) ? readdirSync(localesDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  for (const { name: locale } of folders) {
    const folder = join(localesDir, locale);
    for (const file of readdirSync(folder)) if (file.endsWith('.json')) files[`${locale}/${file}`] = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  }
  return createTranslations(resourcesFromFiles(files));
}
