import { render } from 'preact';
import { html } from 'htm/preact';
render(html`<h1>Studio</h1>`, document.getElementById('studio')!);
