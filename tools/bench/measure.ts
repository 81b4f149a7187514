/**
 * Measurement helpers for the benchmark: run a stage as a child process and record its wall time and peak
 * memory, and size up a built site.
 *
 * Peak memory is taken two ways, because a stage is a tree of processes (npx → node → tsx loader → node, and
 * Pagefind's own binary under it):
 * - `maxRssMb`: GNU time's "Maximum resident set size" (/usr/bin/time -v), i.e. getrusage(RUSAGE_CHILDREN)'s
 *   ru_maxrss: the largest single process of the tree;
 * - `peakTreeMb`: the sum of VmRSS over the whole tree, sampled every 200 ms from /proc (what the machine
 *   actually had to hold at once). When /usr/bin/time is missing, only this one is measured, plus the largest
 *   VmHWM seen.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface StageRun {
  name: string;
  wallS: number;
  /** Largest single process (GNU time -v, or the largest VmHWM sampled). */
  maxRssMb: number;
  /** Sum of VmRSS of the process tree, highest sample. */
  peakTreeMb: number;
  /** User + system CPU seconds of the tree (GNU time), 0 when unknown. */
  cpuS: number;
  /** Mean 1-minute load average sampled during the stage: above ~2 on this 2-core machine, others were competing. */
  load: number;
  exitCode: number;
  log: string;
}

function loadAvg(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
}

const TIME = '/usr/bin/time';

/** pid → parent pid of every process, from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), Number(rest[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function descendants(root: number): number[] {
  const pp = parents();
  const kids = new Map<number, number[]>();
  for (const [pid, ppid] of pp) kids.set(ppid, [...(kids.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop() as number;
    out.push(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return out;
}

/** utime + stime of one process so far, in clock ticks (USER_HZ = 100 on Linux). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0;
  }
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Output of the stage goes here (appended). */
  logFile: string;
  /** Echo the stage's output lines that match (e.g. the stage's own summary) to our stdout. */
  echo?: RegExp;
  /** Kill the tree after this many seconds (default 1800). */
  timeoutS?: number;
}

/** Runs `cmd args` (under /usr/bin/time -v when present) and measures it. Never throws on a failed stage. */
export function runStage(name: string, cmd: string, args: string[], opts: RunOptions): Promise<StageRun> {
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-v', cmd, ...args]] : [cmd, args];
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  log.write(`\n===== ${name}: ${cmd} ${args.join(' ')} (cwd ${opts.cwd})\n`);
  const t0 = performance.now();
  const child = spawn(file, argv, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let peakTree = 0;
  // Last CPU seen per process of the tree: counts what GNU time cannot (a grandchild that is killed, not
  // waited for, such as Pagefind's binary).
  const ticks = new Map<number, number>();
  const loads: number[] = [];
  let samples = 0;
  let hwm = 0;
  let timeOutput = '';
  const sample = (): void => {
    if (child.pid === undefined) return;
    let sum = 0;
    for (const pid of descendants(child.pid)) {
      if (useTime && pid === child.pid) continue; // /usr/bin/time itself
      sum += statusKb(pid, 'VmRSS');
      hwm = Math.max(hwm, statusKb(pid, 'VmHWM'));
      ticks.set(pid, Math.max(ticks.get(pid) ?? 0, cpuTicks(pid)));
    }
    peakTree = Math.max(peakTree, sum);
    if (samples++ % 25 === 0) loads.push(loadAvg());
  };
  const timer = setInterval(sample, 200);
  const killer = setTimeout(() => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, (opts.timeoutS ?? 1800) * 1000);
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    log.write(text);
    if (opts.echo) for (const line of text.split('\n')) if (opts.echo.test(line)) console.log(`    ${name} | ${line}`);
  };
  child.stdout.on('data', onData);
  // GNU time writes its report last, on stderr; it is parsed from the tail of stderr once the stage ended.
  let stderrTail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    onData(chunk);
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-200_000);
  });
  return new Promise((resolvePromise) => {
    child.on('close', (code) => {
      clearInterval(timer);
      clearTimeout(killer);
      const wallS = (performance.now() - t0) / 1000;
      const at = stderrTail.lastIndexOf('\tCommand being timed:');
      if (useTime && at >= 0) timeOutput = stderrTail.slice(at);
      const maxKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1] ?? 0);
      const cpu = ['User', 'System'].reduce((n, k) => n + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(timeOutput)?.[1] ?? 0), 0);
      loads.push(loadAvg());
      const exit = Number(/Exit status: (\d+)/.exec(timeOutput)?.[1] ?? code ?? 1);
      log.end();
      resolvePromise({
        name,
        wallS,
        maxRssMb: Math.round((maxKb || hwm) / 1024),
        peakTreeMb: Math.round(Math.max(peakTree, maxKb) / 1024),
        cpuS: Math.round(Math.max(cpu, [...ticks.values()].reduce((a, b) => a + b, 0) / 100) * 10) / 10,
        load: Math.round((loads.reduce((a, b) => a + b, 0) / loads.length) * 10) / 10,
        exitCode: code === 0 ? 0 : exit || code || 1,
        log: opts.logFile,
      });
    });
  });
}

/** Every file under a folder (relative paths), sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}

export interface SiteSizes {
  files: number;
  totalMb: number;
  htmlPages: number;
  /** Median size of an HTML page, KB. */
  medianHtmlKb: number;
  /** Median size of a document page (documents/<slug>/index.html), KB. */
  medianDocKb: number;
  /** Largest HTML page, KB, and which. */
  largestHtml: { file: string; kb: number };
  /** dist/pagefind (all indexes), MB, and its file count. */
  searchMb: number;
  searchFiles: number;
  /** dist/pdf, MB. */
  pdfMb: number;
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export function siteSizes(dir: string): SiteSizes {
  const files = listFiles(dir).map((f) => ({ f, size: statSync(join(dir, f)).size }));
  const html = files.filter((x) => x.f.endsWith('.html'));
  const docs = html.filter((x) => /^documents\/[^/]+\/index\.html$/.test(x.f));
  const search = files.filter((x) => /^pagefind[^/]*\//.test(x.f));
  const largest = html.reduce((m, x) => (x.size > m.size ? x : m), { f: '', size: 0 });
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return {
    files: files.length,
    totalMb: mb(files.reduce((n, x) => n + x.size, 0)),
    htmlPages: html.length,
    medianHtmlKb: Math.round(median(html.map((x) => x.size)) / 102.4) / 10,
    medianDocKb: Math.round(median(docs.map((x) => x.size)) / 102.4) / 10,
    largestHtml: { file: largest.f, kb: Math.round(largest.size / 1024) },
    searchMb: mb(search.reduce((n, x) => n + x.size, 0)),
    searchFiles: search.length,
    pdfMb: mb(files.filter((x) => x.f.startsWith('pdf/')).reduce((n, x) => n + x.size, 0)),
  };
}

/** Processes that look like a heavy build of someone else (astro / pagefind / chromium), for a polite start. */
export function otherHeavyBuilds(ownPid = process.pid): string[] {
  const mine = new Set(descendants(ownPid));
  const out: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || mine.has(Number(name))) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (/\bastro(\.js|\.mjs)? build\b|pagefind|scripts\/build\.ts|scripts\/pdf\.ts/.test(cmd)) out.push(`${name} ${cmd.slice(0, 120)}`);
    } catch {
      // gone
    }
  }
  return out;
}
