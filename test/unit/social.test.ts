import { describe, expect, it } from 'vitest';
import { cardPage, cardPath, ogLocale, socialTags, type SocialPage } from '../../src/site/social.ts';
import { vi, en, ja, zh } from '../helpers/locales.ts';

const page: SocialPage = {
  title: 'お茶',
  description: '茶の記事',
  url: 'https://example.org/ja/articles/tea/',
  siteName: 'タイグエン省 対外情報',
  inLanguage: ja,
  translations: [vi, en, ja],
  image: { url: 'https://example.org/social/ja/articles/tea.png', width: 1200, height: 630, alt: 'お茶', type: 'image/png' },
};
const content = (tags: ReturnType<typeof socialTags>, key: string) => tags.filter((t) => t.key === key).map((t) => t.content);

describe('Open Graph and Twitter tags', () => {
  it('writes locales as Open Graph wants them', () => {
    expect(ogLocale(vi)).toBe('vi_VN');
    expect(ogLocale(zh)).toBe('zh_CN');
  });

  it('describes a page as a website with its canonical address, image size and alternates for real translations only', () => {
    const tags = socialTags(page);
    expect(content(tags, 'og:type')).toEqual(['website']);
    expect(content(tags, 'og:url')).toEqual([page.url]);
    expect(content(tags, 'og:locale')).toEqual(['ja_JP']);
    expect(content(tags, 'og:locale:alternate')).toEqual(['vi_VN', 'en_GB']);
    expect(content(tags, 'og:image:width')).toEqual(['1200']);
    expect(content(tags, 'og:image:height')).toEqual(['630']);
    expect(content(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(tags.filter((t) => t.key.startsWith('og:')).every((t) => t.attribute === 'property')).toBe(true);
    expect(tags.filter((t) => t.key.startsWith('twitter:')).every((t) => t.attribute === 'name')).toBe(true);
  });

  it('marks articles with type, date and section', () => {
    const tags = socialTags({ ...page, article: { published: new Date('2026-09-10T00:00:00Z'), section: '茶文化' } });
    expect(content(tags, 'og:type')).toEqual(['article']);
    expect(content(tags, 'article:published_time')).toEqual(['2026-09-10']);
    expect(content(tags, 'article:section')).toEqual(['茶文化']);
  });

  it('maps every page to its card and back', () => {
    expect(cardPath('/vi/articles/tea/')).toBe('/social/vi/articles/tea.png');
    expect(cardPath('/ja/')).toBe('/social/ja.png');
    expect(cardPath('/ko/404.html')).toBe('/social/ko/404.png');
    expect(cardPage('/social/vi/articles/tea.png')).toBe('/vi/articles/tea/');
    expect(cardPage('/social/ja.png')).toBe('/ja/');
    expect(cardPage('/fonts/x.png')).toBeUndefined();
    expect(() => cardPath('/')).toThrow();
  });
});
