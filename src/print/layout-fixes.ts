/**
 * What to change before the next layout pass when the audit finds a typographic fault. Paged.js
 * breaks pages by measuring, without widow, orphan or keep-with-next rules of its own, so the
 * faults are fixed by forcing a break earlier: the heading or paragraph moves to the next page.
 */
export interface LayoutFaults {
  /** Headings ending a page, with the block after them in the source. */
  headingsAtFoot: Array<{ id: number; next: number | null }>;
  /** Stranded first or last lines; `heading` is the heading right before the block, if any. */
  orphans: Array<{ id: number; heading: number | null }>;
  widows: Array<{ id: number; heading: number | null }>;
}

/**
 * The blocks to start on a new page in the next pass: those moved before, and the new faults. A
 * heading left at a page foot takes the break of the block after it, which an earlier pass may
 * have moved: heading and text then start the next page together.
 */
export function layoutFixes(audit: LayoutFaults, previous: readonly number[]): number[] {
  // A block moved right after its heading would strand the heading: move the heading, which takes the block along.
  const next = new Set([...previous, ...[...audit.orphans, ...audit.widows].map((fault) => fault.heading ?? fault.id)]);
  for (const heading of audit.headingsAtFoot) {
    if (heading.next !== null) next.delete(heading.next);
    next.add(heading.id);
  }
  return [...next];
}
