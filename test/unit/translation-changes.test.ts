import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockParseError, textBlocks } from '../../src/translations/blocks.ts';
import { alignBlocks, sourceChanges, translationRows } from '../../src/translations/changes.ts';
import { readSourceSnapshot, readUiSource } from '../../src/translations/history.ts';
import { keepTranslationsCurrent, recordTranslation } from '../../src/translations/records.ts';
import { fingerprint } from '../../src/translations/status.ts';

const source = `---
title: "Chè Tân Cương"
summary: "Về chè."
topic: tea
date: 2026-09-01
---
import Note from '../../components/Note.astro';

Sáng sớm, **người hái chè** lên [đồi](https://example.org/doi).

## Sao chè

Khâu quyết định là *sao chè*.

- hái chè buổi sớm;
- sao một mẻ chè.

| Xã | Diện tích |
| --- | --- |
| Tân Cương | 1.000 ha |

<Note>Mang theo áo mưa.</Note>

\`\`\`js
const code = 'không dịch';
\`\`\`
`;

const translation = `---
title: "Tân Cương tea"
summary: "About tea."
topic: tea
date: 2026-09-01
---
import Note from '../../components/Note.astro';

Early in the morning, **tea pickers** climb the [hills](https://example.org/doi).

## Pan-firing

The decisive step is *pan-firing*.

- picking tea at dawn;
- pan-firing a batch.

| Commune | Area |
| --- | --- |
| Tân Cương | 1,000 ha |

<Note>Bring a raincoat.</Note>
`;

describe('text blocks of an MDX file', () => {
  it('finds headings, paragraphs, list items and table cells, as exact slices of the file, with their heading', () => {
    const blocks = textBlocks(source);
    expect(blocks.map((b) => [b.kind, b.plain])).toEqual([
      ['paragraph', 'Sáng sớm, người hái chè lên đồi.'],
      ['heading', 'Sao chè'],
      ['paragraph', 'Khâu quyết định là sao chè.'],
      ['list-item', 'hái chè buổi sớm;'],
      ['list-item', 'sao một mẻ chè.'],
      ['table-cell', 'Xã'],
      ['table-cell', 'Diện tích'],
      ['table-cell', 'Tân Cương'],
      ['table-cell', '1.000 ha'],
      ['paragraph', 'Mang theo áo mưa.'],
    ]);
    for (const block of blocks) expect(source.slice(block.start, block.end)).toBe(block.text);
    expect(blocks[0]!.text).toBe('Sáng sớm, **người hái chè** lên [đồi](https://example.org/doi).');
    expect(blocks[0]!.heading).toBeUndefined();
    expect(blocks[2]!.heading).toBe('Sao chè');
  });

  it('reports MDX it cannot read with the line', () => {
    expect(() => textBlocks('---\ntitle: x\n---\n\nText\n\n<Note>unclosed\n')).toThrow(BlockParseError);
    try {
      textBlocks('---\ntitle: x\n---\n\nText\n\n<Note>unclosed\n');
    } catch (error) {
      expect((error as BlockParseError).line).toBeGreaterThan(0);
    }
  });
});

describe('what changed in a source since a translation', () => {
  it('marks changed paragraphs with their words, and added and removed ones', () => {
    const edited = source
      .replace('Khâu quyết định là *sao chè*.', 'Khâu quan trọng nhất là *sao chè* trên chảo gang.')
      .replace('- sao một mẻ chè.\n', '- sao một mẻ chè.\n- thưởng trà tại nhà vườn.\n')
      .replace('<Note>Mang theo áo mưa.</Note>\n', '')
      .replace('title: "Chè Tân Cương"', 'title: "Chè Tân Cương, Thái Nguyên"');
    const { fields, blocks } = sourceChanges(source, edited);
    expect(fields).toMatchObject([{ field: 'title', before: 'Chè Tân Cương', after: 'Chè Tân Cương, Thái Nguyên' }]);
    expect(blocks.map((c) => c.kind)).toEqual(['same', 'same', 'changed', 'same', 'same', 'added', 'same', 'same', 'same', 'same', 'removed']);
    const changed = blocks[2]!;
    if (changed.kind !== 'changed') throw new Error('expected a changed block');
    expect(changed.words.filter((w) => w.removed).map((w) => w.value.trim())).toEqual(['quyết định']);
    expect(changed.words.filter((w) => w.added).map((w) => w.value.trim())).toEqual(['quan trọng nhất', 'trên chảo gang']);
  });

  it('sees nothing when only line endings or wrapping changed', () => {
    const rewrapped = source.replace('**người hái chè** lên', '**người hái chè**\nlên').replace(/\n/g, '\r\n');
    expect(sourceChanges(source, rewrapped).blocks.every((c) => c.kind === 'same')).toBe(true);
  });
});

