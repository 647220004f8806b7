/**
 * Translating side by side: the Vietnamese source and the translation, aligned block by block; for
 * an outdated translation, each source block marked same, changed (its words marked), added or
 * removed since the translation was recorded. Each translation block is edited in place; a block
 * the translation lacks can start as a copy of the source's. "Mark as translated" records the
 * source's fingerprint. UI strings (locales/<lang>/<namespace>.json) in a table, key by key.
 */
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { parseDocument } from 'yaml';
import { api, ApiError, links, type TranslationState } from './api.ts';
import { t } from './i18n.ts';
import { StateBadge } from './overview-screen.ts';

type WordPart = { value: string; added?: boolean; removed?: boolean };
interface BlockView {
  kind: string;
  start: number;
  end: number;
  text: string;
  heading: string | undefined;
  prefix: string;
}
interface FileRead {
  path: string;
  text: string;
  version: string | null;
}
interface Screen {
  source: FileRead;
  translation: FileRead;
  state: TranslationState;
  history: boolean;
  fields: Array<{ field: string; before?: string; after?: string; words: WordPart[] }>;
  rows: Array<{ change: 'same' | 'changed' | 'added' | 'removed'; words?: WordPart[]; source?: BlockView; translation?: BlockView }>;
  bodyStart: number;
  error?: string;
}
interface UiScreen {
  source: FileRead;
  translation: FileRead;
  rows: Array<{ key: string; source: string; translation: string | undefined; state: TranslationState; words?: WordPart[] }>;
}

export function Words({ words }: { words: WordPart[] }) {
  return html`${words.map((w) => (w.added ? html`<ins>${w.value}</ins>` : w.removed ? html`<del>${w.value}</del>` : w.value))}`;
}

/** The frontmatter texts a translator translates, where the source has them. */
const translatableFields = [['title'], ['summary'], ['subtitle'], ['cover', 'alt'], ['contact', 'office']];
const frontmatterBlock = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

function frontmatterOf(text: string) {
  return parseDocument(frontmatterBlock.exec(text)?.[2] ?? '');
}

/** The translation with its frontmatter texts replaced, the rest of the file as written. */
export function withFields(text: string, fields: Record<string, string>): string {
  const match = frontmatterBlock.exec(text);
  if (!match || Object.keys(fields).length === 0) return text;
  const doc = parseDocument(match[2] ?? '');
  for (const [path, value] of Object.entries(fields)) doc.setIn(path.split('.'), value);
  return `${match[1]}${doc.toString({ lineWidth: 0 })}${match[3]}${text.slice(match[0].length)}`;
}

/** The translation file with the edited blocks replaced and the copied blocks inserted, applied from the end so offsets hold. */
export function applyEdits(text: string, edits: Array<{ start: number; end: number; insert: string }>): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
  return out;
}

