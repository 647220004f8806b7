/**
 * Figures only the printed PDFs know: pages, size and the page a project's sheet starts on. The site
 * is built once, before printing, so a page that shows them writes a token in their place
 * (`figureToken`), and the build fills every token from the print manifest once the PDFs exist
 * (`fillFigures`). Which PDFs exist is known before printing (./downloads.ts), so links never name a
 * file that is not printed. In `astro dev` the figures come straight from the last build's manifest.
 * The words around a figure are written here, once, for both ways.
 */
import { formatFileSize } from '../i18n/format.ts';
import { getLocale, type LocaleId } from '../i18n/locales.ts';
import type { Translate } from '../i18n/translator.ts';
import type { ManifestEntry } from '../print/manifest.ts';
import { projectAnchor } from '../print/publication.ts';

export type Figure =
  /** "PDF · 12 pages · 1.2 MB" for one file in a download list. */
  | { show: 'download'; file: string; locale: LocaleId }
  /** A project's sheet in a booklet, short (catalogue cards) or full (project page). */
  | { show: 'sheet'; form: 'short' | 'full'; file: string; project: string; locale: LocaleId; sheetLocale: LocaleId }
  /** A file's size alone, kept on one line. */
  | { show: 'size'; file: string; locale: LocaleId }
  /** The page a project's sheet starts on, for `file.pdf#page=N`. */
  | { show: 'page'; file: string; project: string };

/** Finds the screen PDF's manifest entry by file name. */
export type EntryLookup = (file: string) => ManifestEntry | undefined;

// The size stays on one line ("427 KB" must not break before its unit, in CJK text least of all).
const size = (bytes: number, locale: LocaleId) => formatFileSize(bytes, locale).replace(/ /g, '\u00a0');

function sheetPage(entry: ManifestEntry, project: string): number | undefined {
  return entry.anchors?.[projectAnchor(project)];
}

/** The figure's text, or undefined when its PDF (or the sheet in it) was not printed. */
export function figureText(figure: Figure, entryOf: EntryLookup, t: (locale: LocaleId) => Translate): string | undefined {
  const entry = entryOf(figure.file);
  if (!entry) return undefined;
  switch (figure.show) {
    case 'download': {
      const tr = t(figure.locale);
      return tr('downloads.file', { pages: tr('downloads.pages', { count: entry.pages }), size: formatFileSize(entry.bytes, figure.locale) });
    }
    case 'size':
      return size(entry.bytes, figure.locale);
    case 'page': {
      const page = sheetPage(entry, figure.project);
      return page === undefined ? undefined : String(page);
    }
    case 'sheet': {
      const page = sheetPage(entry, figure.project);
      if (page === undefined) return undefined;
      const tr = t(figure.locale);
      const language = getLocale(figure.sheetLocale).name;
      if (figure.form === 'full') return tr('downloads.projectSheet', { language, page });
      const shown = size(entry.bytes, figure.locale);
      return figure.sheetLocale === figure.locale ? tr('invest.sheetLink', { size: shown, page }) : tr('invest.sheetLinkOther', { size: shown, language, page });
    }
  }
}

const tokenPattern = /@@press:([A-Za-z0-9_-]+)@@/g;

/** A placeholder that survives HTML escaping in text and attributes alike. */
export function figureToken(figure: Figure): string {
  return `@@press:${Buffer.from(JSON.stringify(figure)).toString('base64url')}@@`;
}

export class FigureError extends Error {}

// As Astro escapes text and attribute values, so a filled page reads as if rendered with the figures.
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * The page's HTML with every figure token replaced by its text; undefined when the page has none.
 * A token whose PDF was not printed is a fault of the build (the site named a PDF print never made).
 */
export function fillFigures(html: string, text: (figure: Figure) => string | undefined): string | undefined {
  if (!html.includes('@@press:')) return undefined;
  return html.replace(tokenPattern, (_, payload: string) => {
    const figure = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Figure;
    const filled = text(figure);
    if (filled === undefined) {
      const what = 'project' in figure ? `the sheet of project "${figure.project}" in ${figure.file}` : figure.file;
      throw new FigureError(`The site links to ${what}, which the print stage did not produce.`);
    }
    return escapeHtml(filled);
  });
}

/**
 * A page's text as far as its fonts are concerned: each token stands for a figure not yet known, so
 * it counts as every character a figure may show in `locale` (digits, the size units, the no-break
 * space); its own letters are never drawn.
 */
export function textForFonts(text: string, locale: LocaleId): string {
  if (!text.includes('@@press:')) return text;
  const figureCharacters = `0123456789\u00a0${formatFileSize(1_234_567, locale)}${formatFileSize(12_345, locale)}`;
  return `${text.replace(tokenPattern, '')}${figureCharacters}`;
}
