/** What every bench needs: the machine it ran on, and a child process measured for time and memory. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { childEnvironment, resolveBuildConfig } from '../src/build/config.ts';

function chromiumVersion(): string {
  const chromiumPath = resolveBuildConfig().print.chromium;
  return spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).stdout?.trim() || `no Chromium at ${chromiumPath}`;
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion()}`;
}

/** The machine's load when a bench starts: figures from a busy machine are not comparable. */
export function load(): string {
  return `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1, 5, 15 min) on ${cpus().length} cores`;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

export interface Measured {
  ms: number;
  /** Peak resident memory of the largest single process (the build itself, as a rule), in bytes. */
  peakProcess: number;
  /** Peak of the whole process tree's memory (Chromium included): summed PSS, sampled, in bytes. */
  peakTree: number;
  /** How peakProcess was measured. */
  method: string;
  /**
   * CPU time the whole machine spent while the command ran, in ms (every core's busy time from
   * os.cpus(); the bench runs nothing else meanwhile). GNU time counts only the processes the
   * command waited for: 40.5 of the 63.2 CPU-s one cold build took here, without Chromium's helper
   * processes and the kernel's work for the build. On `cores` cores the wall time cannot go below
   * cpuMs / cores.
   */
  cpuMs: number;
  stdout: string;
  stderr: string;
  status: number | null;
}

const timeBinary = '/usr/bin/time';
const samplingMs = 100;

/** The time every core of the machine has spent busy since it started, in ms (user, nice, system and interrupts). */
export function machineBusyMs(cores: ReadonlyArray<{ times: { user: number; nice: number; sys: number; irq: number } }> = cpus()): number {
  return cores.reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

/** Kibibyte fields (`VmRSS:   1234 kB`) of /proc/<pid>/status, in bytes; 0 when the process is gone. */
function statusField(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * A process's share of memory: PSS (shared pages split between the processes sharing them), so a
 * tree's sum does not count Chromium's shared libraries once per process; VmRSS where PSS is missing.
 */
function proportionalMemory(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // No smaps_rollup (older kernels) or the process is gone.
  }
  return statusField(pid, 'VmRSS');
}

/** `pid` and every process below it, from the parent ids in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name in parentheses may hold spaces; the parent id is the second field after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while the list was read.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * Runs a command to its end and measures it: wall time; the peak memory of its largest process
 * (GNU time's maximum resident set size where /usr/bin/time exists, else the highest VmHWM seen
 * while polling /proc); and with `treeMemory`, the peak of the whole tree's summed PSS, polled every
 * 100 ms. Only for runs whose time does not count: reading a Chromium process's smaps_rollup took
 * up to 40 ms each here and locks that process's memory map, and Chromium now runs during most of
 * the build (PDFs are laid out while the site renders).
 */
export async function measure(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; treeMemory?: boolean } = {}): Promise<Measured> {
  const haveProc = existsSync('/proc/self/status');
  const useTime = existsSync(timeBinary);
  const scratch = mkdtempSync(join(tmpdir(), 'press-measure-'));
  const timeFile = join(scratch, 'time');
  const [file, argv] = useTime ? [timeBinary, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const busyBefore = machineBusyMs();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? childEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  let peakTree = 0;
  let peakHwm = 0;
  const sample = () => {
    if (!haveProc || child.pid === undefined) return;
    let sum = 0;
    for (const pid of processTree(child.pid)) {
      if (options.treeMemory) sum += proportionalMemory(pid);
      if (!useTime) peakHwm = Math.max(peakHwm, statusField(pid, 'VmHWM'));
    }
    peakTree = Math.max(peakTree, sum);
  };
  // GNU time measures the largest process on its own; polling is then only for the tree.
  const timer = options.treeMemory || !useTime ? setInterval(sample, samplingMs) : undefined;
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  }).finally(() => clearInterval(timer));
  const ms = performance.now() - started;
  const cpuMs = machineBusyMs() - busyBefore;
  let peakProcess = peakHwm;
  let method = haveProc ? `VmHWM polled every ${samplingMs} ms` : 'not measured (no /proc)';
  if (useTime) {
    const kib = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
    if (Number.isFinite(kib) && kib > 0) {
      peakProcess = kib * 1024;
      method = 'GNU time, maximum resident set size';
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  return { ms, cpuMs, peakProcess, peakTree, method, stdout, stderr, status };
}

/** Runs a bench: its error as one line and a failing exit code, its temporary folders removed either way. */
export async function runBench(main: () => Promise<void>, ...temporary: string[]): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
}
