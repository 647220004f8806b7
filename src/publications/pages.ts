/** Page arithmetic for bound products. */

/**
 * Saddle-stitched booklets are folded sheets of 4 pages: how many intended extra pages (notes,
 * contacts) bring `pages` up to the next multiple.
 */
export function fillerPagesNeeded(pages: number, multiple = 4): number {
  return (multiple - (pages % multiple)) % multiple;
}

/** Sheets of paper for one copy: each sheet carries 4 pages when folded (2 per side). */
export function sheetsPerCopy(pages: number): number {
  return Math.ceil(pages / 4);
}
