import { describe, expect, it } from 'vitest';
import type { LocaleId } from '../../src/i18n/locales.ts';
import { sortManifest, type ManifestEntry } from '../../src/print/manifest.ts';
import { parsePrintPagePath, pdfFileName, printPagePath } from '../../src/print/publication.ts';
import { assembleBulletinEdition } from '../../src/publications/bulletin.ts';
import { vi, en } from '../helpers/locales.ts';

const t = (...ids: LocaleId[]) => new Map(ids.map((id) => [id, `${id}`]));

describe('bulletin assembly', () => {
  const articles = new Map([
    ['one', t(vi, en)],
    ['two', t(vi)],
  ]);

  it('keeps the issue order and takes each article in the edition language', () => {
    const edition = assembleBulletinEdition({ articles: ['two', 'one'] }, articles, t(vi, en), vi);
    expect(edition.articles.map((a) => [a.slug, a.locale])).toEqual([
      ['two', vi],
      ['one', vi],
    ]);
    expect(edition.untranslated).toEqual([]);
  });

  it('falls back for untranslated articles and says which they are', () => {
    const edition = assembleBulletinEdition({ articles: ['one', 'two'] }, articles, t(vi), en);
    expect(edition.articles.map((a) => [a.slug, a.locale, a.isFallback])).toEqual([
      ['one', en, false],
      ['two', vi, true],
    ]);
    expect(edition.untranslated).toEqual(['two']);
    expect(edition.foreword).toMatchObject({ locale: vi, isFallback: true });
  });
});

describe('publication names', () => {
  it('maps a publication to its print page and PDF name, and back', () => {
    const ref = { kind: 'bulletin', slug: '2026-10', locale: vi } as const;
    expect(printPagePath(ref)).toBe('/print/bulletin/2026-10/vi/');
    expect(pdfFileName(ref)).toBe('bulletin-2026-10-vi.pdf');
    expect(pdfFileName({ kind: 'edition', slug: 'tea', locale: 'vi-en' }, 'press')).toBe('edition-tea-vi-en-press.pdf');
    expect(parsePrintPagePath('print/bulletin/2026-10/vi/index.html')).toEqual(ref);
    expect(parsePrintPagePath('print/poster/x/vi/index.html')).toBeUndefined();
    expect(parsePrintPagePath('vi/index.html')).toBeUndefined();
  });

  it('sorts the manifest by kind, slug, locale and variant', () => {
    const entry = (kind: ManifestEntry['kind'], locale: string): ManifestEntry => ({
      kind, slug: 's', locale, variant: 'screen', file: `${kind}-${locale}.pdf`, pages: 1, bytes: 1, sha256: '0'.repeat(64),
    });
    expect(sortManifest([entry('edition', 'vi-en'), entry('bulletin', vi), entry('bulletin', en)]).map((e) => e.file)).toEqual([
      'bulletin-en.pdf', 'bulletin-vi.pdf', 'edition-vi-en.pdf',
    ]);
  });
});
