/** `/<locale>/rss.xml`: new articles and bulletin issues written in that language (src/site/feeds.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticles, getBulletins } from '../../content/query.ts';
import { formatMonth } from '../../i18n/format.ts';
import { getLocale, type LocaleId } from '../../i18n/locales.ts';
import { perLocale, routes } from '../../i18n/routes.ts';
import { useTranslations } from '../../i18n/ui.ts';
import { feedItems } from '../../site/feeds.ts';

export function getStaticPaths() {
  return perLocale();
}

export const GET: APIRoute = async ({ props, site = new URL('http://localhost/') }) => {
  const locale = (props as { locale: LocaleId }).locale;
  const t = useTranslations(locale);
  const list = new Intl.ListFormat(getLocale(locale).intl, { type: 'conjunction' });
  const articles = [...(await getArticles())].map(([slug, translations]) => ({
    slug,
    translations: new Map([...translations].map(([id, entry]) => [id, entry.data])),
  }));
  const bulletins = (await getBulletins()).map((b) => ({
    month: b.month,
    number: b.issue.data.number,
    articles: b.issue.data.articles,
    forewords: new Map([...b.forewords].map(([id, entry]) => [id, entry.data])),
  }));
  const items = feedItems(locale, { articles, bulletins }, site, {
    topic: (topic) => t(`topic.${topic}`),
    bulletinTitle: (number, month) => `${t('bulletin.name')} — ${t('bulletin.issue', { number, month: formatMonth(month, locale) })}`,
    bulletinContents: (titles) => t('feed.bulletinContents', { articles: list.format(titles) }),
  });
  return rss({
    title: t('feed.title'),
    // The feed's own language, named in the English description while it is not translated.
    description: t('feed.description', { language: getLocale(locale).name }),
    site: new URL(routes.home()(locale), site).href,
    items,
    customData: `<language>${getLocale(locale).tag}</language>`,
  });
};
