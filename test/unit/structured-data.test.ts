import { describe, expect, it } from 'vitest';
import { article, graph, jsonLdScript, organization, organizationId, website, type SiteContext } from '../../src/site/structured-data.ts';
import { getLocale, localeIds } from '../../src/i18n/locales.ts';
import { ja, vi } from '../helpers/locales.ts';

const context: SiteContext = {
  site: 'https://example.org/',
  locale: ja,
  organizationName: 'タイグエン省外務局',
  siteName: 'タイグエン省 対外情報',
  homeUrl: 'https://example.org/ja/',
};
const original = 'https://example.org/vi/articles/tea/';
const facts = {
  url: 'https://example.org/ja/articles/tea/',
  headline: 'お茶',
  description: '茶の記事',
  published: new Date('2026-09-10T00:00:00Z'),
  inLanguage: ja,
  image: 'https://example.org/social/ja/articles/tea.png',
  section: '茶文化',
  translations: { [vi]: original, [ja]: 'https://example.org/ja/articles/tea/' },
};

describe('JSON-LD', () => {
  it('names the department in the page language, with one id across languages, its logo, address and contact', () => {
    const org = organization(context);
    expect(org).toMatchObject({ '@type': 'GovernmentOrganization', name: 'タイグエン省外務局', url: 'https://example.org/ja/', '@id': 'https://example.org/#organization' });
    expect(org['@id']).toBe(organization({ ...context, locale: vi, organizationName: 'Sở Ngoại vụ' })['@id']);
    expect(org).toMatchObject({ logo: { url: 'https://example.org/logo.png' }, address: { addressLocality: 'Thái Nguyên', addressCountry: 'VN' } });
    expect(org.contactPoint).toMatchObject({ '@type': 'ContactPoint', availableLanguage: localeIds.map((id) => getLocale(id).tag) });
  });

  it('describes the site in one language, published by the department', () => {
    expect(website(context)).toMatchObject({ '@type': 'WebSite', inLanguage: 'ja', name: 'タイグエン省 対外情報', publisher: { '@id': organizationId(context.site) } });
  });

  it('makes a translated article a translation of the Vietnamese original, by and from the department', () => {
    const node = article(context, facts);
    expect(node).toMatchObject({
      '@type': 'Article',
      headline: 'お茶',
      datePublished: '2026-09-10',
      inLanguage: 'ja',
      image: facts.image,
      author: { '@id': 'https://example.org/#organization' },
      publisher: { '@id': 'https://example.org/#organization' },
      isPartOf: { '@id': 'https://example.org/ja/#website' },
      translationOfWork: { '@id': 'https://example.org/vi/articles/tea/#article' },
    });
    expect(node).not.toHaveProperty('workTranslation');
  });

  it('lists the translations of a Vietnamese original', () => {
    const node = article({ ...context, locale: vi }, { ...facts, url: original, inLanguage: vi });
    expect(node).toMatchObject({ inLanguage: 'vi', workTranslation: [{ '@id': 'https://example.org/ja/articles/tea/#article' }] });
    expect(node).not.toHaveProperty('translationOfWork');
  });

  it('writes JSON that cannot end its script element, and parses back to the same value', () => {
    const data = graph([{ '@type': 'Article', headline: 'A </script><script>alert(1)</script> & more\u2028' }]);
    const text = jsonLdScript(data);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
    expect(JSON.parse(text)['@context']).toBe('https://schema.org');
  });
});
