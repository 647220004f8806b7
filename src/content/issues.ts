/**
 * Turns a schema issue into a problem an editor can act on: the line and field it is on, what was
 * expected in plain words, what was found. Shared by the content check and the languages file
 * (locales/languages.yaml), so both read the same way.
 */
import type { z } from 'astro/zod';
import { problem, type ContentProblem } from './problems.ts';
import type { YamlSource } from './source.ts';

export type SchemaIssue = z.core.$ZodIssue;

/** What one file's schemas mean, where the generic wording would be too vague. */
export interface IssueWording {
  /** Plain words for a regular expression the schema uses, e.g. "a month written yyyy-mm". */
  pattern?(pattern: string): string | undefined;
  /** What a union of shapes expected, e.g. "one of the section kinds: …". */
  union?: string;
}

/** `sections[2].kind`: a field path as the editor reads it (1-based list items). */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

export function describeIssue(shown: string, source: YamlSource, issue: SchemaIssue, wording: IssueWording = {}): ContentProblem {
  const path = issue.path;
  const field = fieldName(path);
  const line = source.lineOf(path);
  if (issue.code === 'unrecognized_keys') {
    const [key = ''] = issue.keys;
    const name = field ? `${field}.${key}` : key;
    const others = issue.keys.length > 1 ? ` (also unknown: ${issue.keys.slice(1).join(', ')})` : '';
    return problem('field-unknown', shown, `"${name}" is not a field here.${others}`, { line: source.keyLine(path, key), field: name });
  }
  if (issue.code === 'invalid_key') {
    // A name in a map (a language or font id) that does not have the form its keys need.
    const key = String(path.at(-1));
    const parent = path.slice(0, -1);
    const inner = issue.issues[0];
    const expected = inner ? expectation(inner as SchemaIssue, wording) : 'Invalid name';
    return problem('field-invalid', shown, `${JSON.stringify(key)} cannot be used as a name here. ${expected}.`, { line: source.keyLine(parent, key), field });
  }
  const value = valueAt(source.data, path);
  if (value === undefined) {
    return problem('field-missing', shown, `The required field "${field}" is missing.`, { line, field });
  }
  // The studio words an empty value apart ("fill in the field"), as the i18next context `empty`.
  return problem('field-invalid', shown, `${expectation(issue, wording)}; found ${JSON.stringify(value)}.`, value === '' ? { line, field, params: { context: 'empty' } } : { line, field });
}

function expectation(issue: SchemaIssue, wording: IssueWording): string {
  switch (issue.code) {
    case 'invalid_value':
      return `Expected one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      if (issue.expected === 'date') return 'Expected a date written yyyy-mm-dd';
      if (issue.expected === 'record' || issue.expected === 'object') return 'Expected names with values, written { name: value, … } (e.g. printRun: { vi: 500, en: 250 })';
      if (issue.expected === 'array') return 'Expected a list, written [a, b] or one "- item" per line';
      return `Expected ${withArticle(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array' ? `Expected at least ${issue.minimum} item(s)` : issue.origin === 'number' ? `Expected a number of at least ${issue.minimum}` : 'Expected a non-empty value';
    case 'invalid_format':
      if (issue.format !== 'regex') return `Expected ${withArticle(issue.format)} address`;
      return `Expected text matching ${wording.pattern?.(String(issue.pattern)) ?? String(issue.pattern)}`;
    case 'invalid_union':
      return wording.union ? `Expected ${wording.union}` : `Invalid value (${issue.message})`;
    case 'custom':
      // Refinements carry their expectation as the message, already in plain words.
      return issue.message;
    default:
      return `Invalid value (${issue.message})`;
  }
}

function withArticle(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
