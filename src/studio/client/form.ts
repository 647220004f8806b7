/**
 * The frontmatter form: one control per schema field (src/studio/fields.ts describes them), each
 * with its label, its unit and the content check's problems beside it.
 */
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import type { Field } from '../fields.ts';
import { api, type Problem } from './api.ts';
import { t } from './i18n.ts';
import { problemText } from './problem-text.ts';

export type { Field };

type Change = (path: string[], value: unknown) => void;

const label = (name: string) => {
  const key = `field.${name}`;
  const text = t(key);
  return text === key ? name : text;
};
const optionLabel = (field: string, option: string) => {
  const key = `option.${field}.${option}`;
  const text = t(key);
  return text === key ? option : text;
};

type Entries = Record<'articles' | 'projects', Array<{ slug: string; title: string }>>;
let entriesOnce: Promise<Entries> | undefined;
/** The articles and projects there are, for the lists that pick from them (asked once per page). */
function useEntries(): Entries | null {
  const [entries, setEntries] = useState<Entries | null>(null);
  useEffect(() => {
    entriesOnce ??= api.get<Entries>('entries');
    void entriesOnce.then(setEntries);
  }, []);
  return entries;
}

const move = <T,>(list: readonly T[], i: number, by: number): T[] => {
  const next = [...list];
  const [item] = next.splice(i, 1);
  next.splice(i + by, 0, item as T);
  return next;
};

/** Slugs picked from the articles or projects there are, in order: ↑ ↓ move, ✕ removes, a choice adds. */
function Pick({ field, id, dotted, value, set, problemList }: { field: Extract<Field, { kind: 'pick' }>; id: string; dotted: string; value: unknown; set: (v: unknown) => void; problemList: unknown }) {
  const entries = useEntries();
  const [adding, setAdding] = useState('');
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const title = (slug: string) => entries?.[field.from].find((e) => e.slug === slug)?.title ?? slug;
  const others = (entries?.[field.from] ?? []).filter((e) => !chosen.includes(e.slug));
  return html`<fieldset class="pick-field" data-field=${dotted}><legend>${label(field.name)}${field.required ? html` <span class="required" aria-hidden="true">*</span>` : ''}</legend>
    <ol class="ordered">${chosen.map((slug, i) => html`<li data-slug=${slug}><span>${title(slug)} <span class="meta">${slug}</span></span>
      <button type="button" class="up" disabled=${i === 0} onClick=${() => set(move(chosen, i, -1))} aria-label=${t('create.up', { title: title(slug) })}>↑</button>
      <button type="button" class="down" disabled=${i === chosen.length - 1} onClick=${() => set(move(chosen, i, 1))} aria-label=${t('create.down', { title: title(slug) })}>↓</button>
      <button type="button" class="remove" onClick=${() => set(chosen.filter((s) => s !== slug))} aria-label=${t('create.remove', { title: title(slug) })}>✕</button></li>`)}</ol>
    <div class="pick-add"><label for=${`${id}-add`}>${t(`form.add.${field.from}`)}</label>
      <select id=${`${id}-add`} value=${adding} onChange=${(e: Event) => setAdding((e.target as HTMLSelectElement).value)}>
        <option value="">—</option>${others.map((e) => html`<option value=${e.slug}>${e.title} (${e.slug})</option>`)}</select>
      <button type="button" disabled=${!adding} onClick=${() => { set([...chosen, adding]); setAdding(''); }}>${t('form.addButton')}</button></div>
    ${problemList}</fieldset>`;
}

