/**
 * The studio as editors use it: `npm run studio` on a fixture copy of the content, driven in
 * Chromium. Translating (outdated with the changed words marked, marked as translated, a minor
 * change), two editors on one file, images, what must be refused, axe on every screen in both
 * interface languages, and a new language (last: the studio starts again). The Build button and
 * the password have files of their own (studio-build, studio-safety), run beside this one.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocaleId, localeIds } from '../../src/i18n/locales.ts';
import { uploadLimit } from '../../src/studio/api.ts';
import { knownLocales } from '../../src/scaffold/locale.ts';
import { startTestStudio, type TestStudio } from '../helpers/studio.ts';
import { axe, launchChromium, networkQuiet, open as openPage, show, withAxe } from './screens.ts';

let studio: TestStudio;
let browser: Browser;

beforeAll(async () => {
  [studio, browser] = await Promise.all([startTestStudio(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

const open = (hash: string, options?: Parameters<typeof openPage>[3]): Promise<Page> => openPage(browser, studio, hash, options);

const file = (path: string) => join(studio.content, path);

describe('studio', () => {
  it('shows the overview: next bulletin, publications, the translation matrix filtered by language', async () => {
    const page = await open('#/');
    await expect.poll(() => page.locator('text=Bulletin 2026-09').count()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    const header = await page.locator('table.matrix thead th').allTextContents();
    expect(header).toEqual(['Text', 'ko']);
    // gamma has no translation: missing in every language.
    await expect.poll(() => page.locator('table.matrix tr', { hasText: 'article gamma' }).locator('.badge').first().textContent()).toBe('missing');
    await page.close();
  });

  it('makes a heading and a list item on an empty line: the words typed after the button follow the prefix', async () => {
    const page = await open(`#/edit?path=${encodeURIComponent('content/articles/beta/vi.mdx')}`);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Heading', exact: true }).click();
    await page.keyboard.type('Một năm nhiều hoạt động');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.keyboard.type('Mục đầu tiên');
    const lines = await page.locator('.cm-content .cm-line').allTextContents();
    expect(lines).toContain('## Một năm nhiều hoạt động');
    expect(lines).toContain('- Mục đầu tiên');
    expect(lines.filter((l) => l.includes('##'))).toEqual(['## Một năm nhiều hoạt động']);
    await page.close();
  });

  it('words the problems for the form, in the interface language (vi and en)', async () => {
    for (const [language, summary, date] of [
      ['vi', 'Ô “Tóm tắt” đang trống.', 'Ô “Ngày” bắt buộc nhưng chưa có.'],
      ['en', 'The field “Summary” is empty.', 'The field “Date” is required and has no value.'],
    ] as const) {
      const page = await open(`#/edit?path=${encodeURIComponent('content/articles/gamma/vi.mdx')}`, { language });
      await page.locator('[data-field="summary"] textarea').fill('');
      await page.locator('[data-field="date"] input').fill('');
      await expect.poll(() => page.locator('[data-field="summary"] .field-problems').textContent()).toContain(summary);
      await expect.poll(() => page.locator('[data-field="date"] .field-problems').textContent()).toContain(date);
      // Not the terminal's wording, which talks about files.
      expect(await page.locator('.field-problems').allTextContents()).not.toContainEqual(expect.stringContaining('"---"'));
      await page.close();
    }
  });

  it('marks a translation current, then shows it outdated with the changed words after the source is edited', async () => {
    // Record en as translated from the Vietnamese as it is now (this keeps the source's snapshot).
    let page = await open(`#/translate?path=${encodeURIComponent('content/articles/alpha/en.mdx')}`);
    await page.getByRole('button', { name: 'Save and mark as translated' }).click();
    await expect.poll(() => page.locator('.translate-state .badge').textContent()).toBe('current');
    await page.close();

    // Edit a Vietnamese paragraph in the editor and save.
    page = await open(`#/edit?path=${encodeURIComponent('content/articles/alpha/vi.mdx')}`);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Cảng cạn mới đã hoạt động.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.savebar .status').textContent()).toContain('Saved.');
    expect(readFileSync(file('articles/alpha/vi.mdx'), 'utf8')).toContain('Cảng cạn mới đã hoạt động.');
    await page.close();

    page = await open('#/');
    await expect.poll(() => page.locator('table.matrix tr', { hasText: 'article alpha' }).locator('td').first().textContent()).toBe('outdated');
    await page.close();

    page = await open(`#/translate?path=${encodeURIComponent('content/articles/alpha/en.mdx')}`);
    await expect.poll(() => page.locator('.translate-state .badge').textContent()).toBe('outdated');
    const changed = page.locator('tr.row-changed');
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.locator('ins').allTextContents()).toEqual([expect.stringContaining('Cảng cạn mới đã hoạt động.')]);

    // Translate the paragraph in place, and mark it as translated: current again.
    const area = changed.locator('textarea');
    await area.fill(`${await area.inputValue()} The new dry port is open.`);
    await page.getByRole('button', { name: 'Save and mark as translated' }).click();
    await expect.poll(() => page.locator('.translate-state .badge').textContent()).toBe('current');
    const en = readFileSync(file('articles/alpha/en.mdx'), 'utf8');
    expect(en).toContain('The new dry port is open.');
    expect(en).toMatch(/translatedFrom: "?[0-9a-f]{12}/);
    await page.close();
  });

  it('keeps current translations current after a minor change to the source', async () => {
    const before = readFileSync(file('articles/alpha/en.mdx'), 'utf8');
    const page = await open(`#/edit?path=${encodeURIComponent('content/articles/alpha/vi.mdx')}`);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('!');
    await page.getByLabel('Minor change: translations need no re-translation').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.savebar .status').textContent()).toContain('Saved.');
    await page.goto(`${studio.url}#/`);
    await expect.poll(() => page.locator('table.matrix tr', { hasText: 'article alpha' }).locator('td').first().textContent()).toBe('current');
    expect(readFileSync(file('articles/alpha/en.mdx'), 'utf8')).not.toBe(before);
    await page.close();
  });

  it('edits a booklet through its form: a section of projects picked from the list, a key figure with its unit', async () => {
    const original = readFileSync(file('booklets/invest/booklet.yaml'), 'utf8');
    const page = await open(`#/edit?path=${encodeURIComponent('content/booklets/invest/booklet.yaml')}`);
    await page.getByRole('button', { name: 'Add a section' }).click();
    await page.getByLabel('Kind of section').last().selectOption('projects');
    await page.getByLabel('Add a project').last().selectOption('alpha-park');
    await page.getByRole('button', { name: 'Add', exact: true }).last().click();
    await expect.poll(() => page.locator('[data-field="sections.3"] li[data-slug]').allTextContents()).toEqual([expect.stringContaining('alpha-park')]);
    await page.getByRole('button', { name: 'Add a key figure' }).click();
    await page.getByLabel(/^Name/).last().fill('exports');
    await page.getByLabel('Value').last().fill('12.5');
    await page.getByLabel('Unit').last().selectOption('percent');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.savebar .status').textContent()).toContain('Saved.');
    const saved = parse(readFileSync(file('booklets/invest/booklet.yaml'), 'utf8')) as { sections: unknown[]; figures: unknown[] };
    expect(saved.sections).toHaveLength(4);
    expect(saved.sections[3]).toEqual({ kind: 'projects', projects: ['alpha-park'] });
    expect(saved.figures.at(-1)).toEqual({ id: 'exports', value: 12.5, unit: 'percent' });
    // The content check has no error against it (the new figure's labels are warnings until written).
    // The live check answers after the last keystroke: its final word, not one on the way.
    await expect.poll(() => page.locator('.field-problems li.error').count()).toBe(0);
    await page.close();
    // The booklet as it was, for the tests after this one.
    writeFileSync(file('booklets/invest/booklet.yaml'), original);
  });

  it('refuses the second of two editors saving the same file, and loses nothing', async () => {
    const path = encodeURIComponent('content/articles/beta/vi.mdx');
    const first = await open(`#/edit?path=${path}`);
    const second = await open(`#/edit?path=${path}`);
    await first.getByLabel('Title').fill('Tiêu đề của biên tập viên thứ nhất');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => first.locator('.savebar .status').textContent()).toContain('Saved.');
    await second.getByLabel('Title').fill('Tiêu đề của biên tập viên thứ hai');
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    await second.locator('.conflict').waitFor();
    expect(readFileSync(file('articles/beta/vi.mdx'), 'utf8')).toContain('thứ nhất');
    // Both versions are shown, the second editor's own words included.
    expect(await second.locator('.conflict').textContent()).toContain('thứ hai');
    expect(await second.locator('.conflict').textContent()).toContain('thứ nhất');
    // And survive a reload of the page, as a draft.
    await second.reload();
    await second.locator('.conflict').waitFor();
    expect(await second.locator('.conflict').textContent()).toContain('thứ hai');
    await first.close();
    await second.close();
  });

  it('uploads an image with alt text per language and shows it on the page and in the print preview', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7d44' } }).jpeg().toBuffer();
    const page = await open(`#/edit?path=${encodeURIComponent('content/articles/beta/en.mdx')}`);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.locator('input[type=file]').setInputFiles({ name: 'Đồi chè mới.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.getByLabel('Description in en').fill('New tea hills at dawn');
    await page.getByLabel('Description in vi').fill('Đồi chè mới lúc bình minh');
    await page.getByRole('button', { name: 'Upload and insert' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.savebar .status').textContent()).toContain('Saved.');
    expect(existsSync(file('articles/beta/doi-che-moi.jpg'))).toBe(true);
    expect(readFileSync(file('articles/beta/en.mdx'), 'utf8')).toContain('![New tea hills at dawn](./doi-che-moi.jpg)');
    expect(readFileSync(file('articles/beta/vi.mdx'), 'utf8')).toContain('![Đồi chè mới lúc bình minh](./doi-che-moi.jpg)');
    const web = page.frameLocator('.preview iframe');
    await expect.poll(() => web.locator('img[alt="New tea hills at dawn"]').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Print preview' }).click();
    const print = page.frameLocator('.preview iframe');
    await expect.poll(() => print.locator('.pagedjs_page img[alt="New tea hills at dawn"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('refuses an image over the upload limit with a clear message, and writes nothing', async () => {
    const folder = file('articles/beta');
    const before = readdirSync(folder).sort();
    const text = readFileSync(file('articles/beta/en.mdx'), 'utf8');
    const page = await open(`#/edit?path=${encodeURIComponent('content/articles/beta/en.mdx')}`);
    // From a file on disk, as an editor picks one: Chromium reads it itself (20 ms), where a buffer
    // of this size crossed the DevTools connection as base64 (3-4 s on a loaded machine).
    const huge = join(mkdtempSync(join(tmpdir(), 'press-upload-')), 'huge.jpg');
    writeFileSync(huge, Buffer.alloc(uploadLimit + 1, 0xff));
    await page.locator('input[type=file]').setInputFiles(huge);
    await page.getByLabel('Description in en').fill('Too large');
    await page.getByRole('button', { name: 'Upload and insert' }).click();
    // The answer comes after the studio has read all 15 MB (so the browser gets it, not a broken
    // connection): slower than the default wait while other studios build beside this one.
    await expect.poll(() => page.locator('dialog [role=alert]').textContent(), { timeout: 60_000 }).toBe(
      `huge.jpg is larger than the upload limit (${uploadLimit / 1024 / 1024} MB): nothing was uploaded or changed. Make the picture smaller (3000 pixels across is plenty for print) and try again.`,
    );
    expect(readdirSync(folder).sort()).toEqual(before);
    expect(readFileSync(file('articles/beta/en.mdx'), 'utf8')).toBe(text);
    // The route itself says so too, to anything else that sends a file.
    const answer = await page.evaluate(async (size) => {
      const r = await fetch('/__studio/api/upload?folder=content/articles/beta&name=big.png', { method: 'POST', body: new Uint8Array(size) });
      return { status: r.status, body: (await r.json()) as { error: string; limitMb: number } };
    }, uploadLimit + 1);
    expect(answer).toEqual({ status: 413, body: { error: `What was sent is larger than the limit (${uploadLimit / 1024 / 1024} MB); nothing was written.`, limitMb: uploadLimit / 1024 / 1024 } });
    expect(readdirSync(folder).sort()).toEqual(before);
    await page.close();
    rmSync(dirname(huge), { recursive: true, force: true });
  });

  it('refuses a path outside the content, another origin, and a file that is not an image', async () => {
    const page = await open('#/');
    const status = (url: string, init?: RequestInit) => page.evaluate(async ([u, i]) => (await fetch(u as string, i as RequestInit)).status, [url, init ?? {}] as const);
    expect(await status('/__studio/api/file?path=content/../../etc/passwd')).toBe(403);
    expect(await status('/__studio/api/file?path=%2Fetc%2Fpasswd')).toBe(403);
    expect(await status('/__studio/api/file?path=content%2F%252e%252e%2F%252e%252e%2Fpackage.json')).toBe(403);
    expect(await status('/__studio/api/upload?folder=content/articles/beta&name=x.jpg', { method: 'POST', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' })).toBe(415);
    await page.close();

    const other = await browser.newPage();
    await other.route('http://elsewhere.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<p>elsewhere</p>' }));
    await other.goto('http://elsewhere.example/');
    // A page elsewhere can send a simple POST to the studio (no-cors): the studio must not act on it.
    await other.evaluate((url) => fetch(`${url}__studio/api/build`, { method: 'POST', mode: 'no-cors', body: '{}' }).catch(() => undefined), studio.url);
    await other.close();
    expect(((await (await fetch(`${studio.url}__studio/api/build`)).json()) as { state: string }).state).toBe('idle');
    const direct = await fetch(`${studio.url}__studio/api/build`, { method: 'POST', headers: { Origin: 'http://elsewhere.example' } });
    expect(direct.status).toBe(403);
  });

  it('deletes only after asking, into the trash, from where the file comes back', async () => {
    const page = await open(`#/edit?path=${encodeURIComponent('content/articles/gamma/vi.mdx')}`);
    const text = readFileSync(file('articles/gamma/vi.mdx'), 'utf8');
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Delete…' }).click();
    expect(existsSync(file('articles/gamma/vi.mdx'))).toBe(true);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.waitForURL(/#\/$/);
    expect(existsSync(file('articles/gamma/vi.mdx'))).toBe(false);
    await page.goto(`${studio.url}#/files`);
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.locator('text=content/articles/gamma/vi.mdx is back.').waitFor();
    expect(readFileSync(file('articles/gamma/vi.mdx'), 'utf8')).toBe(text);
    await page.close();
  });

  // The site's pages in the studio (the preview pane): under a language's folder.
  const sitePage = new RegExp(`^/(${localeIds.join('|')})/`);

  // One page per interface language, the screens reached by their addresses as the studio's links
  // do (no reload: a new page per screen and width loaded the studio's modules 44 times), each
  // checked at 1280 px, then at 820 px in the same state: only the layout differs between the two.
  // Both widths get every rule: injected once, axe costs a few tenths of a second per check, and
  // its rules read the layout well beyond color-contrast and scrolling regions (what is visible on
  // screen decides label, button-name, select-name, autocomplete-valid, link-in-text-block…), so a
  // short list for 820 px would save little and could miss what a narrower window breaks.
  it.concurrent.each(['en', 'vi'])('has no axe violations on any screen (%s interface), at 1280 and 820 px', async (language) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: language });
    await withAxe(context);
    // The preview pane's site page (an article's, a project's) is the site's own template, which
    // browser/accessibility.test.ts checks with the same rules on the built site, every template in
    // every language. Here it is an empty page of the same language: the studio's screens are
    // checked, the preview's frame and its title with them, without the dev server's first render
    // of each page the preview shows (most of this test's time).
    await context.route(
      (url) => sitePage.test(url.pathname),
      (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="${language}"><head><title>Preview</title></head><body></body></html>` }),
    );
    const page = await context.newPage();
    const settled = networkQuiet(page);
    await page.goto(`${studio.url}#/`);
    for (const hash of [
      '#/',
      '#/files',
      '#/new?what=article',
      '#/new?what=bulletin',
      '#/new?what=translation',
      '#/new?what=language',
      '#/build',
      `#/edit?path=${encodeURIComponent('content/articles/gamma/vi.mdx')}`,
      `#/edit?path=${encodeURIComponent('content/projects/alpha-park/vi.mdx')}`,
      `#/translate?path=${encodeURIComponent('content/articles/alpha/en.mdx')}`,
      `#/translate?path=${encodeURIComponent('locales/en/common.json')}`,
    ]) {
      await show(page, hash);
      if (hash.endsWith('language')) {
        // With a language chosen: what will be written is shown (nothing is written before the button).
        await page.getByRole('radio').last().check();
        await page.locator('.will-write pre').waitFor();
      }
      // Everything the screen asked for is in (the preview's stand-in too).
      await settled();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      for (const width of [1280, 820]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axe(page), `${hash} at ${width} px`).toEqual([]);
        // Nothing wider than the screen but the tables that scroll on their own.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${hash} at ${width} px`).toBe(true);
      }
    }
    await context.close();
  }, 240_000);
});

describe('studio: a new language', () => {
  // A language the scaffold offers that needs no font download: French until the project has it, then German.
  const added = Object.values(knownLocales).find((l) => !isLocaleId(l.id) && !l.font);

  it.skipIf(!added)('is chosen, shown before it is written, created; after the restart it is in the overview and can be translated', async () => {
    const locale = added!;
    // The studio of the tests above, last: it runs in a copy of the project (helpers/studio.ts), so
    // the new language goes into the copy's locales/, and the restart is its own.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en' });
    await withAxe(context);
    const page = await context.newPage();
    await page.goto(`${studio.url}#/new?what=language`);
    await page.getByRole('radio', { name: new RegExp(locale.name) }).check();
    const preview = page.locator('.will-write');
    await expect.poll(() => preview.locator('pre.added').textContent()).toContain(`intl: ${locale.intl}`);
    expect(await preview.locator('.files code').allTextContents()).toContain(`locales/${locale.id}/common.json`);
    expect(await axe(page)).toEqual([]);

    // What the form says when the request cannot be met.
    const answer = (body: unknown) =>
      page.evaluate(async (b) => {
        const r = await fetch('/__studio/api/language', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
        return { status: r.status, error: ((await r.json()) as { error?: string }).error };
      }, body);
    const { version } = (await (await page.request.get(`${studio.url}__studio/api/languages`)).json()) as { version: string };
    expect(await answer({ id: 'xx', version })).toMatchObject({ status: 400, error: expect.stringMatching(/"xx" is not a language this command knows/) });
    expect(await answer({ id: 'en', version })).toMatchObject({ status: 400, error: expect.stringMatching(/"en" is not a language this command knows/) });
    expect(await answer({ id: locale.id, version: 'old' })).toMatchObject({ status: 409, error: expect.stringMatching(/changed since the form was opened/) });

    await page.getByRole('button', { name: 'Add the language' }).click();
    await expect.poll(() => page.locator('[role=status]').textContent()).toContain(`Added: ${locale.name} (${locale.id}).`);
    expect(readFileSync(join(studio.root, 'locales/languages.yaml'), 'utf8')).toContain(`intl: ${locale.intl}`);
    expect(existsSync(join(studio.root, `locales/${locale.id}/common.json`))).toBe(true);
    // The studio starts again; the page reloads itself onto the overview, the new language among the others.
    await expect.poll(() => page.getByRole('combobox', { name: 'Language' }).locator('option').allTextContents(), { timeout: 90_000, interval: 1000 }).toContain(locale.id);
    expect(studio.output()).toMatch(/studio: started again with the new language list/);
    await page.getByRole('combobox', { name: 'Language' }).selectOption(locale.id);
    await expect.poll(() => page.locator('table.matrix tr', { hasText: 'article alpha' }).locator('.badge').first().textContent()).toBe('missing');
    // Now it is there: the form says so.
    expect(await answer({ id: locale.id, version: ((await (await page.request.get(`${studio.url}__studio/api/languages`)).json()) as { version: string }).version })).toMatchObject({
      status: 400,
      error: `The language "${locale.id}" already exists in locales/languages.yaml.`,
    });

    // And it can be translated: a translation started through the form.
    await page.goto(`${studio.url}#/new?what=translation`);
    await page.getByLabel('Vietnamese text').selectOption('content/articles/alpha/vi.mdx');
    await page.getByLabel('Into').selectOption(locale.id);
    await page.getByRole('button', { name: 'Start the translation' }).click();
    await expect.poll(() => page.url()).toContain(`translate?path=${encodeURIComponent(`content/articles/alpha/${locale.id}.mdx`)}`);
    expect(existsSync(join(studio.content, `articles/alpha/${locale.id}.mdx`))).toBe(true);
    await context.close();
  }, 240_000);
});
