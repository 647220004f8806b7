/**
 * The text blocks of an MDX file, as a translator meets them: headings, paragraphs, list items and
 * table cells, each with its place in the file. The side-by-side translation screen aligns them,
 * "what changed since the translation" compares them, and the XLIFF hand-off makes one unit of each.
 * Parsed with remark (MDX + GFM + frontmatter) for the positions; the file's own text is never
 * re-serialised, so a block is always an exact slice of the file.
 */
import type { Heading, Nodes, Paragraph, PhrasingContent, Root, TableCell } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const blockKinds = ['heading', 'paragraph', 'list-item', 'table-cell'] as const;
export type BlockKind = (typeof blockKinds)[number];

export interface TextBlock {
  kind: BlockKind;
  /** Offsets of the block's inline text in the file (without `## ` or `- ` markers). */
  start: number;
  end: number;
  /** `file.slice(start, end)`: the block as written, markup included. */
  text: string;
  /** The words alone: markup, link targets and components left out, whitespace collapsed. */
  plain: string;
  /** The plain text of the nearest heading above, if any: context for a translator. */
  heading: string | undefined;
  /** The block's inline nodes, with positions into the file. */
  children: PhrasingContent[];
}

/** An MDX file that remark cannot read, with the line it stopped at. */
export class BlockParseError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
  }
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx);

/** The mdast tree of an MDX file, positions included. */
export function parseMdx(file: string): Root {
  try {
    return parser.parse(file);
  } catch (error) {
    const place = (error as { place?: { line?: number; start?: { line?: number } } }).place;
    const line = place?.line ?? place?.start?.line;
    throw new BlockParseError((error as { reason?: string }).reason ?? String(error), line);
  }
}

/** The text blocks of an MDX file, in reading order. */
export function textBlocks(file: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let heading: string | undefined;
  const add = (kind: BlockKind, node: Heading | Paragraph | TableCell) => {
    const first = node.children[0]?.position?.start.offset;
    const last = node.children.at(-1)?.position?.end.offset;
    if (first === undefined || last === undefined) return;
    const plain = plainText(node.children);
    if (!plain && !node.children.some((c) => c.type === 'image')) return;
    blocks.push({ kind, start: first, end: last, text: file.slice(first, last), plain, heading, children: node.children });
  };
  const walk = (node: Nodes, inList: boolean) => {
    switch (node.type) {
      case 'heading':
        add('heading', node);
        heading = plainText(node.children) || heading;
        return;
      case 'paragraph':
        add(inList ? 'list-item' : 'paragraph', node);
        return;
      case 'tableCell':
        add('table-cell', node);
        return;
      case 'listItem':
        for (const child of node.children) walk(child, true);
        return;
      case 'root':
      case 'list':
      case 'blockquote':
      case 'table':
      case 'tableRow':
      case 'mdxJsxFlowElement':
        for (const child of node.children) walk(child, inList);
        return;
      default:
        // Code, imports, expressions, HTML, frontmatter and rules carry no prose to translate.
        return;
    }
  };
  walk(parseMdx(file), false);
  return blocks;
}

/** The words of inline content: text, inline code and the children of emphasis, links and components. */
export function plainText(nodes: readonly PhrasingContent[]): string {
  const parts: string[] = [];
  const visit = (node: PhrasingContent) => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    else if (node.type === 'break') parts.push(' ');
    else if ('children' in node) for (const child of node.children as PhrasingContent[]) visit(child);
  };
  nodes.forEach(visit);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
