/**
 * A mistake in the content stops the build with a message an editor can act on. The content check
 * and its report run in-process, as the build script runs them first; the real command on this
 * fixture, its exit code and the untouched dist/ are in test/build/build-command.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContentAsBuild } from '../helpers/content-check.ts';

describe('a broken frontmatter field', () => {
  let result: ReturnType<typeof checkContentAsBuild>;
  beforeAll(() => {
    result = checkContentAsBuild('test/fixtures/broken-frontmatter/content');
  });

  it('fails the build', () => {
    expect(result.stops).toBe(true);
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
});
