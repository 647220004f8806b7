/**
 * The fixture's pictures (test/fixtures/site/content/articles/pictures/): one of every kind an
 * editor may bring, generated with sharp rather than committed (a 12,000-pixel scan has no place in
 * the repository). Made once; later calls find them and return at once. Sizes are chosen so each
 * reaches 300 ppi in its placement on an A4 page, except `small.jpg`, which is too small on purpose.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

export const pictureFolder = 'test/fixtures/site/content/articles/pictures';

/** A landscape of bands and a sun, so every picture has detail a resize can lose and a colour to check. */
function scene(width: number, height: number, hue: string, alpha = false): Buffer {
  const sky = alpha ? 'none' : '#9cc7e0';
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 300 200" preserveAspectRatio="none">` +
      `<rect width="300" height="200" fill="${sky}"/><circle cx="220" cy="60" r="28" fill="#f2c14e"/>` +
      `<path d="M0 120 Q75 80 150 115 T300 105 V200 H0Z" fill="${hue}"/><path d="M0 150 Q90 120 170 150 T300 140 V200 H0Z" fill="#2f6b3a"/>` +
      Array.from({ length: 12 }, (_, i) => `<path d="M0 ${158 + i * 4} Q150 ${150 + i * 4} 300 ${158 + i * 4}" stroke="#1d4d3a" stroke-width="0.6" fill="none"/>`).join('') +
      `</svg>`,
  );
}

export const pictures = {
  'photo.jpg': () => sharp(scene(3000, 2000, '#5a9a4a')).jpeg({ quality: 80 }),
  'alpha.png': () => sharp(scene(2100, 1300, '#7bb661', true)).png(),
  'wide.jpg': () => sharp(scene(12000, 3000, '#4f8f3f')).jpeg({ quality: 70 }),
  'small.jpg': () => sharp(scene(200, 133, '#6aa84f')).jpeg({ quality: 85 }),
  'portrait.jpg': () => sharp(scene(2000, 3000, '#8fbf6a')).jpeg({ quality: 80 }),
  'cmyk.jpg': () => sharp(scene(2600, 3700, '#3e7f34')).toColourspace('cmyk').jpeg({ quality: 85 }),
  'deep.png': () => sharp(scene(2100, 1400, '#a3c86d')).toColourspace('rgb16').png(),
  'photo.webp': () => sharp(scene(2100, 1400, '#6f9f3c')).webp({ quality: 80 }),
  'cover.jpg': () => sharp(scene(2000, 2800, '#4a8a3a')).jpeg({ quality: 80 }),
} as const;

/** A drawing: vectors only, nothing a browser would run or fetch. */
const drawing =
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300"><rect width="600" height="300" fill="#f1efe6"/>' +
  '<path d="M40 260 L160 120 L260 190 L380 70 L560 220" stroke="#1d4d3a" stroke-width="8" fill="none"/><circle cx="380" cy="70" r="14" fill="#c0392b"/></svg>\n';

export async function ensurePictureFixture(): Promise<void> {
  mkdirSync(pictureFolder, { recursive: true });
  for (const [name, make] of Object.entries(pictures)) {
    const file = join(pictureFolder, name);
    if (!existsSync(file)) await make().toFile(file);
  }
  const svg = join(pictureFolder, 'drawing.svg');
  if (!existsSync(svg)) writeFileSync(svg, drawing);
}
