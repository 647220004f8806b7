/**
 * `npm run bench -- lighthouse`: Lighthouse (mobile) on a built site, served from disk on loopback,
 * in Debian's Chromium: performance, accessibility, best practices and SEO for the home page (with
 * the locator map and the key figures), an article, an article with two photos and the investment
 * catalogue, in Vietnamese and Japanese; the JavaScript an article page transfers (target ≤ 20 KB);
 * and the audits that failed most. Fails only on errors, never on scores.
 *
 * The sample content carries no photo (no licensed ones can be had offline), so every run builds
 * a copy of content/ with one more article, a cover and an inline photo generated like the test
 * fixture's (test/helpers/picture-fixture.ts: 2000 × 2800 and 3000 × 2000 JPEGs, as a camera gives),
 * into a temporary folder (`npm run build -- --content … --out …`; the print cache makes the PDFs
 * of unchanged publications at once). --save <folder> keeps each page's full Lighthouse report
 * (JSON, open it in the Lighthouse viewer) for a closer look.
 *
 * Served from http://127.0.0.1:<port>: SEO audits about crawling and canonical links judge that
 * origin, not the public one, and say so in their findings.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { chromiumFlags } from '../src/print/browser.ts';
import { serveSite } from '../src/server/static-server.ts';
import { resolveBuildConfig } from '../src/build/config.ts';
import { pictures } from '../test/helpers/picture-fixture.ts';
import { load, machine, runBench } from './bench-common.ts';

const { values } = parseArgs({ args: process.argv.slice(3), options: { save: { type: 'string' } } });
const jsTarget = 20 * 1024;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const locales = ['vi', 'ja'];
/** The article with two photos the bench adds to the sample. */
const photoArticle = 'bench-two-photos';

const photoArticleText = `---
title: "Đồi chè Tân Cương trong nắng sớm"
summary: "Một buổi sáng trên những đồi chè phía tây thành phố Thái Nguyên, qua hai bức ảnh."
topic: tea
date: 2026-10-20
cover:
  src: ./cover.jpg
  alt: "Những hàng chè xanh trên sườn đồi dưới mặt trời buổi sớm"
  caption: "Đồi chè Tân Cương lúc bình minh"
  credit: "Ảnh minh họa"
---

Khi sương còn đọng trên lá, người hái chè ở Tân Cương đã ra đồi. Những hàng chè chạy theo đường đồng mức, xanh thẫm ở chân đồi và nhạt dần lên phía đỉnh, nơi nắng chạm tới trước.

Búp chè được hái vào buổi sáng, khi lá còn mát, rồi đưa về xưởng sao ngay trong ngày. Người làm chè lâu năm nói rằng hương vị của chén trà bắt đầu từ giờ hái.

![Sườn đồi chè với những hàng chè chạy theo đường đồng mức](./hills.jpg "Những hàng chè theo đường đồng mức | Ảnh minh họa | column")

Đến trưa, nắng lên cao, đồi chè vắng người. Buổi chiều, khói từ các lò sao chè lại bay lên trên những mái nhà dưới chân đồi.
`;

