import { describe, expect, it } from 'vitest';
import { layoutFixes } from '../../src/print/layout-fixes.ts';

const none = { headingsAtFoot: [], orphans: [], widows: [] };

describe('layout fixes between passes', () => {
  it('moves stranded first and last lines, and keeps earlier moves', () => {
    expect(layoutFixes({ ...none, orphans: [4], widows: [9] }, [2])).toEqual([2, 4, 9]);
  });

  it('moves a heading together with the block after it, taking over that block’s break', () => {
    // Pass 1 moved list 8; its heading 7 was left at the page foot: now the heading breaks, not the list.
    expect(layoutFixes({ ...none, headingsAtFoot: [{ id: 7, next: 8 }] }, [8])).toEqual([7]);
  });

  it('settles: the same faults give the same fixes', () => {
    const fixes = layoutFixes({ ...none, widows: [3] }, []);
    expect(layoutFixes({ ...none, widows: [3] }, fixes)).toEqual(fixes);
  });
});
