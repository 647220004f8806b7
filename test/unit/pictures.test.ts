/** The pure parts of the picture path: the figure title, print sizes, image file checks, screen downsampling, maps. */
import { describe, expect, it } from 'vitest';
import { FigureTitleError, parseFigureTitle } from '../../src/pictures/figure-title.ts';
import { inspectImageFile, svgProblem } from '../../src/pictures/image-file.ts';
import { printImageFormat } from '../../src/pictures/print-image.ts';
import { effectivePpi, pixelsFor, printImageWidth, printedWidthMm } from '../../src/pictures/print-size.ts';
import { downsampledSize } from '../../src/print/downsample.ts';
import { imageWarnings } from '../../src/print/stage.ts';
import { distanceKm, drawLocator, drawProvince } from '../../src/maps/draw.ts';
import { places } from '../../src/maps/places.ts';
import { pairParallel } from '../../src/publications/parallel.ts';

describe('the figure title', () => {
  it('reads caption, credit and placement, each optional', () => {
    expect(parseFigureTitle('Đồi chè | Ảnh: Trần Minh | bleed')).toEqual({ caption: 'Đồi chè', credit: 'Ảnh: Trần Minh', placement: 'bleed' });
    expect(parseFigureTitle('Đồi chè')).toEqual({ caption: 'Đồi chè', credit: undefined, placement: 'column' });
    expect(parseFigureTitle('| Ảnh: Trần Minh')).toEqual({ caption: undefined, credit: 'Ảnh: Trần Minh', placement: 'column' });
    expect(parseFigureTitle(undefined)).toEqual({ caption: undefined, credit: undefined, placement: 'column' });
  });

  it('refuses an unknown placement or too many parts, saying what is expected', () => {
    expect(() => parseFigureTitle('a | b | sideways')).toThrow(/"sideways" is not known; expected one of: column, full, page, bleed/);
    expect(() => parseFigureTitle('a | b | full | d')).toThrow(FigureTitleError);
  });
});

describe('print sizes', () => {
  it('knows the printed width of each placement', () => {
    expect(printedWidthMm('A4', 'column')).toBe(170);
    expect(printedWidthMm('A4', 'column', { parallel: true })).toBe(80.5);
    expect(printedWidthMm('A5', 'full')).toBe(120);
    // A landscape picture covering an A4 page and its bleed is cropped at the sides: wider than the page.
    expect(printedWidthMm('A4', 'bleed', { aspect: 1.5 })).toBeCloseTo(454.5, 1);
    expect(printedWidthMm('A4', 'bleed', { aspect: 0.5 })).toBe(216);
  });

  it('asks for press pixels for the widest place, never more than the original', () => {
    expect(pixelsFor(170, 300)).toBe(2008);
    expect(printImageWidth('column', 6000, 1.5)).toBe(2008);
    expect(printImageWidth('column', 1200, 1.5)).toBe(1200);
    expect(effectivePpi(1200, 170)).toBe(179);
  });

  it('keeps JPEG photos JPEG and gives formats with transparency as PNG', () => {
    expect(printImageFormat('jpg')).toBe('jpeg');
    expect(printImageFormat('webp')).toBe('png');
    expect(printImageFormat('png')).toBe('png');
  });
});

describe('image files', () => {
  const png = (width: number, height: number, end = true) => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const chunk = (type: string, data: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, data.length]), Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...(end ? [chunk('IEND', Buffer.alloc(0))] : [Buffer.alloc(40)])]);
  };

  it('reads the size of a picture it accepts', () => {
    expect(inspectImageFile(png(3000, 2000))).toEqual({ ok: true, width: 3000, height: 2000, format: 'png' });
  });

  it('refuses what is not a picture, a cut-off file, and a picture too large', () => {
    expect(inspectImageFile(Buffer.from('not a picture'))).toMatchObject({ ok: false, problem: 'image-unreadable' });
    expect(inspectImageFile(png(300, 200, false))).toMatchObject({ ok: false, problem: 'image-unreadable', message: expect.stringContaining('cut off') });
    expect(inspectImageFile(png(20_000, 20_000))).toMatchObject({ ok: false, problem: 'image-too-large', message: expect.stringContaining('400 megapixels') });
  });

  it('refuses SVG that could run code or fetch files, and accepts a plain drawing', () => {
    expect(svgProblem('<svg><script>x()</script></svg>')).toMatch(/<script>/);
    expect(svgProblem('<svg><rect onclick="x()"/></svg>')).toMatch(/event handler \(onclick\)/);
    expect(svgProblem('<svg><image href="https://example.com/a.png"/></svg>')).toMatch(/outside file or address/);
    expect(svgProblem('<svg><style>@import "x.css";</style></svg>')).toMatch(/outside/);
    expect(svgProblem('<svg><use href="#a"/><rect fill="url(#g)"/></svg>')).toBeUndefined();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><foreignObject/></svg>');
    expect(inspectImageFile(svg)).toMatchObject({ ok: false, problem: 'image-unsafe' });
  });
});