describe('side by side', () => {
  it('aligns translation blocks with source blocks by kind, leaving a gap where one has more', () => {
    const longer = translation.replace('## Pan-firing\n', '## Pan-firing\n\nAn extra paragraph.\n');
    const rows = alignBlocks(textBlocks(source), textBlocks(longer));
    expect(rows.filter((r) => r.source && r.translation).length).toBe(10);
    expect(rows.find((r) => !r.source)?.translation?.plain).toBe('An extra paragraph.');
  });

  it('lines an outdated translation up with the source it was made from and marks what changed since', () => {
    const edited = source.replace('Khâu quyết định là *sao chè*.', 'Khâu quan trọng nhất là *sao chè*.');
    const { rows } = translationRows(edited, translation, source);
    const changed = rows.find((r) => r.change === 'changed')!;
    expect(changed.source?.plain).toBe('Khâu quan trọng nhất là sao chè.');
    expect(changed.translation?.plain).toBe('The decisive step is pan-firing.');
    expect(changed.words?.some((w) => w.added && w.value.includes('quan trọng nhất'))).toBe(true);
    expect(rows.filter((r) => r.change === 'same' && r.source && r.translation).length).toBe(9);
  });
});

function project(): { root: string; content: string; ui: string } {
  const root = mkdtempSync(join(tmpdir(), 'press-history-'));
  const content = join(root, 'content');
  mkdirSync(join(content, 'articles', 'tea'), { recursive: true });
  writeFileSync(join(content, 'articles', 'tea', 'vi.mdx'), source);
  writeFileSync(join(content, 'articles', 'tea', 'en.mdx'), translation);
  writeFileSync(join(content, 'articles', 'tea', 'ja.mdx'), translation.replace('About tea.', 'お茶について。'));
  const ui = join(root, 'locales');
  cpSync('locales', ui, { recursive: true });
  return { root, content, ui };
}

describe('recording a translation keeps its source', () => {
  it('saves the Vietnamese text under the fingerprint recorded, and prunes sources no translation uses', () => {
    const { content, ui } = project();
    const en = join(content, 'articles', 'tea', 'en.mdx');
    const hash = recordTranslation('en', en, { content, ui });
    expect(hash).toBe(fingerprint(source));
    expect(readFileSync(en, 'utf8')).toContain(`translatedFrom: ${hash}`);
    expect(fingerprint(readSourceSnapshot(content, hash)!)).toBe(hash);

    const vi = join(content, 'articles', 'tea', 'vi.mdx');
    const edited = source.replace('Về chè.', 'Về chè Thái Nguyên.');
    writeFileSync(vi, edited);
    const second = recordTranslation('en', en, { content, ui });
    expect(readdirSync(join(content, '.sources'))).toEqual([`${second}.txt`]);
    expect(readSourceSnapshot(content, hash)).toBeUndefined();
  });

  it('keeps the Vietnamese UI strings a translation was made from', () => {
    const { content, ui } = project();
    recordTranslation('en', join(ui, 'en', 'common.json'), { content, ui });
    const records = JSON.parse(readFileSync(join(ui, 'en', 'translated-from.json'), 'utf8')) as Record<string, Record<string, string>>;
    const vi = JSON.parse(readFileSync(join(ui, 'vi', 'common.json'), 'utf8')) as Record<string, Record<string, string>>;
    const [group, strings] = Object.entries(vi).find(([, v]) => typeof v === 'object')!;
    const [key, text] = Object.entries(strings).find(([, v]) => typeof v === 'string')!;
    expect(readUiSource(ui, records.common![`${group}.${key}`]!)).toBe(text);
  });
});

describe('a minor change to a source', () => {
  it('keeps current translations current and leaves outdated ones outdated', () => {
    const { content, ui } = project();
    const folder = join(content, 'articles', 'tea');
    recordTranslation('en', join(folder, 'en.mdx'), { content, ui });
    const vi = join(folder, 'vi.mdx');
    const previous = readFileSync(vi, 'utf8');
    const minor = previous.replace('Sáng sớm,', 'Sáng sớm');
    writeFileSync(vi, minor);
    expect(keepTranslationsCurrent(vi, previous, content)).toEqual([join(folder, 'en.mdx')]);
    expect(readFileSync(join(folder, 'en.mdx'), 'utf8')).toContain(`translatedFrom: ${fingerprint(minor)}`);
    expect(readFileSync(join(folder, 'ja.mdx'), 'utf8')).not.toContain('translatedFrom');
    expect(existsSync(join(content, '.sources', `${fingerprint(minor)}.txt`))).toBe(true);
    expect(existsSync(join(content, '.sources', `${fingerprint(previous)}.txt`))).toBe(false);
  });
});
