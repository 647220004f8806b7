/** The file format a picture is given to Chromium in for print. */

/**
 * JPEG photos stay JPEG (Chromium embeds them as they are; for press they are made CMYK by
 * src/print/press-pictures.ts and compressed as JPEG again by Ghostscript); formats that may carry
 * transparency become PNG, lossless, flattened onto what they print on (src/print/page-colours.ts).
 */
export function printImageFormat(source: string): 'jpeg' | 'png' {
  return /^(png|webp|gif|avif)$/i.test(source) ? 'png' : 'jpeg';
}
