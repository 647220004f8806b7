import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingFiles, referencedPaths } from '../../src/print/referenced-files.ts';

describe('the files a print page loads', () => {
  const html = `<link rel="stylesheet" href="/fonts/noto-sans.css" data-pagedjs-ignore>
    <a href="/vi/articles/x/">a link, not loaded</a>
    <img src="/_astro/hills.Ab12.webp" srcset="/_astro/hills.600.webp 600w, /_astro/hills.1200.webp?x=1 1200w" alt="">
    <div style="background-image: url('/_astro/cover.jpg')"></div>
    <svg><image href="/_astro/map.png"/></svg>
    <img src=https://example.org/far.jpg alt=""><img src="//cdn.example/x.png" alt=""><img src="data:image/png;base64,AA" alt="">`;

  it('names stylesheets, images, srcset candidates and CSS urls by site path, not links or other hosts', () => {
    expect(referencedPaths(html)).toEqual([
      '/_astro/cover.jpg',
      '/_astro/hills.1200.webp',
      '/_astro/hills.600.webp',
      '/_astro/hills.Ab12.webp',
      '/_astro/map.png',
      '/fonts/noto-sans.css',
    ]);
  });

  it('lists those with no file in the site yet', () => {
    const site = mkdtempSync(join(tmpdir(), 'press-referenced-'));
    mkdirSync(join(site, 'fonts'));
    mkdirSync(join(site, '_astro'));
    writeFileSync(join(site, 'fonts', 'noto-sans.css'), '');
    writeFileSync(join(site, '_astro', 'map.png'), '');
    expect(missingFiles(html, site)).toEqual(['/_astro/cover.jpg', '/_astro/hills.1200.webp', '/_astro/hills.600.webp', '/_astro/hills.Ab12.webp']);
  });
});
