/** A mistake in the content stops the build with a message an editor can act on. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../helpers/build.ts';

describe('a broken frontmatter field', () => {
  const work = mkdtempSync(join(tmpdir(), 'press-broken-'));
  const out = join(work, 'dist');
  let result: ReturnType<typeof runBuild>;

  beforeAll(() => {
    // A good build from yesterday must survive today's failed one.
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'the good site');
    result = runBuild(['--content', 'test/fixtures/broken-frontmatter/content', '--out', out]);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('fails the build', () => {
    expect(result.status).not.toBe(0);
  });

  it('names the file, line and field, what was expected, and a hint', () => {
    expect(result.stderr).toContain('test/fixtures/broken-frontmatter/content/articles/tea-hills/vi.mdx:4  field "topic"');
    expect(result.stderr).toContain('Expected one of: investment, tea, tourism, culture, foreign-affairs; found "teaa"');
    expect(result.stderr).toMatch(/Hint: .+/);
  });

  it('reports every problem in one run', () => {
    expect(result.stderr).toContain('test/fixtures/broken-frontmatter/content/articles/tea-hills/en.mdx:2  field "summary"');
    expect(result.stderr).toContain('The required field "summary" is missing.');
    expect(result.stderr).toContain('2 errors, 0 warnings in content.');
  });

  it('prints no stack trace', () => {
    expect(result.output).not.toMatch(/^\s+at .+:\d+/m);
  });

  it('leaves the previous dist/ untouched', () => {
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the good site');
    expect(existsSync(`${out}.staging`)).toBe(false);
  });
});
