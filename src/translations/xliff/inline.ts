/**
 * Inline markup as placeholders. A block's text reaches the translator as words and codes: paired
 * codes for emphasis, links and components with children (the translator moves and keeps them
 * around words), standalone codes for inline code, expressions, images, line breaks and
 * self-closing components. What a code stands for (a URL, a component and its attributes) stays in
 * the export's record and is put back from there, never from the returned file.
 */
import type { Image, PhrasingContent } from 'mdast';

/** A run of words, or a code: the opening or closing of a pair, or a standalone one, by id. */
export type InlinePart = string | { open: string } | { close: string } | { code: string };
export type Inline = InlinePart[];

export type CodeKind = 'bold' | 'italic' | 'strike' | 'link' | 'component' | 'image' | 'code' | 'expression' | 'break' | 'html' | 'other';

export interface Code {
  id: string;
  kind: CodeKind;
  paired: boolean;
  /** Paired: the markup before and after the children. Standalone: the whole markup. */
  open: string;
  close: string;
  /** An image: the id of the unit holding its alt text, and how the markup splits around it. */
  alt?: { unit: string; before: string; after: string; text: string };
}

const kinds: Partial<Record<PhrasingContent['type'], CodeKind>> = {
  strong: 'bold',
  emphasis: 'italic',
  delete: 'strike',
  link: 'link',
  linkReference: 'link',
  mdxJsxTextElement: 'component',
  image: 'image',
  imageReference: 'image',
  inlineCode: 'code',
  mdxTextExpression: 'expression',
  break: 'break',
  html: 'html',
};

const whitespace = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** Where an image's alt text sits inside its markup `![alt](src)`: the offset of the `](`. */
function altEnd(markup: string): number {
  let depth = 0;
  for (let i = 2; i < markup.length; i += 1) {
    const c = markup[i];
    if (c === '\\') i += 1;
    else if (c === '[') depth += 1;
    else if (c === ']') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

export interface InlineExtraction {
  parts: Inline;
  codes: Map<string, Code>;
  /** The images met, in order, for their alt-text units. */
  images: Array<{ node: Image; code: Code }>;
}

/**
 * The inline parts of a block's nodes. `file` is the text the nodes' positions point into;
 * `altUnit` names the alt-text unit of the n-th image of the file.
 */
export function extractInline(file: string, nodes: readonly PhrasingContent[], altUnit: (image: Image) => string): InlineExtraction {
  const codes = new Map<string, Code>();
  const images: InlineExtraction['images'] = [];
  const parts: Inline = [];
  const text = (value: string) => {
    const last = parts.at(-1);
    if (typeof last === 'string') parts[parts.length - 1] = last + value;
    else parts.push(value);
  };
  const visit = (node: PhrasingContent) => {
    if (node.type === 'text') return text(whitespace(node.value));
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    const id = String(codes.size + 1);
    const kind = node.type === 'mdxJsxTextElement' && node.name === 'br' ? 'break' : (kinds[node.type] ?? 'other');
    const children = 'children' in node ? (node.children as PhrasingContent[]) : [];
    if (children.length && node.type !== 'image') {
      const first = children[0]!.position!.start.offset!;
      const last = children.at(-1)!.position!.end.offset!;
      codes.set(id, { id, kind, paired: true, open: file.slice(start, first), close: file.slice(last, end) });
      parts.push({ open: id });
      children.forEach(visit);
      parts.push({ close: id });
      return;
    }
    const markup = file.slice(start, end);
    const code: Code = { id, kind, paired: false, open: markup, close: '' };
    if (node.type === 'image') {
      const at = altEnd(markup);
      if (markup.startsWith('![') && at > 0) {
        code.alt = { unit: altUnit(node), before: '![', after: markup.slice(at), text: node.alt ?? '' };
        images.push({ node, code });
      }
    }
    codes.set(id, code);
    parts.push({ code: id });
  };
  nodes.forEach(visit);
  return { parts, codes, images };
}

/** Characters that would start markup in MDX text; escaped with a backslash when translated text carries them. */
const special = /[\\`*_[\]{}<>~|]/g;

/** Translated words as MDX text: markup characters escaped, line breaks as spaces, no block syntax at the start. */
export function escapeText(text: string, atBlockStart: boolean): string {
  let escaped = text.replace(/\s*\n\s*/g, ' ').replace(special, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
  if (atBlockStart) escaped = escaped.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_, space: string, mark: string) => `${space}${mark.replace(/^(\d*)(.)$/, '$1\\$2')}`);
  return escaped;
}

/** An image's alt text as MDX: brackets and backslashes escaped. */
export function escapeAlt(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\[\]]/g, '\\$&');
}

/** The paired codes to write as JSX instead of Markdown delimiters (see `rebuildInline`). */
export type JsxFallback = ReadonlySet<string>;

const jsxTags: Partial<Record<CodeKind, string>> = { bold: 'strong', italic: 'em', strike: 'del' };

/**
 * The MDX of a translated block: words escaped, each code's markup from the record. `alts` gives
 * the translated alt text of images by unit id. Emphasis whose Markdown delimiters would not parse
 * next to the translated words (CJK punctuation beside `**`) is written as JSX (`<strong>`) when
 * listed in `jsx`.
 */
export function rebuildInline(parts: Inline, codes: ReadonlyMap<string, Code>, alts: ReadonlyMap<string, string>, jsx: JsxFallback = new Set()): string {
  let out = '';
  parts.forEach((part, i) => {
    if (typeof part === 'string') out += escapeText(part, i === 0);
    else if ('open' in part) {
      const code = codes.get(part.open)!;
      out += jsx.has(code.id) && jsxTags[code.kind] ? `<${jsxTags[code.kind]}>` : code.open;
    } else if ('close' in part) {
      const code = codes.get(part.close)!;
      out += jsx.has(code.id) && jsxTags[code.kind] ? `</${jsxTags[code.kind]}>` : code.close;
    } else {
      const code = codes.get(part.code)!;
      const alt = code.alt ? alts.get(code.alt.unit) : undefined;
      out += code.alt && alt !== undefined ? `${code.alt.before}${escapeAlt(alt)}${code.alt.after}` : code.open;
    }
  });
  return out;
}

/** Inline parts as one comparable string: words with whitespace collapsed, codes by id. */
export function inlineKey(parts: Inline): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : 'open' in p ? `\u0001o${p.open}\u0001` : 'close' in p ? `\u0001c${p.close}\u0001` : `\u0001x${p.code}\u0001`))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words alone. */
export function inlineText(parts: Inline): string {
  return parts.filter((p): p is string => typeof p === 'string').join('');
}
