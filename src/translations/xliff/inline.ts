/**
 * Inline markup as placeholders. A block's text reaches the translator as words and codes: paired
 * codes for emphasis, links and components with children (the translator moves and keeps them
 * around words), standalone codes for inline code, expressions, images, line breaks and
 * self-closing components. What a code stands for (a URL, a component and its attributes) stays in
 * the export's record and is put back from there, never from the returned file.
 */
import type { PhrasingContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/** A run of words, or a code: the opening or closing of a pair, or a standalone one, by id. */
export type InlinePart = string | { open: string } | { close: string } | { code: string };
export type Inline = InlinePart[];

export type CodeKind = 'bold' | 'italic' | 'strike' | 'link' | 'component' | 'image' | 'code' | 'expression' | 'break' | 'html' | 'other';

/**
 * Words inside a code's markup that are translated as units of their own: an image's alt text, and
 * the `alt`, `caption`, `title` and `label` attributes of components (a figure's caption).
 */
export interface InnerText {
  /** The unit's id, given once every inner text of the file is known (`alt-1`, `caption-2`). */
  unit: string;
  kind: 'alt' | 'attribute';
  /** `alt`, or the attribute's name. */
  name: string;
  /** `image`, or the component's name. */
  element: string;
  /** The words (entities and escapes decoded). */
  text: string;
  /** Where the words are written in the file (inside the brackets or quotes). */
  start: number;
  end: number;
  /** The quote around an attribute's value. */
  quote?: string;
}

/** Attributes of components whose words a translator translates. */
export const translatableAttributes = new Set(['alt', 'caption', 'title', 'label']);

export interface Code {
  id: string;
  kind: CodeKind;
  paired: boolean;
  /** Paired: the markup before and after the children. Standalone: the whole markup. */
  open: string;
  close: string;
  /** Where `open` starts in the file. */
  start: number;
  /** Translatable words inside `open`: an image's alt text, a component's caption. */
  inner: InnerText[];
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

/** Where an image's alt text ends inside its markup `![alt](src)`: the offset of the `](`. */
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

/** The translatable attributes of a component (text or flow), with where their values are written. */
export function attributeTexts(file: string, node: MdxJsxTextElement | MdxJsxFlowElement): InnerText[] {
  const texts: InnerText[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !translatableAttributes.has(attribute.name) || typeof attribute.value !== 'string' || !attribute.position) continue;
    const start = attribute.position.start.offset!;
    const end = attribute.position.end.offset!;
    const raw = file.slice(start, end);
    const quote = /=\s*(["'])/.exec(raw);
    if (!quote || !raw.endsWith(quote[1]!) || !attribute.value.trim()) continue;
    texts.push({ unit: '', kind: 'attribute', name: attribute.name, element: node.name ?? '', text: attribute.value, start: start + quote.index + quote[0].length, end: end - 1, quote: quote[1]! });
  }
  return texts;
}

export interface InlineExtraction {
  parts: Inline;
  codes: Map<string, Code>;
  /** The inner texts met (alt texts, component captions), in order. */
  inner: InnerText[];
}

/** The inline parts of a block's nodes. `file` is the text the nodes' positions point into. */
export function extractInline(file: string, nodes: readonly PhrasingContent[]): InlineExtraction {
  const codes = new Map<string, Code>();
  const inner: InnerText[] = [];
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
    const texts = node.type === 'mdxJsxTextElement' ? attributeTexts(file, node) : [];
    if (children.length && node.type !== 'image') {
      const first = children[0]!.position!.start.offset!;
      const last = children.at(-1)!.position!.end.offset!;
      codes.set(id, { id, kind, paired: true, open: file.slice(start, first), close: file.slice(last, end), start, inner: texts });
      inner.push(...texts);
      parts.push({ open: id });
      children.forEach(visit);
      parts.push({ close: id });
      return;
    }
    const markup = file.slice(start, end);
    if (node.type === 'image') {
      const at = altEnd(markup);
      if (markup.startsWith('![') && at > 0 && (node.alt ?? '').trim()) texts.push({ unit: '', kind: 'alt', name: 'alt', element: 'image', text: node.alt ?? '', start: start + 2, end: start + at });
    }
    codes.set(id, { id, kind, paired: false, open: markup, close: '', start, inner: texts });
    inner.push(...texts);
    parts.push({ code: id });
  };
  nodes.forEach(visit);
  return { parts, codes, inner };
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

/** Translated inner words as written in their place: alt text escaped, an attribute's quote and `&` as entities. */
export function escapeInner(inner: InnerText, text: string): string {
  if (inner.kind === 'alt') return escapeAlt(text);
  const entity = inner.quote === "'" ? '&apos;' : '&quot;';
  return text.replace(/\s*\n\s*/g, ' ').replace(/&/g, '&amp;').replace(inner.quote === "'" ? /'/g : /"/g, entity);
}

/** A code's opening (or whole) markup with its inner texts translated, where `texts` has them. */
function withInner(code: Code, texts: ReadonlyMap<string, string>): string {
  let markup = code.open;
  for (const inner of [...code.inner].sort((a, b) => b.start - a.start)) {
    const text = texts.get(inner.unit);
    if (text !== undefined) markup = markup.slice(0, inner.start - code.start) + escapeInner(inner, text) + markup.slice(inner.end - code.start);
  }
  return markup;
}

/** The paired codes to write as JSX instead of Markdown delimiters (see `rebuildInline`). */
export type JsxFallback = ReadonlySet<string>;

const jsxTags: Partial<Record<CodeKind, string>> = { bold: 'strong', italic: 'em', strike: 'del' };

/**
 * The MDX of a translated block: words escaped, each code's markup from the record, with its inner
 * texts (alt text, caption) translated from `texts` by unit id. Emphasis whose Markdown delimiters
 * would not parse next to the translated words (CJK punctuation beside `**`) is written as JSX
 * (`<strong>`) when listed in `jsx`.
 */
export function rebuildInline(parts: Inline, codes: ReadonlyMap<string, Code>, texts: ReadonlyMap<string, string>, jsx: JsxFallback = new Set()): string {
  let out = '';
  parts.forEach((part, i) => {
    if (typeof part === 'string') out += escapeText(part, i === 0);
    else if ('open' in part) {
      const code = codes.get(part.open)!;
      out += jsx.has(code.id) && jsxTags[code.kind] ? `<${jsxTags[code.kind]}>` : withInner(code, texts);
    } else if ('close' in part) {
      const code = codes.get(part.close)!;
      out += jsx.has(code.id) && jsxTags[code.kind] ? `</${jsxTags[code.kind]}>` : code.close;
    } else out += withInner(codes.get(part.code)!, texts);
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
