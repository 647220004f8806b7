/**
 * Synthetic content for the site bench: articles in every language, written in each language's own
 * script (headings, paragraphs, a list), with frontmatter valid for src/content/schema.ts and
 * translations recorded as current, plus one bulletin issue so the print stage has work too.
 * Deterministic: the same counts give the same files.
 */
import { stringify } from 'yaml';
import { topics } from '../src/content/schema.ts';
import type { ContentFile } from '../src/content/check.ts';
import { defaultLocale, localeIds, type LocaleId } from '../src/i18n/locales.ts';
import { fingerprint } from '../src/translations/status.ts';

interface Language {
  title: (n: number) => string;
  summary: string;
  headings: string[];
  sentences: string[];
  list: string[];
  foreword: string;
  /** What goes between sentences: a space, or nothing in Chinese and Japanese. */
  gap: string;
}

// Sample text per language id; a language without its own (one added later) gets the English.
const languages: Partial<Record<string, Language>> & { vi: Language; en: Language } = {
  vi: {
    title: (n) => `Thái Nguyên mở rộng hợp tác quốc tế, bản tin số ${n}`,
    summary: 'Tỉnh tiếp đón đoàn doanh nghiệp, giới thiệu các khu công nghiệp và vùng chè đặc sản.',
    headings: ['Bối cảnh', 'Kết quả chính', 'Hạ tầng và logistics', 'Định hướng thời gian tới'],
    sentences: [
      'Thái Nguyên là trung tâm công nghiệp và giáo dục của vùng trung du miền núi phía Bắc.',
      'Các khu công nghiệp Yên Bình, Điềm Thụy và Sông Công đã thu hút nhiều dự án có vốn đầu tư nước ngoài.',
      'Vùng chè Tân Cương nổi tiếng với búp chè nhỏ, nước xanh và hương cốm đặc trưng.',
      'Đường cao tốc Hà Nội – Thái Nguyên giúp hàng hóa đến sân bay Nội Bài trong chưa đầy một giờ.',
      'Sở Ngoại vụ phối hợp với các sở, ngành hỗ trợ nhà đầu tư từ khâu khảo sát đến khi dự án đi vào hoạt động.',
      'Lễ hội văn hóa trà thu hút đông đảo du khách trong và ngoài nước mỗi dịp cuối năm.',
      'Hồ Núi Cốc và khu di tích ATK Định Hóa là những điểm đến được nhiều đoàn khách quốc tế lựa chọn.',
      'Tỉnh ưu tiên các dự án công nghệ cao, thân thiện với môi trường và sử dụng lao động qua đào tạo.',
    ],
    list: ['Ký kết ba biên bản ghi nhớ hợp tác', 'Khảo sát thực địa tại khu công nghiệp', 'Gặp gỡ các hợp tác xã chè', 'Trao đổi về đào tạo nguồn nhân lực'],
    foreword: 'Bản tin tháng này điểm lại các hoạt động đối ngoại nổi bật của tỉnh.',
    gap: ' ',
  },
  en: {
    title: (n) => `Thai Nguyen widens international cooperation, report no. ${n}`,
    summary: 'The province welcomed a business delegation and presented its industrial parks and speciality tea region.',
    headings: ['Background', 'Main results', 'Infrastructure and logistics', 'Next steps'],
    sentences: [
      'Thai Nguyen is the industrial and educational centre of the northern midlands and mountains.',
      'The Yen Binh, Diem Thuy and Song Cong industrial parks have attracted many foreign-invested projects.',
      'The Tan Cuong tea region is known for its small buds, green liquor and distinctive young-rice aroma.',
      'The Hanoi–Thai Nguyen expressway brings goods to Noi Bai airport in less than an hour.',
      'The Department of Foreign Affairs works with other agencies to support investors from the first survey until operation.',
      'The tea culture festival draws visitors from home and abroad at the end of every year.',
      'Nui Coc lake and the ATK Dinh Hoa heritage site are favourites of international delegations.',
      'The province gives priority to high-tech, environmentally friendly projects employing trained workers.',
    ],
    list: ['Three memoranda of understanding signed', 'Site visit to an industrial park', 'Meeting with tea cooperatives', 'Talks on vocational training'],
    foreword: 'This month’s bulletin looks back at the province’s main foreign-affairs activities.',
    gap: ' ',
  },
  ja: {
    title: (n) => `タイグエン省、国際協力を拡大（第${n}報）`,
    summary: '省は企業視察団を迎え、工業団地と特産の茶産地を紹介しました。',
    headings: ['背景', '主な成果', 'インフラと物流', '今後の方向性'],
    sentences: [
      'タイグエン省は、北部山岳・中部丘陵地域の工業と教育の中心地です。',
      'イエンビン、ディエムトゥイ、ソンコンの各工業団地には、多くの外資系プロジェクトが進出しています。',
      'タンクオンの茶産地は、小さな芽、澄んだ緑色の水色、独特の香りで知られています。',
      'ハノイ・タイグエン高速道路により、貨物はノイバイ空港まで一時間以内で届きます。',
      '外務局は関係機関と連携し、現地調査から操業開始まで投資家を支援しています。',
      '茶文化祭は、毎年年末に国内外から多くの観光客を集めています。',
      'ヌイコック湖とATKディンホア史跡は、海外の訪問団に人気の目的地です。',
      '省は、ハイテクで環境に優しく、訓練を受けた労働者を雇用するプロジェクトを優先しています。',
    ],
    list: ['協力覚書三件の締結', '工業団地の現地視察', '茶協同組合との意見交換', '人材育成に関する協議'],
    foreword: '今月号では、省の主な対外活動を振り返ります。',
    gap: '',
  },
  ko: {
    title: (n) => `타이응우옌성, 국제 협력 확대 (제${n}호)`,
    summary: '성은 기업 대표단을 맞아 산업단지와 특산 차 재배지를 소개했습니다.',
    headings: ['배경', '주요 성과', '인프라와 물류', '향후 방향'],
    sentences: [
      '타이응우옌성은 북부 산악·중부 구릉 지역의 산업과 교육 중심지입니다.',
      '옌빈, 디엠투이, 송꽁 산업단지에는 많은 외국인 투자 프로젝트가 들어와 있습니다.',
      '떤끄엉 차 재배지는 작은 새싹, 맑은 녹색 찻물, 독특한 향으로 유명합니다.',
      '하노이–타이응우옌 고속도로 덕분에 화물은 한 시간 안에 노이바이 공항에 도착합니다.',
      '외무국은 관계 기관과 협력하여 현지 조사부터 가동까지 투자자를 지원합니다.',
      '차 문화 축제는 매년 연말 국내외 관광객을 많이 끌어들입니다.',
      '누이꼭 호수와 ATK 딘화 유적지는 해외 대표단이 즐겨 찾는 곳입니다.',
      '성은 첨단 기술을 활용하고 환경 친화적이며 숙련 인력을 고용하는 프로젝트를 우선합니다.',
    ],
    list: ['양해각서 세 건 체결', '산업단지 현장 방문', '차 협동조합과의 간담회', '인력 양성에 관한 협의'],
    foreword: '이번 호에서는 성의 주요 대외 활동을 돌아봅니다.',
    gap: ' ',
  },
  zh: {
    title: (n) => `太原省扩大国际合作（第${n}期）`,
    summary: '本省接待企业代表团，介绍了工业园区和特色茶叶产区。',
    headings: ['背景', '主要成果', '基础设施与物流', '下一步方向'],
    sentences: [
      '太原省是越南北部山区和中部丘陵地区的工业和教育中心。',
      '安平、点瑞和宋工工业园区已吸引了众多外商投资项目。',
      '新疆茶区以芽叶细小、汤色碧绿和独特的清香而闻名。',
      '河内至太原高速公路使货物不到一小时即可运抵内排机场。',
      '外事厅与各部门配合，从实地考察到项目投产全程支持投资者。',
      '每年年底的茶文化节吸引大批国内外游客。',
      '核谷湖和定化安全区遗迹是国际代表团喜爱的目的地。',
      '本省优先发展高科技、环境友好并雇用受过培训劳动力的项目。',
    ],
    list: ['签署三份合作备忘录', '实地考察工业园区', '与茶叶合作社座谈', '就人才培养进行交流'],
    foreword: '本期简报回顾本省主要的对外活动。',
    gap: '',
  },
};

