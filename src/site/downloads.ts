/**
 * The site's downloads: which PDFs a reader can take away, read from the print manifest
 * (`dist/print/manifest.json`) so a link only ever names a file that was printed, with its true page
 * count and size. Pure functions over a manifest, plus one loader at the edge.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { defaultLocale, fallbackChain, isLocaleId, localeIds, type LocaleId } from '../i18n/locales.ts';
import { manifestSchema, type Manifest, type ManifestEntry } from '../print/manifest.ts';
import { projectAnchor, type PublicationKind } from '../print/publication.ts';
import { printManifestPath } from '../project.ts';

export interface Download {
  kind: PublicationKind;
  slug: string;
  /** The edition language, or the languages of a bilingual edition. */
  locales: LocaleId[];
  /** Site path of the PDF. */
  href: string;
  file: string;
  pages: number;
  bytes: number;
}

/**
 * The manifest the build handed over; empty when nothing was printed yet (first pass, dev). Read
 * again when the file or its path changes: one process may build the site twice with different manifests.
 */
export function loadPrintManifest(path = printManifestPath()): Manifest {
  if (!existsSync(path)) return [];
  const modified = statSync(path).mtimeMs;
  if (lastRead?.path !== path || lastRead.modified !== modified) {
    lastRead = { path, modified, manifest: manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) };
  }
  return lastRead.manifest;
}

let lastRead: { path: string; modified: number; manifest: Manifest } | undefined;

const localeOrder = (locales: LocaleId[]) => localeIds.indexOf(locales[0] ?? defaultLocale);

function toDownload(entry: ManifestEntry): Download {
  return {
    kind: entry.kind,
    slug: entry.slug,
    locales: entry.locale.split('-').filter(isLocaleId),
    href: `/print/${entry.file}`,
    file: entry.file,
    pages: entry.pages,
    bytes: entry.bytes,
  };
}

/** Screen PDFs a reader can download (press files are for the print shop), in the site's locale order. */
export function downloads(filter: { kind?: PublicationKind; slug?: string } = {}, manifest: Manifest = loadPrintManifest()): Download[] {
  return manifest
    .filter((e) => e.variant === 'screen' && (!filter.kind || e.kind === filter.kind) && (!filter.slug || e.slug === filter.slug))
    .map(toDownload)
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.slug.localeCompare(a.slug) || localeOrder(a.locales) - localeOrder(b.locales));
}

export interface BookletLink extends Download {
  /** The language of the booklet linked (the reader's, or the next one along the fallback chain). */
  locale: LocaleId;
}

/** The first of the booklet PDFs that is in the reader's language or the nearest along its fallback chain. */
function nearestBooklet(entries: readonly ManifestEntry[], locale: LocaleId): { entry: ManifestEntry; link: BookletLink } | undefined {
  for (const candidate of fallbackChain(locale)) {
    const entry = entries.find((e) => e.kind === 'booklet' && e.variant === 'screen' && e.locale === candidate);
    if (entry) return { entry, link: { ...toDownload(entry), locale: candidate } };
  }
  return undefined;
}

/** A booklet's PDF for a reader of `locale`: their language's edition, or the nearest one printed. */
export function bookletDownload(slug: string, locale: LocaleId, manifest: Manifest = loadPrintManifest()): BookletLink | undefined {
  return nearestBooklet(manifest.filter((e) => e.slug === slug), locale)?.link;
}

export interface ProjectSheetLink extends BookletLink {
  /** The page the project's sheet starts on. */
  page: number;
}

/**
 * The project's sheet in a printed booklet, in the reader's language or the nearest fallback:
 * `href` opens the PDF at the sheet's page.
 */
export function projectSheet(projectSlug: string, locale: LocaleId, manifest: Manifest = loadPrintManifest()): ProjectSheetLink | undefined {
  const anchor = projectAnchor(projectSlug);
  const found = nearestBooklet(manifest.filter((e) => e.anchors?.[anchor]), locale);
  if (!found) return undefined;
  const page = found.entry.anchors![anchor]!;
  return { ...found.link, page, href: `${found.link.href}#page=${page}` };
}

export interface PublicationDownloads {
  kind: PublicationKind;
  slug: string;
  files: Download[];
}

/** Downloads grouped by publication, keeping their order (kind, newest first, languages). */
export function byPublication(files: readonly Download[]): PublicationDownloads[] {
  const groups: PublicationDownloads[] = [];
  for (const file of files) {
    const last = groups.at(-1);
    if (last && last.kind === file.kind && last.slug === file.slug) last.files.push(file);
    else groups.push({ kind: file.kind, slug: file.slug, files: [file] });
  }
  return groups;
}
