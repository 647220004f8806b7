import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearPreviousOutput, previousOutput, swapOutput } from '../../src/build/output-folder.ts';
import { linkTree } from '../../src/cache/link.ts';

const folderWith = (path: string, files: Record<string, string>) => {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(path, name, '..'), { recursive: true });
    writeFileSync(join(path, name), text);
  }
  return path;
};

describe('the output folder', () => {
  it('is swapped whole: the new output in place, the old one aside, hidden, until the next build clears it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'press-output-'));
    const out = folderWith(join(root, 'dist'), { 'index.html': 'old', 'vi/index.html': 'cũ' });
    swapOutput(folderWith(join(root, 'dist.staging'), { 'index.html': 'new' }), out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'vi'))).toBe(false);
    expect(existsSync(join(root, 'dist.staging'))).toBe(false);
    expect(previousOutput(out)).toBe(join(root, '.dist.previous'));
    expect(readFileSync(join(previousOutput(out), 'vi/index.html'), 'utf8')).toBe('cũ');
    // The name builds used before is cleared too.
    folderWith(join(root, 'dist.previous'), { 'a.html': '' });
    await clearPreviousOutput(out);
    expect(existsSync(previousOutput(out))).toBe(false);
    expect(existsSync(join(root, 'dist.previous'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
  });

  it('is swapped in even where another build set its output aside meanwhile, and the first time, with nothing to replace', () => {
    const root = mkdtempSync(join(tmpdir(), 'press-output-'));
    const out = join(root, 'site');
    swapOutput(folderWith(join(root, 'one'), { 'index.html': '1' }), out);
    expect(existsSync(previousOutput(out))).toBe(false);
    swapOutput(folderWith(join(root, 'two'), { 'index.html': '2' }), out);
    swapOutput(folderWith(join(root, 'three'), { 'index.html': '3' }), out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('3');
    expect(readFileSync(join(previousOutput(out), 'index.html'), 'utf8')).toBe('2');
  });
});

describe('a stored tree placed by links', () => {
  it('has every file and folder of the store, and is never placed over files already there', () => {
    const root = mkdtempSync(join(tmpdir(), 'press-link-'));
    const store = folderWith(join(root, 'store'), { 'pagefind-entry.json': '{}', 'index/en_1.pf_index': 'x', 'fragment/a/b.pf_fragment': 'y' });
    const placed = join(root, 'placed');
    linkTree(store, placed);
    expect(readFileSync(join(placed, 'fragment/a/b.pf_fragment'), 'utf8')).toBe('y');
    expect(readFileSync(join(placed, 'index/en_1.pf_index'), 'utf8')).toBe('x');
    expect(() => linkTree(store, placed)).toThrow(/EEXIST/);
  });
});
