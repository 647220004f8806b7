/**
 * UI strings for pages: `locales/<locale>/<namespace>.json`, bundled by Vite and read through
 * i18next (./translator.ts). Command-line tools read the same files from disk (./ui-files.ts).
 */
import { createTranslations, resourcesFromFiles } from './translator.ts';

export { uiNamespaces } from './namespaces.ts';
export type { Translate, UiKey, UiPart, UiValue } from './translator.ts';

const files = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', { eager: true, import: 'default' });

export const { useTranslations, uiText, uiLocaleOf, uiParts } = createTranslations(resourcesFromFiles(files));
