/**
 * "New": forms over the scaffolds `npm run new` uses (src/studio/create.ts): an article, a project,
 * the next bulletin (month and number, edition languages, articles picked and ordered, print run per
 * language), a translation started from the Vietnamese text. Nothing is ever overwritten.
 */
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api, links } from './api.ts';
import { i18n, t } from './i18n.ts';

interface Defaults {
  month: string;
  number: number;
  editions: string[];
  printRun: Record<string, number>;
  articles: Array<{ slug: string; title: string; date: string; locales: string[] }>;
  locales: string[];
  taken: string[];
}

const kinds = ['article', 'project', 'bulletin', 'translation', 'language'] as const;

function useCreate() {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const create = async (request: unknown, open: (created: string[]) => string) => {
    setBusy(true);
    setError('');
    try {
      const { created } = await api.post<{ created: string[] }>('new', request);
      location.hash = open(created);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, create };
}

const slugHelp = () => html`<span class="help" id="slug-help">${t('create.slugHelp')}</span>`;

function SlugForm({ kind }: { kind: 'article' | 'project' }) {
  const [slug, setSlug] = useState('');
  const { error, busy, create } = useCreate();
  return html`<form onSubmit=${(e: Event) => { e.preventDefault(); void create({ kind, slug }, (c) => links.edit(c[0]!)); }}>
    <div class="field"><label for="slug">${t('create.slug')}</label>
      <input id="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="slug-help" value=${slug} onInput=${(e: Event) => setSlug((e.target as HTMLInputElement).value)} />${slugHelp()}</div>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <button type="submit" class="primary" disabled=${busy}>${t(`create.make.${kind}`)}</button>
  </form>`;
}

function BulletinForm() {
  const [defaults, setDefaults] = useState<Defaults | null>(null);
  const [month, setMonth] = useState('');
  const [editions, setEditions] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [printRun, setPrintRun] = useState<Record<string, number>>({});
  const { error, busy, create } = useCreate();
  useEffect(() => {
    api.get<Defaults>('new').then((d) => {
      setDefaults(d);
      setMonth(d.month);
      setEditions(d.editions);
      setPrintRun(d.printRun);
      setChosen(d.articles.slice(0, 4).map((a) => a.slug));
    });
  }, []);
  if (!defaults) return html`<p>${t('loading')}</p>`;
  const title = (slug: string) => defaults.articles.find((a) => a.slug === slug)?.title ?? slug;
  const move = (i: number, by: number) => {
    const next = [...chosen];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    setChosen(next);
  };
  return html`<form onSubmit=${(e: Event) => {
    e.preventDefault();
    void create({ kind: 'bulletin', month, editions, articles: chosen, printRun }, (c) => links.edit(c.find((p) => p.endsWith('issue.yaml'))!));
  }}>
    <p>${t('create.bulletinNumber', { number: defaults.number })}</p>
    <div class="field"><label for="month">${t('create.month')}</label>
      <input id="month" type="month" required value=${month} onInput=${(e: Event) => setMonth((e.target as HTMLInputElement).value)} aria-describedby="month-help" />
      <span class="help" id="month-help">${defaults.taken.includes(month) ? t('create.monthTaken') : t('create.monthHelp')}</span></div>
    <fieldset class="choices"><legend>${t('field.editions')}</legend>
      ${defaults.locales.map((l) => html`<label><input type="checkbox" checked=${editions.includes(l)} onChange=${(e: Event) => setEditions((e.target as HTMLInputElement).checked ? [...editions, l] : editions.filter((x) => x !== l))} /> ${l}</label>`)}
    </fieldset>
    <fieldset class="counts"><legend>${t('field.printRun')}</legend>
      ${editions.map((l) => html`<label>${l} <input type="number" min="0" step="1" value=${printRun[l] ?? 0} onInput=${(e: Event) => setPrintRun({ ...printRun, [l]: Number((e.target as HTMLInputElement).value) })} /> <span class="unit">${t('unit.copies')}</span></label>`)}
    </fieldset>
    <fieldset><legend>${t('create.order')}</legend>
      <ol class="ordered">${chosen.map((slug, i) => html`<li data-slug=${slug}><span>${title(slug)}</span>
        <button type="button" class="up" disabled=${i === 0} onClick=${() => move(i, -1)} aria-label=${t('create.up', { title: title(slug) })}>↑</button>
        <button type="button" class="down" disabled=${i === chosen.length - 1} onClick=${() => move(i, 1)} aria-label=${t('create.down', { title: title(slug) })}>↓</button>
        <button type="button" class="remove" onClick=${() => setChosen(chosen.filter((s) => s !== slug))} aria-label=${t('create.remove', { title: title(slug) })}>✕</button></li>`)}</ol>
    </fieldset>
    <fieldset><legend>${t('create.pick')}</legend>
      <ul class="pick">${defaults.articles.filter((a) => !chosen.includes(a.slug)).map((a) => html`<li data-slug=${a.slug}><button type="button" onClick=${() => setChosen([...chosen, a.slug])} aria-label=${t('create.add', { title: a.title })}>+</button> ${a.title} <span class="meta">${a.date} · ${a.locales.join(', ')}</span></li>`)}</ul>
    </fieldset>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <button type="submit" class="primary" disabled=${busy || chosen.length === 0 || editions.length === 0}>${t('create.make.bulletin')}</button>
  </form>`;
}

function TranslationForm({ params }: { params: URLSearchParams }) {
  const target = params.get('path') ?? '';
  const [source, setSource] = useState(target ? target.replace(/\/[^/]+\.mdx$/, '/vi.mdx') : '');
  const [locale, setLocale] = useState(target ? target.split('/').at(-1)!.replace(/\.mdx$/, '') : 'en');
  const [files, setFiles] = useState<string[]>([]);
  const [locales, setLocales] = useState<string[]>([]);
  const { error, busy, create } = useCreate();
  useEffect(() => {
    api.get<{ files: string[] }>('files').then((r) => setFiles(r.files.filter((f) => f.endsWith('/vi.mdx'))));
    api.get<Defaults>('new').then((d) => setLocales(d.locales.filter((l) => l !== 'vi')));
  }, []);
  return html`<form onSubmit=${(e: Event) => { e.preventDefault(); void create({ kind: 'translation', source: source.replace(/^content\//, ''), locale }, (c) => links.translate(c[0]!)); }}>
    <p>${t('create.translationHelp')}</p>
    <div class="field"><label for="source">${t('create.source')}</label>
      <select id="source" required value=${source} onChange=${(e: Event) => setSource((e.target as HTMLSelectElement).value)}>
        <option value="">—</option>${files.map((f) => html`<option value=${f}>${f}</option>`)}</select></div>
    <div class="field"><label for="locale">${t('create.language')}</label>
      <select id="locale" value=${locale} onChange=${(e: Event) => setLocale((e.target as HTMLSelectElement).value)}>${locales.map((l) => html`<option value=${l}>${l}</option>`)}</select></div>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <button type="submit" class="primary" disabled=${busy || !source}>${t('create.make.translation')}</button>
  </form>`;
}

interface OfferedLanguage {
  id: string;
  name: string;
  intl: string;
  lineBreak: string;
  font: { family: string; package: string; installed: boolean } | null;
}
interface LanguagePreview {
  id: string;
  version: string;
  added: string;
  files: string[];
  install: string | null;
}

/** A language's name in the interface language (Lao, tiếng Lào), beside its own name. */
const displayName = (id: string) => new Intl.DisplayNames([i18n.language], { type: 'language' }).of(id) ?? id;

/** Waits for the studio to answer again with `id` among its languages, then loads the page afresh. */
async function awaitRestart(id: string): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const overview = await api.get<{ locales: string[] }>('overview').catch(() => null);
    if (overview?.locales.includes(id)) {
      location.hash = links.overview();
      location.reload();
      return;
    }
  }
}

