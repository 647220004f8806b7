/**
 * What the studio refuses: listening beyond this machine without a password; with one, every
 * route (the dev server's own and its HMR WebSocket included) until it is given. A studio of its
 * own (`--host 0.0.0.0` and STUDIO_PASSWORD), beside the other studio tests.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmrUpgrade, runStudioCommand, startTestStudio } from '../helpers/studio.ts';
import { launchChromium } from './screens.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('studio safety', () => {
  it('refuses to listen beyond this machine without STUDIO_PASSWORD', async () => {
    const { code, output } = await runStudioCommand(['--host', '0.0.0.0', '--port', '0']);
    expect(code).toBe(1);
    expect(output).toMatch(/without a password/);
    expect(output).toMatch(/Hint: Set STUDIO_PASSWORD/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('with a password, asks for it on every route, the dev server’s own included, then remembers it', async () => {
    const guarded = await startTestStudio(['--host', '0.0.0.0'], { STUDIO_PASSWORD: 'chè xanh Tân Cương' });
    try {
      for (const path of ['', '__studio/api/overview', '@vite/client', 'vi/', 'src/studio/client/main.ts']) {
        expect((await fetch(`${guarded.url}${path}`)).status, path).toBe(401);
      }
      const page = await browser.newPage();
      await page.goto(guarded.url);
      await page.getByLabel(/Password/).fill('wrong');
      await page.getByRole('button', { name: /Sign in/ }).click();
      await page.locator('[role=alert]').waitFor();
      await page.getByLabel(/Password/).fill('chè xanh Tân Cương');
      await page.getByRole('button', { name: /Sign in/ }).click();
      await page.locator('main h1').waitFor();
      const cookie = (await page.context().cookies()).find((c) => c.name === 'studio_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', expires: -1 });
      expect(await page.evaluate(async () => (await fetch('/__studio/api/overview')).status)).toBe(200);
      // The dev server's HMR WebSocket: refused without the session, accepted with it.
      expect(await hmrUpgrade(guarded.url)).toEqual({ status: 401, body: 'The studio needs its password.' });
      expect((await hmrUpgrade(guarded.url, { Cookie: `studio_session=${cookie.value}` })).status).toBe(101);
      await page.close();
    } finally {
      await guarded.stop();
    }
  }, 120_000);
});
