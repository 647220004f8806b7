/**
 * A content problem in the studio's words: the content check writes its messages and hints in
 * English for the terminal (files, commands); the studio shows each code's own text in the interface
 * language (./strings/problems.*.json), naming fields as the form labels them. The check's own text
 * stays the fallback for a code without one.
 */
import type { Problem } from './api.ts';
import { t } from './i18n.ts';

/** `printRun.en`, `articles[3]`, `cover.alt`: the nearest part of the path the form has a label for. */
export function fieldLabel(field: string): string {
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  for (const part of [...parts].reverse()) {
    const text = t(`field.${part}`);
    if (text !== `field.${part}`) return text;
  }
  return field;
}

export function problemText(p: Problem): { message: string; hint: string } {
  const options = { ...p.params, field: p.field ? fieldLabel(p.field) : '', ns: 'problems' };
  return {
    message: t(`${p.code}.message`, { ...options, defaultValue: p.message }),
    hint: t(`${p.code}.hint`, { ...options, defaultValue: p.hint }),
  };
}
