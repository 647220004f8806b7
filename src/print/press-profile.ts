/**
 * The default press profile: an ICC profile for the ISO coated condition FOGRA39 (ISO 12647-2:2004,
 * paper types 1 and 2), built with ArgyllCMS's colprof from the FOGRA39L characterisation data
 * Debian ships in icc-profiles-free. Built once (`npm run setup`, or the first press build that
 * finds it missing) into a folder beside the build caches that every checkout sharing
 * node_modules reuses; PRESS_ICC_PROFILE replaces it with a print shop's own profile.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fogra39 } from './fogra39.ts';
import { PressError, type PressProfile } from './press.ts';

export { fogra39, fogra39ProfilePath } from './fogra39.ts';

const run = promisify(execFile);

/** The characterisation data: Fogra's measurements of the FOGRA39 condition, as Debian installs them. */
export const fogra39Data = '/usr/share/color/icc/FOGRA39L.ti3';
export const colprof = '/usr/bin/colprof';


/**
 * colprof's settings: medium quality (a finer table changes nothing visible), GCR black generation
 * with a total ink limit of 330 % and a black limit of 98 %, the values FOGRA39 is printed to.
 */
export const colprofArguments = ['-qm', '-kr', '-l330', '-L98', '-A', 'Fogra (characterisation data)', '-D', fogra39.info, '-C', 'Built by ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free)'];

/**
 * Makes sure the profile `profile` names exists; when it is the FOGRA39 profile this project builds
 * (`builtAt`), builds it, reporting progress through `log`. A profile given through
 * PRESS_ICC_PROFILE is never built: it must exist.
 */
export async function ensurePressProfile(profile: PressProfile, log: (line: string) => void): Promise<void> {
  if (existsSync(profile.iccProfile)) return;
  if (!profile.build) {
    throw new PressError(`The CMYK profile ${profile.iccProfile} was not found.\n  Hint: check PRESS_ICC_PROFILE, or unset it to use the FOGRA39 profile npm run setup builds.`);
  }
  if (!existsSync(colprof)) {
    throw new PressError(`ArgyllCMS (colprof) is not installed, and the FOGRA39 press profile must be built with it.\n  Hint: run npm run setup (it installs argyll and builds the profile), or set PRESS_ICC_PROFILE to a CMYK profile you have.`);
  }
  if (!existsSync(fogra39Data)) {
    throw new PressError(`The FOGRA39 characterisation data ${fogra39Data} is missing.\n  Hint: run npm run setup (it installs icc-profiles-free).`);
  }
  log(`press: building the FOGRA39 press profile with ArgyllCMS (once; a few minutes) into ${profile.iccProfile}`);
  mkdirSync(dirname(profile.iccProfile), { recursive: true });
  // Built beside its final place, then moved in whole: a build stopped half-way leaves no broken profile.
  const work = mkdtempSync(`${profile.iccProfile}.building-`);
  try {
    copyFileSync(fogra39Data, join(work, 'FOGRA39.ti3'));
    try {
      await run(colprof, [...colprofArguments, 'FOGRA39'], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      throw new PressError(`colprof could not build the FOGRA39 profile: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
    }
    renameSync(join(work, 'FOGRA39.icc'), profile.iccProfile);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
