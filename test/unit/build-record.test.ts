import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFacts, inputsKey, outputKey, projectInputs, readBuildRecord, unchangedSince, writeBuildRecord, type BuildFacts } from '../../src/build/build-record.ts';
import { resolveBuildConfig } from '../../src/build/config.ts';

const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

/** A project with a file in every input folder and a content folder beside it. */
function project(): BuildFacts {
  const root = mkdtempSync(join(tmpdir(), 'press-record-'));
  // A file in each input folder, and each input file.
  for (const input of projectInputs) write(join(root, /\.\w+$/.test(input) ? input : join(input, 'file.txt')), input);
  write(join(root, 'content/articles/a/vi.mdx'), '---\ntitle: A\n---\nXin chào');
  return { root, contentDir: join(root, 'content'), options: { siteUrl: 'https://example.org', marks: false }, tools: { node: 'v24', chromium: '156' } };
}

describe('the whole-build record', () => {
  it('keys the inputs on every file of the project and the content, the options and the tools', () => {
    const facts = project();
    const key = inputsKey(facts);
    expect(inputsKey(facts)).toBe(key);
    const changes: Array<[string, () => BuildFacts]> = [
      ['an article', () => (write(join(facts.contentDir, 'articles/a/vi.mdx'), '---\ntitle: A\n---\nXin chào!'), facts)],
      ['a new content file', () => (write(join(facts.contentDir, 'articles/b/vi.mdx'), 'B'), facts)],
      ['a linked file', () => (symlinkSync(join(facts.contentDir, 'articles/b/vi.mdx'), join(facts.contentDir, 'articles/b/en.mdx')), facts)],
      ['a component', () => (write(join(facts.root, 'src/components/New.astro'), '<p/>'), facts)],
      ['a UI string', () => (write(join(facts.root, 'locales/file.txt'), 'x'), facts)],
      ['the installed packages', () => (write(join(facts.root, 'node_modules/.package-lock.json'), '{"packages":{"a":{}}}'), facts)],
      ['an option', () => ({ ...facts, options: { siteUrl: 'https://example.org', marks: true } })],
      ['a tool', () => ({ ...facts, tools: { node: 'v24', chromium: '157' } })],
    ];
    const keys = new Set([key]);
    for (const [what, change] of changes) {
      const next = inputsKey(change());
      expect(keys.has(next), what).toBe(false);
      keys.add(next);
    }
  });

  it('does not see a file that only got a new modification time, or files outside the inputs', () => {
    const facts = project();
    const key = inputsKey(facts);
    utimesSync(join(facts.contentDir, 'articles/a/vi.mdx'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    write(join(facts.root, 'test/unit/x.test.ts'), 'not an input');
    write(join(facts.root, 'dist/index.html'), 'output, not input');
    expect(inputsKey(facts)).toBe(key);
  });

  it('keys the output on its files: one touched, added or removed is a change', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'press-record-')), 'dist');
    expect(outputKey(out)).toBe('');
    write(join(out, 'vi/index.html'), 'trang');
    write(join(out, 'print/a.pdf'), '%PDF');
    const key = outputKey(out);
    expect(outputKey(out)).toBe(key);
    utimesSync(join(out, 'vi/index.html'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const touched = outputKey(out);
    expect(touched).not.toBe(key);
    write(join(out, 'marker'), '');
    expect(outputKey(out)).not.toBe(touched);
    rmSync(join(out, 'marker'));
    rmSync(join(out, 'print/a.pdf'));
    expect(outputKey(out)).not.toBe(touched);
  });

  it('says a build has nothing to do only with the same inputs and the output as that build left it', () => {
    const records = mkdtempSync(join(tmpdir(), 'press-records-'));
    const out = join(records, 'site');
    write(join(out, 'index.html'), 'x');
    expect(readBuildRecord(records, out)).toBeUndefined();
    writeBuildRecord(records, out, { inputs: 'abc', output: outputKey(out), finished: '2026-12-03T10:00:00.000Z' });
    const record = readBuildRecord(records, out);
    expect(unchangedSince(record, 'abc', out)?.finished).toBe('2026-12-03T10:00:00.000Z');
    expect(unchangedSince(record, 'abd', out)).toBeUndefined();
    // Another output folder has a record of its own.
    expect(readBuildRecord(records, join(records, 'other'))).toBeUndefined();
    write(join(out, 'index.html'), 'edited by hand');
    expect(unchangedSince(record, 'abc', out)).toBeUndefined();
    rmSync(out, { recursive: true });
    expect(unchangedSince(record, 'abc', out)).toBeUndefined();
  });

  it('takes the options that shape the output from the build configuration, the press profile by its bytes', () => {
    const root = mkdtempSync(join(tmpdir(), 'press-record-'));
    const profile = join(root, 'shop.icc');
    write(profile, 'profile one');
    const env = { PRESS_ICC_PROFILE: profile, PRESS_OUTPUT_CONDITION: 'Shop' };
    const facts = (args: Parameters<typeof resolveBuildConfig>[0]) => buildFacts(resolveBuildConfig({ root, ...args }, env), {});
    const screen = JSON.stringify(facts({}).options);
    expect(JSON.stringify(facts({ marks: true }).options)).not.toBe(screen);
    const press = JSON.stringify(facts({ press: true }).options);
    expect(press).not.toBe(screen);
    write(profile, 'profile two');
    expect(JSON.stringify(facts({ press: true }).options)).not.toBe(press);
    // Where caches live does not shape the output.
    expect(JSON.stringify(facts({ cacheDir: join(root, 'elsewhere') }).options)).toBe(screen);
  });
});
