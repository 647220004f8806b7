import { describe, expect, it } from 'vitest';
import { printPlan, type PlanInput } from '../../src/publications/print-plan.ts';
import { bookletDownload, byPublication, downloads, projectSheet } from '../../src/site/downloads.ts';
import { en, ja, ko, vi } from '../helpers/locales.ts';

const input: PlanInput = {
  bulletins: [
    { month: '2026-09', editions: [vi] },
    { month: '2026-10', editions: [vi, en] },
  ],
  booklets: [
    {
      slug: 'invest',
      editions: [vi, en, ja],
      sections: [{ kind: 'articles' }, { kind: 'projects', projects: ['park', 'lake'] }, { kind: 'projects', projects: ['park'] }],
    },
  ],
  editions: [{ slug: 'tea', languages: [vi, en] }],
};
const plan = printPlan(input);

describe('the print plan', () => {
  it('plans one screen PDF per edition language, a bilingual edition as one', () => {
    expect(plan.map((p) => p.file)).toEqual([
      'bulletin-2026-09-vi.pdf',
      'bulletin-2026-10-vi.pdf',
      'bulletin-2026-10-en.pdf',
      'booklet-invest-vi.pdf',
      'booklet-invest-en.pdf',
      'booklet-invest-ja.pdf',
      'edition-tea-vi-en.pdf',
    ]);
  });

  it("lists the projects whose sheets a booklet carries, each once, in every edition language", () => {
    for (const pdf of plan.filter((p) => p.kind === 'booklet')) expect(pdf.projects).toEqual(['park', 'lake']);
    expect(plan.filter((p) => p.kind !== 'booklet').every((p) => p.projects.length === 0)).toBe(true);
  });
});

describe('downloads', () => {
  it('newest issue first, languages in the site order', () => {
    expect(downloads(plan, { kind: 'bulletin' }).map((d) => d.file)).toEqual(['bulletin-2026-10-vi.pdf', 'bulletin-2026-10-en.pdf', 'bulletin-2026-09-vi.pdf']);
  });

  it('names both languages of a bilingual edition', () => {
    expect(downloads(plan, { kind: 'edition', slug: 'tea' })).toMatchObject([{ locales: [vi, en], href: '/print/edition-tea-vi-en.pdf' }]);
  });

  it('is empty when nothing is planned', () => {
    expect(downloads([])).toEqual([]);
  });
});

describe('booklet and project sheet links', () => {
  it("open the booklet in the reader's language", () => {
    expect(bookletDownload(plan, 'invest', ja)).toMatchObject({ locale: ja, href: '/print/booklet-invest-ja.pdf' });
    expect(projectSheet(plan, 'park', ja)).toMatchObject({ locale: ja, project: 'park', file: 'booklet-invest-ja.pdf' });
  });

  it('fall back along the chain when the booklet is not printed in the language', () => {
    expect(projectSheet(plan, 'park', ko)).toMatchObject({ locale: en, href: '/print/booklet-invest-en.pdf' });
    const viOnly = printPlan({ ...input, booklets: [{ ...input.booklets[0]!, editions: [vi] }] });
    expect(projectSheet(viOnly, 'lake', ja)).toMatchObject({ locale: vi, file: 'booklet-invest-vi.pdf' });
  });

  it('are undefined for a project in no planned booklet', () => {
    expect(projectSheet(plan, 'nowhere', vi)).toBeUndefined();
    expect(bookletDownload(plan, 'nowhere', vi)).toBeUndefined();
  });
});

describe('downloads by publication', () => {
  it('groups the languages of each publication under it', () => {
    const groups = byPublication(downloads(plan));
    expect(groups.map((g) => `${g.kind} ${g.slug}: ${g.files.map((f) => f.locales.join('-')).join(' ')}`)).toEqual([
      'booklet invest: vi en ja',
      'bulletin 2026-10: vi en',
      'bulletin 2026-09: vi',
      'edition tea: vi-en',
    ]);
  });
});
