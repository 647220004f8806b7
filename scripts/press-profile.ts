/**
 * npm run setup's last step: builds the FOGRA39 press profile (src/print/press-profile.ts) unless it
 * is there already. `--force` builds it again.
 *   node scripts/press-profile.ts [--force]
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveBuildConfig } from '../src/build/config.ts';
import { ensurePressProfile } from '../src/print/press-profile.ts';
import { PressError } from '../src/print/press.ts';

const { values } = parseArgs({ options: { force: { type: 'boolean' } } });
const profile = resolveBuildConfig({ press: true }).print.press!;
if (!profile.build) {
  console.log(`press-profile: PRESS_ICC_PROFILE is set (${profile.iccProfile}); nothing to build.`);
} else {
  if (values.force) rmSync(profile.iccProfile, { force: true });
  try {
    const started = performance.now();
    let built = false;
    await ensurePressProfile(profile, (line) => {
      built = true;
      console.log(line);
    });
    console.log(built ? `press-profile: built in ${((performance.now() - started) / 1000).toFixed(0)} s` : `press-profile: ${profile.iccProfile} present`);
  } catch (error) {
    if (!(error instanceof PressError)) throw error;
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
}
