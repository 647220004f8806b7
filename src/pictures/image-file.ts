/**
 * Checks an image file an editor put next to a text before anything tries to draw it: a file the
 * image tools cannot read, one too large for them, or an SVG that could run code or fetch files
 * would otherwise stop the build deep inside Astro or Chromium (or hang it), far from the file.
 */
import { imageSize } from 'image-size';

/** Larger files are refused: a photo for print rarely needs a tenth of this. */
export const maxImageBytes = 50 * 1024 * 1024;
/** Larger pictures are refused: 120 megapixels is a 12,000 × 10,000 scan. */
export const maxImagePixels = 120_000_000;

export type ImageFileResult =
  | { ok: true; width: number; height: number; format: string }
  | { ok: false; problem: 'image-unreadable' | 'image-too-large' | 'image-unsafe'; message: string };

const formats = new Set(['jpg', 'png', 'webp', 'avif', 'gif', 'tiff', 'svg']);

/** The first problem of an SVG that a browser would act on: scripts, event handlers, outside files. */
export function svgProblem(text: string): string | undefined {
  if (/<script[\s/>]/i.test(text)) return 'it contains a <script> element';
  if (/<foreignObject[\s/>]/i.test(text)) return 'it contains a <foreignObject> (HTML inside the drawing)';
  const handler = /\son[a-z]+\s*=/i.exec(text);
  if (handler) return `it contains an event handler (${handler[0].trim().replace(/\s*=$/, '')})`;
  // Any href or url() that is not a reference inside the file (#id) or embedded data.
  for (const match of text.matchAll(/(?:href\s*=\s*["']([^"']*)["'])|(?:url\(\s*["']?([^"')]*)["']?\s*\))|(?:@import\s+["']?([^"';\s]+))/gi)) {
    const target = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (target !== '' && !target.startsWith('#') && !/^data:image\//i.test(target)) return `it refers to an outside file or address (${target.slice(0, 60)})`;
  }
  return undefined;
}

/** A complete file ends where its format says it ends; a cut-off upload does not. */
function truncated(bytes: Uint8Array, format: string): boolean {
  const n = bytes.length;
  if (format === 'jpg') {
    // The end-of-image marker, allowing a few padding bytes after it.
    for (let i = n - 2; i >= Math.max(0, n - 64); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return false;
    return true;
  }
  if (format === 'png') {
    const iend = [0x49, 0x45, 0x4e, 0x44];
    for (let i = n - 8; i >= Math.max(0, n - 64); i--) if (iend.every((b, k) => bytes[i + k] === b)) return false;
    return true;
  }
  return false;
}

export function inspectImageFile(bytes: Uint8Array): ImageFileResult {
  if (bytes.byteLength > maxImageBytes) {
    return { ok: false, problem: 'image-too-large', message: `The file is ${(bytes.byteLength / 1024 / 1024).toFixed(0)} MB; at most ${maxImageBytes / 1024 / 1024} MB is accepted.` };
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, problem: 'image-unreadable', message: 'The file is not an image this system can read (JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG), or it is damaged.' };
  }
  const format = size.type ?? '';
  if (!formats.has(format) || !size.width || !size.height) {
    return { ok: false, problem: 'image-unreadable', message: `The file is not an image this system can read (found ${format || 'no known format'}).` };
  }
  if (format === 'svg') {
    const unsafe = svgProblem(new TextDecoder().decode(bytes));
    if (unsafe) return { ok: false, problem: 'image-unsafe', message: `The SVG drawing cannot be used: ${unsafe}.` };
  } else if (truncated(bytes, format)) {
    return { ok: false, problem: 'image-unreadable', message: `The ${format.toUpperCase()} file is cut off before its end (an interrupted copy or upload).` };
  }
  const { width, height } = size;
  if (width * height > maxImagePixels) {
    return { ok: false, problem: 'image-too-large', message: `The picture is ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); at most ${maxImagePixels / 1e6} megapixels are accepted.` };
  }
  return { ok: true, width, height, format };
}
