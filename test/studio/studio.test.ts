/**
 * The studio as editors use it: `npm run studio` on a fixture copy of the content, driven in
 * Chromium. Translating (outdated with the changed words marked, marked as translated, a minor
 * change), two editors on one file, images, a new bulletin built into PDFs, what must be refused,
 * and axe on every screen in both interface languages.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBuildConfig } from '../../src/build/config.ts';
import { runStudioCommand, startTestStudio, type TestStudio } from '../helpers/studio.ts';

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
let studio: TestStudio;
let browser: Browser;

beforeAll(async () => {
  [studio, browser] = await Promise.all([startTestStudio(), chromium.launch({ executablePath: resolveBuildConfig().print.chromium })]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

async function open(hash: string, { width = 1280, language = 'en', context }: { width?: number; language?: string; context?: BrowserContext } = {}): Promise<Page> {
  const page = await (context ?? (await browser.newContext({ viewport: { width, height: 900 }, locale: language }))).newPage();
  await page.goto(`${studio.url}${hash}`);
  await page.locator('main h1').waitFor();
  return page;
}

const file = (path: string) => join(studio.content, path);

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).setLegacyMode(true).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

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

  it('creates the next bulletin through the form and builds it into PDFs and the order sheet', async () => {
    const page = await open('#/new?what=bulletin');
    await expect.poll(() => page.getByLabel('Month').inputValue()).toBe('2026-10');
    // Pick the articles: only alpha and beta, beta first.
    const chosen = () => page.locator('ol.ordered li').evaluateAll((items) => items.map((li) => li.getAttribute('data-slug')));
    for (const slug of await chosen()) if (slug !== 'alpha' && slug !== 'beta') await page.locator(`ol.ordered li[data-slug="${slug}"] button.remove`).click();
    for (const slug of ['alpha', 'beta']) if (!(await chosen()).includes(slug)) await page.locator(`ul.pick li[data-slug="${slug}"] button`).click();
    if ((await chosen())[0] === 'alpha') await page.locator('ol.ordered li[data-slug="beta"] button.up').click();
    expect(await chosen()).toEqual(['beta', 'alpha']);
    await page.getByRole('button', { name: 'Create the bulletin' }).click();
    await page.waitForURL(/#\/edit\?path=content%2Fbulletins%2F2026-10%2Fissue\.yaml/);
    const issue = readFileSync(file('bulletins/2026-10/issue.yaml'), 'utf8');
    expect(issue).toMatch(/number: 2/);
    expect(issue).toMatch(/articles:\n\s+- beta\n\s+- alpha/);
    expect(existsSync(file('bulletins/2026-10/en.mdx'))).toBe(true);

    await page.goto(`${studio.url}#/build`);
    await page.getByRole('button', { name: 'Build the site and PDFs' }).click();
    await page.locator('#results-title').waitFor({ timeout: 240_000 });
    const links = await page.locator('section[aria-labelledby="results-title"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/__studio/dist/print/bulletin-2026-10-vi.pdf');
    expect(links).toContain('/__studio/dist/print/bulletin-2026-10-en.pdf');
    expect(links).toContain('/__studio/dist/print/order-sheet.pdf');
    const pdf = await page.evaluate(async () => {
      const response = await fetch('/__studio/dist/print/bulletin-2026-10-en.pdf');
      return { status: response.status, type: response.headers.get('content-type'), start: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)) };
    });
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' });
    expect(readdirSync(join(studio.out, 'print'))).toContain('bulletin-2026-10-en.pdf');
    await page.close();
  }, 300_000);

  it('shows a content error after a build in plain words, linked to its field', async () => {
    const issue = file('bulletins/2026-10/issue.yaml');
    writeFileSync(issue, readFileSync(issue, 'utf8').replace('- beta', '- no-such-article'));
    const page = await open('#/build');
    await page.getByRole('button', { name: 'Build the site and PDFs' }).click();
    await page.locator('#problems-title').waitFor({ timeout: 120_000 });
    const link = page.locator('section[aria-labelledby="problems-title"] a').first();
    expect(await link.getAttribute('href')).toMatch(/#\/edit\?path=content%2Fbulletins%2F2026-10%2Fissue\.yaml&field=articles/);
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('articles');
    await page.close();
  }, 180_000);

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

  it.each(['en', 'vi'])('has no axe violations on any screen (%s interface), at 1280 and 820 px', async (language) => {
    for (const width of [1280, 820]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: language });
      for (const hash of [
        '#/',
        '#/files',
        '#/new?what=article',
        '#/new?what=bulletin',
        '#/new?what=translation',
        '#/build',
        `#/edit?path=${encodeURIComponent('content/articles/gamma/vi.mdx')}`,
        `#/edit?path=${encodeURIComponent('content/projects/alpha-park/vi.mdx')}`,
        `#/translate?path=${encodeURIComponent('content/articles/alpha/en.mdx')}`,
        `#/translate?path=${encodeURIComponent('locales/en/common.json')}`,
      ]) {
        const page = await open(hash, { context });
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        expect(await axe(page), `${hash} at ${width} px`).toEqual([]);
        // Nothing wider than the screen but the tables that scroll on their own.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${hash} at ${width} px`).toBe(true);
        await page.close();
      }
      await context.close();
    }
  }, 240_000);
});

describe('studio safety', () => {
  it('refuses to listen beyond this machine without STUDIO_PASSWORD', async () => {
    const { code, output } = await runStudioCommand(['--host', '0.0.0.0', '--port', '0']);
    expect(code).toBe(1);
    expect(output).toMatch(/without a password/);
    expect(output).toMatch(/Hint: Set STUDIO_PASSWORD/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('with a password, asks for it on every route, the dev server’s own included, then remembers it', async () => {
    const guarded = await startTestStudio(['--host', '0.0.0.0'], { STUDIO_PASSWORD: 'chè xanh Tân Cương' });
    try {
      for (const path of ['', '__studio/api/overview', '@vite/client', 'vi/', 'src/studio/client/main.ts']) {
        expect((await fetch(`${guarded.url}${path}`)).status, path).toBe(401);
      }
      const page = await browser.newPage();
      await page.goto(guarded.url);
      await page.getByLabel(/Password/).fill('wrong');
      await page.getByRole('button', { name: /Sign in/ }).click();
      await page.locator('[role=alert]').waitFor();
      await page.getByLabel(/Password/).fill('chè xanh Tân Cương');
      await page.getByRole('button', { name: /Sign in/ }).click();
      await page.locator('main h1').waitFor();
      const cookie = (await page.context().cookies()).find((c) => c.name === 'studio_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', expires: -1 });
      expect(await page.evaluate(async () => (await fetch('/__studio/api/overview')).status)).toBe(200);
      await page.close();
    } finally {
      await guarded.stop();
    }
  }, 120_000);
});
