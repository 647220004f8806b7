/**
 * What to change before the next layout pass when the audit finds a typographic fault. Paged.js
 * breaks pages by measuring, without widow, orphan or keep-with-next rules of its own, so the
 * faults are fixed by forcing a break earlier: the heading or paragraph moves to the next page.
 */
export interface LayoutFaults {
  /** Headings ending a page, with the block after them in the source. */
  headingsAtFoot: Array<{ id: number; next: number | null }>;
  orphans: number[];
  widows: number[];
}

/**
 * The blocks to start on a new page in the next pass: those moved before, and the new faults. A
 * heading left at a page foot takes the break of the block after it, which an earlier pass may
 * have moved: heading and text then start the next page together.
 */
export function layoutFixes(audit: LayoutFaults, previous: readonly number[]): number[] {
  const next = new Set([...previous, ...audit.orphans, ...audit.widows]);
  for (const heading of audit.headingsAtFoot) {
    if (heading.next !== null) next.delete(heading.next);
    next.add(heading.id);
  }
  return [...next];
}
