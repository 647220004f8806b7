import { describe, expect, it } from 'vitest';
import { resolveTranslation } from '../../src/i18n/fallback.ts';
import type { LocaleId } from '../../src/i18n/locales.ts';
import { vi, en, ja, ko, zh } from '../helpers/locales.ts';

const translations = (...ids: LocaleId[]) => new Map(ids.map((id) => [id, `text in ${id}`]));

describe('fallback resolution', () => {
  it('shows the requested language when it exists', () => {
    expect(resolveTranslation(translations(vi, en, ja), ja)).toEqual({ value: 'text in ja', locale: ja, requested: ja, isFallback: false });
  });

  it('shows English to a Korean reader when Korean is missing', () => {
    expect(resolveTranslation(translations(vi, en), ko)).toMatchObject({ locale: en, requested: ko, isFallback: true });
  });

  it('goes on to Vietnamese when English is missing too', () => {
    expect(resolveTranslation(translations(vi), zh)).toMatchObject({ locale: vi, isFallback: true });
    expect(resolveTranslation(translations(vi), en)).toMatchObject({ locale: vi, isFallback: true });
  });

  it('never falls back sideways to another CJK language', () => {
    expect(resolveTranslation(translations(ja, vi), zh)).toMatchObject({ locale: vi });
  });

  it('accepts a plain record and finds nothing when no language of the chain exists', () => {
    expect(resolveTranslation({ [en]: 1 }, vi)).toBeUndefined();
    expect(resolveTranslation({ [en]: 1 }, ja)).toMatchObject({ value: 1, locale: en });
  });
});
