/**
 * XLIFF 1.2 (what every CAT tool reads: Trados, memoQ, Phrase, OmegaT, Crowdin, Weblate) and XLIFF
 * 2.1, written and read with an XML DOM that keeps mixed content (@xmldom/xmldom). Inline codes:
 * 1.2 `<g>` (paired) and `<x/>` (standalone), 2.1 `<pc>` and `<ph/>`; when reading, the forms tools
 * turn them into (`<bx/>`/`<ex/>`, `<bpt>`/`<ept>`, `<sc/>`/`<ec/>`, `<mrk>`, several segments) too.
 */
import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import type { Code, CodeKind, Inline, InlinePart } from './inline.ts';

export const xliffVersions = ['1.2', '2.1'] as const;
export type XliffVersion = (typeof xliffVersions)[number];

export const namespaces = { '1.2': 'urn:oasis:names:tc:xliff:document:1.2', '2': 'urn:oasis:names:tc:xliff:document:2.0', metadata: 'urn:oasis:names:tc:xliff:metadata:2.0' } as const;

export interface WriteUnit {
  id: string;
  /** A short name for the unit's kind (resname / name): `title`, `paragraph`, `alt`. */
  name: string;
  source: Inline;
  codes: ReadonlyMap<string, Code>;
  /** A translation carried over: written as final. */
  target?: Inline;
  notes: Array<{ category: 'context' | 'previous-translation'; text: string }>;
}

export interface WriteFile {
  /** The source file, relative to the content folder (or `ui/<namespace>.json`). */
  original: string;
  sourceLanguage: string;
  targetLanguage: string;
  exportId: string;
  units: WriteUnit[];
}

const ctype12: Record<CodeKind, string> = {
  bold: 'bold', italic: 'italic', strike: 'x-strike', link: 'link', component: 'x-component', image: 'image', code: 'x-code', expression: 'x-expression', break: 'lb', html: 'x-html', other: 'x-other',
};
const type21: Record<CodeKind, { type: string; subType?: string }> = {
  bold: { type: 'fmt', subType: 'xlf:b' }, italic: { type: 'fmt', subType: 'xlf:i' }, strike: { type: 'fmt' }, link: { type: 'link' }, component: { type: 'other' },
  image: { type: 'image' }, code: { type: 'other' }, expression: { type: 'other' }, break: { type: 'fmt', subType: 'xlf:lb' }, html: { type: 'other' }, other: { type: 'other' },
};

