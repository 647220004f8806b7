/**
 * Starting files for `npm run new`: an article, a project, the next bulletin issue. Pure: the
 * command decides where they go and refuses to overwrite. Every template is valid content, so the
 * site builds straight away; the placeholders say in Vietnamese what to write.
 */
import { stringify } from 'yaml';
import { defaultLocale, localeIds, type LocaleId } from '../i18n/locales.ts';
import { monthPattern, slugPattern } from '../content/schema.ts';
import { placeholderBody, placeholderProject, placeholderTitle } from '../content/placeholders.ts';

export class ScaffoldError extends Error {}

export type Files = Record<string, string>;

const frontmatter = (data: Record<string, unknown>, body: string) =>
  `---\n${stringify(data, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n\n${body}\n`;

function checkSlug(slug: string | undefined): string {
  if (!slug || !slugPattern.test(slug)) {
    throw new ScaffoldError(`"${slug ?? ''}" cannot be used as a folder name: use lowercase letters without accents, digits and hyphens, e.g. tan-cuong-tea.`);
  }
  return slug;
}

export function articleFiles(slug: string | undefined, today: string): Files {
  const name = checkSlug(slug);
  return {
    [`articles/${name}/vi.mdx`]: frontmatter(
      { title: placeholderTitle, summary: 'Một hoặc hai câu tóm tắt bài viết.', topic: 'investment', date: today },
      `## Đề mục\n\n${placeholderBody} Chủ đề (topic) là một trong: investment, tea, tourism, culture, foreign-affairs.`,
    ),
  };
}

export function projectFiles(slug: string | undefined): Files {
  const name = checkSlug(slug);
  return {
    [`projects/${name}/vi.mdx`]: frontmatter(
      {
        title: 'Tên dự án',
        summary: 'Một câu giới thiệu dự án.',
        sector: 'industry',
        district: 'thai-nguyen-city',
        areaHa: 10,
        investmentUsd: 1000000,
        status: 'proposed',
        incentives: ['Ưu đãi theo quy định hiện hành.'],
        contact: { office: 'Trung tâm Xúc tiến đầu tư tỉnh Thái Nguyên', phone: '+84 208 3 000 000', email: 'investment@thainguyen.example' },
      },
      `## Mục tiêu dự án\n\n${placeholderProject}: mục tiêu, quy mô, lợi thế địa điểm.`,
    ),
  };
}

export interface PreviousIssue {
  month: string;
  number: number;
  editions: LocaleId[];
  printRun?: Partial<Record<LocaleId, number>> | undefined;
}

/** The month after `month` (yyyy-mm). */
export function nextMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The next bulletin issue: the month after the latest (or the one asked for), the next number, the
 * same edition languages, a foreword per language, and the newest articles as a first running order.
 */
export function bulletinFiles(month: string | undefined, previous: PreviousIssue | undefined, newestArticles: string[], today: string): Files {
  const target = month ?? (previous ? nextMonth(previous.month) : today.slice(0, 7));
  if (!monthPattern.test(target)) throw new ScaffoldError(`"${target}" is not a month: write it yyyy-mm, e.g. 2026-11.`);
  if (newestArticles.length === 0) throw new ScaffoldError('There are no articles yet: create one first with npm run new -- article <slug>.');
  // The first issue: the source language and English, as far as the site has them.
  const editions = previous?.editions ?? localeIds.filter((id) => id === defaultLocale || id === 'en');
  const files: Files = {
    [`bulletins/${target}/issue.yaml`]:
      `# Bản tin số ${(previous?.number ?? 0) + 1}. Sắp xếp lại danh sách bài (articles) theo thứ tự in;\n# printRun là số bản in mỗi ngôn ngữ (chép từ số trước).\n` +
      stringify(
        { number: (previous?.number ?? 0) + 1, month: target, editions, articles: newestArticles.slice(0, 4), printRun: previous?.printRun ?? Object.fromEntries(editions.map((l) => [l, 0])) },
        { flowCollectionPadding: false },
      ),
  };
  for (const locale of editions) {
    files[`bulletins/${target}/${locale}.mdx`] = frontmatter(
      { title: locale === 'vi' ? 'Lời tòa soạn' : 'Foreword' },
      locale === 'vi' ? 'Viết lời giới thiệu số bản tin ở đây.' : 'Translate the Vietnamese foreword here.',
    );
  }
  return files;
}