function FieldControl({ field, path, value, problems, onChange }: { field: Field; path: string[]; value: unknown; problems: Problem[]; onChange: Change }) {
  const id = `field-${path.join('-')}`;
  const dotted = path.join('.');
  const own = problems.filter((p) => p.field === dotted || p.field?.startsWith(`${dotted}[`) || (!['group', 'rows', 'variants'].includes(field.kind) && p.field?.startsWith(`${dotted}.`)));
  const describedBy = own.length ? `${id}-problems` : undefined;
  const invalid = own.some((p) => p.severity === 'error') || undefined;
  const problemList = own.length
    ? html`<ul class="field-problems" id=${`${id}-problems`}>${own.map((p) => html`<li class=${p.severity}>${problemText(p).message} <span class="hint">${problemText(p).hint}</span></li>`)}</ul>`
    : null;
  const set = (v: unknown) => onChange(path, v);
  const required = field.required ? html` <span class="required" aria-hidden="true">*</span>` : '';
  switch (field.kind) {
    case 'group':
      return html`<fieldset class="group" data-field=${dotted}><legend>${label(field.name)}${field.required ? '' : ` (${t('editor.optional')})`}</legend>
        ${!field.required && field.fields.some((f) => f.required) && html`<p class="help">${t('editor.requiredInGroup')}</p>`}
        ${field.fields.map((f) => html`<${FieldControl} field=${f} path=${[...path, f.name]} value=${(value as Record<string, unknown> | undefined)?.[f.name]} problems=${problems} onChange=${onChange} />`)}
        ${problemList}</fieldset>`;
    case 'choices': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return html`<fieldset class="choices" data-field=${dotted}><legend>${label(field.name)}${required}</legend>
        ${field.options.map((o) => html`<label><input type="checkbox" checked=${chosen.includes(o)} onChange=${(e: Event) => set((e.target as HTMLInputElement).checked ? [...chosen, o] : chosen.filter((c) => c !== o))} /> ${o}</label>`)}
        ${problemList}</fieldset>`;
    }
    case 'pick':
      return html`<${Pick} field=${field} id=${id} dotted=${dotted} value=${value} set=${set} problemList=${problemList} />`;
    case 'tuple': {
      const items = Array.isArray(value) ? (value as string[]) : [];
      return html`<fieldset class="choices" data-field=${dotted}><legend>${label(field.name)}${required}</legend>
        ${Array.from({ length: field.length }, (_, i) => html`<label>${t('form.position', { n: i + 1 })} <select value=${items[i] ?? ''} onChange=${(e: Event) => {
          const next = Array.from({ length: field.length }, (_, j) => items[j] ?? '');
          next[i] = (e.target as HTMLSelectElement).value;
          set(next);
        }}><option value="">—</option>${field.options.map((o) => html`<option value=${o}>${o}</option>`)}</select></label>`)}
        ${problemList}</fieldset>`;
    }
    case 'rows':
    case 'variants': {
      const rows = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
      const fieldsOf = (row: Record<string, unknown>) => (field.kind === 'rows' ? field.fields : (field.variants[String(row[field.key])] ?? []));
      const fresh = () => (field.kind === 'rows' ? {} : { [field.key]: Object.keys(field.variants)[0] });
      const rowName = (i: number, row: Record<string, unknown>) =>
        field.kind === 'variants' ? `${t(`form.item.${field.name}`, { n: i + 1 })}: ${optionLabel(field.key, String(row[field.key]))}` : t(`form.item.${field.name}`, { n: i + 1 });
      return html`<fieldset class="rows" data-field=${dotted}><legend>${label(field.name)}${required}</legend>
        <ol class="row-list">${rows.map((row, i) => html`<li><fieldset class="row" data-field=${`${dotted}.${i}`}><legend>${rowName(i, row)}</legend>
          ${field.kind === 'variants' &&
          html`<div class="field"><label for=${`${id}-${i}-${field.key}`}>${label(field.key)}</label>
            <select id=${`${id}-${i}-${field.key}`} value=${String(row[field.key])} onChange=${(e: Event) => {
              const next = [...rows];
              next[i] = { [field.key]: (e.target as HTMLSelectElement).value };
              set(next);
            }}>${Object.keys(field.variants).map((v) => html`<option value=${v}>${optionLabel(field.key, v)}</option>`)}</select></div>`}
          ${fieldsOf(row).map((f) => html`<${FieldControl} field=${f} path=${[...path, String(i), f.name]} value=${row[f.name]} problems=${problems} onChange=${onChange} />`)}
          <p class="row-actions">
            <button type="button" disabled=${i === 0} onClick=${() => set(move(rows, i, -1))} aria-label=${t('form.rowUp', { item: rowName(i, row) })}>↑</button>
            <button type="button" disabled=${i === rows.length - 1} onClick=${() => set(move(rows, i, 1))} aria-label=${t('form.rowDown', { item: rowName(i, row) })}>↓</button>
            <button type="button" onClick=${() => set(rows.filter((_, j) => j !== i))} aria-label=${t('form.rowRemove', { item: rowName(i, row) })}>✕</button></p>
        </fieldset></li>`)}</ol>
        <button type="button" class="add-row" onClick=${() => set([...rows, fresh()])}>${t(`form.addRow.${field.name}`)}</button>
        ${problemList}</fieldset>`;
    }
    case 'counts': {
      const counts = (value ?? {}) as Record<string, number>;
      return html`<fieldset class="counts" data-field=${dotted}><legend>${label(field.name)}</legend>
        ${field.keys.map((k) => html`<label>${k} <input type="number" min="0" step="1" value=${counts[k] ?? ''} onInput=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value;
          const next = { ...counts };
          if (raw === '') delete next[k];
          else next[k] = Number(raw);
          set(Object.keys(next).length ? next : undefined);
        }} /> <span class="unit">${t('unit.copies')}</span></label>`)}
        ${problemList}</fieldset>`;
    }
    default:
      break;
  }
  let control;
  switch (field.kind) {
    case 'readonly':
      control = html`<input id=${id} type="text" readonly value=${value === undefined ? t('editor.notRecorded') : String(value)} />`;
      break;
    case 'textarea':
      control = html`<textarea id=${id} rows="3" required=${field.required} aria-invalid=${invalid} aria-describedby=${describedBy} value=${value === undefined ? '' : String(value)} onInput=${(e: Event) => set((e.target as HTMLTextAreaElement).value)} />`;
      break;
    case 'date':
      control = html`<input id=${id} type="date" required=${field.required} aria-invalid=${invalid} aria-describedby=${describedBy} value=${value === undefined ? '' : String(value instanceof Date ? value.toISOString() : value).slice(0, 10)} onInput=${(e: Event) => set((e.target as HTMLInputElement).value || undefined)} />`;
      break;
    case 'number':
      control = html`<span class="with-unit"><input id=${id} type="number" step=${field.integer ? 1 : 'any'} min=${field.min} required=${field.required} aria-invalid=${invalid} aria-describedby=${describedBy} value=${value === undefined ? '' : String(value)} onInput=${(e: Event) => {
        const raw = (e.target as HTMLInputElement).value;
        set(raw === '' ? undefined : Number(raw));
      }} />${field.unit ? html` <span class="unit">${field.unit === 'copies' ? t('unit.copies') : field.unit}</span>` : ''}</span>`;
      break;
    case 'choice':
      control = html`<select id=${id} required=${field.required} aria-invalid=${invalid} aria-describedby=${describedBy} value=${value === undefined ? '' : String(value)} onChange=${(e: Event) => set((e.target as HTMLSelectElement).value || undefined)}>
        ${!field.required || value === undefined ? html`<option value="">—</option>` : ''}
        ${field.options.map((o) => html`<option value=${o}>${optionLabel(field.name, o)}</option>`)}</select>`;
      break;
    case 'list':
      control = html`<textarea id=${id} rows="3" aria-invalid=${invalid} aria-describedby=${describedBy ? `${id}-help ${describedBy}` : `${id}-help`} value=${Array.isArray(value) ? value.join('\n') : ''} onInput=${(e: Event) => set((e.target as HTMLTextAreaElement).value.split('\n').map((l) => l.trim()).filter(Boolean))} />
        <span class="help" id=${`${id}-help`}>${t('editor.onePerLine')}</span>`;
      break;
    default:
      control = html`<input id=${id} type=${field.kind === 'email' ? 'email' : 'text'} required=${field.required} aria-invalid=${invalid} aria-describedby=${describedBy} value=${value === undefined ? '' : String(value)} onInput=${(e: Event) => set((e.target as HTMLInputElement).value)} />`;
  }
  return html`<div class="field" data-field=${dotted}><label for=${id}>${label(field.name)}${required}</label>${control}${problemList}</div>`;
}

export function Form({ fields, data, problems, onChange }: { fields: Field[]; data: Record<string, unknown>; problems: Problem[]; onChange: Change }) {
  return html`<form class="frontmatter" aria-label=${t('editor.fields')} onSubmit=${(e: Event) => e.preventDefault()}>
    ${fields.map((f) => html`<${FieldControl} field=${f} path=${[f.name]} value=${data[f.name]} problems=${problems} onChange=${onChange} />`)}
  </form>`;
}