/** A new language over `npm run new -- locale`: choose one the scaffold offers, see what will be written, create. */
function LanguageForm() {
  const [offered, setOffered] = useState<OfferedLanguage[] | null>(null);
  const [id, setId] = useState('');
  const [preview, setPreview] = useState<LanguagePreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ created: string[]; restarting: boolean } | null>(null);
  useEffect(() => {
    api.get<{ languages: OfferedLanguage[] }>('languages').then((r) => setOffered(r.languages), (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    setPreview(null);
    setError('');
    if (id) api.get<LanguagePreview>(`language?id=${encodeURIComponent(id)}`).then(setPreview, (e: Error) => setError(e.message));
  }, [id]);
  if (!offered) return error ? html`<p role="alert" class="error">${error}</p>` : html`<p>${t('loading')}</p>`;
  const chosen = offered.find((l) => l.id === id);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!preview) return;
    setBusy(true);
    setError('');
    try {
      const result = await api.post<{ created: string[]; restarting: boolean }>('language', { id: preview.id, version: preview.version });
      setDone(result);
      if (result.restarting) void awaitRestart(preview.id);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  if (done && chosen) {
    return html`<div role="status" class="language-done">
      <p><strong>${t('newLanguage.added', { name: chosen.name, id: chosen.id })}</strong></p>
      <ul class="files">${done.created.map((f) => html`<li><code>${f}</code></li>`)}</ul>
      <p>${done.restarting ? t('newLanguage.restarting') : t('newLanguage.restartByHand')}</p>
    </div>`;
  }
  return html`<form class="language-form" onSubmit=${submit}>
    <p>${t('newLanguage.help')}</p>
    ${offered.length === 0
      ? html`<p>${t('newLanguage.none')}</p>`
      : html`<fieldset class="choices languages"><legend>${t('newLanguage.choose')}</legend>
          ${offered.map(
            (l) => html`<label><input type="radio" name="language" value=${l.id} checked=${id === l.id} onChange=${() => setId(l.id)} />
              <span lang=${l.id}>${l.name}</span> <span class="meta">${displayName(l.id)} (${l.id}${l.font ? ` · ${l.font.family}` : ''})</span></label>`,
          )}
        </fieldset>`}
    ${preview &&
    html`<section class="will-write" aria-labelledby="will-write">
      <h3 id="will-write">${t('newLanguage.willWrite')}</h3>
      <ul class="files">${preview.files.map((f) => html`<li><code>${f}</code></li>`)}</ul>
      <p>${t('newLanguage.entry')}</p>
      <pre class="added" tabindex="0" aria-label=${t('newLanguage.entry')}>${preview.added}</pre>
      <p>${preview.install ? t('newLanguage.install', { package: preview.install }) : t('newLanguage.noInstall')}</p>
      <p>${t('newLanguage.after')}</p>
    </section>`}
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <button type="submit" class="primary" disabled=${busy || !preview}>${busy ? t('newLanguage.working') : t('create.make.language')}</button>
  </form>`;
}

export function CreateScreen({ what, params }: { what: string; params: URLSearchParams }) {
  const kind = (kinds as readonly string[]).includes(what) ? what : 'article';
  return html`<h1 tabindex="-1">${t('nav.new')}</h1>
    <nav class="subnav" aria-label=${t('create.what')}><ul>${kinds.map((k) => html`<li><a href=${links.create(k)} aria-current=${k === kind ? 'page' : undefined}>${t(`create.kind.${k}`)}</a></li>`)}</ul></nav>
    <h2>${t(`create.kind.${kind}`)}</h2>
    ${kind === 'bulletin' ? html`<${BulletinForm} />` : kind === 'language' ? html`<${LanguageForm} />` : kind === 'translation' ? html`<${TranslationForm} params=${params} />` : html`<${SlugForm} key=${kind} kind=${kind} />`}`;
}
