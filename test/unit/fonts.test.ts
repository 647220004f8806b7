import { describe, expect, it } from 'vitest';
import { filesCovering, fontFaceCss, fontFiles } from '../../src/fonts/faces.ts';

describe('self-hosted font faces', () => {
  const latin = { styles: ['italic', 'normal'], unicode: { cyrillic: 'U+0400-045F', latin: 'U+0000-00FF', vietnamese: 'U+1EA0-1EF9' } };

  it('serves only the subsets a family is configured for, in every weight and style used', () => {
    const files = fontFiles('noto-serif', latin);
    expect(files.map((f) => f.file)).toEqual([
      'noto-serif-latin-400-normal.woff2', 'noto-serif-vietnamese-400-normal.woff2',
      'noto-serif-latin-700-normal.woff2', 'noto-serif-vietnamese-700-normal.woff2',
      'noto-serif-latin-400-italic.woff2', 'noto-serif-vietnamese-400-italic.woff2',
    ]);
  });

  it('takes every numbered CJK slice, and no italic where the family has none', () => {
    const files = fontFiles('noto-sans-jp', { styles: ['normal'], unicode: { '[0]': 'U+4E00', '[1]': 'U+4E01' } });
    expect(files.map((f) => f.file)).toEqual([
      'noto-sans-jp-0-400-normal.woff2', 'noto-sans-jp-1-400-normal.woff2',
      'noto-sans-jp-0-700-normal.woff2', 'noto-sans-jp-1-700-normal.woff2',
    ]);
  });

  it('writes @font-face rules with unicode ranges, woff2 only', () => {
    const css = fontFaceCss('noto-serif', fontFiles('noto-serif', latin).slice(0, 1), '/fonts/');
    expect(css).toBe(
      "@font-face{font-family:'Noto Serif';font-style:normal;font-weight:400;font-display:swap;src:url(/fonts/noto-serif-latin-400-normal.woff2) format('woff2');unicode-range:U+0000-00FF}",
    );
  });
});

describe('language-name slices', () => {
  it('picks only the regular slices that contain the characters', () => {
    const files = [
      { file: 'a', weight: 400, style: 'normal', unicodeRange: 'U+0000-00FF' },
      { file: 'b', weight: 400, style: 'normal', unicodeRange: 'U+65E5,U+672C-672D' },
      { file: 'c', weight: 700, style: 'normal', unicodeRange: 'U+65E5' },
      { file: 'd', weight: 400, style: 'normal', unicodeRange: 'U+AC00-AC10' },
    ] as const;
    expect(filesCovering(files, '日本').map((f) => f.file)).toEqual(['b']);
  });
});
