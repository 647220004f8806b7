import { describe, expect, it } from 'vitest';
import { bulletinDate, feedItems, feedPath, type FeedArticle, type FeedBulletin, type FeedLabels } from '../../src/site/feeds.ts';
import { vi, en, ja, ko, zh } from '../helpers/locales.ts';

const site = 'https://example.org';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const text = (title: string, date: string) => ({ title, summary: `About ${title}`, date: day(date), topic: 'tea' as const });

const articles: FeedArticle[] = [
  { slug: 'tea', translations: new Map([[vi, text('Chè', '2026-09-10')], [en, text('Tea', '2026-09-10')], [ja, text('お茶', '2026-09-10')]]) },
  { slug: 'lake', translations: new Map([[vi, text('Hồ', '2026-09-20')], [en, text('Lake', '2026-09-20')]]) },
  { slug: 'park', translations: new Map([[vi, text('Khu công nghiệp', '2026-08-01')]]) },
];
const bulletins: FeedBulletin[] = [
  { month: '2026-09', number: 3, articles: ['lake', 'tea', 'park'], forewords: new Map([[vi, { title: 'Lời ngỏ' }], [en, { title: 'Foreword' }]]) },
];
const labels: FeedLabels = {
  topic: (topic) => `topic:${topic}`,
  bulletinTitle: (number, month) => `Bulletin ${number} (${month})`,
  bulletinContents: (titles) => `In this issue: ${titles.join(' | ')}`,
};

describe('RSS feed items', () => {
  it('lists only what is written in the feed language, never a fallback', () => {
    const jaItems = feedItems(ja, { articles, bulletins }, site, labels);
    expect(jaItems.map((i) => i.title)).toEqual(['お茶']);
    const enItems = feedItems(en, { articles, bulletins }, site, labels);
    expect(enItems.map((i) => i.title)).toEqual(['Lake', 'Tea', 'Bulletin 3 (2026-09)']);
    expect(feedItems(ko, { articles, bulletins }, site, labels)).toEqual([]);
  });

  it('dates items from the content, newest first, and links them absolutely in the feed language', () => {
    const viItems = feedItems(vi, { articles, bulletins }, site, labels);
    expect(viItems.map((i) => [i.link, i.pubDate.toISOString().slice(0, 10)])).toEqual([
      ['https://example.org/vi/articles/lake/', '2026-09-20'],
      ['https://example.org/vi/articles/tea/', '2026-09-10'],
      ['https://example.org/vi/bulletins/2026-09/', '2026-09-01'],
      ['https://example.org/vi/articles/park/', '2026-08-01'],
    ]);
    expect(viItems[1]).toMatchObject({ description: 'About Chè', categories: ['topic:tea'] });
  });

  it('describes a bulletin issue by the articles it has in the feed language', () => {
    const [, , issue] = feedItems(en, { articles, bulletins }, site, labels);
    expect(issue?.description).toBe('In this issue: Lake | Tea');
    const noTitles: FeedBulletin = { ...bulletins[0]!, articles: ['park'] };
    expect(feedItems(en, { articles, bulletins: [noTitles] }, site, labels).at(-1)?.description).toBe('Foreword');
  });

  it('gives the same items however often it runs (no clock)', () => {
    expect(feedItems(vi, { articles, bulletins }, site, labels)).toEqual(feedItems(vi, { articles, bulletins }, site, labels));
    expect(bulletinDate('2026-10').toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('serves each language at /<locale>/rss.xml', () => {
    expect(feedPath(zh)).toBe('/zh/rss.xml');
  });
});
