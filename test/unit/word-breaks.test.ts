/** Words of Thai, Lao and Khmer text, which has no spaces between them: for search and for print lines. */
import { describe, expect, it } from 'vitest';
import { mayHaveSpacelessText } from '../../src/i18n/spaceless-bytes.ts';
import { hasSpacelessText, markWordBreaks, separateWords } from '../../src/i18n/word-breaks.ts';

const words = (text: string, locale: string) => [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

describe('words without spaces', () => {
  it('separates the words of Khmer, Lao and Thai runs and leaves other text alone', () => {
    const khmer = 'ផ្លូវថ្មីទៅកាន់អាកាសយានដ្ឋាន។';
    expect(separateWords(khmer).split(' ').map((w) => w.replace('។', ''))).toEqual(words(khmer, 'km'));
    expect(separateWords('ສະໜາມບິນສາກົນ')).toBe(words('ສະໜາມບິນສາກົນ', 'lo').join(' '));
    expect(separateWords('สนามบินนานาชาติ')).toBe(words('สนามบินนานาชาติ', 'th').join(' '));
    expect(separateWords('Thái Nguyên 2026, 日本語')).toBe('Thái Nguyên 2026, 日本語');
    // Stuck together again, the words are the text as written.
    expect(separateWords(khmer, '')).toBe(khmer);
  });

  it('keeps each word whole in print HTML, with a break between words and never before punctuation', () => {
    const html = '<html><head><title>ផ្លូវថ្មី</title></head><body><p class="x">ផ្លូវថ្មី។ Road</p><script>"ផ្លូវថ្មី"</script></body></html>';
    const out = markWordBreaks(html);
    expect(out).toContain('<title>ផ្លូវថ្មី</title>');
    expect(out).toContain('<script>"ផ្លូវថ្មី"</script>');
    expect(out).toContain('<p class="x"><span class="word">ផ្លូវ</span><wbr><span class="word">ថ្មី។</span> Road</p>');
    // A one-cluster piece stays with the next word: ខេ|ត្ត is one word the dictionary cut before a name it does not know.
    expect(markWordBreaks('<body><p>ខេត្តថៃង្វៀន</p></body>')).not.toMatch(/>ខេ<\/span><wbr>/);
    // Only markup was added: the text reads the same.
    expect(out.replace(/<[^>]*>/g, '')).toBe(html.replace(/<[^>]*>/g, ''));
    expect(markWordBreaks('<body><p>Latin only</p></body>')).toBe('<body><p>Latin only</p></body>');
    // Attribute values, a `>` in them included, and SVG text are no place for markup.
    const attribute = '<body><div data-x="a > ផ្លូវថ្មី" title=\'ไทย\'><svg><text>ផ្លូវថ្មី</text></svg></div></body>';
    expect(markWordBreaks(attribute)).toBe(attribute);
  });
});

describe('the quick test on page bytes', () => {
  it('passes every letter of these scripts, in every code point there is', () => {
    const encoder = new TextEncoder();
    const missed: string[] = [];
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      if (hasSpacelessText(char) && !mayHaveSpacelessText(encoder.encode(`Thái Nguyên ${char}`))) missed.push(point.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it("turns away pages in the site's languages, and reads bytes at any offset of their buffer", () => {
    const encoder = new TextEncoder();
    expect(mayHaveSpacelessText(encoder.encode('<p>Thái Nguyên · 太原省 · 타이응우옌 · タイグエン</p>'))).toBe(false);
    const page = encoder.encode('xxxxສະໜາມບິນ');
    expect(mayHaveSpacelessText(page.subarray(4))).toBe(true);
    expect(mayHaveSpacelessText(page.subarray(0, 4))).toBe(false);
  });
});

describe('search index of words without spaces', () => {
  it('sets the words of a page apart, marked or not, for Pagefind to split at spaces', async () => {
    const { spacedForIndex } = await import('../../src/site/search-index.ts');
    const marked = markWordBreaks('<body><p>ផ្លូវថ្មី <b>ទៅកាន់</b></p></body>');
    const words = (html: string) => html.replace(/<[^>]*>/g, '').split(/\s+/).map((w) => w.replace(/\u2060/g, '')).filter(Boolean);
    expect(words(spacedForIndex(marked))).toEqual(['ផ្លូវ', 'ថ្មី', 'ទៅកាន់']);
    expect(words(spacedForIndex('<body><p>ផ្លូវថ្មី</p></body>'))).toEqual(['ផ្លូវ', 'ថ្មី']);
  });
});
