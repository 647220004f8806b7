/** The file format a picture is given to Chromium in for print. */

/**
 * JPEG photos stay JPEG (Chromium embeds them as they are, and Ghostscript converts them to CMYK
 * as JPEG again); formats that may carry transparency become PNG, which keeps it.
 */
export function printImageFormat(source: string): 'jpeg' | 'png' {
  return /^(png|webp|gif|avif)$/i.test(source) ? 'png' : 'jpeg';
}
