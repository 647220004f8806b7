import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentProblemsError, isContentProblemsError } from '../../src/content/loader.ts';
import { ContentReader } from '../../src/content/read.ts';
import { vi } from '../helpers/locales.ts';
import { ensurePictureFixture } from '../helpers/picture-fixture.ts';

describe('the content reader behind the collections', async () => {
  await ensurePictureFixture();
  const dir = mkdtempSync(join(tmpdir(), 'press-reader-'));
  cpSync('test/fixtures/site/content', dir, { recursive: true });
  const reader = new ContentReader(dir, 'content');

  it('reads and checks the folder once while nothing changes', () => {
    const first = reader.read();
    expect(first.fresh).toBe(true);
    expect(first.result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const again = reader.read();
    expect(again.fresh).toBe(false);
    expect(again.result).toBe(first.result);
  });

  it('reads again after a file changed, and sees the change', () => {
    const file = join(dir, 'articles/alpha/vi.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Một tiêu đề mới"'));
    const { fresh, result } = reader.read();
    expect(fresh).toBe(true);
    expect(result.index.articles.get('alpha')?.get(vi)?.data.title).toBe('Một tiêu đề mới');
  });

  it('keeps the frontmatter as written beside the validated data, dates as text until the schema', () => {
    const source = reader.read().result.index.articles.get('alpha')!.get(vi)!;
    expect(source.path).toBe('articles/alpha/vi.mdx');
    expect(typeof (source.fields as { date: unknown }).date).toBe('string');
    expect(source.data.date).toBeInstanceOf(Date);
  });

  it("marks content errors so the build can tell them from Astro's own", () => {
    const error = new ContentProblemsError([{ code: 'field-missing', severity: 'error', file: 'content/x.mdx', message: 'm', hint: 'h' }]);
    expect(isContentProblemsError(error)).toBe(true);
    // Astro may pass a loader's error on as the cause of its own; a copy from another module instance still counts.
    expect(isContentProblemsError(Object.assign(new Error('x'), { name: 'ContentProblemsError', problems: [] }))).toBe(true);
    expect(isContentProblemsError(new Error('other'))).toBe(false);
  });
});
