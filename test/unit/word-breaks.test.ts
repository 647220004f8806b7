/** Words of Thai, Lao and Khmer text, which has no spaces between them: for search and for print lines. */
import { describe, expect, it } from 'vitest';
import { markWordBreaks, separateWords } from '../../src/i18n/word-breaks.ts';

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
    // Only markup was added: the text reads the same.
    expect(out.replace(/<[^>]*>/g, '')).toBe(html.replace(/<[^>]*>/g, ''));
    expect(markWordBreaks('<body><p>Latin only</p></body>')).toBe('<body><p>Latin only</p></body>');
  });
});
