/**
 * The print shop's order: for each publication and language, the format, pages, copies, sheets of
 * paper and the file with its checksum. Written as CSV (for spreadsheets) and HTML (to read and
 * print). Pure: the print stage passes the finished PDFs in.
 */
import { sheetsPerCopy } from '../publications/pages.ts';
import type { ManifestEntry } from './manifest.ts';

export interface OrderLine {
  entry: ManifestEntry;
  /** Trim format, e.g. A5. */
  format: string;
  copies: number | null;
}

/** The press sheet a trim format is printed on, folded once: A5 pages on A4 sheets, A4 on A3. */
const sheetFormat: Record<string, string> = { A5: 'A4', A4: 'A3' };

export interface OrderRow {
  publication: string;
  language: string;
  format: string;
  pages: number;
  copies: number | null;
  sheetsPerCopy: number;
  sheetFormat: string;
  sheets: number | null;
  file: string;
  sha256: string;
}

export function orderRows(lines: readonly OrderLine[]): OrderRow[] {
  return lines.map(({ entry, format, copies }) => {
    const perCopy = sheetsPerCopy(entry.pages);
    return {
      publication: `${entry.kind} ${entry.slug}`,
      language: entry.locale,
      format,
      pages: entry.pages,
      copies,
      sheetsPerCopy: perCopy,
      sheetFormat: sheetFormat[format] ?? `2 × ${format}`,
      sheets: copies === null ? null : perCopy * copies,
      file: entry.file,
      sha256: entry.sha256,
    };
  });
}

const columns: Array<[keyof OrderRow, string]> = [
  ['publication', 'publication'],
  ['language', 'language'],
  ['format', 'format'],
  ['pages', 'pages'],
  ['copies', 'copies'],
  ['sheetsPerCopy', 'sheets per copy'],
  ['sheetFormat', 'sheet format'],
  ['sheets', 'sheets in total'],
  ['file', 'file'],
  ['sha256', 'sha256'],
];

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function orderSheetCsv(rows: readonly OrderRow[]): string {
  return [columns.map(([, label]) => label), ...rows.map((row) => columns.map(([key]) => row[key]))].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

const html = (value: unknown) => String(value ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The press profile the press files were converted with, named on the order sheet. */
export interface OrderProfile {
  /** In words: `Coated FOGRA39 (ISO 12647-2:2004)`. */
  condition: string;
  /** The output condition identifier: `FOGRA39`. */
  identifier: string;
  /** The profile's file name. */
  file: string;
}

export function orderSheetHtml(rows: readonly OrderRow[], title: string, fontStylesheet: string, profile: OrderProfile | null = null): string {
  const number = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-GB'));
  const body = rows
    .map(
      (r) =>
        `<tr><td>${html(r.publication)}</td><td>${html(r.language)}</td><td>${html(r.format)}</td><td class="n">${r.pages}</td>` +
        `<td class="n">${number(r.copies)}</td><td class="n">${r.sheetsPerCopy} × ${html(r.sheetFormat)}</td><td class="n">${number(r.sheets)}</td>` +
        `<td><code>${html(r.file)}</code><br><code class="hash">${html(r.sha256)}</code></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title>
<link rel="stylesheet" href="${html(fontStylesheet)}">
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font: 10pt/1.4 'Noto Sans', sans-serif; color: #1b1f1d; font-synthesis: none; }
h1 { font-size: 15pt; margin: 0 0 2mm; } p { margin: 0 0 5mm; color: #4a5a52; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 0.5pt solid #c9c4b0; padding: 1.6mm 2mm; text-align: left; vertical-align: top; }
th { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.04em; color: #4a5a52; }
.n { text-align: right; white-space: nowrap; } code { font-family: 'Noto Sans', sans-serif; font-size: 8.5pt; } .hash { font-size: 6.5pt; color: #4a5a52; }
</style></head><body>
<h1>${html(title)}</h1>
<p>Press files are CMYK PDF/X-3 with 3 mm bleed and crop marks; sheets are counted for saddle stitching, folded once, before spoilage.</p>
${profile ? `<p class="profile">Colour: converted to <strong>${html(profile.condition)}</strong> (output intent ${html(profile.identifier)}, profile <code>${html(profile.file)}</code>); please print to this condition.</p>` : '<p class="profile">Screen PDFs (RGB) only, not for the press: make the press files with “Also make the press files” on the studio’s Build screen, or npm run build -- --press.</p>'}
<table><thead><tr><th>Publication</th><th>Language</th><th>Format</th><th class="n">Pages</th><th class="n">Copies</th><th class="n">Sheets per copy</th><th class="n">Sheets</th><th>File and SHA-256</th></tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`;
}
