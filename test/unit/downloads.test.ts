import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestEntry } from '../../src/print/manifest.ts';
import { byPublication, downloads, projectSheet } from '../../src/site/downloads.ts';
import { vi, en, ja, ko } from '../helpers/locales.ts';

const entry = (e: Partial<ManifestEntry> & Pick<ManifestEntry, 'kind' | 'slug' | 'locale'>): ManifestEntry => ({
  variant: 'screen',
  file: `${e.kind}-${e.slug}-${e.locale}${e.variant === 'press' ? '-press' : ''}.pdf`,
  pages: 12,
  bytes: 1000,
  sha256: '0'.repeat(64),
  ...e,
});

const manifest: Manifest = [
  entry({ kind: 'booklet', slug: 'invest', locale: en, anchors: { 'project-park': 9 } }),
  entry({ kind: 'booklet', slug: 'invest', locale: ja, anchors: { 'project-park': 7 } }),
  entry({ kind: 'booklet', slug: 'invest', locale: vi, anchors: { 'project-park': 8, 'project-lake': 10 } }),
  entry({ kind: 'booklet', slug: 'invest', locale: vi, variant: 'press', anchors: { 'project-park': 8 } }),
  entry({ kind: 'bulletin', slug: '2026-09', locale: vi }),
  entry({ kind: 'bulletin', slug: '2026-10', locale: en }),
  entry({ kind: 'bulletin', slug: '2026-10', locale: vi }),
  entry({ kind: 'edition', slug: 'tea', locale: 'vi-en' }),
];

describe('downloads', () => {
  it('offers screen PDFs only, newest issue first, languages in the site order', () => {
    expect(downloads({ kind: 'bulletin' }, manifest).map((d) => d.file)).toEqual(['bulletin-2026-10-vi.pdf', 'bulletin-2026-10-en.pdf', 'bulletin-2026-09-vi.pdf']);
    expect(downloads({}, manifest).some((d) => d.file.includes('press'))).toBe(false);
  });

  it('names both languages of a bilingual edition', () => {
    expect(downloads({ kind: 'edition', slug: 'tea' }, manifest)).toMatchObject([{ locales: [vi, en], href: '/print/edition-tea-vi-en.pdf' }]);
  });

  it('is empty when nothing was printed', () => {
    expect(downloads({}, [])).toEqual([]);
  });
});

describe('project sheet links', () => {
  it("opens the booklet in the reader's language at the sheet's page", () => {
    expect(projectSheet('park', ja, manifest)).toMatchObject({ locale: ja, page: 7, href: '/print/booklet-invest-ja.pdf#page=7' });
  });

  it('falls back along the chain when the booklet is not printed in the language', () => {
    expect(projectSheet('park', ko, manifest)).toMatchObject({ locale: en, href: '/print/booklet-invest-en.pdf#page=9' });
    expect(projectSheet('lake', ja, manifest)).toMatchObject({ locale: vi, page: 10 });
  });

  it('is undefined for a project in no printed booklet', () => {
    expect(projectSheet('nowhere', vi, manifest)).toBeUndefined();
  });
});

describe('downloads by publication', () => {
  it('groups the languages of each publication under it', () => {
    const groups = byPublication(downloads({}, manifest));
    expect(groups.map((g) => `${g.kind} ${g.slug}: ${g.files.map((f) => f.locales.join('-')).join(' ')}`)).toEqual([
      'booklet invest: vi en ja',
      'bulletin 2026-10: vi en',
      'bulletin 2026-09: vi',
      'edition tea: vi-en',
    ]);
  });
});
