/**
 * One Astro build at a time per project folder. Astro writes the module maps of the content folder
 * it builds into the project's own `.astro/` (content-modules.mjs, content-assets.mjs), whatever the
 * content folder: two builds of different content at once (a studio build beside a terminal one,
 * tests) read each other's maps and fail ("collection … does not exist or is empty"). The lock is a
 * folder (made atomically) holding the owner's process id; a lock whose owner is gone is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const lockFolder = join('.astro', 'build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function owner(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function tryTake(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

/**
 * Runs `work` holding the project's build lock; `onWait` hears once which process it waits for.
 * `pollMs`: how often a waiting build looks again.
 */
export async function withProjectLock<T>(root: string, work: () => Promise<T>, onWait: (pid: number | undefined) => void, pollMs = 250): Promise<T> {
  const lock = join(root, lockFolder);
  mkdirSync(join(root, '.astro'), { recursive: true });
  let told = false;
  let ownerless = 0;
  while (!tryTake(lock)) {
    const pid = owner(lock);
    // An owner that is gone, or a lock left without one (its owner stopped between the two writes).
    if ((pid !== undefined && !alive(pid)) || (pid === undefined && ++ownerless > 8)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (pid !== undefined) ownerless = 0;
    if (!told) onWait(pid);
    told = true;
    await sleep(pollMs);
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
