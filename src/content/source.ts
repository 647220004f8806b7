/**
 * Reads the YAML an editor wrote (a frontmatter block or a whole .yaml file) keeping positions,
 * so every problem can name the line it is on.
 */
import { mdxToMdast } from 'satteri';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

export interface YamlSource {
  data: unknown;
  /** 1-based line in the file of the field at `path`; the nearest existing parent's line otherwise. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Line of the key itself (for unknown fields). */
  keyLine(path: readonly PropertyKey[], key: string): number;
}

export interface YamlSyntaxError {
  syntaxError: string;
  line: number;
}

export interface MdxSource {
  frontmatter: YamlSource | YamlSyntaxError | undefined;
  body: string;
  /** Line where the body starts, for errors in the text. */
  bodyLine: number;
}

/** Parses YAML text that starts `firstLine - 1` lines into its file. */
export function parseYaml(text: string, firstLine = 1): YamlSource | YamlSyntaxError {
  const lineCounter = new LineCounter();
  // Dates stay strings here; the schemas accept both strings and dates.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line + firstLine - 1;
    return { syntaxError: error.message.split('\n')[0] ?? 'invalid YAML', line };
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const nearest = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return node;
    }
    return undefined;
  };
  const lineOf = (path: readonly PropertyKey[]) => {
    const node = nearest(path);
    return node?.range ? lineAt(node.range[0]) : firstLine;
  };
  return {
    data: doc.toJS(),
    lineOf,
    keyLine(path, key) {
      const parent = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return lineAt(range[0]);
      }
      return lineOf(path);
    },
  };
}

export function isSyntaxError(source: YamlSource | YamlSyntaxError): source is YamlSyntaxError {
  return 'syntaxError' in source;
}

const frontmatterPattern = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits an MDX file into its frontmatter (parsed) and body. */
export function parseMdx(text: string): MdxSource {
  const match = frontmatterPattern.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return { frontmatter: undefined, body: text, bodyLine: 1 };
  const yamlText = match[1] ?? '';
  const bodyLine = match[0].split('\n').length;
  return {
    // Line 1 is the opening "---", so the YAML starts on line 2.
    frontmatter: parseYaml(yamlText, 2),
    body: text.slice(match[0].length),
    bodyLine,
  };
}

/** An MDX body's syntax tree, as Astro's own parser builds it. */
export type MdxTree = ReturnType<typeof mdxToMdast>;

/**
 * Parses an MDX body with the same parser Astro compiles it with: the tree for further checks, or a
 * syntax error with its line (relative to the body) to report before the build starts.
 */
export function parseMdxBody(body: string): { tree: MdxTree } | { error: { line: number; reason: string } } {
  try {
    return { tree: mdxToMdast(body) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(message);
    return { error: { line: Number(match?.[1] ?? 1), reason: (match?.[3] ?? message).replace(/ \(\d+:\d+\)/g, '') } };
  }
}