/** Serialises one text as an XLIFF document of the given version. */
export function writeXliff(file: WriteFile, version: XliffVersion): string {
  const ns = version === '1.2' ? namespaces['1.2'] : namespaces['2'];
  const doc = new DOMImplementation().createDocument(ns, 'xliff', null);
  const root = doc.documentElement!;
  const el = (parent: Element, name: string, attributes: Record<string, string | undefined> = {}, depth = 0): Element => {
    const child = doc.createElementNS(name.startsWith('mda:') ? namespaces.metadata : ns, name);
    for (const [key, value] of Object.entries(attributes)) if (value !== undefined) child.setAttribute(key, value);
    if (depth >= 0) parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
    parent.appendChild(child);
    return child;
  };
  const end = (parent: Element, depth: number) => parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
  const inline = (parent: Element, parts: Inline, codes: ReadonlyMap<string, Code>) => {
    const stack: Element[] = [parent];
    for (const part of parts) {
      const top = stack.at(-1)!;
      if (typeof part === 'string') top.appendChild(doc.createTextNode(part));
      else if ('open' in part) {
        const code = codes.get(part.open)!;
        const kind = type21[code.kind];
        const attrs = version === '1.2' ? { id: code.id, ctype: ctype12[code.kind] } : { id: code.id, type: kind.type, subType: kind.subType, dispStart: code.open, dispEnd: code.close };
        stack.push(el(top, version === '1.2' ? 'g' : 'pc', attrs, -1));
      } else if ('close' in part) stack.pop();
      else {
        const code = codes.get(part.code)!;
        const kind = type21[code.kind];
        const alt = code.inner.find((i) => i.kind === 'alt');
        const shown = code.kind === 'image' ? `[image${alt ? `: ${alt.text}` : ''}]` : code.open;
        const attrs = version === '1.2' ? { id: code.id, ctype: ctype12[code.kind], 'equiv-text': shown } : { id: code.id, type: kind.type, subType: kind.subType, disp: shown };
        el(top, version === '1.2' ? 'x' : 'ph', attrs, -1);
      }
    }
  };
  if (version === '1.2') {
    root.setAttribute('version', '1.2');
    const fileEl = el(root, 'file', { original: file.original, 'source-language': file.sourceLanguage, 'target-language': file.targetLanguage, datatype: 'x-mdx', 'product-name': 'foreign-affairs-press', 'build-num': file.exportId }, 1);
    const header = el(fileEl, 'header', {}, 2);
    el(header, 'note', {}, 3).appendChild(doc.createTextNode(`Export ${file.exportId}. Keep every placeholder (<g>, <x/>) of a source in its target; final units are already translated.`));
    end(header, 2);
    const body = el(fileEl, 'body', {}, 2);
    for (const unit of file.units) {
      const tu = el(body, 'trans-unit', { id: unit.id, resname: unit.name, 'xml:space': 'preserve', ...(unit.target ? { approved: 'yes' } : {}) }, 3);
      inline(el(tu, 'source', {}, 4), unit.source, unit.codes);
      if (unit.target) inline(el(tu, 'target', { state: 'final' }, 4), unit.target, unit.codes);
      for (const note of unit.notes) el(tu, 'note', { from: note.category }, 4).appendChild(doc.createTextNode(note.text));
      end(tu, 3);
    }
    end(body, 2);
    end(fileEl, 1);
  } else {
    root.setAttribute('version', '2.1');
    root.setAttribute('srcLang', file.sourceLanguage);
    root.setAttribute('trgLang', file.targetLanguage);
    root.setAttribute('xmlns:mda', namespaces.metadata);
    const fileEl = el(root, 'file', { id: 'f1', original: file.original }, 1);
    const metadata = el(fileEl, 'mda:metadata', {}, 2);
    const group = el(metadata, 'mda:metaGroup', { category: 'foreign-affairs-press' }, 3);
    el(group, 'mda:meta', { type: 'export-id' }, 4).appendChild(doc.createTextNode(file.exportId));
    end(group, 3);
    end(metadata, 2);
    for (const unit of file.units) {
      const u = el(fileEl, 'unit', { id: unit.id, name: unit.name }, 2);
      if (unit.notes.length) {
        const notes = el(u, 'notes', {}, 3);
        for (const note of unit.notes) el(notes, 'note', { category: note.category }, 4).appendChild(doc.createTextNode(note.text));
        end(notes, 3);
      }
      const segment = el(u, 'segment', { state: unit.target ? 'final' : 'initial' }, 3);
      inline(el(segment, 'source', {}, 4), unit.source, unit.codes);
      if (unit.target) inline(el(segment, 'target', {}, 4), unit.target, unit.codes);
      end(segment, 3);
      end(u, 2);
    }
    end(fileEl, 1);
  }
  end(root, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

export interface ReadUnit {
  id: string;
  line: number | undefined;
  source: Inline;
  /** Undefined when the unit has no target (or a segment has none). */
  target: Inline | undefined;
  /** One state per segment (1.2: the target's state, or `approved` when that is all there is). */
  states: Array<string | undefined>;
}

export interface ReadFile {
  original: string | undefined;
  targetLanguage: string | undefined;
  exportId: string | undefined;
  units: ReadUnit[];
  line: number | undefined;
}

export interface ReadDocument {
  version: '1.2' | '2.0' | '2.1';
  files: ReadFile[];
}

/** A file that is not XLIFF this reader knows: not XML, or not a known version. */
export class XliffFormatError extends Error {
  readonly code: 'xliff-not-xml' | 'xliff-version';
  readonly line: number | undefined;
  constructor(code: 'xliff-not-xml' | 'xliff-version', message: string, line?: number) {
    super(message);
    this.code = code;
    this.line = line;
  }
}

const children = (node: Node, name?: string): Element[] =>
  Array.from(node.childNodes as unknown as ArrayLike<Node>).filter((n): n is Element => n.nodeType === 1 && (!name || (n as Element).localName === name));
const line = (node: Node) => (node as unknown as { lineNumber?: number }).lineNumber;

function readInline(node: Element, version: '1' | '2'): Inline {
  const parts: Inline = [];
  const push = (part: InlinePart) => {
    const last = parts.at(-1);
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
    else parts.push(part);
  };
  const visit = (n: Node) => {
    if (n.nodeType === 3 || n.nodeType === 4) return push(n.nodeValue ?? '');
    if (n.nodeType !== 1) return;
    const e = n as Element;
    const id = e.getAttribute('id') ?? '';
    const rid = e.getAttribute('rid');
    const name = e.localName;
    const inner = () => Array.from(e.childNodes as unknown as ArrayLike<Node>).forEach(visit);
    if ((version === '1' && name === 'g') || (version === '2' && name === 'pc')) {
      push({ open: id });
      inner();
      push({ close: id });
    } else if ((version === '1' && (name === 'x' || name === 'ph')) || (version === '2' && name === 'ph')) push({ code: id });
    else if (version === '1' && (name === 'bx' || name === 'bpt')) push({ open: rid ?? id });
    else if (version === '1' && (name === 'ex' || name === 'ept')) push({ close: rid ?? id });
    else if (version === '2' && name === 'sc') push({ open: id });
    else if (version === '2' && name === 'ec') push({ close: e.getAttribute('startRef') ?? id });
    // Annotations (<mrk>, <sm>/<em>, segment markers) wrap words; the words are what counts.
    else inner();
  };
  Array.from(node.childNodes as unknown as ArrayLike<Node>).forEach(visit);
  return parts;
}

/** Reads an XLIFF 1.2, 2.0 or 2.1 document. Throws XliffFormatError when it is neither. */
export function readXliff(text: string): ReadDocument {
  let doc: Document;
  try {
    doc = new DOMParser({
      onError(level, message) {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const e = error as Error & { locator?: { lineNumber?: number } };
    const message = e.message.replace(/^Reporting \w+ "|" caused .*$/gs, '').replace(/\s*@#\[line:.*$/s, '').split('\n')[0] ?? e.message;
    throw new XliffFormatError('xliff-not-xml', `The file is not well-formed XML: ${message}.`, e.locator?.lineNumber || undefined);
  }
  const root = doc.documentElement;
  const version = root?.getAttribute('version') ?? '';
  if (!root || root.localName !== 'xliff') throw new XliffFormatError('xliff-version', `The file is XML but not XLIFF: its root element is <${root?.nodeName ?? '?'}>, not <xliff>.`, root ? line(root) : undefined);
  if (version === '1.2' && root.namespaceURI === namespaces['1.2']) return { version, files: children(root, 'file').map(read12) };
  if ((version === '2.0' || version === '2.1') && root.namespaceURI === namespaces['2']) {
    const trgLang = root.getAttribute('trgLang') ?? undefined;
    return { version, files: children(root, 'file').map((f) => read2(f, trgLang)) };
  }
  throw new XliffFormatError('xliff-version', `XLIFF version "${version}" in namespace "${root.namespaceURI ?? ''}" is not one this site reads (1.2 in ${namespaces['1.2']}; 2.0 or 2.1 in ${namespaces['2']}).`, line(root));
}

function read12(file: Element): ReadFile {
  const body = children(file, 'body')[0];
  const units: ReadUnit[] = [];
  const walk = (node: Element) => {
    for (const child of children(node)) {
      if (child.localName === 'group') walk(child);
      if (child.localName !== 'trans-unit') continue;
      const source = children(child, 'source')[0];
      const target = children(child, 'target')[0];
      const state = target?.getAttribute('state') || (child.getAttribute('approved') === 'yes' ? 'signed-off' : undefined);
      units.push({ id: child.getAttribute('id') ?? '', line: line(child), source: source ? readInline(source, '1') : [], target: target ? readInline(target, '1') : undefined, states: [state] });
    }
  };
  if (body) walk(body);
  return { original: file.getAttribute('original') ?? undefined, targetLanguage: file.getAttribute('target-language') ?? undefined, exportId: file.getAttribute('build-num') ?? undefined, units, line: line(file) };
}

function read2(file: Element, trgLang: string | undefined): ReadFile {
  const units: ReadUnit[] = [];
  let exportId: string | undefined;
  const walk = (node: Element) => {
    for (const child of children(node)) {
      if (child.localName === 'metadata') {
        for (const meta of Array.from(child.getElementsByTagNameNS(namespaces.metadata, 'meta') as unknown as ArrayLike<Element>)) if (meta.getAttribute('type') === 'export-id') exportId = meta.textContent ?? undefined;
      }
      if (child.localName === 'group') walk(child);
      if (child.localName !== 'unit') continue;
      const source: Inline = [];
      let target: Inline | undefined = [];
      const states: Array<string | undefined> = [];
      for (const part of children(child).filter((c) => c.localName === 'segment' || c.localName === 'ignorable')) {
        const s = children(part, 'source')[0];
        const t = children(part, 'target')[0];
        const sourceParts = s ? readInline(s, '2') : [];
        source.push(...sourceParts);
        if (part.localName === 'segment') {
          states.push(part.getAttribute('state') ?? 'initial');
          if (!t) target = undefined;
        }
        // An ignorable without a target is whitespace between segments: the same in the target.
        if (target) target.push(...(t ? readInline(t, '2') : part.localName === 'ignorable' ? sourceParts : []));
      }
      units.push({ id: child.getAttribute('id') ?? '', line: line(child), source: merge(source), target: target && merge(target), states });
    }
  };
  walk(file);
  return { original: file.getAttribute('original') ?? undefined, targetLanguage: trgLang, exportId, units, line: line(file) };
}

function merge(parts: Inline): Inline {
  const out: Inline = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else out.push(part);
  }
  return out;
}