const frontmatter = (data: Record<string, unknown>, body: string) =>
  `---\n${stringify(data, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n\n${body}\n`;

/** A small deterministic generator, so runs compare like with like. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function articleBody(language: Language, n: number): string {
  const next = random(n + 1);
  const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 3) }, () => pick(language.sentences)).join(language.gap);
  const parts: string[] = [paragraph()];
  for (const [i, heading] of language.headings.slice(0, 2 + (n % 3)).entries()) {
    parts.push(`## ${heading}`, paragraph());
    if (i === 1) parts.push(language.list.map((item) => `- ${item}`).join('\n'));
    if (i === 2) parts.push(`**${pick(language.sentences)}** ${paragraph()}`);
  }
  return parts.join('\n\n');
}

const pad = (n: number) => String(n).padStart(3, '0');

/** Content files for `articles` articles, each in every language, and one bulletin issue (vi, en). */
export function syntheticContent(articles: number): ContentFile[] {
  const files: ContentFile[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let n = 1; n <= articles; n++) {
    const slug = `article-${pad(n)}`;
    const date = new Date(start + n * 3 * 86_400_000).toISOString().slice(0, 10);
    const topic = topics[n % topics.length];
    const source = frontmatter({ title: languages.vi.title(n), summary: languages.vi.summary, topic, date }, articleBody(languages.vi, n));
    files.push({ path: `articles/${slug}/${defaultLocale}.mdx`, text: source });
    for (const locale of localeIds) {
      if (locale === defaultLocale) continue;
      const language = languages[locale] ?? languages.en;
      const text = frontmatter({ title: language.title(n), summary: language.summary, topic, date, translatedFrom: fingerprint(source) }, articleBody(language, n));
      files.push({ path: `articles/${slug}/${locale}.mdx`, text });
    }
  }
  // One issue: the newest articles, a foreword per edition language.
  const month = new Date(start + articles * 3 * 86_400_000).toISOString().slice(0, 7);
  const editions: LocaleId[] = [defaultLocale, ...localeIds.filter((l) => l === 'en')];
  const members = Array.from({ length: Math.min(6, articles) }, (_, i) => `article-${pad(articles - i)}`);
  files.push({ path: `bulletins/${month}/issue.yaml`, text: stringify({ number: 1, month, editions, articles: members, printRun: Object.fromEntries(editions.map((l) => [l, 500])) }) });
  const forewordSource = frontmatter({ title: languages.vi.headings[0] }, languages.vi.foreword);
  for (const locale of editions) {
    const language = languages[locale] ?? languages.en;
    const text = locale === defaultLocale ? forewordSource : frontmatter({ title: language.headings[0], translatedFrom: fingerprint(forewordSource) }, language.foreword);
    files.push({ path: `bulletins/${month}/${locale}.mdx`, text });
  }
  return files;
}
