/**
 * The studio's own wording of content problems: every code of the catalogue has a message and a
 * hint in Vietnamese and English, and both languages name the same details ({{locale}}, {{src}}…).
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/studio/client/strings/problems.en.json';
import vi from '../../src/studio/client/strings/problems.vi.json';
import { languageProblemCatalogue, problemCatalogue } from '../../src/content/problems.ts';

type Texts = Record<string, Record<string, string>>;
const codes = [...Object.keys(problemCatalogue), ...Object.keys(languageProblemCatalogue)];
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('studio problem texts', () => {
  it('has a message and a hint per code in vi and en, and no code the catalogue lacks', () => {
    for (const texts of [vi, en] as Texts[]) {
      expect(Object.keys(texts).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        expect(texts[code]!.message, code).toMatch(/\S/);
        expect(texts[code]!.hint, code).toMatch(/\S/);
      }
    }
  });

  it('names the same details in both languages, and the Vietnamese is not the English', () => {
    for (const code of codes) {
      const a = (vi as Texts)[code]!;
      const b = (en as Texts)[code]!;
      expect(Object.keys(a).sort(), code).toEqual(Object.keys(b).sort());
      for (const key of Object.keys(a)) {
        expect(placeholders(a[key]!), `${code}.${key}`).toEqual(placeholders(b[key]!));
        expect(a[key], `${code}.${key}`).not.toBe(b[key]);
      }
    }
  });
});
