/**
 * The images in an MDX text — Markdown `![alt](./file.jpg)` and JSX `<img>`, `<Image>`,
 * `<Picture>` — with their alt text, so the content check can require a description of every image
 * in every language. Parsed with the same parser Astro compiles MDX with.
 */
import type { MdxTree } from './source.ts';

export interface BodyImage {
  /** Line in the body (1-based). */
  line: number;
  src: string;
  /** The alt text as written; undefined when there is none, or when it is code ({…}) and cannot be read. */
  alt: string | undefined;
  /** True when alt is written as code: the check trusts it. */
  altIsCode: boolean;
  /** The Markdown title (`![alt](src "title")`): caption, credit and placement (src/pictures/figure-title.ts). */
  title?: string | undefined;
}

interface MdastNode {
  type: string;
  position?: { start?: { line?: number } };
  children?: MdastNode[];
  url?: string;
  alt?: string | null;
  title?: string | null;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
}

const imageElements = new Set(['img', 'Image', 'Picture']);

/** Every image of a parsed body (see parseMdxBody). */
export function bodyImages(tree: MdxTree): BodyImage[] {
  const images: BodyImage[] = [];
  const visit = (node: MdastNode) => {
    const line = node.position?.start?.line ?? 1;
    if (node.type === 'image') {
      images.push({ line, src: node.url ?? '', alt: node.alt ?? undefined, altIsCode: false, title: node.title ?? undefined });
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && imageElements.has(node.name)) {
      const attribute = (name: string) => node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const alt = attribute('alt');
      const altIsCode = alt !== undefined && typeof alt.value === 'object' && alt.value !== null;
      images.push({ line, src: text(attribute('src')?.value) ?? '', alt: text(alt?.value), altIsCode });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as MdastNode);
  return images;
}

/** True when an image has no description a reader could be given. */
export function lacksAlt(image: BodyImage): boolean {
  return !image.altIsCode && (image.alt ?? '').trim() === '';
}

/** A path to a file next to the text (not a web address or a site path). */
export function isLocalPath(src: string): boolean {
  return src !== '' && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src);
}
