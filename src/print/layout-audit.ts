/**
 * Functions that run inside the print page (passed to page.evaluate, so they must not use
 * anything from outside their own body). Before Paged.js lays out the document, every block is
 * numbered; afterwards, the audit reports what a print shop or reader would notice: blocks lost or
 * cut off, headings left alone at a page foot, single lines stranded at a page's top or foot, and
 * images too coarse for their printed size.
 */

export interface SourceBlock {
  id: number;
  tag: string;
  /** The start of the block's text, to name it in a message. */
  text: string;
  /** The content file the block comes from (data-source of the nearest ancestor). */
  source: string;
  /** The block that follows it in the source (its next sibling), if any. */
  next: number | null;
  /** The block just before it (its previous sibling), if any. */
  previous: number | null;
}

export interface ImageUse {
  src: string;
  source: string;
  /** Pixels per inch at the printed size. */
  ppi: number;
  /** Where it is placed (data-placement of its figure: column, full, page, bleed, cover). */
  placement: string;
  /** The pixels of the file as printed (what the PDF embeds). */
  width: number;
  height: number;
}

export interface LayoutAudit {
  pages: number;
  present: number[];
  overflowing: number[];
  /** Headings (or sentences introducing a list) ending a page. */
  headingsAtFoot: number[];
  /** Paragraphs (or lists) whose first line is alone at the foot of a page. */
  orphans: number[];
  /** Paragraphs whose last line is alone at the top of a page. */
  widows: number[];
  images: ImageUse[];
  /** Pages holding a filler (notes, contacts) for saddle stitching. */
  fillerPages: number;
  /** The page (1-based) each `data-print-anchor` starts on: where the site links into the PDF. */
  anchors: Record<string, number>;
}

/** What the print HTML says about itself in its <head>. */
export interface PrintMeta {
  title: string;
  lang: string;
  author: string;
  date: string;
  /** Saddle-stitched: pad to a multiple of this many pages. */
  pagesMultipleOf: number | null;
  /** Trim format (A4, A5) and copies to print, for the print shop's order sheet. */
  format: string;
  printRun: number | null;
}

/**
 * Runs before layout: reads the document's metadata, numbers blocks, and forces a page break
 * before the blocks earlier passes chose to move (`breakBefore`).
 */
export function prepareSource(args: { breakBefore: number[] }): { blocks: SourceBlock[]; meta: PrintMeta } {
  const content = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
  const meta = {
    title: document.title,
    lang: document.documentElement.lang,
    author: content('author'),
    date: content('date'),
    pagesMultipleOf: Number(content('pages-multiple-of')) || null,
    format: document.documentElement.dataset.format ?? '',
    printRun: content('print-run') === '' ? null : Number(content('print-run')),
  };
  const selector = 'p, h1, h2, h3, h4, h5, h6, ul, ol, li, img, figure, table, dl, blockquote, pre, .parallel-row, .toc, section.filler, .note-lines';
  const elements = [...document.body.querySelectorAll<HTMLElement>(selector)];
  const blocks = elements.map((el, id) => {
    el.setAttribute('data-block', String(id));
    return {
      id,
      tag: el.tagName.toLowerCase(),
      text: (el.tagName === 'IMG' ? (el.getAttribute('alt') || el.getAttribute('src') || '') : (el.textContent ?? '')).replace(/\s+/g, ' ').trim().slice(0, 60),
      source: el.closest('[data-source]')?.getAttribute('data-source') ?? '',
      next: null as number | null,
      previous: null as number | null,
    };
  });
  const indexOf = (el: Element | null | undefined) => (el ? elements.indexOf(el as HTMLElement) : -1);
  for (const block of blocks) {
    const next = indexOf(elements[block.id]?.nextElementSibling);
    const previous = indexOf(elements[block.id]?.previousElementSibling);
    block.next = next >= 0 ? next : null;
    block.previous = previous >= 0 ? previous : null;
  }
  // Paged.js reads breaks from data attributes it derives from the stylesheets, not from inline styles.
  for (const id of args.breakBefore) elements[id]?.setAttribute('data-break-before', 'page');
  return { blocks, meta };
}

/** After layout: removes the filler pages beyond the first `keep` (each filler is one page). */
export function removeFillerPages(keep: number): void {
  for (const filler of document.querySelectorAll<HTMLElement>('.pagedjs_page [data-filler]')) {
    if (Number(filler.dataset.filler) >= keep) filler.closest('.pagedjs_page')?.remove();
  }
}

