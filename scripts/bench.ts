/**
 * `npm run bench [-- <bench>]`: one of the benches, each against its baseline in the same run.
 *
 *   print       (default) print speed against pagedjs-cli 0.4.3, cold and warm   scripts/bench-print.ts
 *   site        site build time and memory against a vanilla Astro + MDX project   scripts/bench-site.ts
 *   lighthouse  Lighthouse scores of the built site in Chromium                    scripts/bench-lighthouse.ts
 *
 * Arguments after the bench's name go to the bench.
 */
// First: the languages file is checked, and reported on, before anything that needs it loads.
import '../src/cli/languages.ts';

const benches = {
  print: './bench-print.ts',
  site: './bench-site.ts',
  lighthouse: './bench-lighthouse.ts',
} as const;

const bench = process.argv[2] ?? 'print';
if (bench in benches) {
  await import(benches[bench as keyof typeof benches]);
} else {
  console.error(`bench: there is no bench "${bench}".\n  Hint: use one of: ${Object.keys(benches).join(', ')} (npm run bench -- site).`);
  process.exitCode = 1;
}

export {};
