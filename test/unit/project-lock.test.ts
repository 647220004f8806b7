import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolder, withProjectLock } from '../../src/build/project-lock.ts';

describe('one Astro build at a time per project folder', () => {
  it('makes a second build wait until the first is done, and says whom it waits for', async () => {
    const root = mkdtempSync(join(tmpdir(), 'press-lock-'));
    const order: string[] = [];
    const waits: Array<number | undefined> = [];
    let release!: () => void;
    const first = withProjectLock(root, () => new Promise<void>((done) => { order.push('first starts'); release = () => { order.push('first ends'); done(); }; }), () => {}, 10);
    await new Promise((r) => setTimeout(r, 30));
    const second = withProjectLock(root, async () => { order.push('second runs'); }, (pid) => waits.push(pid), 10);
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(['first starts']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second runs']);
    expect(waits).toEqual([process.pid]);
    expect(existsSync(join(root, lockFolder))).toBe(false);
  });

  it('takes over a lock whose process is gone, and lets go when the build fails', async () => {
    const root = mkdtempSync(join(tmpdir(), 'press-lock-'));
    mkdirSync(join(root, lockFolder), { recursive: true });
    // A process id that is not running: the largest possible one.
    writeFileSync(join(root, lockFolder, 'pid'), String(2 ** 22));
    await expect(withProjectLock(root, async () => { throw new Error('the build failed'); }, () => {}, 10)).rejects.toThrow('the build failed');
    expect(existsSync(join(root, lockFolder))).toBe(false);
  });
});
