/**
 * The UI string files of each locale (`locales/<locale>/<namespace>.json`). Kept apart from ui.ts,
 * which only Vite can load, so command-line tools can read the list too.
 */
export const uiNamespaces = ['common', 'print'] as const;
export type UiNamespace = (typeof uiNamespaces)[number];