/** Runs after Paged.js has laid out the pages. */
export function auditLayout(): LayoutAudit {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  const present = new Set<number>();
  const overflowing = new Set<number>();
  const headingsAtFoot: number[] = [];
  const orphans: number[] = [];
  const widows: number[] = [];
  const images: ImageUse[] = [];
  const idOf = (el: Element) => Number(el.getAttribute('data-block'));
  const lines = (el: HTMLElement) => {
    const style = getComputedStyle(el);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    return Math.round((el.getBoundingClientRect().height - padding) / lineHeight);
  };
  for (const page of pages) {
    const area = page.querySelector<HTMLElement>('.pagedjs_page_content');
    if (!area) continue;
    const box = area.getBoundingClientRect();
    const blocks = [...area.querySelectorAll<HTMLElement>('[data-block]')];
    for (const el of blocks) {
      present.add(idOf(el));
      const r = el.getBoundingClientRect();
      // Pictures meant to run into the bleed (covers, bleed figures) pass the trim on purpose.
      if (r.height > 0 && (r.bottom > box.bottom + 2 || r.right > box.right + 2) && !el.closest('[data-bleeds]')) overflowing.add(idOf(el));
      if (el.tagName === 'IMG') {
        const img = el as HTMLImageElement;
        // A drawing (SVG) is vectors: it has no resolution to check.
        if (r.width > 0 && img.naturalWidth > 0 && !/\.svg(\?|$)/i.test(img.getAttribute('src') ?? '')) {
          // The scale the picture prints at: object-fit cover fills the box (cropping), contain fits it.
          const sx = r.width / img.naturalWidth;
          const sy = r.height / img.naturalHeight;
          const fit = getComputedStyle(img).objectFit;
          const scale = fit === 'cover' ? Math.max(sx, sy) : fit === 'contain' ? Math.min(sx, sy) : sx;
          images.push({
            src: img.getAttribute('src') ?? '',
            source: el.closest('[data-source]')?.getAttribute('data-source') ?? '',
            ppi: Math.round(96 / scale),
            placement: el.closest('[data-placement]')?.getAttribute('data-placement') ?? 'column',
            width: img.naturalWidth,
            height: img.naturalHeight,
          });
        }
      }
      // A paragraph, or a list whose part on this page is a single one-line item.
      const single = el.tagName === 'P' ? lines(el) === 1 : /^(UL|OL)$/.test(el.tagName) && el.querySelectorAll(':scope > li').length === 1 && lines(el.querySelector('li')!) === 1;
      if (single && el.hasAttribute('data-split-to')) orphans.push(idOf(el));
      if (single && el.hasAttribute('data-split-from')) widows.push(idOf(el));
    }
    // The last block on a page must not be a heading, nor a sentence introducing a list ("…:").
    const last = blocks.filter((el) => el.getBoundingClientRect().height > 0 && !el.closest('.cover') && el.tagName !== 'LI').at(-1);
    const introducesList = last?.tagName === 'P' && /[:：]\s*$/.test(last.textContent ?? '') && /^(UL|OL)$/.test(last.nextElementSibling?.tagName ?? '');
    // A heading inside a figure (a map's) is last among the blocks with the drawing still below it: not alone.
    const bottom = last?.getBoundingClientRect().bottom ?? 0;
    const drawnBelow = [...area.querySelectorAll('svg, figcaption')].some((el) => el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().top >= bottom - 1);
    if (last && !drawnBelow && ((/^H[2-6]$/.test(last.tagName) && !last.closest('.toc')) || introducesList)) {
      headingsAtFoot.push(idOf(last.closest<HTMLElement>('.parallel-row[data-block]') ?? last));
    }
  }
  // Name the innermost element that does not fit, not every block around it.
  const innermost = [...overflowing].filter((id) => {
    const el = document.querySelector(`.pagedjs_pages [data-block="${id}"]`);
    return !el || ![...el.querySelectorAll('[data-block]')].some((child) => overflowing.has(idOf(child)));
  });
  const fillerPages = pages.filter((page) => page.querySelector('[data-filler]')).length;
  const anchors: Record<string, number> = {};
  pages.forEach((page, index) => {
    for (const el of page.querySelectorAll<HTMLElement>('[data-print-anchor]')) anchors[el.dataset.printAnchor!] ??= index + 1;
  });
  return { pages: pages.length, present: [...present], overflowing: innermost, headingsAtFoot, orphans, widows, images, fillerPages, anchors };
}
