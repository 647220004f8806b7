/**
 * What to change before the next layout pass when the audit finds a typographic fault. Paged.js
 * breaks pages by measuring, without widow, orphan or keep-with-next rules of its own, so the
 * faults are fixed by forcing a break earlier: the heading or paragraph moves to the next page.
 */
import type { LayoutAudit } from './layout-audit.ts';

/** The blocks to start on a new page in the next pass: those moved before, and the new faults. */
export function layoutFixes(audit: Pick<LayoutAudit, 'headingsAtFoot' | 'orphans' | 'widows'>, previous: readonly number[]): number[] {
  // A block already moved once is left where it is: moving it again could loop forever.
  return [...new Set([...previous, ...audit.headingsAtFoot, ...audit.orphans, ...audit.widows])];
}
