/**
 * The size a picture prints at, and the pixels that size needs: the print HTML asks for images at
 * press resolution for the largest place they can print in; the layout audit then measures what
 * each one really reached.
 */
import { pageFormats, type PageFormat } from '../content/schema.ts';
import { bleedMm, pageGeometry } from '../print/geometry.ts';
import type { Placement } from './figure-title.ts';

/** Press PDFs need this at the printed size; screen PDFs are brought down to `screenPpi`. */
export const pressPpi = 300;
export const screenPpi = 150;

/** Gap between the two columns of a parallel (bilingual) edition, in mm (src/styles/print.css). */
export const parallelGapMm = 9;

/**
 * The printed width of a placement in mm. `parallel`: the bilingual edition, whose text column is
 * half the type area. A page or bleed picture covering its page may be cropped at the sides, so its
 * width grows with its aspect ratio (`aspect` = width / height of the picture).
 */
export function printedWidthMm(format: PageFormat, placement: Placement, options: { parallel?: boolean; aspect?: number } = {}): number {
  const { width, height, margins } = pageGeometry(format);
  const typeWidth = width - margins[1] - margins[3];
  const typeHeight = height - margins[0] - margins[2];
  const aspect = options.aspect ?? 1.5;
  switch (placement) {
    case 'column':
      return options.parallel ? (typeWidth - parallelGapMm) / 2 : typeWidth;
    case 'full':
      return typeWidth;
    case 'page':
      // Fitted inside the type area: as wide as it can be without outgrowing the height.
      return Math.min(typeWidth, typeHeight * aspect);
    case 'bleed': {
      // Covers the page and its bleed: the wider of the page width and the height times the aspect.
      const w = width + 2 * bleedMm;
      const h = height + 2 * bleedMm;
      return Math.max(w, h * aspect);
    }
  }
}

/** The share of the cover's height the photo band takes (src/styles/print.css, .cover-photo: 26 % from 38 % down). */
export const coverBandShare = 0.26;

/**
 * The pixels a cover photo is given to Chromium at: cut to the band's shape (the band shows only that
 * much of it, `object-fit: cover` centred, and a portrait photo embedded whole was four times the
 * pixels the page shows), at press resolution for the band's width, never more than the original has.
 */
export function coverPhotoSize(format: PageFormat, originalWidth: number, originalHeight: number): { width: number; height: number } {
  const { width, height } = pageFormats[format];
  const bandWidth = width + 2 * bleedMm;
  const bandAspect = bandWidth / (height * coverBandShare);
  // The largest centred piece of the original in the band's shape.
  const pieceWidth = Math.min(originalWidth, originalHeight * bandAspect);
  const out = Math.max(1, Math.min(Math.floor(pieceWidth), pixelsFor(bandWidth, pressPpi)));
  return { width: out, height: Math.max(1, Math.round(out / bandAspect)) };
}

/** Pixels across that a printed width needs at a resolution. */
export function pixelsFor(widthMm: number, ppi: number): number {
  return Math.ceil((widthMm / 25.4) * ppi);
}

/** The widest a placement prints in any format: the width the print HTML's image is made at (never more than the original). */
export function printImageWidth(placement: Placement, originalWidth: number, aspect: number): number {
  const formats = Object.keys(pageFormats) as PageFormat[];
  const widest = Math.max(...formats.flatMap((format) => [printedWidthMm(format, placement, { aspect }), printedWidthMm(format, placement, { aspect, parallel: true })]));
  return Math.min(originalWidth, pixelsFor(widest, pressPpi));
}

/** Pixels per inch of an image `pixels` wide printed `widthMm` wide. */
export function effectivePpi(pixels: number, widthMm: number): number {
  return Math.round(pixels / (widthMm / 25.4));
}
