/**
 * Paged.js breaks pages by measuring only; the renderer's audit and fixes keep headings with their
 * text and never strand a single line of a paragraph. Synthetic pages put each fault exactly at a
 * page foot: 9 lines of 20 px fit a page.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPrintSite } from '../../src/print/browser.ts';
import { renderPdf, RenderTimeoutError } from '../../src/print/render.ts';
import { chromiumPath, connectChromium, renderTimeoutMs } from '../helpers/browser.ts';

const style = `@page { size: 100mm 70mm; margin: 10mm; }
html { font: 12px/20px sans-serif; font-synthesis: none; }
p, h2 { margin: 0; font-size: 12px; line-height: 20px; }`;

const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `<p>${prefix} ${i + 1}</p>`).join('');

const documents = {
  heading: `${lines(8, 'Filler')}<h2>Lonely heading</h2><p>Text under the heading.</p>`,
  orphan: `${lines(8, 'Filler')}<p>First line<br>second line<br>third line<br>fourth line</p>`,
  widow: `${lines(7, 'Filler')}<p>First line<br>second line<br>last line</p><p>After.</p>`,
};

describe('layout passes', () => {
  let browser: Browser;
  let site: string;
  const pages = new Map<string, string[]>();
  const warnings = new Map<string, string[]>();

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'press-layout-'));
    // The run's shared Chromium, offline like the print run's.
    browser = await connectChromium();
    const printSite = await openPrintSite(browser, site);
    for (const [name, body] of Object.entries(documents)) {
      const dir = join(site, 'print', 'bulletin', name, 'vi');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><style>${style}</style></head><body><section data-source="fixture/${name}.mdx">${body}</section></body></html>`);
      const result = await renderPdf(printSite, `/print/bulletin/${name}/vi/`, { timeoutMs: renderTimeoutMs });
      const file = join(site, `${name}.pdf`);
      writeFileSync(file, result.pdf);
      pages.set(name, Array.from({ length: result.pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })));
      warnings.set(name, result.warnings);
    }
    await printSite.close();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('moves a heading that would end a page to the next page, with its text', () => {
    const [first, second] = pages.get('heading')!;
    expect(first).not.toContain('Lonely heading');
    expect(second).toMatch(/Lonely heading\s+Text under the heading/);
    expect(warnings.get('heading')).toEqual([]);
  });

  it('never leaves the first line of a paragraph alone at a page foot', () => {
    const [first, second] = pages.get('orphan')!;
    expect(first).not.toContain('First line');
    expect(second).toContain('First line');
    expect(warnings.get('orphan')).toEqual([]);
  });

  it('never leaves the last line of a paragraph alone at the top of a page', () => {
    const [first = '', second = ''] = pages.get('widow')!;
    expect(second).not.toMatch(/^\s*last line/);
    expect(first.includes('last line') || second.includes('second line')).toBe(true);
    expect(warnings.get('widow')).toEqual([]);
  });
});

describe('files a print page needs', () => {
  it('stops with the names of files that do not exist or lie outside the site, never printing without them', async () => {
    const site = mkdtempSync(join(tmpdir(), 'press-missing-'));
    const browser = await connectChromium();
    const printSite = await openPrintSite(browser, site);
    try {
      const dir = join(site, 'print', 'bulletin', 'lost', 'vi');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>lost</title><style>${style}</style><link rel="stylesheet" href="https://fonts.example.com/tea.css"></head><body><p>Chè</p><img src="/images/hills.jpg" alt="Đồi chè"></body></html>`);
      const failure = await renderPdf(printSite, '/print/bulletin/lost/vi/', { timeoutMs: renderTimeoutMs }).then(() => undefined, (error: Error) => error.message);
      expect(failure).toContain('/images/hills.jpg');
      expect(failure).toContain('https://fonts.example.com/tea.css');
    } finally {
      await printSite.close();
      await browser.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('a document Chromium does not finish', () => {
  it('is given up after the render timeout with a clear message, instead of holding the build', async () => {
    const site = mkdtempSync(join(tmpdir(), 'press-stuck-'));
    // A Chromium of its own: closing it is what surely ends a renderer that never stops.
    const browser = await launchChromium(chromiumPath, { offline: true });
    const printSite = await openPrintSite(browser, site);
    try {
      const dir = join(site, 'print', 'bulletin', 'stuck', 'vi');
      mkdirSync(dir, { recursive: true });
      // A page whose script never lets the layout finish.
      writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>stuck</title><style>${style}</style><script>document.fonts.ready.then(() => { for (;;) {} });</script></head><body><p>Chè</p></body></html>`);
      const failure = await renderPdf(printSite, '/print/bulletin/stuck/vi/', { timeoutMs: 2000 }).then(() => undefined, (error: Error) => error);
      expect(failure).toBeInstanceOf(RenderTimeoutError);
      expect(failure?.message).toContain('/print/bulletin/stuck/vi/');
      expect(failure?.message).toContain('PRESS_RENDER_TIMEOUT');
    } finally {
      await printSite.close();
      await browser.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
});
