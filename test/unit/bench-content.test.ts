import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { localeIds } from '../../src/i18n/locales.ts';
import { contentStatus } from '../../src/translations/status.ts';
import { syntheticContent } from '../../scripts/bench-content.ts';

describe('synthetic content for the site bench', () => {
  const files = syntheticContent(12);
  const { problems, index } = checkContent({ files, assets: [], displayRoot: 'bench' });

  it('passes the content check, every article in every language', () => {
    expect(problems).toEqual([]);
    expect(index.articles.size).toBe(12);
    for (const translations of index.articles.values()) expect([...translations.keys()].sort()).toEqual([...localeIds].sort());
    expect(index.bulletins.size).toBe(1);
  });

  it('records every translation as current, so pages show no outdated notes', () => {
    expect(contentStatus(index, 'bench').filter((row) => row.state !== 'up-to-date')).toEqual([]);
  });

  it('writes each language in its own script, with headings and a list', () => {
    const text = (locale: string) => files.find((f) => f.path === `articles/article-002/${locale}.mdx`)!.text;
    expect(text('vi')).toMatch(/[ăâđêôơư]/);
    expect(text('ja')).toMatch(/[\u3040-\u30ff]/);
    expect(text('ko')).toMatch(/[\uac00-\ud7af]/);
    expect(text('zh')).toMatch(/[\u4e00-\u9fff]/);
    for (const locale of localeIds) expect(text(locale)).toMatch(/^## .+\n\n[\s\S]*^- .+/m);
  });

  it('is the same every time', () => {
    expect(syntheticContent(12)).toEqual(files);
  });
});
