/**
 * Every piece of text is drawn by the self-hosted fonts, never by whatever the machine has: a
 * system font would print as Type 3 (or as boxes where the machine has no font for the script) and
 * look different on every reader's device. Checked with Chromium's own record of the fonts it used.
 */
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fontFamilies } from '../../src/i18n/locales.ts';
import { findPublications } from '../../src/print/stage.ts';
import { printPagePath } from '../../src/print/publication.ts';
import { openSite, type SiteInBrowser } from '../helpers/browser.ts';

const siteDir = inject('fixtureSite');
const families = Object.values(fontFamilies).map((f) => f.family);
// The CJK files name themselves "Noto Sans JP Thin" internally (see docs/print.en.md).
const isOurs = (name: string) => families.some((family) => name === family || name === `${family} Thin`);

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeValue: string;
  localName: string;
  children?: DomNode[];
}

/** Elements with text of their own whose glyphs came from a font other than ours. */
async function foreignFonts(cdp: CDPSession): Promise<string[]> {
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as unknown as { root: DomNode };
  const found: string[] = [];
  const walk = async (node: DomNode) => {
    const text = (node.children ?? []).filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join('').trim();
    if (node.nodeType === 1 && text && !['script', 'style', 'title'].includes(node.localName)) {
      const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })) as { fonts: Array<{ familyName: string; isCustomFont: boolean }> };
      for (const font of fonts) {
        if (!font.isCustomFont || !isOurs(font.familyName)) found.push(`<${node.localName}> "${text.slice(0, 40)}" in ${font.familyName}`);
      }
    }
    for (const child of node.children ?? []) await walk(child);
  };
  await walk(root);
  return found;
}

// Each page in a context of its own, side by side.
describe.concurrent('fonts actually used', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(() => site?.close());

  // Print pages, and web pages showing text in a language other than the page's (fallbacks).
  const pages = [...findPublications(siteDir).map(printPagePath), '/ja/articles/beta/', '/ko/invest/beta-farm/', '/ko/invest/gamma-resort/', '/vi/'];

  it.each(pages)('%s: every glyph from the self-hosted fonts', async (path) => {
    const page = await site.browser.newPage();
    await page.goto(site.url(path), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    expect(await foreignFonts(cdp)).toEqual([]);
    await page.close();
  });
});
