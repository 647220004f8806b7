import { describe, expect, it } from 'vitest';
import { defaultLocale, fallbackChain, fontFamilies, fontsFor, isLocaleId, localeIds, locales } from '../../src/i18n/locales.ts';

describe('locale module', () => {
  it('publishes Vietnamese first, then English, Japanese, Korean and Chinese', () => {
    expect(defaultLocale).toBe('vi');
    expect(localeIds).toEqual(['vi', 'en', 'ja', 'ko', 'zh']);
  });

  it('writes Simplified Chinese as zh-Hans in lang attributes', () => {
    expect(locales.zh.tag).toBe('zh-Hans');
  });

  it('falls back from CJK to English, then Vietnamese; from English to Vietnamese', () => {
    for (const id of ['ja', 'ko', 'zh'] as const) expect(fallbackChain(id)).toEqual([id, 'en', 'vi']);
    expect(fallbackChain('en')).toEqual(['en', 'vi']);
    expect(fallbackChain('vi')).toEqual(['vi']);
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
      const l = locales[id];
      expect(l.name.length).toBeGreaterThan(1);
      expect(Intl.DateTimeFormat.supportedLocalesOf([l.intl])).toEqual([l.intl]);
      for (const font of fontsFor(id)) expect(fontFamilies[font]).toBeDefined();
    }
  });

  it('recognises only configured locale ids', () => {
    expect(isLocaleId('ja')).toBe(true);
    expect(isLocaleId('fr')).toBe(false);
    expect(isLocaleId('toString')).toBe(false);
  });
});
