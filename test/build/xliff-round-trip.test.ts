/**
 * The XLIFF hand-off end to end, as an editor runs it: export the Japanese of a content folder,
 * pseudo-translate every unit, import, build. The Japanese page has the Vietnamese page's markup
 * (bold, italic, links with their addresses, image, component, code, line break, table) with the
 * new words in it. A content folder of its own (test/fixtures/xliff) builds in seconds: no PDFs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildRun } from '../helpers/build.ts';
import { ja } from '../helpers/locales.ts';

const work = mkdtempSync(join(tmpdir(), 'press-xliff-build-'));
const content = join(work, 'content');
const xliff = join(work, 'xliff');
const out = join(work, 'dist');
const translations = (...args: string[]) => spawnSync(process.execPath, ['scripts/translations.ts', '--content', content, ...args], { encoding: 'utf8' });

/** The markup of an article's text without its words: tags with the attributes that carry addresses and components. */
function skeleton(node: Node): string {
  if (node.nodeType !== 1) return '';
  const element = node as HTMLElement;
  const tag = element.rawTagName?.toLowerCase() ?? '';
  const kept = ['href', 'src'].filter((a) => element.getAttribute(a) !== undefined).map((a) => ` ${a}="${element.getAttribute(a)}"`);
  return `<${tag}${kept.join('')}>${element.childNodes.map(skeleton).join('')}</${tag}>`;
}

const prose = (locale: string) => parse(readFileSync(join(out, locale, 'articles/tea-markup/index.html'), 'utf8')).querySelector('.prose')!;

describe('an XLIFF round trip, built', () => {
  let exported: ReturnType<typeof translations>;
  let imported: ReturnType<typeof translations>;
  let build: BuildRun;

  beforeAll(async () => {
    cpSync('test/fixtures/xliff/content', content, { recursive: true });
    exported = translations('--export', ja, '--out', xliff);
    // Only the texts of this content folder: the UI strings are the project's own.
    const files = readdirSync(xliff).filter((f) => f.startsWith('article-')).map((f) => join(xliff, f));
    translations('--pseudo', ...files);
    imported = translations('--import', ...files);
    build = await runBuild(['--content', content, '--out', out]);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exports, imports and builds without an error', () => {
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/article-tea-markup\.xlf +article tea-markup +16 units, 16 to translate/);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`content/articles/tea-markup/ja.mdx written from ${join(xliff, 'article-tea-markup.xlf')} (16 units).`);
    expect(build.status, build.output).toBe(0);
  });

  it('the Japanese page has every bold, italic, link, image, component, code, break and table cell of the Vietnamese one', () => {
    const vi = prose('vi');
    const translated = prose(ja);
    expect(skeleton(translated).replace(/ src="[^"]*"/g, '')).toBe(skeleton(vi).replace(/ src="[^"]*"/g, ''));
    expect(translated.querySelectorAll('strong').map((e) => e.text)).toEqual(['TÂN CƯƠNG', 'HỘI CHỢ FESTIVAL TRÀ', '[ja] HƯƠNG CỐM']);
    expect(translated.querySelectorAll('em').map((e) => e.text)).toEqual(['THÀNH PHỐ THÁI NGUYÊN', 'MỘT TÔM HAI LÁ']);
    expect(translated.querySelectorAll('a').map((a) => [a.getAttribute('href'), a.text])).toEqual([
      ['https://vi.wikipedia.org/wiki/H%E1%BB%93_N%C3%BAi_C%E1%BB%91c', 'HỒ NÚI CỐC'],
      ['https://festivaltra.thainguyen.gov.vn', 'FESTIVAL TRÀ'],
    ]);
    expect(translated.querySelector('abbr')!.getAttribute('title')).toBe('[ja] HIỆP HỘI CÁC QUỐC GIA ĐÔNG NAM Á');
    expect(translated.querySelector('img')!.getAttribute('alt')).toBe('[ja] ĐỒI CHÈ BUỔI SÁNG Ở TÂN CƯƠNG');
    expect(translated.querySelector('code')!.text).toBe('vi.mdx');
    expect(translated.querySelector('li:last-child')!.innerHTML).toMatch(/^\[ja\] TÊN TỆP CỦA BÀI NÀY LÀ <code>vi\.mdx<\/code>\.<br\s*\/?>DÒNG SAU NGẮT DÒNG\.$/);
    expect(translated.querySelectorAll('td').map((td) => td.text)).toEqual(['[ja] TÂN CƯƠNG', '[ja] HƯƠNG CỐM NON', '[ja] LA BẰNG', '[ja] NƯỚC XANH TRONG']);
    expect(translated.querySelector('h2')!.text).toBe('[ja] CHÈ TRONG ĐỜI SỐNG');
  });

  it('the page is the Japanese translation, not a fallback, with the translated title and cover description', () => {
    const page = parse(readFileSync(join(out, ja, 'articles/tea-markup/index.html'), 'utf8'));
    expect(page.querySelector('h1')!.text.trim()).toBe('[ja] CHÈ THÁI NGUYÊN QUA TỪNG TRANG');
    expect(page.querySelector('.fallback-notice')).toBeNull();
    expect(page.querySelectorAll('img').map((i) => i.getAttribute('alt'))).toContain('[ja] ĐỒI CHÈ XANH DƯỚI BẦU TRỜI BUỔI SÁNG');
  });

  it.each([
    [['--export', 'xx'], 'error: --export xx: "xx" is not a language of this site.\n  Hint: Use one of'],
    [['--export', ja, '--xliff', '3'], 'error: --xliff 3: this site writes XLIFF 1.2 or 2.1.\n  Hint: '],
    [['--import', 'nothere.xlf'], 'error [file-missing] nothere.xlf\n  There is no file or folder nothere.xlf.\n  Hint: '],
    [['--export', ja, '--import', 'x'], 'error: --export and --import cannot be given together.\n  Hint: '],
    [['--dry-run'], 'error: --dry-run goes with --import.\n  Hint: '],
  ])('a command-line mistake, %j, is reported with a hint and no stack trace', (args, message) => {
    const run = translations(...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+/m);
  });
});
