/**
 * Beside the editor: the web page as the dev server renders it, and the print preview (the print
 * page laid out by Paged.js) of each publication the text appears in. Both reload after a save.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api } from './api.ts';
import { languageName, t } from './i18n.ts';

/** The site page that shows a content file, in its language. */
export function webPage(path: string, locale: string): string | null {
  const [area, section, slug] = path.split('/');
  if (area !== 'content' || !slug) return null;
  const l = /^[a-z]{2,3}$/.test(locale) ? locale : 'vi';
  switch (section) {
    case 'articles':
      return `/${l}/articles/${slug}/`;
    case 'projects':
      return `/${l}/invest/${slug}/`;
    case 'bulletins':
      return `/${l}/bulletins/${slug}/`;
    default:
      return `/${l}/downloads/`;
  }
}

interface PrintTarget {
  label: string;
  url: string;
}

type OverviewPublications = { publications: Array<{ kind: string; slug: string; file: string; languages: Array<{ locale: string; print: string; texts: Array<{ file: string }> }> }> };

export function Preview({ path, locale, refresh }: { path: string; locale: string; refresh: number }) {
  const [tab, setTab] = useState<'web' | 'print'>('web');
  const [prints, setPrints] = useState<PrintTarget[]>([]);
  const [print, setPrint] = useState('');
  const frame = useRef<HTMLIFrameElement>(null);
  const web = webPage(path, locale);
  useEffect(() => {
    api.get<OverviewPublications>('overview').then((o) => {
      const found = o.publications.flatMap((p) =>
        p.languages
          .filter((l) => l.print && (l.texts.some((text) => text.file === path) || p.file === path))
          .map((l) => ({ label: `${t(`publication.${p.kind}`)} ${p.slug} (${languageName(l.locale, { inSentence: true })})`, url: l.print })),
      );
      setPrints(found);
      setPrint((current) => current || found[0]?.url || '');
    });
  }, [path, refresh]);
  // After a save, the dev server picks the change up; then the page is shown again.
  useEffect(() => {
    if (!refresh) return;
    const timer = setTimeout(() => frame.current?.contentWindow?.location.reload(), 1200);
    return () => clearTimeout(timer);
  }, [refresh]);
  const src = tab === 'web' ? web : print;
  // A text created a moment ago is not yet known to the dev server, which answers 404: the page is
  // asked again, for a few seconds, until it exists.
  const retries = useRef(0);
  useEffect(() => {
    retries.current = 0;
  }, [src]);
  const loaded = () => {
    if (tab !== 'web' || !src) return;
    void fetch(src, { method: 'HEAD' }).then((response) => {
      if (response.status === 404 && retries.current < 10) {
        retries.current += 1;
        setTimeout(() => frame.current?.contentWindow?.location.reload(), 1000);
      }
    }, () => {});
  };
  return html`<aside class="preview" aria-label=${t('preview.label')}>
    <div class="tabs" role="group" aria-label=${t('preview.label')}>
      <button type="button" aria-pressed=${tab === 'web'} disabled=${!web} onClick=${() => setTab('web')}>${t('preview.web')}</button>
      <button type="button" aria-pressed=${tab === 'print'} disabled=${prints.length === 0} onClick=${() => setTab('print')}>${t('preview.print')}</button>
      ${tab === 'print' && prints.length > 1 &&
      html`<label>${t('preview.publication')} <select value=${print} onChange=${(e: Event) => setPrint((e.target as HTMLSelectElement).value)}>${prints.map((p) => html`<option value=${p.url}>${p.label}</option>`)}</select></label>`}
      ${src && html`<a href=${src} target="_blank" rel="noopener">${t('preview.open')}</a>`}
    </div>
    ${src ? html`<iframe ref=${frame} key=${src} src=${src} onLoad=${loaded} title=${tab === 'web' ? t('preview.web') : t('preview.print')}></iframe>` : html`<p>${t('preview.none')}</p>`}
  </aside>`;
}
