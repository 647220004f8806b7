/**
 * Words in scripts written without spaces between them (Thai, Lao, Khmer, Myanmar): found with
 * Intl.Segmenter, whose dictionaries know them. Search indexes and queries them as separate words
 * (Pagefind only splits at spaces), and print lays out lines that break only between them: Chromium
 * breaks such text with its own dictionaries, which do not always agree with each other or with a
 * reader (ផ្លូវ|ដែក, "rail|way").
 */

/** A run of text in a script without spaces between words (with the joiners that shape it). */
const spacelessRun = /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\u200c\u200d]+/gu;
const spacelessChar = /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** A tag, quoted attribute values and all (a `>` inside one does not end it). */
export const tagPattern = /(<(?:[^>"']|"[^"]*"|'[^']*')*>)/;

/** Whether a text has any letter of these scripts. */
export function hasSpacelessText(text: string): boolean {
  return spacelessChar.test(text);
}

// ICU picks its dictionary by script; the locale only names it.
const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(run: string): Intl.Segmenter {
  const locale = /\p{sc=Thai}/u.test(run) ? 'th' : /\p{sc=Lao}/u.test(run) ? 'lo' : /\p{sc=Khmer}/u.test(run) ? 'km' : 'my';
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  return segmenter;
}

/**
 * The words of one run, in order, each with the marks and punctuation after it (a line never starts
 * with ។ or ฯ); put together they are the run.
 */
function runWords(run: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenterFor(run).segment(run)) {
    if (words.length && !isWordLike) words[words.length - 1] += segment;
    else words.push(segment);
  }
  return words;
}

/**
 * The text with `separator` between the words of every spaceless run, and nowhere else:
 * `ផ្លូវថ្មី` → `ផ្លូវ␣ថ្មី`. Other text is left as it is.
 */
export function separateWords(text: string, separator = ' '): string {
  return text.replace(spacelessRun, (run) => runWords(run).join(separator));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const isOneCluster = (word: string) => {
  const clusters = graphemes.segment(word)[Symbol.iterator]();
  return !clusters.next().done && clusters.next().done === true;
};

/**
 * The words a line may break between: no break next to a "word" of one letter cluster. The
 * dictionaries cut names they do not know into such pieces, taking a piece of the word before or
 * after along (ខេត្តថៃង្វៀន as ខេ|ត្ត|ថៃ|ង្វៀន, ชาติโหน่ย as ชา|ติ|โหน่|ย).
 */
function lineWords(run: string): string[] {
  const words: string[] = [];
  let lastWasPiece = false;
  for (const word of runWords(run)) {
    const piece = isOneCluster(word);
    if (words.length && (piece || lastWasPiece)) words[words.length - 1] += word;
    else words.push(word);
    lastWasPiece = piece;
  }
  return words;
}

/**
 * The text cut only between the words of its spaceless runs (where `markWordBreaks` puts `<wbr>`):
 * `Tỉnh ខេត្តថៃង្វៀន៖` → `Tỉnh ខេត្តថៃង្វៀន៖` whole, `ផ្លូវដែកថ្មី` → `ផ្លូវដែក|ថ្មី`. Put together the
 * pieces are the text. For text drawn outside HTML (labels in SVG), which the marks cannot reach.
 */
export function spacelessLineWords(text: string): string[] {
  const pieces = [''];
  let last = 0;
  for (const match of text.matchAll(spacelessRun)) {
    const [first = '', ...rest] = lineWords(match[0]);
    pieces[pieces.length - 1] += text.slice(last, match.index) + first;
    pieces.push(...rest);
    last = match.index + match[0].length;
  }
  pieces[pieces.length - 1] += text.slice(last);
  return pieces.filter(Boolean);
}

/** One word kept whole on its line: a word of more than one character, in a span that does not wrap. */
const wholeWord = (word: string) => (word.length > 1 ? `<span class="word">${word}</span>` : word);


/**
 * HTML whose spaceless text breaks only between words: each word in `<span class="word">` (which
 * CSS keeps from wrapping) and a `<wbr>` between words. Text inside `<script>`, `<style>`,
 * `<title>`, `<textarea>` and `<svg>`, attribute values and the document head stay as they are.
 */
export function markWordBreaks(html: string): string {
  if (!hasSpacelessText(html)) return html;
  const bodyStart = html.search(/<body[\s>]/i);
  if (bodyStart < 0) return html;
  const head = html.slice(0, bodyStart);
  let raw: string | undefined;
  const parts = html.slice(bodyStart).split(tagPattern);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      const tag = /^<(\/?)(script|style|title|textarea|svg)\b/i.exec(part);
      if (tag && (raw === undefined || raw === tag[2]!.toLowerCase())) raw = tag[1] ? undefined : tag[2]!.toLowerCase();
      continue;
    }
    if (raw || !hasSpacelessText(part)) continue;
    parts[i] = part.replace(spacelessRun, (run) => lineWords(run).map(wholeWord).join('<wbr>'));
  }
  return head + parts.join('');
}
