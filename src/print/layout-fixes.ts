/**
 * What to change before the next layout pass when the audit finds a typographic fault. Paged.js
 * breaks pages by measuring, without widow, orphan or keep-with-next rules of its own, so the
 * faults are fixed by forcing a break earlier: the heading or paragraph moves to the next page.
 */
import type { LayoutAudit } from './layout-audit.ts';

export type LayoutFix = [block: number, style: string];

export function layoutFixes(audit: Pick<LayoutAudit, 'headingsAtFoot' | 'orphans' | 'widows'>, previous: readonly LayoutFix[]): LayoutFix[] {
  const fixed = new Set(previous.map(([id]) => id));
  const next = [...previous];
  for (const id of [...audit.headingsAtFoot, ...audit.orphans, ...audit.widows]) {
    // A block already moved once is left where it is: moving it again could loop forever.
    if (!fixed.has(id)) {
      next.push([id, 'break-before: page']);
      fixed.add(id);
    }
  }
  return next;
}
