/**
 * Chromium's own record of the fonts that drew a page's text (CSS.getPlatformFontsForNode): the
 * way tests prove no system font draws anything, which would print as Type 3 or show boxes.
 */
import type { CDPSession } from 'playwright-core';

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeValue: string;
  localName: string;
  children?: DomNode[];
}

/**
 * Elements with text of their own whose glyphs came from a font other than the self-hosted
 * `families`. The CJK files name themselves "Noto Sans JP Thin" internally (see docs/print.en.md).
 */
export async function foreignFonts(cdp: CDPSession, families: readonly string[]): Promise<string[]> {
  const isOurs = (name: string) => families.some((family) => name === family || name === `${family} Thin`);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as unknown as { root: DomNode };
  // Every element with text of its own, in document order.
  const elements: Array<{ node: DomNode; text: string }> = [];
  const walk = (node: DomNode) => {
    const text = (node.children ?? []).filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join('').trim();
    if (node.nodeType === 1 && text && !['script', 'style', 'title'].includes(node.localName)) elements.push({ node, text });
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  // All questions sent at once, then the answers awaited: one after the other, a page of a few
  // hundred elements waited a round trip through the test's browser connection per element.
  const answers = await Promise.all(
    elements.map(({ node }) => cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId }) as Promise<{ fonts: Array<{ familyName: string; isCustomFont: boolean }> }>),
  );
  return elements.flatMap(({ node, text }, i) =>
    answers[i]!.fonts.filter((font) => !font.isCustomFont || !isOurs(font.familyName)).map((font) => `<${node.localName}> "${text.slice(0, 40)}" in ${font.familyName}`),
  );
}
