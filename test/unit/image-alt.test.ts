/** Every image is described in every language: covers and images in the text need alt text. */
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile } from '../../src/content/check.ts';
import { bodyImages, isLocalPath, lacksAlt } from '../../src/content/images.ts';
import { parseMdxBody, type MdxTree } from '../../src/content/source.ts';

const imagesOf = (body: string) => bodyImages((parseMdxBody(body) as { tree: MdxTree }).tree);

const article = (fields: string, body = 'Text.') => `---\n${fields}\n---\n\n${body}\n`;
const good = 'title: "Tea"\nsummary: "About tea."\ntopic: tea\ndate: 2026-09-01';
const cover = (alt?: string) => `${good}\ncover:\n  src: ./hills.jpg${alt === undefined ? '' : `\n  alt: ${JSON.stringify(alt)}`}`;

function check(files: Record<string, string>, assets: string[] = ['articles/tea/hills.jpg']) {
  const list: ContentFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  return checkContent({ files: list, assets, displayRoot: 'content' }).problems;
}

describe('images in a text', () => {
  it('finds Markdown and JSX images with their alt text and line', () => {
    const images = imagesOf('Text.\n\n![Hills](./a.jpg)\n\n![](./b.jpg)\n\n<img src="./c.jpg" />\n\nSee <Image src={x} alt={caption} /> here.');
    expect(images).toEqual([
      { line: 3, src: './a.jpg', alt: 'Hills', altIsCode: false },
      { line: 5, src: './b.jpg', alt: '', altIsCode: false },
      { line: 7, src: './c.jpg', alt: undefined, altIsCode: false },
      { line: 9, src: '', alt: undefined, altIsCode: true },
    ]);
    expect(images.map(lacksAlt)).toEqual([false, true, true, false]);
  });

  it('tells files next to the text from web addresses', () => {
    expect(['./a.jpg', 'a.jpg', '../x/a.png'].every(isLocalPath)).toBe(true);
    expect(['https://x.org/a.jpg', '/a.jpg', '', 'data:image/png;base64,'].some(isLocalPath)).toBe(false);
  });
});

describe('alt text in the content check', () => {
  it('accepts described images', () => {
    expect(check({ 'articles/tea/vi.mdx': article(cover('Đồi chè'), '![Đồi chè](./hills.jpg)') })).toEqual([]);
  });

  it.each([
    ['missing', cover(), 'The cover image has no alt text.'],
    ['empty', cover('  '), 'The alt text of the cover image is empty.'],
  ])('stops on a cover whose alt text is %s, naming the field', (_, fields, message) => {
    expect(check({ 'articles/tea/vi.mdx': article(fields) })).toMatchObject([
      { code: 'image-alt-missing', severity: 'error', file: 'content/articles/tea/vi.mdx', field: 'cover.alt', message },
    ]);
  });

  it('stops on an image in the text without alt text, with its line', () => {
    const problems = check({ 'articles/tea/vi.mdx': article(good, 'Đồi chè.\n\n![](./hills.jpg)\n\n<img src="./hills.jpg" alt="" />') });
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['image-alt-missing', 10, 'alt'],
      ['image-alt-missing', 12, 'alt'],
    ]);
    expect(problems[0]!.message).toContain('./hills.jpg');
  });

  it('requires the cover in every translation, described in its own language', () => {
    const problems = check({ 'articles/tea/vi.mdx': article(cover('Đồi chè')), 'articles/tea/en.mdx': article(good), 'articles/tea/ja.mdx': article(cover('茶畑')) });
    expect(problems).toMatchObject([{ code: 'image-alt-missing', file: 'content/articles/tea/en.mdx', field: 'cover.alt' }]);
  });

  it('reports an image in the text that is not next to it', () => {
    expect(check({ 'articles/tea/vi.mdx': article(good, '![Đồi chè](./missing.jpg)') })).toMatchObject([{ code: 'image-missing', line: 8 }]);
  });
});
