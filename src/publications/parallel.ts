/**
 * Parallel text for bilingual editions: the two translations of an article are cut into sections
 * at their headings and into blocks (paragraphs, lists) within each section, then paired, so that
 * each block stands beside its translation and headings face each other.
 */
import { parse, type HTMLElement } from 'node-html-parser';

export interface ParallelRow {
  /** HTML of the block in the first language (absent where that side has fewer blocks). */
  left?: string;
  right?: string;
  heading: boolean;
  /**
   * A picture placed across the page (full, page, bleed) on the left: printed once, across both
   * columns, with the right side's caption (its text) beside the left's.
   */
  spanning?: { rightCaption: string | undefined };
}

export interface ParallelText {
  rows: ParallelRow[];
  /** True when the two sides do not have the same sections and blocks: worth a translator's look. */
  mismatched: boolean;
}

const headingTags = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

interface Section {
  heading?: string;
  blocks: string[];
}

function sections(html: string): Section[] {
  const out: Section[] = [{ blocks: [] }];
  const children = parse(html).childNodes.filter((n): n is HTMLElement => n.nodeType === 1);
  for (const child of children) {
    if (headingTags.has(child.tagName)) out.push({ heading: child.outerHTML, blocks: [] });
    else out.at(-1)!.blocks.push(child.outerHTML);
  }
  return out[0]!.blocks.length === 0 ? out.slice(1) : out;
}

const spanningPlacement = /^(<p>)?<figure class="print-figure[^"]*" data-placement="(full|page|bleed)"/;

/** The caption text of a printed figure (src/components/print/PrintImage.astro), if the block is one. */
function captionOf(html: string | undefined): string | undefined {
  if (!html || !/<figure class="print-figure/.test(html)) return undefined;
  return parse(html).querySelector('figcaption .caption')?.textContent.trim() || undefined;
}

export function pairParallel(leftHtml: string, rightHtml: string): ParallelText {
  const left = sections(leftHtml);
  const right = sections(rightHtml);
  const rows: ParallelRow[] = [];
  let mismatched = left.length !== right.length;
  for (let s = 0; s < Math.max(left.length, right.length); s++) {
    const l = left[s];
    const r = right[s];
    if (l?.heading || r?.heading) rows.push({ left: l?.heading, right: r?.heading, heading: true });
    const blocks = Math.max(l?.blocks.length ?? 0, r?.blocks.length ?? 0);
    if ((l?.blocks.length ?? 0) !== (r?.blocks.length ?? 0)) mismatched = true;
    for (let b = 0; b < blocks; b++) {
      const row: ParallelRow = { left: l?.blocks[b], right: r?.blocks[b], heading: false };
      if (row.left && spanningPlacement.test(row.left)) row.spanning = { rightCaption: captionOf(row.right) };
      rows.push(row);
    }
  }
  return { rows, mismatched };
}