/** The sample content with the two-photo article, built into `work`; returns the built site's folder. */
async function buildBenchSite(work: string): Promise<string> {
  const content = join(work, 'content');
  cpSync('content', content, { recursive: true });
  const folder = join(content, 'articles', photoArticle);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'vi.mdx'), photoArticleText);
  await pictures['cover.jpg']().toFile(join(folder, 'cover.jpg'));
  await pictures['photo.jpg']().toFile(join(folder, 'hills.jpg'));
  const out = join(work, 'dist');
  console.log(`bench: building the sample content with an article of two photos (${photoArticle}) into ${out}…`);
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr.trim()}`);
  return out;
}

/** Debian's Chromium with a DevTools port for Lighthouse (no chrome-launcher, nothing downloaded). */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const chromiumPath = resolveBuildConfig().print.chromium;
  if (!existsSync(chromiumPath)) throw new Error(`Chromium was not found at ${chromiumPath}. Run "npm run setup", or set PRESS_CHROMIUM to its path.`);
  const profile = mkdtempSync(join(tmpdir(), 'press-lighthouse-'));
  const child = spawn(chromiumPath, [...chromiumFlags, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port within 60 s:\n${stderr}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready:\n${stderr}`)));
  });
  return {
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The pages to audit: the home page, the first translated article and the investment catalogue, per language, and the article with two photos. */
function pagesToAudit(dist: string): { pages: Array<{ name: string; path: string }>; notes: string[] } {
  const pages: Array<{ name: string; path: string }> = [];
  const notes: string[] = [];
  for (const locale of locales) {
    pages.push({ name: `home ${locale}`, path: `/${locale}/` });
    // An article translated into the language: a fallback page is noindex on purpose, and SEO would say so.
    const articles = join(dist, locale, 'articles');
    const slugs = existsSync(articles) ? readdirSync(articles).filter((slug) => slug !== photoArticle).sort() : [];
    const translated = slugs.find((slug) => !/<meta name="robots" content="noindex/.test(readFileSync(join(articles, slug, 'index.html'), 'utf8')));
    const slug = translated ?? slugs[0];
    if (slug) pages.push({ name: `article ${locale}`, path: `/${locale}/articles/${slug}/` });
    if (!slug) notes.push(`no article in ${dist}/${locale}/articles/`);
    else if (!translated) notes.push(`every ${locale} article is a fallback page (noindex): SEO will report it`);
    if (existsSync(join(dist, locale, 'invest', 'index.html'))) pages.push({ name: `invest ${locale}`, path: `/${locale}/invest/` });
    else notes.push(`/${locale}/invest/ is not in ${dist}/ yet: skipped`);
  }
  pages.push({ name: 'photos vi', path: `/vi/articles/${photoArticle}/` });
  return { pages, notes };
}

interface AuditFailure {
  title: string;
  pages: string[];
  detail: string;
}

async function main() {
  console.log(`bench: machine: ${machine()}`);
  console.log(`bench: ${load()}; Lighthouse ${JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version}, mobile form factor, simulated throttling`);
  // Until the web font arrives a CJK page shows the system's CJK font, as every phone has one; a
  // server without one shows boxes of other widths instead, and the swap counts as layout shift.
  const cjkSystemFont = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).stdout?.trim();
  console.log(`bench: CJK system font: ${cjkSystemFont ? cjkSystemFont.split('\n')[0] : 'none (CJK pages measure a layout shift phones do not have; apt-get install fonts-noto-cjk to measure as a phone)'}`);
  const work = mkdtempSync(join(tmpdir(), 'press-lighthouse-site-'));
  try {
    await audit(await buildBenchSite(work));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function audit(dist: string) {
  const { pages, notes } = pagesToAudit(dist);
  for (const note of notes) console.log(`bench: note: ${note}`);

  const server = await serveSite(dist);
  const chromium = await startChromium();
  const failures = new Map<string, AuditFailure>();
  let articleScript: number | undefined;
  try {
    console.log(`bench: ${'page'.padEnd(12)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'best'.padStart(5)} ${'seo'.padStart(5)}  ${'JS'.padStart(7)} ${'total'.padStart(8)}  path`);
    for (const page of pages) {
      const result = await lighthouse(server.url + page.path, { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      if (values.save) {
        mkdirSync(values.save, { recursive: true });
        writeFileSync(join(values.save, `${page.name.replace(/\s+/g, '-')}.json`), JSON.stringify(lhr, null, 1));
      }
      const score = (id: string) => {
        const value = lhr.categories[id]?.score;
        return value === null || value === undefined ? '–' : String(Math.round(value * 100));
      };
      const summary = (lhr.audits['resource-summary']?.details as { items?: Array<{ resourceType: string; transferSize: number }> } | undefined)?.items ?? [];
      const bytes = (type: string) => summary.find((item) => item.resourceType === type)?.transferSize ?? 0;
      if (page.name.startsWith('article') && articleScript === undefined) articleScript = bytes('script');
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`bench: ${page.name.padEnd(12)} ${categories.map((c) => score(c).padStart(5)).join(' ')}  ${kb(bytes('script')).padStart(7)} ${kb(bytes('total')).padStart(8)}  ${page.path}`);

      // Failed audits of the four categories (informative and manual ones have no score).
      const counted = new Set(Object.values(lhr.categories).flatMap((c) => c.auditRefs.map((r) => r.id)));
      for (const audit of Object.values(lhr.audits)) {
        if (!counted.has(audit.id) || audit.score === null || audit.score >= 0.9) continue;
        if (audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'numeric' && audit.scoreDisplayMode !== 'metricSavings') continue;
        const failure = failures.get(audit.id) ?? { title: audit.title, pages: [], detail: audit.displayValue ?? '' };
        failure.pages.push(page.name);
        failures.set(audit.id, failure);
      }
    }
  } finally {
    await chromium.stop();
    await server.close();
  }

  if (articleScript !== undefined) {
    console.log(`bench: JavaScript transferred by an article page: ${(articleScript / 1024).toFixed(1)} KB (target ≤ ${jsTarget / 1024} KB): ${articleScript <= jsTarget ? 'met' : 'NOT met'}`);
  }
  const ranked = [...failures].sort(([, a], [, b]) => b.pages.length - a.pages.length).slice(0, 12);
  console.log(ranked.length ? `bench: audits that failed (score < 0.9), most pages first:` : 'bench: no audit scored below 0.9');
  for (const [id, failure] of ranked) {
    console.log(`bench:   ${id}: ${failure.title}${failure.detail ? ` (${failure.detail})` : ''} — ${failure.pages.length}/${pages.length} pages`);
  }
  console.log('bench: is-crawlable and canonical judge http://127.0.0.1, not the public address: read their findings with that in mind');
}

await runBench(main);
