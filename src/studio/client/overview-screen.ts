/** The overview: the next bulletin, what blocks each publication's languages, the translation matrix. */
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, links, type Problem, type TranslationState } from './api.ts';
import { languageName, t } from './i18n.ts';
import { problemText } from './problem-text.ts';

type TextState = { kind: string; id: string; title?: string; file: string; state: TranslationState | 'source' };
interface PublicationSummary {
  kind: string;
  slug: string;
  file: string;
  languages: Array<{ locale: string; pdf: string; texts: TextState[]; blockers: Array<{ kind: string; state: 'outdated' | 'missing'; count: number }> }>;
}
interface Overview {
  locales: string[];
  nextBulletin: PublicationSummary | null;
  nextBulletinDue: boolean;
  publications: PublicationSummary[];
  matrix: Array<{ kind: string; id: string; title?: string; source: string; cells: Record<string, { state: TranslationState; file: string; counts: Record<TranslationState, number> } | undefined> }>;
  problems: Problem[];
}

export function StateBadge({ state }: { state: TranslationState | 'source' }) {
  return html`<span class=${`badge ${state}`}>${t(`state.${state}`)}</span>`;
}

/** Opens a text: the side-by-side screen for a translation, the editor for a source; a missing translation is started first. */
export function openLink(file: string, state: TranslationState | 'source'): string {
  if (state === 'source' || /\/vi\.(mdx|json)$|^locales\/vi\//.test(file)) return links.edit(file);
  if (state === 'missing' && file.startsWith('content/')) return `#/new?what=translation&path=${encodeURIComponent(file)}`;
  return links.translate(file);
}

function Publication({ publication, open }: { publication: PublicationSummary; open?: boolean }) {
  return html`<details class="publication" open=${open}>
    <summary><strong>${t(`publication.${publication.kind}`)} ${publication.slug}</strong>
      ${publication.languages.map((l) => html` <span class=${`badge ${l.blockers.length ? 'outdated' : 'up-to-date'}`}>${languageName(l.locale)}: ${l.blockers.length ? l.blockers.map((b) => t('blocker', { count: b.count, kind: t(`kind.${b.kind}`, { count: b.count }), state: t(`state.${b.state}`) })).join(', ') : t('ready')}</span>`)}
    </summary>
    <p><a href=${links.edit(publication.file)}>${t('overview.editDefinition')}</a></p>
    ${publication.languages.map(
      (l) => html`<h3>${t('overview.edition', { locale: languageName(l.locale, { inSentence: true }) })}</h3>
        <ul class="texts">
          ${l.texts.map((text) => html`<li><a href=${openLink(text.file, text.state)}>${text.title ?? `${t(`kind.${text.kind}`, { count: 1 })} ${text.id}`}</a> <${StateBadge} state=${text.state} /></li>`)}
        </ul>`,
    )}
  </details>`;
}

export function OverviewScreen() {
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState('');
  const [language, setLanguage] = useState('');
  const [kind, setKind] = useState('');
  const [onlyOpen, setOnlyOpen] = useState(false);
  useEffect(() => {
    api.get<Overview>('overview').then(setData, (e: Error) => setError(e.message));
  }, []);
  if (error) return html`<h1 tabindex="-1">${t('nav.overview')}</h1><p role="alert">${error}</p>`;
  if (!data) return html`<h1 tabindex="-1">${t('nav.overview')}</h1><p>${t('loading')}</p>`;
  const locales = language ? [language] : data.locales;
  const lines = data.matrix.filter((line) => (!kind || line.kind === kind) && (!onlyOpen || locales.some((l) => line.cells[l] && line.cells[l]!.state !== 'up-to-date')));
  const kinds = [...new Set(data.matrix.map((l) => l.kind))];
  const errors = data.problems.filter((p) => p.severity === 'error');
  return html`
    <h1 tabindex="-1">${t('nav.overview')}</h1>
    ${errors.length > 0 && html`<section class="problems" aria-labelledby="problems-title"><h2 id="problems-title">${t('overview.problems', { count: errors.length })}</h2>
      <ul>${errors.map((p) => html`<li><a href=${links.edit(p.file.replace(/^[^/]+\//, 'content/'), p.field)}>${p.file}${p.line ? `:${p.line}` : ''}</a> — ${problemText(p).message}</li>`)}</ul></section>`}
    <section aria-labelledby="next-title">
      <h2 id="next-title">${t(data.nextBulletin && !data.nextBulletinDue ? 'overview.latest' : 'overview.next')}</h2>
      ${data.nextBulletin ? html`<${Publication} publication=${data.nextBulletin} open=${true} />` : html`<p>${t('overview.noBulletin')}</p>`}
      <p><a class="button" href=${links.create('bulletin')}>${t('overview.newBulletin')}</a></p>
    </section>
    <section aria-labelledby="print-title">
      <h2 id="print-title">${t('overview.print')}</h2>
      ${data.publications.filter((p) => !(data.nextBulletin && p.kind === data.nextBulletin.kind && p.slug === data.nextBulletin.slug)).map((p) => html`<${Publication} publication=${p} />`)}
    </section>
    <section aria-labelledby="matrix-title">
      <h2 id="matrix-title">${t('overview.matrix')}</h2>
      <div class="filters">
        <label>${t('filter.language')} <select value=${language} onChange=${(e: Event) => setLanguage((e.target as HTMLSelectElement).value)}>
          <option value="">${t('filter.all')}</option>${data.locales.map((l) => html`<option value=${l}>${l}</option>`)}</select></label>
        <label>${t('filter.kind')} <select value=${kind} onChange=${(e: Event) => setKind((e.target as HTMLSelectElement).value)}>
          <option value="">${t('filter.all')}</option>${kinds.map((k) => html`<option value=${k}>${t(`kind.${k}`, { count: 2 })}</option>`)}</select></label>
        <label><input type="checkbox" checked=${onlyOpen} onChange=${(e: Event) => setOnlyOpen((e.target as HTMLInputElement).checked)} /> ${t('filter.open')}</label>
      </div>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${t('matrix.table')}>
      <table class="matrix">
        <thead><tr><th scope="col">${t('matrix.text')}</th>${locales.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
        <tbody>
          ${lines.map(
            (line) => html`<tr>
              <th scope="row"><a href=${links.edit(line.source)}>${line.title ?? `${t(`kind.${line.kind}`, { count: 1 })} ${line.id}`}</a> <span class="meta">${t(`kind.${line.kind}`, { count: 1 })} ${line.id}</span></th>
              ${locales.map((l) => {
                const cell = line.cells[l];
                if (!cell) return html`<td>—</td>`;
                const total = cell.counts['up-to-date'] + cell.counts.outdated + cell.counts.missing;
                const label = total > 1 && cell.state !== 'up-to-date' ? `${t(`state.${cell.state}`)} (${cell.counts.outdated + cell.counts.missing}/${total})` : t(`state.${cell.state}`);
                return html`<td><a class=${`badge ${cell.state}`} href=${openLink(cell.file, cell.state)}>${label}</a></td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table></div>
    </section>
  `;
}
