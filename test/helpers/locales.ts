/**
 * The languages and fonts tests name on purpose, as checked ids (a test about Japanese line
 * breaking needs Japanese). Adding a language changes none of them; tests about "every language"
 * read localeIds instead.
 */
import { asFontId, asLocaleId, type FontId } from '../../src/i18n/locales.ts';

export const vi = asLocaleId('vi');
export const en = asLocaleId('en');
export const ja = asLocaleId('ja');
export const ko = asLocaleId('ko');
export const zh = asLocaleId('zh');

/** A font id from locales/languages.yaml. */
export const font = (id: string): FontId => asFontId(id);
