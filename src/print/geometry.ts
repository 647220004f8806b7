/** Page geometry of printed products: trim size from the format, bleed, margins. */
import { pageFormats, type PageFormat } from '../content/schema.ts';

/** Bleed on every side of the trim, in millimetres. */
export const bleedMm = 3;

export interface PageGeometry {
  width: number;
  height: number;
  /** Top, right, bottom, left margins in millimetres (inside the trim). */
  margins: [number, number, number, number];
}

export function pageGeometry(format: PageFormat): PageGeometry {
  const { width, height } = pageFormats[format];
  // Margins scale with the page: A5 is a handheld booklet, A4 a magazine page.
  const margins: PageGeometry['margins'] = format === 'A5' ? [17, 14, 18, 14] : [22, 20, 24, 20];
  return { width, height, margins };
}

/** The @page rule Paged.js lays out with: trim size, bleed and margins. */
export function pageRule(format: PageFormat): string {
  const { width, height, margins } = pageGeometry(format);
  return `@page { size: ${width}mm ${height}mm; bleed: ${bleedMm}mm; margin: ${margins.map((m) => `${m}mm`).join(' ')}; }`;
}
