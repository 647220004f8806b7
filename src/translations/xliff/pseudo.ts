/**
 * Pseudo-translation: every unit still to translate gets a target made from its source with the
 * words changed (upper case, the language marked at the start) and every code kept, marked
 * translated; units already carrying a translation (final) are left as they are, as a translator would. For trying the
 * round trip (export, "translate", import, build) before real translations arrive, and in tests.
 */
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';

const elements = (root: Node, name: string): Element[] => Array.from((root as Element).getElementsByTagNameNS('*', name) as unknown as ArrayLike<Element>);

/** The words of a text node as pseudo-translated. */
export function pseudoWords(text: string): string {
  return text.toLocaleUpperCase('vi');
}

export function pseudoTranslate(xliff: string, mark: string): string {
  const doc = new DOMParser().parseFromString(xliff, 'text/xml');
  const root = doc.documentElement!;
  const two = root.getAttribute('version') !== '1.2';
  const fill = (container: Element, source: Element) => {
    const existing = Array.from(container.childNodes as unknown as ArrayLike<Node>).find((n): n is Element => n.nodeType === 1 && (n as Element).localName === 'target');
    if (existing?.textContent?.trim()) return false;
    const target = source.cloneNode(true) as Element;
    const renamed = doc.createElementNS(source.namespaceURI, source.prefix ? `${source.prefix}:target` : 'target');
    while (target.firstChild) renamed.appendChild(target.firstChild);
    let marked = false;
    const visit = (node: Node) => {
      if (node.nodeType === 3 && node.nodeValue?.trim()) {
        node.nodeValue = `${marked ? '' : `${mark} `}${pseudoWords(node.nodeValue)}`;
        marked = true;
      }
      // Native code inside 1.2 <bpt>/<ph> is markup, not words.
      if (node.nodeType === 1 && ['bpt', 'ept', 'ph', 'it'].includes((node as Element).localName ?? '') && !two) return;
      Array.from(node.childNodes as unknown as ArrayLike<Node>).forEach(visit);
    };
    visit(renamed);
    if (!two) renamed.setAttribute('state', 'translated');
    if (existing) container.replaceChild(renamed, existing);
    else container.insertBefore(renamed, source.nextSibling);
    return true;
  };
  if (two) {
    for (const segment of elements(root, 'segment')) {
      const source = elements(segment, 'source')[0];
      if (!source) continue;
      if (fill(segment, source)) segment.setAttribute('state', 'translated');
    }
  } else {
    for (const unit of elements(root, 'trans-unit')) {
      const source = Array.from(unit.childNodes as unknown as ArrayLike<Node>).find((n): n is Element => n.nodeType === 1 && (n as Element).localName === 'source');
      if (source) fill(unit, source);
    }
  }
  return new XMLSerializer().serializeToString(doc);
}
