/**
 * The studio's own interface language, Vietnamese or English, through i18next like the site's UI
 * strings. The strings live beside the studio (./strings/), not in locales/: they are the desk's,
 * not the site's, so they are no translation duty for ja, ko or zh.
 */
import i18next from 'i18next';
import en from './strings/en.json';
import vi from './strings/vi.json';
import problemsEn from './strings/problems.en.json';
import problemsVi from './strings/problems.vi.json';

export const studioLanguages = ['vi', 'en'] as const;
export type StudioLanguage = (typeof studioLanguages)[number];
const storageKey = 'studio:language';

function initialLanguage(): StudioLanguage {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'vi' || saved === 'en') return saved;
  // The browser's own preference: Vietnamese first, English for everyone else.
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (/^vi\b/i.test(tag)) return 'vi';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'vi';
}

export const i18n = i18next.createInstance();
void i18n.init({ resources: { vi: { studio: vi, problems: problemsVi }, en: { studio: en, problems: problemsEn } }, lng: initialLanguage(), fallbackLng: 'vi', ns: ['studio', 'problems'], defaultNS: 'studio', initAsync: false, interpolation: { escapeValue: false } });
document.documentElement.lang = i18n.language;

// The site's typed keys (src/i18n/i18next.d.ts) do not cover the studio's own namespace: looked up untyped.
const lookup = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;
export const t = (key: string, options?: Record<string, unknown>): string => lookup(key, options ?? {});

/** A language's name in the interface language (the browser's own list); `inSentence` lowers vi's "Tiếng". */
export function languageName(code: string, { inSentence = false } = {}): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  } catch {
    // An id the browser does not know: shown as written.
  }
  return inSentence && i18n.language === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

export function setLanguage(language: StudioLanguage): void {
  localStorage.setItem(storageKey, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
