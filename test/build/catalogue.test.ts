/** The investment catalogue of the fixture site as readers and crawlers meet it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { localeIds, type LocaleId } from '../../src/i18n/locales.ts';
import { manifestSchema } from '../../src/print/manifest.ts';
import { en, hectaresIn, ja, numberIn, usdIn, vi, zh } from '../helpers/locales.ts';
import { readPage, resolves } from '../helpers/site.ts';

const site = inject('fixtureSite');
const siteUrl = 'https://sngv.thainguyen.gov.vn';

/** What a reader sees: cards without the `hidden` attribute. */
const visibleCards = (page: HTMLElement) => page.querySelectorAll('[data-project]').filter((c) => !c.hasAttribute('hidden'));
const visibleSlugs = (page: HTMLElement) => visibleCards(page).map((c) => c.getAttribute('data-project'));
const filterLinks = (page: HTMLElement) =>
  page.querySelectorAll('.catalogue-filters a').map((a) => ({ href: a.getAttribute('href'), text: a.text.replace(/\s+/g, ' ').trim(), current: a.getAttribute('aria-current') }));
const card = (page: HTMLElement, slug: string) => page.querySelector(`[data-project="${slug}"]`)!;

describe('investment catalogue', () => {
  it('lists every project in every language, largest investment first', () => {
    for (const locale of localeIds) {
      const page = readPage(site, `${locale}/invest/`);
      expect(visibleSlugs(page), locale).toEqual(['alpha-park', 'gamma-resort', 'beta-farm']);
    }
  });

  it('offers filter links only for values that have projects, with counts, the current one marked', () => {
    const links = filterLinks(readPage(site, 'en/invest/'));
    expect(links).toEqual([
      { href: '/en/invest/', text: 'All projects 3', current: 'page' },
      { href: '/en/invest/sector/industry/', text: 'Industry 1', current: undefined },
      { href: '/en/invest/sector/agriculture/', text: 'Agriculture 1', current: undefined },
      { href: '/en/invest/sector/tourism/', text: 'Tourism 1', current: undefined },
      { href: '/en/invest/district/pho-yen/', text: 'Phổ Yên City 1', current: undefined },
      { href: '/en/invest/district/dai-tu/', text: 'Đại Từ District 2', current: undefined },
      { href: '/en/invest/size/under-50-ha/', text: `Under ${hectaresIn(en, 50)} 1`, current: undefined },
      { href: '/en/invest/size/50-200-ha/', text: `${hectaresIn(en, 50, 200)} 1`, current: undefined },
      { href: '/en/invest/size/over-200-ha/', text: `Over ${hectaresIn(en, 200)} 1`, current: undefined },
    ]);
    expect(resolves(site, '/en/invest/sector/health/')).toBe(false);
    expect(resolves(site, '/en/invest/district/vo-nhai/')).toBe(false);
  });

  it('has a page per filter listing only the matching projects, saying how many', () => {
    const daiTu = readPage(site, 'en/invest/district/dai-tu/');
    expect(visibleSlugs(daiTu)).toEqual(['gamma-resort', 'beta-farm']);
    expect(daiTu.querySelector('.catalogue-summary')?.text).toBe('Đại Từ District: 2 projects');
    expect(filterLinks(daiTu).filter((l) => l.current === 'page').map((l) => l.href)).toEqual(['/en/invest/district/dai-tu/']);
    expect(daiTu.querySelector('title')?.text).toContain('Investment projects: Đại Từ District');

    const small = readPage(site, 'ja/invest/size/under-50-ha/');
    expect(visibleSlugs(small)).toEqual(['beta-farm']);
    expect(small.querySelector('.catalogue-summary')?.text).toBe(`${hectaresIn(ja, 50)}未満：1 件`);
  });

  it('formats areas and money for each language and keeps the words apart', () => {
    // Numbers as Intl writes them in each language (ICU data: "250,5 ha", "120.000.000 US$", "250.5公顷").
    const facts = (locale: LocaleId) => card(readPage(site, `${locale}/invest/`), 'alpha-park').querySelectorAll('.card-facts dd').map((d) => d.text);
    expect(facts(vi)).toEqual([hectaresIn(vi, 250.5), usdIn(vi, 120_000_000), 'Đang kêu gọi đầu tư']);
    expect(facts(en)).toEqual([hectaresIn(en, 250.5), usdIn(en, 120_000_000), 'Seeking investors']);
    expect(facts(zh)).toEqual([hectaresIn(zh, 250.5), usdIn(zh, 120_000_000), '招商中']);
    expect(new Set([vi, en, zh].map((l) => facts(l)[0])).size).toBeGreaterThan(1);
    expect(card(readPage(site, 'vi/invest/'), 'beta-farm').querySelector('.card-meta')?.text.trim()).toBe('Nông nghiệp · Huyện Đại Từ');
  });

  it('marks cards shown in another language with a badge and their lang', () => {
    const ko = card(readPage(site, 'ko/invest/'), 'alpha-park');
    expect(ko.querySelector('.badge')?.text).toContain('English');
    expect(ko.querySelector('h3')?.getAttribute('lang')).toBe('en');
    expect(card(readPage(site, 'ja/invest/'), 'alpha-park').querySelector('h3')?.getAttribute('lang')).toBeUndefined();
  });

  it('is in the main menu of every page', () => {
    for (const page of ['vi/', 'ja/articles/alpha/', 'zh/invest/beta-farm/']) {
      const hrefs = readPage(site, page).querySelectorAll('.main-nav a').map((a) => a.getAttribute('href'));
      expect(hrefs, page).toContain(`/${page.split('/')[0]}/invest/`);
    }
  });
});

