/**
 * The order test files are handed to the workers: the projects that need no fixture build first, so
 * they run while the fixture site builds in the background (helpers/fixture-setup.ts): studio before
 * unit, as its files are the longest of the run (two to three minutes each on a loaded 2-core
 * machine) and a long file started late ends the run late; the build and browser files after them.
 * Within each group longest first, as Vitest orders them (by the last run's durations, or by size on
 * a first run).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const withoutFixture = ['studio', 'unit'];
const rank = (spec: TestSpecification) => {
  const index = withoutFixture.indexOf(spec.project.name);
  return index < 0 ? withoutFixture.length : index;
};

export class FixtureLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((spec, index) => ({ spec, index })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index).map(({ spec }) => spec);
  }
}
