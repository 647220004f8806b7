/**
 * How an editor writes a figure in the text: `![what it shows](./hills.jpg "Caption | Credit | placement")`.
 * The title holds up to three parts separated by `|`: the caption (in the file's language), the
 * credit line (one line, e.g. "Ảnh: Trần Minh"), and where it goes in print. Each part may be
 * left empty: `"| Ảnh: Trần Minh"` is a credit without a caption.
 */

/** Where a picture goes in print: the text column, the whole type area, a page of its own, or a page to the trimmed edge and beyond. */
export const placements = ['column', 'full', 'page', 'bleed'] as const;
export type Placement = (typeof placements)[number];

export interface FigureTitle {
  caption: string | undefined;
  credit: string | undefined;
  placement: Placement;
}

export class FigureTitleError extends Error {}

const isPlacement = (value: string): value is Placement => (placements as readonly string[]).includes(value);

/** Reads a figure's title; throws FigureTitleError when the placement is not one of `placements`. */
export function parseFigureTitle(title: string | null | undefined): FigureTitle {
  const parts = (title ?? '').split('|').map((part) => part.trim());
  if (parts.length > 3) throw new FigureTitleError(`The image title has ${parts.length} parts separated by "|"; expected at most 3: caption | credit | placement.`);
  const [caption = '', credit = '', placement = ''] = parts;
  if (placement !== '' && !isPlacement(placement)) {
    throw new FigureTitleError(`The placement "${placement}" is not known; expected one of: ${placements.join(', ')}.`);
  }
  return { caption: caption || undefined, credit: credit || undefined, placement: placement === '' ? 'column' : (placement as Placement) };
}