function useSave(path: string, reload: () => void) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (text: string, version: string | null, changed: boolean, mark: boolean) => {
    setBusy(true);
    setMessage('');
    try {
      let current = version;
      if (changed) current = (await api.put<{ version: string }>('file', { path, text, version })).version;
      if (mark) await api.post('translated', { path, version: current });
      setMessage(mark ? t('editor.recorded') : t('editor.saved'));
      reload();
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 409 ? t('translate.conflict') : `${t('editor.saveFailed')} ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return { message, busy, run };
}

function ContentTranslation({ path }: { path: string }) {
  const [screen, setScreen] = useState<Screen | null>(null);
  const [error, setError] = useState('');
  const [edits, setEdits] = useState<Record<number, string>>({});
  const [fieldEdits, setFieldEdits] = useState<Record<string, string>>({});
  const [loads, setLoads] = useState(0);
  const reload = () => setLoads((n) => n + 1);
  const { message, busy, run } = useSave(path, reload);
  useEffect(() => {
    api.get<Screen>(`translation?path=${encodeURIComponent(path)}`).then(
      (s) => {
        setScreen(s);
        setEdits({});
        setFieldEdits({});
      },
      (e: Error) => setError(e.message),
    );
  }, [path, loads]);
  if (error) return html`<p role="alert">${error}</p>`;
  if (!screen) return html`<p>${t('loading')}</p>`;
  const locale = path.split('/').at(-1)!.replace(/\.mdx$/, '');
  const sourceFields = frontmatterOf(screen.source.text);
  const translatedFields = frontmatterOf(screen.translation.text);
  const details = translatableFields
    .map((fieldPath) => ({ key: fieldPath.join('.'), source: sourceFields.getIn(fieldPath), translation: translatedFields.getIn(fieldPath) }))
    .filter((f): f is { key: string; source: string; translation: unknown } => typeof f.source === 'string');

  /** Where a copied block goes: after the translation block of the nearest row above that has one. */
  const insertAt = (index: number) => {
    for (let i = index - 1; i >= 0; i--) {
      const block = screen.rows[i]!.translation;
      if (block) return block.end;
    }
    return screen.bodyStart;
  };
  const text = applyEdits(
    screen.translation.text,
    Object.entries(edits).map(([i, value]) => {
      const row = screen.rows[Number(i)]!;
      if (row.translation) return { start: row.translation.start, end: row.translation.end, insert: value };
      const at = insertAt(Number(i));
      return { start: at, end: at, insert: `${at === screen.bodyStart ? '' : '\n\n'}${row.source?.prefix ?? ''}${value}${at === screen.bodyStart ? '\n\n' : ''}` };
    }),
  );
  const fullText = withFields(text, fieldEdits);
  const changed = Object.keys(edits).length > 0 || Object.keys(fieldEdits).length > 0;
  const counts = { changed: 0, added: 0, removed: 0 };
  for (const row of screen.rows) if (row.change !== 'same') counts[row.change] += 1;

  return html`
    <p class="translate-state"><${StateBadge} state=${screen.state} />
      ${screen.state === 'outdated' && screen.history && html` ${t('translate.since', counts)}`}
      ${screen.state === 'outdated' && !screen.history && html` ${translatedFields.has('translatedFrom') ? t('translate.noHistory') : t('translate.newTranslation')}`}
      <a href=${links.edit(path)}>${t('translate.openEditor')}</a> · <a href=${links.edit(screen.source.path)}>${t('translate.openSource')}</a></p>
    ${screen.error && html`<p role="alert">${screen.error}</p>`}
    ${details.length > 0 &&
    html`<section aria-labelledby="fields-title"><h2 id="fields-title">${t('translate.fields')}</h2>
      <div class="table-wrap"><table class="side-by-side details"><tbody>${details.map((d) => {
        const change = screen.fields.find((f) => f.field === d.key);
        const id = `detail-${d.key}`;
        return html`<tr class=${change ? 'row-changed' : ''}>
          <td class="source-cell"><label for=${id}><strong>${t(`field.${d.key.split('.').at(-1)}`)}</strong></label>
            ${change && html` <span class="change changed">${t('change.changed')}</span>`}
            <div>${change ? html`<${Words} words=${change.words} />` : d.source}</div></td>
          <td class="translation-cell"><textarea id=${id} rows="2" value=${fieldEdits[d.key] ?? (typeof d.translation === 'string' ? d.translation : '')} onInput=${(e: Event) => setFieldEdits({ ...fieldEdits, [d.key]: (e.target as HTMLTextAreaElement).value })} /></td>
        </tr>`;
      })}</tbody></table></div></section>`}
    <h2>${t('translate.text')}</h2>
    <div class="table-wrap">
    <table class="side-by-side">
      <thead><tr><th scope="col">${t('translate.source')} (vi)</th><th scope="col">${t('translate.translation')} (${locale})</th></tr></thead>
      <tbody>
        ${screen.rows.map((row, i) => {
          const id = `block-${i}`;
          const value = edits[i] ?? row.translation?.text;
          // A heading's "## " stays out of the box (the file keeps it): drop the one an editor types in by habit.
          const heading = (row.translation ?? row.source)?.kind === 'heading';
          return html`<tr class=${`row-${row.change}`}>
            <td class="source-cell">
              ${row.change !== 'same' && html`<span class=${`change ${row.change}`}>${t(`change.${row.change}`)}</span> `}
              ${heading && html`<span class="context">${t('toolbar.heading')}</span>`}
              ${row.source?.heading && row.source.kind !== 'heading' && html`<span class="context">${row.source.heading}</span>`}
              <div class=${`block ${row.source?.kind ?? ''}`}>${row.words ? html`<${Words} words=${row.words} />` : (row.source?.text ?? '')}</div>
            </td>
            <td class="translation-cell">
              ${value !== undefined
                ? html`<label class="visually-hidden" for=${id}>${t('translate.blockLabel', { n: i + 1 })}</label>
                  <textarea id=${id} class=${heading ? 'heading' : undefined} rows=${Math.max(2, Math.ceil(value.length / 60))} value=${value} onInput=${(e: Event) => {
                    const typed = (e.target as HTMLTextAreaElement).value;
                    setEdits({ ...edits, [i]: heading ? typed.replace(/^[ \t]*#*[ \t]*/, '') : typed });
                  }} />`
                : row.source
                  ? html`<button type="button" onClick=${() => setEdits({ ...edits, [i]: row.source!.text })}>${t('translate.copy')}</button>`
                  : ''}
            </td>
          </tr>`;
        })}
      </tbody>
    </table></div>
    <div class="savebar">
      <button type="button" class="primary" disabled=${busy || !changed} onClick=${() => run(fullText, screen.translation.version, changed, false)}>${t('editor.save')}</button>
      <button type="button" disabled=${busy || screen.translation.version === null} onClick=${() => run(fullText, screen.translation.version, changed, true)}>${t('editor.markTranslated')}</button>
      <span class="status" role="status">${changed ? t('editor.unsaved') : ''} ${message}</span>
    </div>
  `;
}

/** Sets `key` (dotted) in a nested object. */
function setKey(tree: Record<string, unknown>, key: string, value: string) {
  const parts = key.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

function UiTranslation({ path }: { path: string }) {
  const [screen, setScreen] = useState<UiScreen | null>(null);
  const [error, setError] = useState('');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [loads, setLoads] = useState(0);
  const { message, busy, run } = useSave(path, () => setLoads((n) => n + 1));
  useEffect(() => {
    api.get<UiScreen>(`translation?path=${encodeURIComponent(path)}`).then(
      (s) => {
        setScreen(s);
        setEdits({});
      },
      (e: Error) => setError(e.message),
    );
  }, [path, loads]);
  if (error) return html`<p role="alert">${error}</p>`;
  if (!screen) return html`<p>${t('loading')}</p>`;
  const tree = JSON.parse(screen.translation.text || '{}') as Record<string, unknown>;
  for (const [key, value] of Object.entries(edits)) setKey(tree, key, value);
  const text = `${JSON.stringify(tree, null, 2)}\n`;
  const changed = Object.keys(edits).length > 0;
  const rows = screen.rows.filter((r) => !onlyOpen || r.state !== 'up-to-date' || r.key in edits);
  return html`
    <label><input type="checkbox" checked=${onlyOpen} onChange=${(e: Event) => setOnlyOpen((e.target as HTMLInputElement).checked)} /> ${t('filter.open')}</label>
    <div class="table-wrap">
    <table class="side-by-side ui-strings">
      <thead><tr><th scope="col">${t('translate.key')}</th><th scope="col">${t('translate.source')} (vi)</th><th scope="col">${t('translate.translation')}</th></tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr>
          <th scope="row"><code>${r.key}</code> <${StateBadge} state=${r.state} /></th>
          <td>${r.words ? html`<${Words} words=${r.words} />` : r.source}</td>
          <td><label class="visually-hidden" for=${`key-${r.key}`}>${r.key}</label>
            <input id=${`key-${r.key}`} value=${edits[r.key] ?? r.translation ?? ''} placeholder=${r.translation === undefined ? r.source : undefined} onInput=${(e: Event) => setEdits({ ...edits, [r.key]: (e.target as HTMLInputElement).value })} /></td>
        </tr>`,
      )}</tbody>
    </table></div>
    ${rows.length === 0 && html`<p>${t('translate.allCurrent')}</p>`}
    <div class="savebar">
      <button type="button" class="primary" disabled=${busy || !changed} onClick=${() => run(text, screen.translation.version, changed, false)}>${t('editor.save')}</button>
      <button type="button" disabled=${busy} onClick=${() => run(text, screen.translation.version, changed, true)}>${t('editor.markTranslated')}</button>
      <span class="status" role="status">${changed ? t('editor.unsaved') : ''} ${message}</span>
    </div>`;
}

export function TranslateScreen({ path }: { path: string }) {
  return html`<h1 tabindex="-1">${t('nav.translate')}: <code>${path}</code></h1>
    ${path.startsWith('locales/') ? html`<${UiTranslation} path=${path} />` : html`<${ContentTranslation} path=${path} />`}`;
}
