import { describe, expect, it } from 'vitest';
import { machineBusyMs } from '../../scripts/bench-common.ts';

describe('the bench’s CPU time', () => {
  const core = (user: number, nice: number, sys: number, idle: number, irq: number) => ({ times: { user, nice, sys, idle, irq } });

  it('adds every core’s busy time, and leaves idle time out', () => {
    expect(machineBusyMs([core(1000, 10, 300, 99_999, 5), core(2000, 0, 700, 88_888, 0)])).toBe(4015);
  });

  it('grows while this machine works', () => {
    const before = machineBusyMs();
    const until = performance.now() + 200;
    while (performance.now() < until);
    expect(machineBusyMs() - before).toBeGreaterThan(0);
  });
});
