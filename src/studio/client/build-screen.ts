/**
 * Build: the real build, one at a time, its progress per stage and per PDF; problems in plain words,
 * each linked to its field; on success the site pages, PDFs, press files and the order sheet.
 */
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, links, type Problem } from './api.ts';
import { languageName, t } from './i18n.ts';
import { fieldLabel, problemText } from './problem-text.ts';
import type { BuildProgress, Stage } from '../build-runner.ts';

// The server's progress, and when the build has stopped, its problems and what it made.
interface BuildState extends BuildProgress {
  problems: Problem[];
  manifest?: Array<{ file: string; kind: string; slug: string; locale: string; variant: string; pages: number }>;
  orderSheet?: string[];
}

// In the order of the server's `stages` (a value the browser bundle cannot import from there).
const stageNames: readonly Stage[] = ['check', 'site', 'print', 'search', 'done'];

/** A PDF's languages by name: a special edition's `vi-en` is two languages side by side. */
const languagesOf = (kind: string, locale: string) =>
  (kind === 'edition' ? locale.split('-') : [locale]).map((l) => languageName(l, { inSentence: true })).join(' – ');

/** "booklet investment-2026 ko" as the build prints it, in the interface's words. */
function pdfName(name: string): string {
  const [, kind, slug, locale] = /^(bulletin|booklet|edition) (\S+) (\S+)$/.exec(name) ?? [];
  return kind ? `${t(`publication.${kind}`)} ${slug} (${languagesOf(kind, locale!)})` : name;
}

export function BuildScreen() {
  const [build, setBuild] = useState<BuildState | null>(null);
  const [error, setError] = useState('');
  const [press, setPress] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const poll = () =>
      api.get<BuildState>('build').then((b) => {
        setBuild(b);
        if (b.state === 'running') timer = setTimeout(poll, 1000);
      }, (e: Error) => setError(e.message));
    void poll();
    return () => clearTimeout(timer);
  }, [build?.state === 'running' ? build.startedAt : null]);
  const start = async () => {
    setError('');
    try {
      setBuild(await api.post<BuildState>('build', { press }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const seconds = build?.startedAt ? Math.round(((build.finishedAt ?? Date.now()) - build.startedAt) / 1000) : 0;
  const current = build ? stageNames.indexOf(build.stage) : -1;
  return html`<h1 tabindex="-1">${t('nav.build')}</h1>
    <p>${t('build.explain')}</p>
    <p><label><input type="checkbox" checked=${press} disabled=${build?.state === 'running'} onChange=${(e: Event) => setPress((e.target as HTMLInputElement).checked)} /> ${t('build.withPress')}</label></p>
    <p><button type="button" class="primary" disabled=${build?.state === 'running'} onClick=${start}>${build?.state === 'running' ? t('build.running') : t('build.start')}</button></p>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${build && build.state !== 'idle' &&
    html`<section aria-labelledby="progress-title" aria-busy=${build.state === 'running'}>
      <h2 id="progress-title">${t(`build.state.${build.state}`)} (${t('build.seconds', { count: seconds })})</h2>
      ${build.unchanged && html`<p>${t('build.unchanged')}</p>`}
      <ol class="stages">${stageNames.map((s, i) => html`<li class=${build.state === 'succeeded' || i < current ? 'done' : i === current ? (build.state === 'failed' ? 'failed' : 'current') : ''}>${t(`build.stage.${s}`)}</li>`)}</ol>
      ${build.pdfsPlanned > 0 && html`<p><label for="pdf-progress">${t('build.pdfs', { done: build.pdfs.length, planned: build.pdfsPlanned })}</label>
        <progress id="pdf-progress" max=${build.pdfsPlanned} value=${build.pdfs.length}></progress></p>
        <ul class="pdfs">${build.pdfs.map((p) => html`<li>${pdfName(p.name)}: ${t('build.pages', { count: p.pages })}</li>`)}</ul>`}
    </section>`}
    ${build?.state === 'failed' &&
    html`<section aria-labelledby="problems-title"><h2 id="problems-title">${t('build.problems')}</h2>
      ${build.problems.length
        ? html`<ul class="problem-list">${build.problems.map((p) => html`<li class=${p.severity}><a href=${links.edit(p.file.replace(/^[^/]+\//, 'content/'), p.field)}>${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` (${fieldLabel(p.field)})` : ''}</a>: ${problemText(p).message} <span class="hint">${problemText(p).hint}</span></li>`)}</ul>`
        : html`<p>${t('build.otherFailure')}</p><pre class="log">${build.lines.filter((l) => /error|Hint/i.test(l)).slice(-20).join('\n')}</pre>`}
    </section>`}
    ${build?.state === 'succeeded' &&
    html`<section aria-labelledby="results-title"><h2 id="results-title">${t('build.results')}</h2>
      <h3>${t('build.pdfFiles')}</h3>
      <ul>${(build.manifest ?? []).map((m) => html`<li><a href=${`/__studio/dist/print/${m.file}`} target="_blank" rel="noopener">${m.file}</a> — ${t(`publication.${m.kind}`)} ${m.slug} (${languagesOf(m.kind, m.locale)})${m.variant === 'press' ? ` (${t('build.press')})` : ''}, ${t('build.pages', { count: m.pages })}</li>`)}</ul>
      ${(build.orderSheet ?? []).length > 0 && html`<h3>${t('build.orderSheet')}</h3><ul>${build.orderSheet!.map((f) => html`<li><a href=${`/__studio/dist/${f}`} target="_blank" rel="noopener">${f}</a></li>`)}</ul>`}
      <h3>${t('build.site')}</h3>
      <ul><li><a href="/vi/" target="_blank" rel="noopener">${t('build.sitePages')}</a></li></ul>
    </section>`}
    ${build && build.lines.length > 0 && html`<details><summary>${t('build.log')}</summary><pre class="log">${build.lines.join('\n')}</pre></details>`}`;
}
