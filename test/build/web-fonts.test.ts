/** Web pages carry the font rules for their own text: no render-blocking font stylesheet, no glyph left to a system font. */
import { describe, expect, inject, it } from 'vitest';
import { parseUnicodeRange } from '../../src/fonts/faces.ts';
import { getFontFamily, getLocale, localeIds } from '../../src/i18n/locales.ts';
import { readPage } from '../helpers/site.ts';

const site = inject('fixtureSite');

/** Families and the code points each may draw, from a page's inline @font-face rules. */
function coverage(css: string): Map<string, Set<number>> {
  const families = new Map<string, Set<number>>();
  for (const rule of css.matchAll(/@font-face\{font-family:'([^']+)';[^}]*unicode-range:([^}]+)\}/g)) {
    const points = families.get(rule[1]!) ?? new Set<number>();
    for (const [start, end] of parseUnicodeRange(rule[2]!)) for (let c = start; c <= end; c++) points.add(c);
    families.set(rule[1]!, points);
  }
  return families;
}

describe('web fonts', () => {
  it.each(localeIds)('%s article: every character of the text has a rule in its own font family, inline', (locale) => {
    const page = readPage(site, `${locale}/articles/alpha/`);
    expect(page.querySelectorAll('link[rel="stylesheet"][href^="/fonts/"]')).toEqual([]);
    const families = coverage(page.querySelectorAll('style').map((s) => s.text).join('\n'));
    const family = getFontFamily(getLocale(locale).fonts.text[0]!).family;
    const text = page.querySelector('article')!.text.replace(/\s/g, '');
    const uncovered = [...new Set(text)].filter((c) => !families.get(family)?.has(c.codePointAt(0)!));
    expect(uncovered).toEqual([]);
    // Only the page's own characters: not every slice of the family.
    expect(families.get(family)!.size).toBeLessThan(2000);
  });

  it('draws each language name of the switcher in its own script', () => {
    const families = coverage(readPage(site, 'vi/').querySelectorAll('style').map((s) => s.text).join('\n'));
    for (const id of localeIds) {
      const family = getFontFamily(getLocale(id).fonts.text[0]!).family;
      for (const c of getLocale(id).name.replace(/\s/g, '')) expect(families.get(family)?.has(c.codePointAt(0)!), `${c} in ${family}`).toBe(true);
    }
  });

  it('links the full stylesheets on the search page, which shows text of other pages', () => {
    expect(readPage(site, 'ja/search/').querySelectorAll('link[rel="stylesheet"][href^="/fonts/"]').length).toBeGreaterThan(0);
  });
});
