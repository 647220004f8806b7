import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLocale, getLocale, localeIds } from '../../src/i18n/locales.ts';
import { uiNamespaces } from '../../src/i18n/namespaces.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import { vi, en, ja } from '../helpers/locales.ts';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => flatKeys(v, prefix ? `${prefix}.${k}` : k));
}

function keysOf(locale: string): Map<string, Set<string>> {
  const byNamespace = new Map<string, Set<string>>();
  for (const file of readdirSync(`locales/${locale}`).filter((f) => (uiNamespaces as readonly string[]).includes(f.replace(/\.json$/, '')))) {
    const json = JSON.parse(readFileSync(`locales/${locale}/${file}`, 'utf8'));
    byNamespace.set(file, new Set(flatKeys(json)));
  }
  return byNamespace;
}

/** Plural forms differ by language: compare the base key, and check each language has its own forms. */
function normalised(keys: Set<string>): string[] {
  return [...new Set([...keys].map((k) => k.replace(pluralSuffix, '_plural')))].sort();
}

describe('UI strings', () => {
  const source = keysOf(defaultLocale);

  it.each(localeIds.filter((id) => id !== defaultLocale))('%s has exactly the keys of vi', (locale) => {
    const keys = keysOf(locale);
    expect([...keys.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [file, sourceKeys] of source) {
      expect(normalised(keys.get(file)!), `${locale}/${file}`).toEqual(normalised(sourceKeys));
    }
  });

  it.each(localeIds)('%s has every plural form its language needs', (locale) => {
    const categories = new Intl.PluralRules(getLocale(locale).intl).resolvedOptions().pluralCategories;
    for (const [file, keys] of keysOf(locale)) {
      const bases = new Set([...keys].filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')));
      for (const base of bases) for (const c of categories) expect(keys, `${locale}/${file}: ${base}_${c}`).toContain(`${base}_${c}`);
    }
  });

  it('has exactly the namespaces i18next loads, in the source language', () => {
    expect([...keysOf(defaultLocale).keys()].sort()).toEqual(uiNamespaces.map((n) => `${n}.json`).sort());
    expect(readdirSync(`locales/${defaultLocale}`).sort()).toEqual(uiNamespaces.map((n) => `${n}.json`).sort());
  });

  it('translates through i18next with interpolation and plurals', () => {
    expect(useTranslations(en)('article.count', { count: 1 })).toBe('1 article');
    expect(useTranslations(en)('article.count', { count: 3 })).toBe('3 articles');
    expect(useTranslations(ja)('bulletin.number', { number: 94 })).toBe('第94号');
    expect(useTranslations(vi)('print:contents')).toBe('Mục lục');
  });
});
