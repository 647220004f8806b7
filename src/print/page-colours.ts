/**
 * The colours under printed pictures. PDF/X-3 allows no transparency: Ghostscript flattens a page
 * holding a transparent picture into one picture, its text included. So pictures are flattened onto
 * what they print on before they reach the page (src/components/print/PrintImage.astro, CoverPhoto.astro).
 */

/** Paper: what every figure in the text prints on. */
export const paperColour = '#ffffff';

/** The covers' full-bleed ground, behind their photo band. */
export const coverColour = '#1d4d3a';

/** The cover pages' ground, for the print layout's inline style (src/styles/print.css has the rest of `@page cover`). */
export function coverPageRule(): string {
  return `@page cover { background: ${coverColour}; }`;
}
