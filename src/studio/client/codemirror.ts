/**
 * CodeMirror 6 in the studio: the body editor (Markdown/MDX highlighting, a toolbar for heading,
 * bold, italic, link, list and image, images dropped or pasted in) and the merge view a refused
 * save opens (@codemirror/merge: the file as it is on disk beside the editor's own version).
 */
import { useEffect, useRef } from 'preact/hooks';
import { html } from 'htm/preact';
import { basicSetup, EditorView } from 'codemirror';
import { EditorSelection, EditorState } from '@codemirror/state';
import { markdown } from '@codemirror/lang-markdown';
import { MergeView } from '@codemirror/merge';
import { t } from './i18n.ts';

export interface BodyEditorHandle {
  /** Replaces the whole text (a form change in a YAML file). */
  replace(text: string): void;
  /** Inserts at the cursor (an uploaded image). */
  insert(text: string): void;
}

type Wrap = { before: string; after: string; placeholder: string };

/** Wraps the selection (bold, italic, link) or prefixes its lines (heading, list). */
function wrap(view: EditorView, { before, after, placeholder }: Wrap) {
  view.dispatch(
    view.state.changeByRange((range) => {
      const text = view.state.sliceDoc(range.from, range.to) || placeholder;
      return {
        changes: { from: range.from, to: range.to, insert: `${before}${text}${after}` },
        range: EditorSelection.range(range.from + before.length, range.from + before.length + text.length),
      };
    }),
  );
  view.focus();
}

function prefixLines(view: EditorView, prefix: string) {
  const changes = [];
  const { from, to } = view.state.selection.main;
  for (let line = view.state.doc.lineAt(from); ; line = view.state.doc.line(line.number + 1)) {
    if (!line.text.startsWith(prefix)) changes.push({ from: line.from, insert: prefix });
    if (line.to >= to || line.number === view.state.doc.lines) break;
  }
  // Map the selection with assoc 1 so a cursor at a line start ends after the new prefix, where typing belongs.
  const changeSet = view.state.changes(changes);
  view.dispatch({ changes: changeSet, selection: view.state.selection.map(changeSet, 1) });
  view.focus();
}

const imageTypes = /^image\/(jpeg|png|webp|avif|gif)$/;

export function BodyEditor({ doc, label, markdown: isMarkdown, onChange, onImages, handle }: {
  doc: string;
  label: string;
  markdown: boolean;
  onChange: (text: string) => void;
  onImages?: ((files: File[]) => void) | undefined;
  handle: { current: BodyEditorHandle | null };
}) {
  const parent = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const images = useRef(onImages);
  images.current = onImages;
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const pick = (list: FileList | null | undefined) => [...(list ?? [])].filter((f) => imageTypes.test(f.type));
    view.current = new EditorView({
      parent: parent.current!,
      doc,
      extensions: [
        basicSetup,
        EditorView.lineWrapping,
        isMarkdown ? markdown() : [],
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed.current(update.state.doc.toString());
        }),
        EditorView.domEventHandlers({
          drop(event) {
            const files = pick(event.dataTransfer?.files);
            if (!files.length || !images.current) return false;
            event.preventDefault();
            const at = view.current!.posAtCoords({ x: event.clientX, y: event.clientY });
            if (at !== null) view.current!.dispatch({ selection: { anchor: at } });
            images.current(files);
            return true;
          },
          paste(event) {
            const files = pick(event.clipboardData?.files);
            if (!files.length || !images.current) return false;
            event.preventDefault();
            images.current(files);
            return true;
          },
        }),
      ],
    });
    handle.current = {
      replace(text) {
        const v = view.current!;
        if (v.state.doc.toString() !== text) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
      },
      insert(text) {
        const v = view.current!;
        v.dispatch(v.state.replaceSelection(text));
        v.focus();
      },
    };
    return () => view.current?.destroy();
  }, []);

  const tool = (name: string, action: (v: EditorView) => void) =>
    html`<button type="button" class=${`tool tool-${name}`} onClick=${() => view.current && action(view.current)}>${t(`toolbar.${name}`)}</button>`;

  return html`<div class="body-editor">
    ${isMarkdown &&
    html`<div class="toolbar" role="toolbar" aria-label=${t('toolbar.label')}>
      ${tool('heading', (v) => prefixLines(v, '## '))}
      ${tool('bold', (v) => wrap(v, { before: '**', after: '**', placeholder: t('toolbar.text') }))}
      ${tool('italic', (v) => wrap(v, { before: '_', after: '_', placeholder: t('toolbar.text') }))}
      ${tool('link', (v) => wrap(v, { before: '[', after: '](https://)', placeholder: t('toolbar.text') }))}
      ${tool('list', (v) => prefixLines(v, '- '))}
      ${onImages && html`<button type="button" class="tool tool-image" onClick=${() => fileInput.current?.click()}>${t('toolbar.image')}</button>
        <input ref=${fileInput} type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" hidden multiple onChange=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const files = [...(input.files ?? [])];
          input.value = '';
          if (files.length) images.current?.(files);
        }} />`}
    </div>`}
    <div class="cm-host" ref=${parent}></div>
    ${onImages && html`<p class="help">${t('editor.dropHint')}</p>`}
  </div>`;
}

/** Both versions of a file side by side; the editor merges into their own and saves that. */
export function ConflictView({ conflict, onResolve }: { conflict: { theirs: string; yours: string }; onResolve: (merged: string) => void }) {
  const parent = useRef<HTMLDivElement>(null);
  const merge = useRef<MergeView | null>(null);
  useEffect(() => {
    merge.current = new MergeView({
      parent: parent.current!,
      a: { doc: conflict.theirs, extensions: [basicSetup, EditorView.lineWrapping, EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-label': t('conflict.theirs') })] },
      b: { doc: conflict.yours, extensions: [basicSetup, EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': t('conflict.yours') })] },
    });
    return () => merge.current?.destroy();
  }, [conflict]);
  return html`<section class="conflict" aria-labelledby="conflict-title">
    <h2 id="conflict-title">${t('conflict.title')}</h2>
    <p>${t('conflict.explain')}</p>
    <div class="conflict-labels"><span>${t('conflict.theirs')}</span><span>${t('conflict.yours')}</span></div>
    <div ref=${parent}></div>
    <p><button type="button" class="primary" onClick=${() => onResolve(merge.current!.b.state.doc.toString())}>${t('conflict.useMerged')}</button>
      <button type="button" onClick=${() => onResolve(conflict.theirs)}>${t('conflict.takeTheirs')}</button></p>
  </section>`;
}
