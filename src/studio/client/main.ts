/**
 * The studio page: a header with the screens and the interface language, and the screen the
 * address names (`#/`, `#/edit?path=…`, `#/new`, `#/build`, `#/files`, `#/translate?path=…`).
 * Hash addresses: the dev server serves the site everywhere else.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { i18n, setLanguage, studioLanguages, t } from './i18n.ts';
import { BuildScreen } from './build-screen.ts';
import { CreateScreen } from './create-screen.ts';
import { EditorScreen } from './editor-screen.ts';
import { FilesScreen } from './files-screen.ts';
import { OverviewScreen } from './overview-screen.ts';
import { TranslateScreen } from './translate-screen.ts';

function useRoute(): { name: string; params: URLSearchParams } {
  const read = () => {
    const [name = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
    return { name, params: new URLSearchParams(query) };
  };
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

const screens = [
  { name: '', label: 'nav.overview', href: '#/' },
  { name: 'files', label: 'nav.files', href: '#/files' },
  { name: 'new', label: 'nav.new', href: '#/new' },
  { name: 'build', label: 'nav.build', href: '#/build' },
];

function App() {
  const route = useRoute();
  const [, setLanguageShown] = useState(i18n.language);
  useEffect(() => {
    const title = { '': 'nav.overview', files: 'nav.files', new: 'nav.new', build: 'nav.build', edit: 'nav.edit', translate: 'nav.translate' }[route.name] ?? 'nav.overview';
    document.title = `${t(title)} — ${t('studio')}`;
    // A new screen: its heading takes the focus, so a keyboard or screen-reader user starts there.
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route.name, route.params.toString(), i18n.language]);
  const screen = (() => {
    switch (route.name) {
      case 'edit':
        return html`<${EditorScreen} key=${route.params.get('path')} path=${route.params.get('path') ?? ''} field=${route.params.get('field') ?? ''} />`;
      case 'translate':
        return html`<${TranslateScreen} key=${route.params.get('path')} path=${route.params.get('path') ?? ''} />`;
      case 'new':
        return html`<${CreateScreen} what=${route.params.get('what') ?? 'article'} params=${route.params} />`;
      case 'build':
        return html`<${BuildScreen} />`;
      case 'files':
        return html`<${FilesScreen} />`;
      default:
        return html`<${OverviewScreen} />`;
    }
  })();
  return html`
    <a class="skip" href="#main">${t('skip')}</a>
    <header class="top" aria-label=${t('studio')}>
      <span class="brand">${t('studio')}</span>
      <nav aria-label=${t('nav.label')}>
        <ul>
          ${screens.map((s) => html`<li><a href=${s.href} aria-current=${route.name === s.name ? 'page' : undefined}>${t(s.label)}</a></li>`)}
        </ul>
      </nav>
      <div class="language" role="group" aria-label=${t('language.label')}>
        ${studioLanguages.map(
          (l) => html`<button type="button" lang=${l} aria-pressed=${i18n.language === l} onClick=${() => { setLanguage(l); setLanguageShown(l); }}>${l === 'vi' ? 'Tiếng Việt' : 'English'}</button>`,
        )}
      </div>
    </header>
    <main id="main" aria-label=${t('workspace')}>${screen}</main>
  `;
}

const root = document.getElementById('studio')!;
// The "Studio…" placeholder goes: the app draws into an empty element.
root.textContent = '';
render(html`<${App} />`, root);
