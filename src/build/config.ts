/**
 * The one build configuration: resolved once from the command line and the documented environment
 * variables, typed, and handed to each stage as an argument (the site through the Astro config and
 * its `virtual:press/config` module, print and search as function arguments). This is the only
 * module that reads `process.env`; the README lists every variable it reads.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fogra39, fogra39ProfilePath } from '../print/fogra39.ts';

export interface PressOptions {
  /** The ICC profile of the press condition (CMYK output intent). */
  iccProfile: string;
  /** The output condition the PDF/X output intent declares, e.g. `FOGRA39`. */
  outputCondition: string;
  /** The condition in words (output intent, order sheet). */
  info?: string | undefined;
  /** The profile is this project's FOGRA39 profile, built when missing (src/print/press-profile.ts). */
  build?: boolean | undefined;
}

export interface BuildConfig {
  /** The project folder: src/, locales/, public/ and node_modules/ are found from here. */
  root: string;
  content: {
    /** The content folder, absolute. */
    dir: string;
    /** How messages show it: relative to where the command runs (`content`, `test/fixtures/x/content`). */
    shown: string;
  };
  /** UI strings and translation records, absolute. */
  localesDir: string;
  /** Where the finished site goes (`dist`), absolute. */
  outDir: string;
  /** The site's public address, for canonical links, feeds and the sitemap. */
  siteUrl: string;
  /** Stack traces behind error messages, and Astro's debug log. */
  debug: boolean;
  caches: {
    /** Astro's own cache, one per content folder so a fixture build never shows another folder's entries. */
    astro: string;
    /** Rendered PDFs; null lays out everything afresh. */
    print: string | null;
    /** Social-card glyph images; null draws everything afresh. */
    cards: string | null;
    /** The last search index, reused while no page changed; null indexes every time. */
    search: string | null;
    /** The record of the last finished build of each output folder (src/build/build-record.ts); null builds every time. */
    build: string | null;
  };
  print: {
    chromium: string;
    /** Documents laid out at once. */
    jobs: number;
    /** How long one document may take to lay out before it is tried once more, then reported. */
    renderTimeoutMs: number;
    /** Crop marks on the screen PDFs too (press PDFs always have them). */
    marks: boolean;
    /** The CMYK press variant, or null for screen PDFs only. */
    press: PressOptions | null;
  };
  search: {
    /** Pagefind's extended binary, when not the one npm installed. */
    pagefindBinary: string | undefined;
  };
  bench: {
    /** Alternating rounds of each benchmark. */
    rounds: number;
  };
}

/** Whether errors show their stack traces: read on its own, so a mistake in another variable is still reported plainly. */
export function debugWanted(env: Environment = process.env): boolean {
  return Boolean(env.PRESS_DEBUG);
}

/** The environment a child process starts with (the benches' builds and tools), plus `extra`. */
export function childEnvironment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** What the command line can say; every field is optional. */
export interface BuildArguments {
  content?: string | undefined;
  out?: string | undefined;
  marks?: boolean | undefined;
  press?: boolean | undefined;
  noCache?: boolean | undefined;
  /** Where caches live (node_modules/.cache); the bench gives each run its own. */
  cacheDir?: string | undefined;
  /** The project folder; the current one by default. */
  root?: string | undefined;
}

/** The environment variables this product reads: name, what it sets, default. The README's list. */
export const environmentVariables = {
  PRESS_DEBUG: 'stack traces behind error messages (any value)',
  PRESS_SITE_URL: 'the public address of the site (https://sngv.thainguyen.gov.vn)',
  PRESS_CHROMIUM: 'the Chromium that lays out the PDFs (/usr/bin/chromium)',
  PRESS_RENDER_TIMEOUT: 'seconds one document may take to lay out (180)',
  PRESS_PRINT_JOBS: 'documents laid out at once (cores + 1)',
  PRESS_ICC_PROFILE: 'the press ICC profile (FOGRA39, built by npm run setup)',
  PRESS_OUTPUT_CONDITION: 'the output condition the press PDFs declare (FOGRA39)',
  PAGEFIND_EXTENDED_BINARY_PATH: "Pagefind's extended binary (the one npm installed)",
  BENCH_ROUNDS: 'alternating rounds of each benchmark (3)',
  STUDIO_PASSWORD: 'the password of `npm run studio -- --host <address>` (required with --host)',
} as const;

type Environment = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

function positiveNumber(env: Environment, name: keyof typeof environmentVariables, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`${name} is "${raw}"; expected a positive number.`, `Set ${name} to a number such as ${fallback}, or unset it.`);
  }
  return value;
}

