/**
 * The frontmatter form: one control per schema field (src/studio/fields.ts describes them), each
 * with its label, its unit and the content check's problems beside it.
 */
import { html } from 'htm/preact';
import type { Field } from '../fields.ts';
import type { Problem } from './api.ts';
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

function FieldControl({ field, path, value, problems, onChange }: { field: Field; path: string[]; value: unknown; problems: Problem[]; onChange: Change }) {
  const id = `field-${path.join('-')}`;
  const dotted = path.join('.');
  const own = problems.filter((p) => p.field === dotted || p.field?.startsWith(`${dotted}[`) || (field.kind !== 'group' && p.field?.startsWith(`${dotted}.`)));
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
      }} />${field.unit ? html` <span class="unit">${field.unit}</span>` : ''}</span>`;
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
