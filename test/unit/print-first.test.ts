import { describe, expect, it } from 'vitest';
import { isPrintPagePath, printPagesFirst } from '../../src/build/print-first.ts';

describe('print pages first', () => {
  it('knows a publication’s print page from other pages, print-looking ones included', () => {
    expect(isPrintPagePath('/print/booklet/investment-2026/ja/')).toBe(true);
    expect(isPrintPagePath('/print/edition/tra-viet/vi-en/')).toBe(true);
    expect(isPrintPagePath('/vi/print/booklet/x/vi/')).toBe(false);
    expect(isPrintPagePath('/print/poster/x/vi/')).toBe(false);
    expect(isPrintPagePath('/print/')).toBe(false);
  });

  it('puts the print pages before every other page, each group in its own order', () => {
    const paths = ['/vi/', '/print/bulletin/2026-10/vi/', '/en/', '/print/booklet/b/en/', '/vi/articles/a/'].map((pathname) => ({ pathname }));
    expect(printPagesFirst(paths).map((p) => p.pathname)).toEqual(['/print/bulletin/2026-10/vi/', '/print/booklet/b/en/', '/vi/', '/en/', '/vi/articles/a/']);
  });
});
