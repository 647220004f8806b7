/**
 * Accessibility of every page template in every language, in a real browser (Debian's Chromium):
 * axe-core's WCAG 2.1 A/AA and best-practice rules, and the keyboard path readers without a mouse
 * take (skip link first, visible focus). Templates are found from the built fixture site, so new
 * pages are checked as soon as they exist.
 *
 * Each page is opened once for all of its checks: axe, then the skip link, while its requests are
 * watched. Those requests are the browser half of self-contained.test.ts: what a page fetches as it
 * runs (the font slices Chromium picks by unicode-range for the text it shows, scripts' fetches)
 * comes from this site and exists, for every template, shape and language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localeIds } from '../../src/i18n/locales.ts';
import { axeViolations, openSite, pagePool, watchRequests, type SiteInBrowser } from '../helpers/browser.ts';
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

/** Pages with something to tab through before their main content: the skip link must come first. */
function pagesWithNavigation(): Set<TemplatePage> {
  const seen = new Set<string>();
  return new Set(
    survey.pages.filter((p) => {
      const key = `${p.template} ${p.locale}`;
      if (seen.has(key)) return false;
      seen.add(key);
      const html = readFileSync(join(siteDir, p.file), 'utf8');
      const main = html.search(/<main[\s>]/);
      return main > 0 && /<a\s[^>]*href=/.test(html.slice(0, main));
    }),
  );
}

/** Tab reaches a visible skip link first, Enter moves focus to main, the next Tab goes on from there. */
async function checkSkipLink(page: Page) {
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
}

// The pages are checked side by side (the config's maxConcurrency), each in a page of its own;
// Playwright keeps focus and keyboard input apart per page.
describe.concurrent('every page template, in every language', () => {
  let site: SiteInBrowser;
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

  const withNavigation = pagesWithNavigation();
  it('has pages with navigation to test', () => {
    expect(withNavigation.size).toBeGreaterThanOrEqual(5);
  });

  for (const p of survey.pages) {
    const keyboard = withNavigation.has(p);
    // The test's own expect: a soft failure in concurrent tests must be recorded against its test.
    it(`no axe violations${keyboard ? ', skip link first' : ''}, fetches only files of the site: ${label(p)}`, ({ expect }) =>
      withPage(async (page) => {
        const requests = watchRequests(page, site.server.url);
        try {
          await open(site, page, p);
          const violations = await axeViolations(page, { runOnly: { type: 'tag', values: axeTags } });
          // Soft: a page with an axe finding is still checked with the keyboard.
          expect.soft(violations.length, `axe found problems:\n${describeViolations(p, violations)}`).toBe(0);
          // After axe, which leaves focus and scroll as they were: the page as it loaded.
          if (keyboard) await checkSkipLink(page);
        } finally {
          requests.stop();
        }
        expect(requests.elsewhere, 'requests to another host').toEqual([]);
        expect(requests.broken, 'requests answered with an error').toEqual([]);
      }));
  }

  /** What an element showed as it took focus; null when focus left the page. */
  type FocusNote = { name: string; visible: boolean } | null;

  /** One page per template (the first language): the focus styles are the same CSS in every language. */
  const perTemplate = [...withNavigation].filter((p, i, pages) => pages.findIndex((q) => q.template === p.template) === i);
  for (const p of perTemplate) {
    it(`shows a focus outline on every link and control: ${label(p)}`, () =>
      withPage(async (page) => {
        await open(site, page, p);
        // Each element notes as it takes focus whether it shows an outline; focus leaving the page
        // (past the last stop) is noted as null.
        const stops = await page.evaluate(() => {
          const log: FocusNote[] = [];
          Object.assign(window, { focusLog: log });
          document.addEventListener('focusin', (event) => {
            const el = event.target as Element;
            const style = getComputedStyle(el);
            const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${el.textContent?.trim().slice(0, 30)}"`;
            const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
            log.push({ name, visible });
          });
          document.addEventListener('focusout', (event) => {
            if (!event.relatedTarget) log.push(null);
          });
          return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length;
        });
        // One Tab more than there are stops, all sent at once: Chromium handles them in order, and
        // a page of a hundred links no longer waits two round trips per link.
        const cdp = await context.newCDPSession(page);
        const tab = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 };
        await Promise.all(
          Array.from({ length: stops + 1 }).flatMap(() => [cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...tab }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...tab })]),
        );
        await cdp.detach();
        const log = await page.evaluate(() => (window as unknown as { focusLog: FocusNote[] }).focusLog);
        const end = log.indexOf(null);
        const reached = (end === -1 ? log : log.slice(0, end)).filter((focus) => focus !== null);
        const unmarked = reached.filter((focus) => !focus.visible).map((focus) => focus.name);
        expect(reached.length, 'Tab stops reached').toBeGreaterThan(3);
        expect(unmarked, 'focused elements without a visible outline').toEqual([]);
      }));
  }
});
