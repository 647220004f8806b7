import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { languagesFile } from '../../src/i18n/language-schema.ts';
import { asLocaleId, defaultLocale, fallbackChain, fontsFor, getFontFamily, getLocale, isLocaleId, localeIds, locales } from '../../src/i18n/locales.ts';
import { vi, en, ja, ko, zh } from '../helpers/locales.ts';

describe('locale module', () => {
  it('lists the languages of the languages file, in its order, with its default', () => {
    const file = parse(readFileSync(languagesFile, 'utf8'));
    expect(localeIds).toEqual(Object.keys(file.languages));
    expect(defaultLocale).toBe(file.default);
    for (const id of localeIds) expect(getLocale(id)).toEqual({ fallback: [], ...file.languages[id] });
  });

  it('publishes Vietnamese as the source language, and English, Japanese, Korean and Chinese', () => {
    expect(defaultLocale).toBe(vi);
    expect(localeIds).toEqual(expect.arrayContaining([vi, en, ja, ko, zh]));
  });

  it('writes Simplified Chinese as zh-Hans in lang attributes', () => {
    expect(getLocale(zh).tag).toBe('zh-Hans');
  });

  it('keeps the data read-only', () => {
    expect(Object.isFrozen(locales)).toBe(true);
    expect(Object.isFrozen(getLocale(vi).fonts.text)).toBe(true);
  });

  it('falls back from CJK to English, then Vietnamese; from English to Vietnamese', () => {
    for (const id of [ja, ko, zh] as const) expect(fallbackChain(id)).toEqual([id, en, vi]);
    expect(fallbackChain(en)).toEqual([en, vi]);
    expect(fallbackChain(vi)).toEqual([vi]);
  });

  it('ends every fallback chain at the source language, without loops', () => {
    for (const id of localeIds) {
      const chain = fallbackChain(id);
      expect(chain.at(-1)).toBe(defaultLocale);
      expect(new Set(chain).size).toBe(chain.length);
    }
  });

  it('gives every locale a name in its own language, an Intl locale and fonts that exist', () => {
    for (const id of localeIds) {
      const l = getLocale(id);
      expect(l.name.length).toBeGreaterThan(1);
      expect(Intl.DateTimeFormat.supportedLocalesOf([l.intl])).toEqual([l.intl]);
      for (const font of fontsFor(id)) expect(getFontFamily(font)).toBeDefined();
    }
  });

  it('recognises only configured locale ids', () => {
    expect(isLocaleId('ja')).toBe(true);
    expect(isLocaleId('xx')).toBe(false);
    expect(isLocaleId('toString')).toBe(false);
    expect(() => asLocaleId('xx')).toThrow('"xx" is not a language in locales/languages.yaml');
  });
});
