/**
 * Editing one text: the frontmatter as a form made from the content schemas, the body in
 * CodeMirror with a toolbar, the content check's problems beside each field while typing, images by
 * upload or drag-and-drop with alt text per language, the web page and the print preview beside it,
 * refreshed on save. Unsaved edits are kept in the browser (they survive a reload); a save names
 * the version it started from, and a refused save shows both versions to merge.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { parseDocument } from 'yaml';
import { api, ApiError, links, type Problem } from './api.ts';
import { Form, type Field } from './form.ts';
import { languageName, t } from './i18n.ts';
import { problemText } from './problem-text.ts';
import { BodyEditor, ConflictView, type BodyEditorHandle } from './codemirror.ts';
import { ImageDialog } from './image-dialog.ts';
import { Preview } from './preview.ts';

interface FileRead {
  path: string;
  text: string;
  version: string | null;
  form: Field[] | null;
}
type Conflict = { theirs: string; theirVersion: string | null; yours: string };

const frontmatterPattern = /^(---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

/** A file as its parts: the YAML the form edits and the body CodeMirror edits (a .yaml file is all YAML). */
export function splitFile(path: string, text: string): { yaml: string; body: string | null } {
  if (!path.endsWith('.mdx')) return { yaml: text, body: null };
  const match = frontmatterPattern.exec(text);
  if (!match) return { yaml: '', body: text };
  return { yaml: match[2] ?? '', body: text.slice(match[0].length) };
}

export function joinFile(yaml: string, body: string | null): string {
  return body === null ? yaml : `---\n${yaml.endsWith('\n') || yaml === '' ? yaml : `${yaml}\n`}---\n${body}`;
}

/** The form's change of one field, written into the YAML with comments and order kept. */
function setField(yaml: string, path: string[], value: unknown): string {
  const doc = parseDocument(yaml);
  // Emptying a field inside a group (the cover's image) removes it, and the group once it is empty.
  if (value === undefined || (Array.isArray(value) && value.length === 0) || (value === '' && path.length > 1)) {
    doc.deleteIn(path);
    for (let parent = path.slice(0, -1); parent.length; parent = parent.slice(0, -1)) {
      const node = doc.getIn(parent) as { items?: unknown[] } | undefined;
      if (node?.items && node.items.length === 0) doc.deleteIn(parent);
    }
  } else doc.setIn(path, value);
  return doc.toString({ lineWidth: 0 });
}

export const draftKey = (path: string) => `studio:draft:${path}`;

