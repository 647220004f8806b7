/**
 * The print run's Chromium: its --disable-features comes after Playwright's and replaces it
 * (Chromium reads the last one), so it must still name every feature Playwright turns off.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playwrightDisabledFeatures, printDisabledFeatures } from '../../src/print/browser.ts';

/** The `disabledFeatures` list of the installed playwright-core's chromiumSwitches. */
function installedPlaywrightList(): string[] {
  const bundle = readFileSync(join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'lib', 'coreBundle.js'), 'utf8');
  const list = /\bdisabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  if (list === undefined) throw new Error('playwright-core no longer has a disabledFeatures list where it had one: check src/print/browser.ts against its chromiumSwitches.');
  return [...list.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe("the print run's disabled Chromium features", () => {
  it("repeat every feature the installed playwright-core turns off", () => {
    const installed = installedPlaywrightList();
    expect(installed.length).toBeGreaterThan(5);
    expect(playwrightDisabledFeatures).toEqual(expect.arrayContaining(installed));
  });

  it('add their own without repeating one', () => {
    expect(printDisabledFeatures).toContain('PreloadTopChromeWebUI');
    const all = [...playwrightDisabledFeatures, ...printDisabledFeatures];
    expect(new Set(all).size).toBe(all.length);
  });
});