describe('project pages', () => {
  it('show the project in the reader’s language with its facts, incentives and contact links', () => {
    const page = readPage(site, 'ja/invest/alpha-park/');
    expect(page.querySelector('h1')?.text).toBe('アルファ工業団地 第2期');
    expect(page.querySelector('.fallback-notice')).toBeNull();
    expect(page.querySelector('meta[name="robots"]')).toBeNull();
    const facts = Object.fromEntries(page.querySelectorAll('.project-facts tr').map((tr) => [tr.querySelector('th')!.text, tr.querySelector('td')!.text]));
    expect(facts).toMatchObject({ 分野: '工業', 所在地: 'フォーイエン市', 想定投資額: usdIn(ja, 120_000_000), 状況: '投資家募集中' });
    expect(facts['面積']).toContain(hectaresIn(ja, 250.5));
    expect(page.querySelectorAll('.incentives li').map((li) => li.text)).toEqual(['現行規定に基づく土地賃料の免除。', '人材育成の支援。']);
    expect(page.querySelector('.project-contact')?.text).toContain('投資促進センター');
    expect(page.querySelector('a[href^="tel:"]')?.getAttribute('href')).toBe('tel:+842083000000');
    expect(page.querySelector('a[href^="mailto:"]')?.getAttribute('href')).toBe('mailto:investment@thainguyen.example');
    expect(page.querySelector('.prose')?.text).toContain('電子機器メーカー向けのインフラを整備します。');
  });

  it('falls back like articles do: notice in the reader’s language, lang on the text, noindex, canonical to the original', () => {
    const page = readPage(site, 'ko/invest/alpha-park/');
    expect(page.querySelector('.fallback-notice')?.text).toContain('한국어');
    expect(page.querySelector('.fallback-notice')?.text).toContain('English');
    expect(page.querySelector('article')?.getAttribute('lang')).toBe('en');
    expect(page.querySelector('h1')?.text).toBe('Alpha Industrial Park, phase II');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${siteUrl}/en/invest/alpha-park/`);
    // The facts are labelled in Korean, so they say so inside the English article.
    expect(page.querySelector('.project-aside')?.getAttribute('lang')).toBe('ko');
    expect(page.querySelector('.project-facts th')?.text).toBe('분야');

    const viOnly = readPage(site, 'zh/invest/gamma-resort/');
    expect(viOnly.querySelector('.fallback-notice')?.text).toContain('Tiếng Việt');
    expect(viOnly.querySelector('article')?.getAttribute('lang')).toBe('vi');
  });

  it('offers hreflang only for real translations, and leaves fallback pages out of the sitemap', () => {
    const hreflangs = readPage(site, 'vi/invest/beta-farm/').querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute('hreflang'));
    expect(hreflangs).toEqual(['vi', 'en', 'x-default']);
    const sitemap = readFileSync(join(site, 'sitemap-0.xml'), 'utf8');
    for (const path of ['/ja/invest/alpha-park/', '/en/invest/beta-farm/', '/vi/invest/gamma-resort/', '/ko/invest/sector/tourism/']) expect(sitemap).toContain(`<loc>${siteUrl}${path}</loc>`);
    for (const path of ['/ko/invest/alpha-park/', '/ja/invest/beta-farm/', '/en/invest/gamma-resort/']) expect(sitemap).not.toContain(`<loc>${siteUrl}${path}</loc>`);
  });

  it('link the project’s sheet in the booklet PDF at its page, in the reader’s language or the nearest printed one', () => {
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(site, 'print', 'manifest.json'), 'utf8')));
    const page = (locale: string) => manifest.find((e) => e.kind === 'booklet' && e.locale === locale && e.variant === 'screen')?.anchors?.['project-alpha-park'];
    const ja = readPage(site, 'ja/invest/alpha-park/').querySelector('.project-sheet-link a');
    expect(ja?.getAttribute('href')).toBe(`/print/booklet-invest-ja.pdf#page=${page('ja')}`);
    expect(ja?.text).toContain('日本語');
    // No English edition of the booklet: English readers get the Vietnamese one, and are told so.
    const en = readPage(site, 'en/invest/alpha-park/').querySelector('.project-sheet-link a');
    expect(en?.getAttribute('href')).toBe(`/print/booklet-invest-vi.pdf#page=${page('vi')}`);
    expect(en?.getAttribute('hreflang')).toBe('vi');
    expect(en?.text).toContain('Tiếng Việt');
    expect(readFileSync(join(site, 'print/booklet-invest-vi.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const cards = readPage(site, 'en/invest/');
    expect(card(cards, 'alpha-park').querySelector('.sheet-link')?.getAttribute('href')).toBe(`/print/booklet-invest-vi.pdf#page=${page('vi')}`);
    // Projects outside the booklet have no sheet, and no link pretending they do.
    expect(card(cards, 'beta-farm').querySelector('.sheet-link')).toBeNull();
    expect(readPage(site, 'en/invest/beta-farm/').querySelector('.project-sheet-link')).toBeNull();
  });
});

describe('home page', () => {
  it('introduces the province and shows the booklet’s key figures, formatted and labelled for the reader', () => {
    const jaHome = readPage(site, 'ja/');
    expect(jaHome.querySelector('.province-intro')?.text).toContain('タイグエン省');
    // The graphic's tiles: the label's lines (SVG <tspan>s, put together with the language's space) and the value.
    const figures = (page: HTMLElement, space = ' ') =>
      page.querySelectorAll('.key-figure-tiles svg').map((svg) => [svg.querySelectorAll('.figure-label tspan').map((t) => t.text).join(space), svg.querySelector('.figure-value')?.text]);
    // Figures as Intl writes them (ICU data: "3,522 km²", "134万", "1.34 million").
    const compact = { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 } as const;
    expect(figures(jaHome, '')).toEqual([
      ['面積', `${numberIn(ja, 3522)} km²`],
      ['人口', numberIn(ja, 1_340_000, compact)],
    ]);
    // No English booklet text: the labels are the Vietnamese ones, marked as Vietnamese; the numbers are English.
    const enHome = readPage(site, 'en/');
    expect(figures(enHome)).toEqual([
      ['Diện tích tự nhiên', `${numberIn(en, 3522)} km²`],
      ['Dân số', numberIn(en, 1_340_000, compact)],
    ]);
    expect(enHome.querySelector('.key-figure-tiles .figure-label')?.getAttribute('lang')).toBe('vi');
    expect(enHome.querySelector('.key-figure-tiles .figure-note')?.text).toBe('in 2024');
    // Read out whole: label, value and year.
    expect(enHome.querySelector('.key-figure-tiles svg')?.getAttribute('aria-label')).toBe(`Diện tích tự nhiên: ${numberIn(en, 3522)} km² (in 2024)`);
  });

  it('leads to the catalogue, the tea, tourism and culture pages and the latest bulletin', () => {
    const vi = readPage(site, 'vi/');
    const entries = vi.querySelectorAll('.entry-grid a').map((a) => a.getAttribute('href'));
    expect(entries).toEqual(['/vi/invest/', '/vi/topics/tea/', '/vi/topics/tourism/', '/vi/topics/culture/']);
    expect(vi.querySelector('.entry-invest')?.text).toContain('3 dự án');
    expect(vi.querySelector('.bulletin-teaser a')?.getAttribute('href')).toBe('/vi/bulletins/2026-09/');
    for (const href of entries) expect(resolves(site, href!), href!).toBe(true);
  });

  it('links the investor booklet in the reader’s language where it was printed', () => {
    const link = (locale: string) => readPage(site, `${locale}/`).querySelector('.booklet-link a')?.getAttribute('href');
    expect(link('ko')).toBe('/print/booklet-invest-ko.pdf');
    expect(link('zh')).toBe('/print/booklet-invest-vi.pdf');
    expect(existsSync(join(site, 'print/booklet-invest-ko.pdf'))).toBe(true);
  });
});
