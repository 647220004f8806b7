/**
 * Adding images: the files go into the entry's folder (the server decodes each to check it is an
 * image), and alt text is asked in every language the entry is written in. The current text gets
 * the image at the cursor; each other language gets it at the end of its text, with its own alt
 * text, saved against the version it was read at.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, ApiError } from './api.ts';
import { t } from './i18n.ts';

export function ImageDialog({ files, path, onClose, onInsert }: { files: File[]; path: string; onClose: () => void; onInsert: (markup: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const folder = path.split('/').slice(0, 3).join('/');
  const current = path.split('/')[3]!.replace(/\.mdx$/, '');
  const [languages, setLanguages] = useState<string[]>([current]);
  const [alts, setAlts] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
    api.get<{ files: string[] }>('files').then((r) => {
      const others = r.files.filter((f) => f.startsWith(`${folder}/`) && f.endsWith('.mdx')).map((f) => f.split('/')[3]!.replace(/\.mdx$/, '')).filter((l) => l !== current);
      setLanguages([current, ...others]);
    });
  }, []);
  const key = (i: number, l: string) => `${i}:${l}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const markups: string[] = [];
      const elsewhere = new Map<string, string[]>();
      for (const [i, file] of files.entries()) {
        const uploaded = await api.upload<{ file: string }>(`upload?folder=${encodeURIComponent(folder)}&name=${encodeURIComponent(file.name)}`, file).catch((e: unknown) => {
          // Too large: said in the editor's language, with the file's name and what to do.
          const limitMb = e instanceof ApiError && e.status === 413 ? (e.body as { limitMb?: number }).limitMb : undefined;
          throw limitMb ? new Error(t('image.tooLarge', { name: file.name, limit: limitMb })) : e;
        });
        markups.push(`![${alts[key(i, current)] ?? ''}](${uploaded.file})`);
        for (const l of languages.slice(1)) {
          const alt = alts[key(i, l)]?.trim();
          if (alt) elsewhere.set(l, [...(elsewhere.get(l) ?? []), `![${alt}](${uploaded.file})`]);
        }
      }
      for (const [l, lines] of elsewhere) {
        const other = `${folder}/${l}.mdx`;
        const read = await api.get<{ text: string; version: string }>(`file?path=${encodeURIComponent(other)}`);
        await api.put('file', { path: other, text: `${read.text.trimEnd()}\n\n${lines.join('\n\n')}\n`, version: read.version });
      }
      dialog.current?.close();
      onInsert(`\n${markups.join('\n\n')}\n`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return html`<dialog ref=${dialog} class="image-dialog" aria-labelledby="image-title" onClose=${onClose}>
    <form onSubmit=${submit}>
      <h2 id="image-title">${t('image.title', { count: files.length })}</h2>
      <p>${t('image.explain')}</p>
      ${files.map(
        (file, i) => html`<fieldset><legend>${file.name}</legend>
          ${languages.map((l) => html`<div class="field"><label for=${`alt-${i}-${l}`}>${t('image.alt', { locale: l })}${l === current ? ' *' : ''}</label>
            <input id=${`alt-${i}-${l}`} required=${l === current} value=${alts[key(i, l)] ?? ''} onInput=${(e: Event) => setAlts({ ...alts, [key(i, l)]: (e.target as HTMLInputElement).value })} /></div>`)}
        </fieldset>`,
      )}
      ${error && html`<p role="alert" class="error">${error}</p>`}
      <p><button type="submit" class="primary" disabled=${busy}>${t('image.insert')}</button> <button type="button" onClick=${() => dialog.current?.close()}>${t('cancel')}</button></p>
    </form>
  </dialog>`;
}
