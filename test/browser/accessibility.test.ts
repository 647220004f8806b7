/**
 * Accessibility of every page template in every language, in a real browser (Debian's Chromium):
 * axe-core's WCAG 2.1 A/AA and best-practice rules, and the keyboard path readers without a mouse
 * take (skip link first, visible focus). Templates are found from the built fixture site, so new
 * pages are checked as soon as they exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localeIds } from '../../src/i18n/locales.ts';
import { openSite, pagePool, type SiteInBrowser } from '../helpers/browser.ts';
import { surveyTemplates, type TemplatePage } from '../helpers/page-templates.ts';

const siteDir = inject('fixtureSite');
// dist/print/ holds the print products and the HTML Paged.js lays them out from: not web pages.
const survey = surveyTemplates(siteDir, 'src/pages', ['print/']);
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

const label = (p: TemplatePage) => `${p.url} (${p.template}${p.locale ? `, ${p.locale}` : ''})`;

/** One line per failing element: page, rule, element, what is wrong. */
function describeViolations(page: TemplatePage, violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => {
        const summary = (n.failureSummary ?? '').split('\n').slice(1).map((s) => s.trim()).filter(Boolean).join(' / ');
        return `${page.url}  [${v.id}] ${v.help}\n    at ${n.target.join(' ')}\n    ${summary}\n    ${v.helpUrl}`;
      }),
    )
    .join('\n');
}

/** Opens a page; a `<meta http-equiv="refresh">` target answers 204, so the page stays to be checked. */
async function open(site: SiteInBrowser, page: Page, p: TemplatePage) {
  const html = readFileSync(join(siteDir, p.file), 'utf8');
  const refresh = /<meta[^>]+http-equiv=["']?refresh["']?[^>]+content=["'][^"']*url=([^"'>\s]+)/i.exec(html);
  if (refresh) await page.route(new URL(refresh[1]!, site.url(p.url)).href, (route) => route.fulfill({ status: 204 }));
  const response = await page.goto(site.url(p.url));
  expect(response?.ok(), `${p.url} did not load`).toBe(true);
}

// The pages are checked side by side (the config's maxConcurrency), each in a page of its own.
describe.concurrent('accessibility of every page template', () => {
  let site: SiteInBrowser;
  // axe opens a page of its own in the context of the page it checks.
  let context: BrowserContext;
  beforeAll(async () => {
    site = await openSite(siteDir);
    context = await site.browser.newContext();
  });
  const withPage = pagePool(() => context);
  afterAll(() => site?.close());

  it('finds the templates of the site in every language', () => {
    expect(survey.unused.map((r) => r.file), 'route files that made no page in the fixture site (add fixture content for them)').toEqual([]);
    const templates = new Set(survey.pages.map((p) => p.template));
    expect(templates.size).toBeGreaterThanOrEqual(5);
    for (const template of templates) {
      const locales = new Set(survey.pages.filter((p) => p.template === template).map((p) => p.locale));
      // A localised template is checked in each language the site has a page for.
      if (!locales.has(undefined)) expect([...locales].sort(), template).toEqual([...localeIds].sort());
    }
  });

  for (const p of survey.pages) {
    it(`has no axe violations: ${label(p)}`, () =>
      withPage(async (page) => {
        await open(site, page, p);
        // Legacy mode runs axe in the page itself instead of opening a blank page per check to merge the
        // results of cross-origin frames, which the site has none of (self-contained.test.ts): 40% faster.
        const { violations } = await new AxeBuilder({ page }).withTags(axeTags).setLegacyMode(true).analyze();
        expect(violations.length, `axe found problems:\n${describeViolations(p, violations)}`).toBe(0);
      }));
  }
});

/** Pages with something to tab through before their main content: the skip link must come first. */
function pagesWithNavigation(): TemplatePage[] {
  const seen = new Set<string>();
  return survey.pages.filter((p) => {
    const key = `${p.template} ${p.locale}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const html = readFileSync(join(siteDir, p.file), 'utf8');
    const main = html.search(/<main[\s>]/);
    return main > 0 && /<a\s[^>]*href=/.test(html.slice(0, main));
  });
}

// Side by side too: Playwright keeps focus and keyboard input apart per page.
describe.concurrent('keyboard', () => {
  let site: SiteInBrowser;
  let context: BrowserContext;
  beforeAll(async () => {
    site = await openSite(siteDir);
    context = await site.browser.newContext();
  });
  const withPage = pagePool(() => context);
  afterAll(() => site?.close());

  const pages = pagesWithNavigation();
  it('has pages with navigation to test', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  for (const p of pages) {
    it(`Tab reaches a visible skip link first, and it moves focus to main: ${label(p)}`, () =>
      withPage(async (page) => {
        await open(site, page, p);
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const link = document.activeElement as HTMLAnchorElement | null;
          const href = link?.getAttribute('href') ?? '';
          const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
          const box = link?.getBoundingClientRect();
          const center = box && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
          return {
            tag: link?.tagName,
            href,
            text: link?.textContent?.trim(),
            targetIsMain: target?.tagName === 'MAIN',
            onScreen: !!box && box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
            onTop: !!center && !!link && (center === link || link.contains(center)),
          };
        });
        expect(skip.tag, 'the first Tab stop is a link').toBe('A');
        expect(skip.targetIsMain, `the first Tab stop (${skip.href}) leads to <main>`).toBe(true);
        expect(skip.text, 'the skip link has a name').toBeTruthy();
        expect(skip.onScreen && skip.onTop, 'the focused skip link is visible on screen, not covered').toBe(true);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.tagName), 'focus after the skip link').toBe('MAIN');
        // The next Tab continues in the main content (or after it, when main has no links), not back in the header.
        await page.keyboard.press('Tab');
        const after = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          const focused = document.activeElement;
          return !!focused && (main.contains(focused) || !!(main.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING));
        });
        expect(after, 'Tab after skipping goes on from main, not back to the header').toBe(true);
      }));
  }

  /** One page per template (the first language): the focus styles are the same CSS in every language. */
  const perTemplate = pages.filter((p, i) => pages.findIndex((q) => q.template === p.template) === i);
  for (const p of perTemplate) {
    it(`shows a focus outline on every link and control: ${label(p)}`, () =>
      withPage(async (page) => {
        await open(site, page, p);
        const stops = await page.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length);
        const unmarked: string[] = [];
        let visited = 0;
        for (let i = 0; i < stops + 1; i++) {
          await page.keyboard.press('Tab');
          const focus = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return undefined;
            const style = getComputedStyle(el);
            const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${el.textContent?.trim().slice(0, 30)}"`;
            const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
            return { name, visible };
          });
          if (!focus) break;
          visited++;
          if (!focus.visible) unmarked.push(focus.name);
        }
        expect(visited, 'Tab stops reached').toBeGreaterThan(3);
        expect(unmarked, 'focused elements without a visible outline').toEqual([]);
      }));
  }
});