describe('screen resolution', () => {
  const uses = [
    { width: 2008, height: 1339, ppi: 300 },
    { width: 2008, height: 1339, ppi: 600 },
    { width: 1600, height: 1000, ppi: 160 },
  ];

  it('brings a picture down to the target at the largest size it printed at', () => {
    expect(downsampledSize(uses, 2008, 1339, 150)).toEqual({ width: 1004, height: 670 });
  });

  it('leaves pictures near or below the target, and pictures the layout did not see', () => {
    expect(downsampledSize(uses, 1600, 1000, 150)).toBeUndefined();
    expect(downsampledSize(uses, 5, 300, 150)).toBeUndefined();
  });

  it('warns once per picture and placement, with the threshold of the PDF in question', () => {
    const images = [
      { src: '/_astro/a.jpg', source: 'content/articles/x/vi.mdx', ppi: 200, placement: 'full', width: 10, height: 10 },
      { src: '/_astro/a.jpg', source: 'content/articles/x/vi.mdx', ppi: 200, placement: 'full', width: 10, height: 10 },
    ];
    expect(imageWarnings(images, false)).toEqual([]);
    expect(imageWarnings(images, true)).toEqual(['image /_astro/a.jpg in content/articles/x/vi.mdx, placed full, prints at 200 ppi; press PDFs need 300']);
  });
});

describe('maps', () => {
  it('measures straight-line distances from Thái Nguyên city', () => {
    expect(distanceKm(places.thaiNguyen, places.hanoi)).toBe(63);
    expect(distanceKm(places.thaiNguyen, places.noiBai)).toBe(42);
    expect(distanceKm(places.thaiNguyen, places.haiPhong)).toBe(119);
  });

  it('draws the locator map with every place inside the region panel', () => {
    const map = drawLocator(600, 400);
    expect(map.inset.vietnam).toMatch(/^M/);
    expect(map.region.province).toMatch(/^M[\d.,LZ-]+/);
    for (const p of map.region.places) {
      expect(p.x).toBeGreaterThan(map.region.x);
      expect(p.x).toBeLessThan(map.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(map.height);
    }
    // North is up: Hà Nội is south of Thái Nguyên, Hải Phòng to the south-east.
    const at = Object.fromEntries(map.region.places.map((p) => [p.id, p]));
    expect(at.hanoi!.y).toBeGreaterThan(at.thaiNguyen!.y);
    expect(at.haiPhong!.x).toBeGreaterThan(at.thaiNguyen!.x);
  });

  it('puts projects inside the province at their coordinates', () => {
    const map = drawProvince([{ id: 'west', location: [105.6, 21.6] }, { id: 'east', location: [106.1, 21.6] }], 400, 360);
    const [west, east] = map.points;
    expect(west!.x).toBeLessThan(east!.x);
    expect(Math.abs(west!.y - east!.y)).toBeLessThan(1);
  });
});

describe('pictures in the bilingual edition', () => {
  const figure = (placement: string, caption: string) =>
    `<figure class="print-figure figure-${placement}" data-placement="${placement}"><img src="/a.jpg" alt=""><figcaption><span class="caption">${caption}</span><span class="credit">Ảnh: A</span></figcaption></figure>`;

  it('prints a picture placed across the page once, with the other language\'s caption', () => {
    const { rows } = pairParallel(`<p>Một.</p>${figure('full', 'Đồi chè')}`, `<p>One.</p>${figure('full', 'Tea hills')}`);
    expect(rows[1]!.spanning).toEqual({ rightCaption: 'Tea hills' });
    expect(rows[0]!.spanning).toBeUndefined();
  });

  it('keeps column pictures side by side', () => {
    const { rows } = pairParallel(figure('column', 'Đồi chè'), figure('column', 'Tea hills'));
    expect(rows[0]!.spanning).toBeUndefined();
  });
});

describe('cover photos', () => {
  it('are cut to the band across the page and its bleed, at 300 ppi for its width', async () => {
    const { coverPhotoSize } = await import('../../src/pictures/print-size.ts');
    // A4: the band is 216 mm (210 + 2 × 3 bleed) by 26 % of 297 mm: 2,552 px at 300 ppi.
    const bandAspect = 216 / (297 * 0.26);
    const portrait = coverPhotoSize('A4', 2000, 2800);
    // A portrait photo keeps its width and loses the top and bottom: a quarter of its pixels.
    expect(portrait.width).toBe(2000);
    expect(portrait.height).toBe(Math.round(2000 / bandAspect));
    // A large landscape original comes down to press resolution for the band's width.
    expect(coverPhotoSize('A4', 6000, 4000)).toEqual({ width: 2552, height: Math.round(2552 / bandAspect) });
    // A panorama wider than the band loses its sides, keeping its height.
    const panorama = coverPhotoSize('A5', 3000, 500);
    expect(panorama.height).toBe(500);
    expect(panorama.width).toBeLessThan(3000);
    expect(panorama.width / panorama.height).toBeCloseTo(154 / (210 * 0.26), 2);
    // The A5 band is narrower: fewer pixels for the same photo.
    expect(coverPhotoSize('A5', 6000, 4000).width).toBe(Math.ceil((154 / 25.4) * 300));
  });
});
