/**
 * @font-face rules for the self-hosted fonts, from the locale module's font list and each
 * @fontsource package's unicode ranges. Only woff2 files are served: every browser we target and
 * Chromium for print read them, and they embed in PDFs as TrueType (CID) fonts.
 */
import { asFontId, fontFaces, getFontFamily, type FontFamily, type FontId } from '../i18n/locales.ts';

export interface FontFile {
  /** File name in the package's `files/` folder, also the name it is served under. */
  file: string;
  /** The package's subset (`latin`, `vietnamese`) or numbered CJK slice (`12`) the file draws. */
  subset: string;
  weight: number;
  style: 'normal' | 'italic';
  unicodeRange: string;
}

export interface FontPackageMetadata {
  styles: readonly string[];
  /** The package's `unicode.json`: subset name (or `[n]` for numbered CJK slices) → unicode-range. */
  unicode: Readonly<Record<string, string>>;
}

/** The files of a family; `subsets` defaults to the languages file's entry (cards may draw with families no page serves). */
export function fontFiles(id: string, metadata: FontPackageMetadata, subsets: FontFamily['subsets'] = getFontFamily(asFontId(id)).subsets): FontFile[] {
  const wanted = Object.entries(metadata.unicode).filter(([name]) => subsets === 'all' || (subsets as readonly string[]).includes(name));
  return fontFaces
    .filter((face) => metadata.styles.includes(face.style))
    .flatMap((face) =>
      wanted.map(([name, unicodeRange]) => ({
        file: `${id}-${name.replace(/^\[(\d+)\]$/, '$1')}-${face.weight}-${face.style}.woff2`,
        subset: name.replace(/^\[(\d+)\]$/, '$1'),
        weight: face.weight,
        style: face.style,
        unicodeRange,
      })),
    );
}

export function fontFaceCss(id: FontId, files: readonly FontFile[], baseUrl: string): string {
  const family = getFontFamily(id).family;
  return files
    .map(
      (f) =>
        `@font-face{font-family:'${family}';font-style:${f.style};font-weight:${f.weight};font-display:swap;` +
        `src:url(${baseUrl}${f.file}) format('woff2');unicode-range:${f.unicodeRange}}`,
    )
    .join('\n');
}

/** Where a font's stylesheet is served; pages link the ones their languages need. */
export function fontStylesheetPath(id: FontId): string {
  return `/fonts/${id}.css`;
}

/** Code point intervals of a CSS unicode-range value (`U+0000-00FF,U+0131`). */
export function parseUnicodeRange(range: string): Array<[number, number]> {
  return range.split(',').map((part) => {
    const [start = '0', end] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(start, 16), parseInt(end ?? start, 16)];
  });
}