export function EditorScreen({ path, field }: { path: string; field: string }) {
  const [file, setFile] = useState<FileRead | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [minor, setMinor] = useState(false);
  const [saving, setSaving] = useState(false);
  const [imageFiles, setImageFiles] = useState<File[] | null>(null);
  const [savedAt, setSavedAt] = useState(0);
  const body = useRef<BodyEditorHandle>(null);
  const locale = /\/([a-z]{2,3}(?:-[a-z]+)?)\.mdx$/i.exec(path)?.[1] ?? (path.startsWith('locales/') ? path.split('/')[1] : 'vi');
  const isSource = locale === 'vi';
  const isText = path.endsWith('.mdx');

  useEffect(() => {
    api.get<FileRead>(`file?path=${encodeURIComponent(path)}`).then(
      (read) => {
        setFile(read);
        const draft = JSON.parse(localStorage.getItem(draftKey(path)) ?? 'null') as { base: string | null; text: string } | null;
        if (draft && draft.text !== read.text) {
          if (draft.base === read.version) {
            setText(draft.text);
            setMessage(t('editor.draftRestored'));
          } else {
            // Edited here, and changed on disk since: both versions, to be merged.
            setText(draft.text);
            setConflict({ theirs: read.text, theirVersion: read.version, yours: draft.text });
          }
        } else setText(read.text);
      },
      (e: Error) => setError(e.message),
    );
  }, [path]);

  const dirty = file !== null && text !== file.text;
  // Unsaved edits stay in the browser, so a reload or a closed tab loses nothing.
  useEffect(() => {
    if (!file) return;
    if (dirty) localStorage.setItem(draftKey(path), JSON.stringify({ base: file.version, text }));
    else localStorage.removeItem(draftKey(path));
  }, [text, file]);

  // The content check on the unsaved text, shortly after typing stops.
  useEffect(() => {
    if (!file || !path.startsWith('content/')) return;
    const timer = setTimeout(() => {
      api.post<{ problems: Problem[] }>('check', { path, text }).then((r) => setProblems(r.problems), () => {});
    }, 400);
    return () => clearTimeout(timer);
  }, [text, file]);

  useEffect(() => {
    if (!field || !file) return;
    // A problem names `articles[3]` or `cover.alt`: the nearest field the form has takes the focus.
    const parent = (name: string) => {
      const up = name.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
      return up === name ? '' : up;
    };
    const names: string[] = [];
    for (let name = field; name; name = parent(name)) names.push(name);
    for (const name of names) {
      const control = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"] :is(input,select,textarea)`);
      if (control) {
        control.focus();
        control.scrollIntoView({ block: 'center' });
        break;
      }
    }
  }, [file, field]);

  const parts = useMemo(() => splitFile(path, text), [path, text]);
  const data = useMemo(() => {
    try {
      return (parseDocument(parts.yaml).toJS() ?? {}) as Record<string, unknown>;
    } catch {
      return {};
    }
  }, [parts.yaml]);

  if (error) return html`<h1 tabindex="-1">${path}</h1><p role="alert">${error}</p>`;
  if (!file) return html`<h1 tabindex="-1">${path}</h1><p>${t('loading')}</p>`;

  const save = async (then?: () => Promise<void>) => {
    setSaving(true);
    setMessage('');
    try {
      let version = file.version;
      if (dirty || version === null) {
        const result = await api.put<{ version: string }>('file', { path, text, version: file.version, minor: isSource && minor });
        version = result.version;
        setFile({ ...file, text, version });
        localStorage.removeItem(draftKey(path));
      }
      if (then) await then();
      else setMessage(t('editor.saved'));
      setSavedAt(Date.now());
      setMinor(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict((e.body as { conflict: Conflict }).conflict);
      else setMessage(`${t('editor.saveFailed')} ${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  const markTranslated = () =>
    save(async () => {
      const current = await api.get<FileRead>(`file?path=${encodeURIComponent(path)}`);
      const recorded = await api.post<FileRead>('translated', { path, version: current.version });
      setFile({ ...file, text: recorded.text, version: recorded.version });
      setText(recorded.text);
      setMessage(t('editor.recorded'));
    });

  const remove = async () => {
    if (!confirm(t('editor.confirmDelete', { path }))) return;
    try {
      await api.delete('file', { path, version: file.version });
      localStorage.removeItem(draftKey(path));
      location.hash = links.overview();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  const fieldProblems = problems.filter((p) => p.field);
  const otherProblems = problems.filter((p) => !p.field || !(file.form ?? []).some((f) => p.field === f.name || p.field!.startsWith(`${f.name}.`) || p.field!.startsWith(`${f.name}[`)));
  const folder = path.split('/').slice(0, 3).join('/');

  return html`
    <div class="editor-head">
      <h1 tabindex="-1">${t('nav.edit')}: <code>${path}</code></h1>
      ${!isSource && isText && html`<a href=${links.translate(path)}>${t('editor.sideBySide')}</a>`}
    </div>
    ${/\/(issue|booklet|edition)\.yaml$/.test(path) && Array.isArray(data.editions) &&
    // A publication's settings lead to its texts (the foreword to write next, per edition).
    html`<p class="edition-texts">${t(`editor.editionTexts.${path.split('/')[1]}`)} ${(data.editions as unknown[]).map((l, i) => html`${i ? ' · ' : ''}<a href=${links.edit(`${folder}/${String(l)}.mdx`)}>${t('overview.edition', { locale: languageName(String(l), { inSentence: true }) })}</a>`)}</p>`}
    ${conflict &&
    html`<${ConflictView}
      conflict=${conflict}
      onResolve=${(merged: string) => {
        setFile({ ...file, text: conflict.theirs, version: conflict.theirVersion });
        setText(merged);
        body.current?.replace(splitFile(path, merged).body ?? merged);
        setConflict(null);
        setMessage(t('editor.mergedHint'));
      }}
    />`}
    <div class="editor">
      <div class="editor-main">
        ${file.form &&
        html`<${Form}
          fields=${file.form}
          data=${data}
          problems=${fieldProblems}
          onChange=${(fieldPath: string[], value: unknown) => {
            const yaml = setField(parts.yaml, fieldPath, value);
            const next = joinFile(yaml, parts.body);
            setText(next);
            if (parts.body === null) body.current?.replace(next);
          }}
        />`}
        ${otherProblems.length > 0 &&
        html`<ul class="problem-list" aria-live="polite">${otherProblems.map((p) => html`<li class=${p.severity}>${p.line ? `${t('editor.line', { line: p.line })}: ` : ''}${problemText(p).message} <span class="hint">${problemText(p).hint}</span></li>`)}</ul>`}
        <${BodyEditor}
          handle=${body}
          label=${parts.body === null ? t('editor.yaml') : t('editor.body')}
          doc=${parts.body ?? parts.yaml}
          markdown=${parts.body !== null}
          onChange=${(value: string) => setText(parts.body === null ? value : joinFile(parts.yaml, value))}
          onImages=${isText && folder.split('/').length === 3 ? (files: File[]) => setImageFiles(files) : undefined}
        />
        ${imageFiles &&
        html`<${ImageDialog}
          files=${imageFiles}
          path=${path}
          onClose=${() => setImageFiles(null)}
          onInsert=${(markup: string) => {
            body.current?.insert(markup);
            setImageFiles(null);
          }}
        />`}
        <div class="savebar">
          <button type="button" class="primary" disabled=${saving || (!dirty && file.version !== null)} onClick=${() => save()}>${t('editor.save')}</button>
          ${isSource && isText && html`<label><input type="checkbox" checked=${minor} onChange=${(e: Event) => setMinor((e.target as HTMLInputElement).checked)} /> ${t('editor.minor')}</label>`}
          ${!isSource && html`<button type="button" disabled=${saving} onClick=${markTranslated}>${t('editor.markTranslated')}</button>`}
          <button type="button" class="danger" disabled=${file.version === null} onClick=${remove}>${t('editor.delete')}</button>
          <span class="status" role="status">${dirty ? t('editor.unsaved') : ''} ${message}</span>
        </div>
      </div>
      <${Preview} path=${path} locale=${locale} refresh=${savedAt} />
    </div>
  `;
}
