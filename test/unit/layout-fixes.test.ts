import { describe, expect, it } from 'vitest';
import { layoutFixes } from '../../src/print/layout-fixes.ts';

const none = { headingsAtFoot: [], orphans: [], widows: [] };

describe('layout fixes between passes', () => {
  it('moves stranded first and last lines, and keeps earlier moves', () => {
    expect(layoutFixes({ ...none, orphans: [{ id: 4, heading: null }], widows: [{ id: 9, heading: null }] }, [2])).toEqual([2, 4, 9]);
  });

  it('moves a heading together with the block after it, taking over that block’s break', () => {
    // Pass 1 moved list 8; its heading 7 was left at the page foot: now the heading breaks, not the list.
    expect(layoutFixes({ ...none, headingsAtFoot: [{ id: 7, next: 8 }] }, [8])).toEqual([7]);
  });

  it('moves the heading instead when the stranded block comes right after it', () => {
    expect(layoutFixes({ ...none, orphans: [{ id: 8, heading: 7 }] }, [])).toEqual([7]);
  });

  it('settles: the same faults give the same fixes', () => {
    const fixes = layoutFixes({ ...none, widows: [{ id: 3, heading: null }] }, []);
    expect(layoutFixes({ ...none, widows: [{ id: 3, heading: null }] }, fixes)).toEqual(fixes);
  });
});
