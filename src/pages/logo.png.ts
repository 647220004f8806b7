/** `/logo.png`: the site's mark as a square PNG, for search engines that want a raster logo. */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import favicon from '../../public/favicon.svg?raw';
import { department } from '../site/department.ts';

export const GET: APIRoute = async () => {
  const { size } = department.logo;
  const png = await sharp(Buffer.from(favicon), { density: (72 * size) / 64 }).resize(size, size).png().toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
