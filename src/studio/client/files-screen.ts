/** Every text the studio can open: content files and UI strings, filterable. */
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, links } from './api.ts';
import { t } from './i18n.ts';

/** Deleted files, newest first, each with a button that puts it back where it was. */
function Trash({ onRestored }: { onRestored: () => void }) {
  const [files, setFiles] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const load = () => api.get<{ files: string[] }>('trash').then((r) => setFiles(r.files));
  useEffect(() => {
    void load();
  }, []);
  if (files.length === 0 && !message) return null;
  return html`<section aria-labelledby="trash-title"><h2 id="trash-title">${t('files.trash')}</h2>
    <p class="help">${t('files.trashHelp')}</p>
    <ul class="trash">${files.map((f) => {
      const [, stamp = '', ...rest] = f.split('/');
      return html`<li><code>${rest.join('/')}</code> <span class="meta">${stamp.slice(0, 10)}</span>
        <button type="button" onClick=${async () => {
          try {
            const { restored } = await api.post<{ restored: string }>('restore', { path: f });
            setMessage(t('files.restored', { path: restored }));
            void load();
            onRestored();
          } catch (e) {
            setMessage((e as Error).message);
          }
        }}>${t('files.restore')}</button></li>`;
    })}</ul>
    <p role="status">${message}</p></section>`;
}

export function FilesScreen() {
  const [files, setFiles] = useState<string[] | null>(null);
  const [filter, setFilter] = useState('');
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    api.get<{ files: string[] }>('files').then((r) => setFiles(r.files));
  }, [loads]);
  const shown = (files ?? []).filter((f) => f.toLowerCase().includes(filter.toLowerCase()));
  const groups = new Map<string, string[]>();
  for (const f of shown) {
    const group = f.split('/').slice(0, 2).join('/');
    groups.set(group, [...(groups.get(group) ?? []), f]);
  }
  return html`<h1 tabindex="-1">${t('nav.files')}</h1>
    <div class="field"><label for="file-filter">${t('files.filter')}</label><input id="file-filter" type="search" value=${filter} onInput=${(e: Event) => setFilter((e.target as HTMLInputElement).value)} /></div>
    ${files === null ? html`<p>${t('loading')}</p>` : [...groups].map(([group, list]) => html`<section><h2>${group}</h2><ul class="files">${list.map((f) => {
      const translation = /\/(?!vi\.)[a-z]{2,3}\.mdx$/.test(f) || (f.startsWith('locales/') && !f.startsWith('locales/vi/'));
      return html`<li><a href=${translation ? links.translate(f) : links.edit(f)}>${f.split('/').slice(2).join('/')}</a>${translation ? html` · <a href=${links.edit(f)}>${t('files.asText')}</a>` : ''}</li>`;
    })}</ul></section>`)}
    <${Trash} onRestored=${() => setLoads((n) => n + 1)} />`;
}