export function resolveBuildConfig(args: BuildArguments = {}, env: Environment = process.env): BuildConfig {
  const root = resolve(args.root ?? '.');
  const contentDir = resolve(root, args.content ?? 'content');
  const noCache = args.noCache ?? false;
  const cacheRoot = resolve(root, args.cacheDir ?? join('node_modules', '.cache'));
  // FOGRA39 unless a print shop's own profile is given (then its condition is the shop's to name).
  const pressCondition: PressOptions = env.PRESS_ICC_PROFILE
    ? { iccProfile: resolve(env.PRESS_ICC_PROFILE), outputCondition: env.PRESS_OUTPUT_CONDITION || 'Custom' }
    : { iccProfile: fogra39ProfilePath(root), outputCondition: env.PRESS_OUTPUT_CONDITION || fogra39.outputCondition, info: env.PRESS_OUTPUT_CONDITION ? undefined : fogra39.info, build: true };
  return {
    root,
    content: { dir: contentDir, shown: relative(process.cwd(), contentDir) || '.' },
    localesDir: join(root, 'locales'),
    outDir: resolve(root, args.out ?? 'dist'),
    siteUrl: env.PRESS_SITE_URL || 'https://sngv.thainguyen.gov.vn',
    debug: debugWanted(env),
    caches: {
      astro: join(cacheRoot, 'astro', contentKey(contentDir)),
      // A new name with the key format of src/print/cache-key.ts: older builds keep their own folder.
      print: noCache ? null : join(cacheRoot, 'press-print-2'),
      cards: noCache ? null : join(cacheRoot, 'press-cards'),
      search: noCache ? null : join(cacheRoot, 'press-search'),
      build: noCache ? null : join(cacheRoot, 'press-build'),
    },
    print: {
      chromium: env.PRESS_CHROMIUM || '/usr/bin/chromium',
      // One more than cores: while one document waits on Chromium, another is laid out or post-processed.
      jobs: Math.floor(positiveNumber(env, 'PRESS_PRINT_JOBS', availableParallelism() + 1)),
      renderTimeoutMs: positiveNumber(env, 'PRESS_RENDER_TIMEOUT', 180) * 1000,
      marks: args.marks ?? false,
      press: args.press ? pressCondition : null,
    },
    search: { pagefindBinary: env.PAGEFIND_EXTENDED_BINARY_PATH || undefined },
    bench: { rounds: Math.floor(positiveNumber(env, 'BENCH_ROUNDS', 3)) },
  };
}

/** A short stable name for a content folder (its own Astro cache). */
function contentKey(dir: string): string {
  return createHash('sha256').update(dir).digest('hex').slice(0, 12);
}

/**
 * A build is always a production build, even when started from a test runner: Vitest sets NODE_ENV,
 * DEV and MODE, and Astro would pass them on to `import.meta.env`. The one place the build writes
 * the environment, for Astro and Vite, which read it.
 */
/**
 * Asks the bundler's allocator to give freed memory back to the system at once. Rolldown (Vite's
 * bundler in Astro 7) links mimalloc, which otherwise keeps the ~900 MB it frees while bundling
 * committed to the end of the build: the build process peaked at 1.32 GB, 1.14 GB with this
 * (200 articles × 5 languages, same machine and hour). mimalloc reads its options when it starts,
 * so this must run before Astro is loaded.
 */
export function releaseFreedNativeMemory(env: Record<string, string | undefined> = process.env): void {
  env.MIMALLOC_PURGE_DELAY ??= '0';
}

export function useProductionEnvironment(env: Record<string, string | undefined> = process.env): void {
  env.NODE_ENV = 'production';
  for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[key];
}

/** What `npm run studio` can be told on its command line. */
export interface StudioArguments extends BuildArguments {
  /** The address to listen on; loopback (127.0.0.1) unless given. */
  host?: string | undefined;
  /** The port; 4330 unless given, 0 for any free one (tests). */
  port?: string | number | undefined;
}

export interface StudioConfig {
  build: BuildConfig;
  host: string;
  port: number;
  /** Every route asks for it when set; required when the studio listens beyond this machine. */
  password: string | undefined;
  /** Where deleted files go, recoverable: beside the content folder. */
  trashDir: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/** The studio's configuration: the build's, plus where it listens and who may use it. */
export function resolveStudioConfig(args: StudioArguments = {}, env: Environment = process.env): StudioConfig {
  const build = resolveBuildConfig(args, env);
  const host = args.host ?? '127.0.0.1';
  const port = args.port === undefined ? 4330 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`--port is "${args.port}"; expected a port number.`, 'Give a number between 1024 and 65535, e.g. --port 4330.');
  }
  const password = env.STUDIO_PASSWORD || undefined;
  if (!loopbackHosts.has(host) && !password) {
    throw new ConfigError(
      `The studio would listen on ${host}, open to other computers, without a password.`,
      'Set STUDIO_PASSWORD first, e.g. STUDIO_PASSWORD=\'a long phrase\' npm run studio -- --host ' + host + '.',
    );
  }
  return { build, host, port, password, trashDir: join(dirname(build.content.dir), '.studio-trash') };
}
