/**
 * npm run bench [-- --issues N] — build benchmark on a synthetic archive (issue 9).
 *
 * Generates N issues (default 1,000) in the layout of content/sources/001 from the real documents
 * (src/bench/generate.ts), then runs the real pipeline on them in an isolated work folder
 * (bench-out/<N>/work, src/bench/workdir.ts): ingest → astro build → forwarders → search index → PDFs, each
 * stage a child process measured for wall time and peak memory (src/bench/measure.ts). Then: sizes of the
 * output, search in Chromium (src/bench/search-probe.ts), and a rebuild after adding one issue. The seed site
 * (content/sources) is measured the same way, beside it. Never touches the project's content/, dist/ or caches.
 *
 * Options:
 *   --issues N            archive size (default 1000)
 *   --out DIR             results folder (default bench-out/<N>)
 *   --no-seed             skip the seed site column
 *   --no-pdf              skip the PDF stage
 *   --pdf-sample N        render the PDFs of every issue up to N issues, else of N issues spread over the archive
 *                         (default 100), plus 20 document PDFs
 *   --no-probe            skip the Chromium search measurement
 *   --no-incremental      skip the one-more-issue rebuild
 *   --search KIND         search stage of the full build: single (src/index/pagefind.ts, default), bypath (one
 *                         index given only the indexed pages), split (shards of years, src/bench/split-index.ts)
 *   --max-pages N         pages per shard for split (default 1500; 1 = one shard per year)
 *   --current-years K     split: the newest K years form the primary shard alone (default 0)
 *   --split-search        after the full build, also measure the split index on the same site
 *   --patch a,b           prototype changes to shared files, applied to a copy of src/ (src/bench/patches.ts)
 *   --reuse               keep an already built work folder's output and only rerun probe/incremental
 *   --wait MIN            wait up to MIN minutes for other heavy builds (astro/pagefind) to finish (default 30)
 *   --port P              port for the search probe (default 4470)
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { requireModernNode } from './lib/run.ts';
import { buildTemplates, generateIssue, issueSpec, newState, type GeneratedIssue, type SourceText } from '../src/bench/generate.ts';
import { otherHeavyBuilds, runStage, siteSizes, type SiteSizes, type StageRun } from '../src/bench/measure.ts';
import { prepareWorkdir } from '../src/bench/workdir.ts';
import { PATCHES } from '../src/bench/patches.ts';
import type { SearchProbe } from '../src/bench/search-probe.ts';

requireModernNode();
const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const flag = (name: string): boolean => argv.includes(`--${name}`);

const N = Number(opt('issues') ?? 1000);
if (!Number.isInteger(N) || N < 1) throw new Error(`--issues must be a positive integer, got ${opt('issues')}`);
const project = resolve('.');
const out = resolve(opt('out') ?? `bench-out/${N}`);
const port = Number(opt('port') ?? 4470);
const hasPdf = existsSync(join(project, 'src/print/render.ts')) && !flag('no-pdf');
const PATH = `${join(project, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`;
mkdirSync(out, { recursive: true });
const searchKind = (opt('search') ?? 'single') as 'single' | 'bypath' | 'split';
const maxPages = opt('max-pages') ?? '1500';
const currentYears = opt('current-years') ?? '0';
const patches = (opt('patch') ?? '')
  .split(',')
  .filter(Boolean)
  .map((name) => {
    const p = PATCHES[name];
    if (!p) throw new Error(`unknown --patch ${name}; known: ${Object.keys(PATCHES).join(', ')}`);
    return p;
  });

// ---------------------------------------------------------------------------------------------- helpers

interface SiteRun {
  label: string;
  sources: number;
  sourceMb: number;
  issues: number;
  documents: number;
  expectedDocuments: number | null;
  findings: Record<string, number>;
  stages: Array<StageRun & { count: number; unit: string; extra?: Record<string, unknown> }>;
  sizes: SiteSizes | null;
  probe: SearchProbe | null;
  generateS: number;
}

async function politeStart(): Promise<void> {
  const limit = Date.now() + Number(opt('wait') ?? 30) * 60_000;
  for (;;) {
    const others = otherHeavyBuilds();
    if (others.length === 0) return;
    if (Date.now() > limit) {
      console.log(`bench: other heavy builds still running, going ahead:\n  ${others.join('\n  ')}`);
      return;
    }
    console.log(`bench: waiting for another heavy build to finish:\n  ${others.join('\n  ')}`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}

const resultOf = (run: StageRun): Record<string, unknown> => {
  const text = readFileSync(run.log, 'utf8');
  const lines = text.split('\n').filter((l) => l.startsWith('BENCH-RESULT '));
  const last = lines.at(-1);
  return last ? (JSON.parse(last.slice('BENCH-RESULT '.length)) as Record<string, unknown>) : {};
};

function countHtml(dir: string): number {
  let n = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.html')) n++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return n;
}

function fail(run: StageRun): never {
  const tail = readFileSync(run.log, 'utf8').split('\n').slice(-40).join('\n');
  throw new Error(`bench: stage ${run.name} failed (exit ${run.exitCode}); log ${run.log}:\n${tail}`);
}

interface BuildOptions {
  /** Stages to run (default all). */
  only?: Set<string>;
  /** PDF --only ids. */
  pdfOnly?: string[];
  /** Also render these documents' PDFs (a sample, to extrapolate the per-document PDFs). */
  pdfDocuments?: string[];
  /** Search stage variant. */
  search?: 'single' | 'bypath' | 'split';
  searchOnly?: string[];
  /** Keep the caches of the previous build (an incremental rebuild). */
  warm?: boolean;
  logName: string;
}

/** The pipeline of scripts/build.ts, stage by stage, in `work`; output in work/.cache/dist-staging, then work/dist. */
async function build(work: string, opts: BuildOptions): Promise<SiteRun['stages']> {
  const staging = join(work, '.cache/dist-staging');
  const dist = join(work, 'dist');
  const log = join(out, `${opts.logName}.log`);
  rmSync(log, { force: true });
  if (!opts.warm) {
    for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite', '.cache']) rmSync(join(work, cache), { recursive: true, force: true });
  }
  const env = { PATH, GONGBAO_OUT_DIR: staging };
  const run = (name: string, cmd: string, args: string[]) =>
    runStage(name, cmd, args, { cwd: work, env, logFile: log, echo: /^(ingest:|build:|search index|pdf:|\[ERROR\]|error|Error)/ });
  const want = (s: string) => !opts.only || opts.only.has(s);
  const stages: SiteRun['stages'] = [];
  const tsx = join(work, 'node_modules/.bin/tsx');
  const want1 = (name: string, r: StageRun, count: number, unit: string, extra?: Record<string, unknown>) => {
    stages.push({ ...r, count, unit, ...(extra ? { extra } : {}) });
    console.log(
      `  ${name.padEnd(14)} ${r.wallS.toFixed(1).padStart(7)} s (cpu ${r.cpuS.toFixed(1)} s, load ${r.load})  peak ${String(r.peakTreeMb).padStart(6)} MB (largest process ${r.maxRssMb} MB)  ${count} ${unit}`,
    );
  };

  // As scripts/build.ts: the build starts from an empty staging folder; `warm` keeps only the caches.
  if (want('astro')) rmSync(staging, { recursive: true, force: true });
  else if (existsSync(dist)) {
    // A stage run alone (--split-search) works on the last output.
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(join(work, '.cache'), { recursive: true });
    renameSync(dist, staging);
  }
  if (want('ingest')) {
    const r = await run('ingest', tsx, ['scripts/ingest.ts']);
    if (r.exitCode !== 0) fail(r);
    const docs = readdirSync(join(work, 'content/documents')).filter((n) => n.endsWith('.json')).length;
    want1('ingest', r, docs, 'documents');
  }
  if (want('astro')) {
    const r = await run('astro build', join(work, 'node_modules/.bin/astro'), ['build', '--silent']);
    if (r.exitCode !== 0) fail(r);
    want1('astro build', r, countHtml(staging), 'HTML pages');
  }
  if (want('forwarders')) {
    const r = await run('forwarders', tsx, ['src/bench/stage.ts', 'forwarders', staging]);
    if (r.exitCode !== 0) fail(r);
    want1('forwarders', r, Number(resultOf(r)['pages'] ?? 0), 'pages');
  }
  if (want('search')) {
    const kind = opts.search ?? 'single';
    const stageName = { single: 'search', bypath: 'search-bypath', split: 'search-split' }[kind];
    const args = ['src/bench/stage.ts', stageName, staging, `--max-pages=${maxPages}`, `--current-years=${currentYears}`, ...(opts.searchOnly ? [`--only=${opts.searchOnly.join(',')}`] : [])];
    const r = await run('search index', tsx, args);
    if (r.exitCode !== 0) {
      // Recorded, not fatal: an index that does not fit the machine is a result too.
      console.log(`  search index FAILED (exit ${r.exitCode}) after ${r.wallS.toFixed(1)} s at peak ${r.peakTreeMb} MB; log ${r.log}`);
    }
    const res = resultOf(r);
    want1(`search (${kind})`, r, Number(res['pages'] ?? 0), 'pages indexed', res);
    if (res['shards']) console.log(`                 shards: ${(res['shards'] as string[]).join(' · ')}`);
  }
  if (want('pdf') && hasPdf) {
    const r = await run('PDF', tsx, ['src/bench/stage.ts', 'pdf', staging, ...(opts.pdfOnly ? [`--only=${opts.pdfOnly.join(',')}`] : [])]);
    if (r.exitCode !== 0) {
      console.log(`  PDF stage failed (exit ${r.exitCode}), see ${r.log}; PDF column left n/a`);
    } else {
      const res = resultOf(r);
      want1('PDF', r, Number(res['issues'] ?? 0), 'issue PDFs rendered', res);
    }
    if (opts.pdfDocuments?.length) {
      const d = await run('PDF documents', tsx, ['src/bench/stage.ts', 'pdf', staging, '--documents', `--only=${opts.pdfDocuments.join(',')}`]);
      if (d.exitCode === 0) {
        const res = resultOf(d);
        const ms = (res['documentMs'] ?? []) as number[];
        want1('PDF documents', d, ms.length, `document PDFs (sample), ${ms.length ? (ms.reduce((a, b) => a + b, 0) / ms.length / 1000).toFixed(2) : '?'} s each`, res);
      } else console.log(`  document PDF sample failed (exit ${d.exitCode}), see ${d.log}`);
    }
  }
  rmSync(dist, { recursive: true, force: true });
  renameSync(staging, dist);
  return stages;
}

function ingestFacts(work: string): { issues: number; documents: number; findings: Record<string, number> } {
  const report = JSON.parse(readFileSync(join(work, 'content/report.json'), 'utf8')) as Record<string, unknown>;
  const findings: Record<string, number> = {};
  const list = (report['findings'] ?? []) as Array<{ kind: string; severity: string }> | Record<string, Array<{ kind: string; severity: string }>>;
  const all = Array.isArray(list) ? list : Object.values(list).flat();
  for (const f of all) findings[`${f.severity} ${f.kind}`] = (findings[`${f.severity} ${f.kind}`] ?? 0) + 1;
  return {
    issues: readdirSync(join(work, 'content/issues')).filter((n) => n.endsWith('.json')).length,
    documents: readdirSync(join(work, 'content/documents')).filter((n) => n.endsWith('.json')).length,
    findings,
  };
}

async function probe(dist: string): Promise<SearchProbe | null> {
  if (flag('no-probe')) return null;
  const { probeSearch } = await import('../src/bench/search-probe.ts');
  try {
    return await probeSearch({ siteDir: dist, project, port });
  } catch (err) {
    console.log(`  search probe failed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

function readSources(dir: string): SourceText[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => ({ file: `${dir}/${n}`, text: readFileSync(join(project, dir, n), 'utf8') }));
}

// ---------------------------------------------------------------------------------------------- run

await politeStart();
const seedSources = readSources('content/sources');
const seed001 = seedSources.find((s) => /\/001_/.test(s.file));
if (!seed001) throw new Error('bench: content/sources/001_… (the seed issue) is missing');
const corpus = readSources('tests/fixtures/corpus');
const templates = buildTemplates(seed001, [...seedSources.filter((s) => s !== seed001), ...corpus]);

// Seed site
let seedRun: SiteRun | null = null;
if (!flag('no-seed')) {
  console.log('\nseed site (content/sources)');
  const work = prepareWorkdir(join(resolve('bench-out/seed'), 'work'), { anchors: true });
  rmSync(join(work, 'content/sources'), { recursive: true, force: true });
  mkdirSync(join(work, 'content/sources'), { recursive: true });
  for (const s of seedSources) writeFileSync(join(work, s.file), s.text);
  const stages = await build(work, { logName: 'seed-build' });
  const facts = ingestFacts(work);
  seedRun = {
    label: 'seed',
    sources: seedSources.length,
    sourceMb: seedSources.reduce((n, s) => n + Buffer.byteLength(s.text), 0) / 1024 / 1024,
    ...facts,
    expectedDocuments: null,
    stages,
    sizes: siteSizes(join(work, 'dist')),
    probe: await probe(join(work, 'dist')),
    generateS: 0,
  };
}

// Synthetic archive
console.log(`\nsynthetic archive: ${N} issues (${out})`);
const work = prepareWorkdir(join(out, 'work'), { patches });
if (patches.length) console.log(`  prototype patches: ${patches.map((p) => `${p.name} (${p.why})`).join('; ')}`);
let t0 = performance.now();
const state = newState();
const generated: GeneratedIssue[] = [];
if (!flag('reuse')) {
  rmSync(join(work, 'content/sources'), { recursive: true, force: true });
  mkdirSync(join(work, 'content/sources'), { recursive: true });
}
for (let i = 0; i < N; i++) {
  const g = generateIssue(templates, issueSpec(i, N), state);
  generated.push(g);
  if (!flag('reuse')) writeFileSync(join(work, 'content/sources', g.file), g.text);
}
const generateS = (performance.now() - t0) / 1000;
const sourceMb = generated.reduce((n, g) => n + Buffer.byteLength(g.text), 0) / 1024 / 1024;
const expectedDocuments = generated.reduce((n, g) => n + g.documents.length, 0);
console.log(`  generate       ${generateS.toFixed(1).padStart(7)} s  ${N} issues, ${expectedDocuments} documents, ${sourceMb.toFixed(1)} MB of sources`);

// PDFs: every issue up to --pdf-sample issues (default 100), else that many spread evenly over the archive
// (the average per issue does not depend on the archive's size); plus 20 document PDFs to extrapolate from.
const pdfSample = Number(opt('pdf-sample') ?? 100);
const spread = <T>(xs: T[], n: number): T[] => (xs.length <= n ? xs : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)] as T));
const pdfIssues = spread(generated.map((g) => g.id), pdfSample);
const pdfDocs = spread(
  generated.flatMap((g) => g.documents.filter((d) => d.kind === '通知').map((d) => d.slug)),
  20,
);
const stages = flag('reuse') ? [] : await build(work, { logName: 'full-build', search: searchKind, pdfOnly: pdfIssues, pdfDocuments: pdfDocs });
const facts = ingestFacts(work);
if (facts.documents !== expectedDocuments) {
  console.log(`  NOTE: ${expectedDocuments} documents generated, ${facts.documents} published (see the report: documents merged as copies?)`);
}
const archive: SiteRun = {
  label: `${N} issues`,
  sources: N,
  sourceMb,
  ...facts,
  expectedDocuments,
  stages,
  sizes: siteSizes(join(work, 'dist')),
  probe: null,
  generateS,
};
archive.probe = await probe(join(work, 'dist'));

// Split search index prototype
let split: { stage: SiteRun['stages'][number] | undefined; sizes: SiteSizes; probe: SearchProbe | null } | null = null;
if (flag('split-search')) {
  console.log('\nprototype: one search index per year, merged in the browser');
  const s = await build(work, { only: new Set(['search']), search: 'split', warm: true, logName: 'split-search' });
  split = { stage: s[0], sizes: siteSizes(join(work, 'dist')), probe: await probe(join(work, 'dist')) };
}

// One more issue
let incremental: { stages: SiteRun['stages']; issue: string } | null = null;
if (!flag('no-incremental')) {
  const g = generateIssue(templates, issueSpec(N, N), state);
  console.log(`\nrebuild after adding one issue (${g.id}), current design (whole pipeline, caches kept)`);
  writeFileSync(join(work, 'content/sources', g.file), g.text);
  const kind = split ? 'split' : searchKind;
  const s = await build(work, { warm: true, logName: 'incremental', pdfOnly: [g.id], search: kind, ...(kind === 'split' ? { searchOnly: [String(g.id.split('-')[0])] } : {}) });
  incremental = { stages: s, issue: g.id };
  rmSync(join(work, 'content/sources', g.file)); // the archive stays N issues for the next run
}

// One more issue again, rebuilding only what changed (prototype; needs --patch only-pages)
interface Partial {
  issue: string;
  changed: { documents: number; issues: number; ids: string[] };
  stages: SiteRun['stages'];
}
let partial: Partial | null = null;
if (!flag('no-incremental') && patches.some((p) => p.name === 'only-pages')) {
  const g2 = generateIssue(templates, issueSpec(N, N), newState());
  const g3 = generateIssue(templates, issueSpec(N + 1, N), state);
  console.log(`\nrebuild after adding one issue (${g3.id}), prototype: only changed pages, one search shard, one PDF`);
  // Base: the archive with the issue of the previous step, fully built.
  writeFileSync(join(work, 'content/sources', g2.file), g2.text);
  const base = await build(work, { warm: true, logName: 'partial-base', search: 'split', pdfOnly: [g2.id] });
  void base;
  const digest = (dir: string) =>
    new Map(readdirSync(join(work, dir)).filter((n) => n.endsWith('.json')).map((n) => [n.slice(0, -5), createHash('sha256').update(readFileSync(join(work, dir, n))).digest('hex')]));
  const beforeDocs = digest('content/documents');
  const beforeIssues = digest('content/issues');
  writeFileSync(join(work, 'content/sources', g3.file), g3.text);
  const log = join(out, 'partial.log');
  rmSync(log, { force: true });
  const dist = join(work, 'dist');
  const scratch = join(work, '.cache/dist-partial');
  const tsx = join(work, 'node_modules/.bin/tsx');
  const stages: SiteRun['stages'] = [];
  const note = (r: StageRun, count: number, unit: string) => {
    stages.push({ ...r, count, unit });
    console.log(`  ${r.name.padEnd(14)} ${r.wallS.toFixed(1).padStart(7)} s (cpu ${r.cpuS.toFixed(1)} s)  peak ${String(r.peakTreeMb).padStart(6)} MB  ${count} ${unit}`);
  };
  const run = async (name: string, cmd: string, args: string[], env: Record<string, string> = {}) => {
    const r = await runStage(name, cmd, args, { cwd: work, env: { PATH, ...env }, logFile: log, echo: /^(ingest:|\[ERROR\]|error|Error)/ });
    if (r.exitCode !== 0) fail(r);
    return r;
  };
  note(await run('ingest', tsx, ['scripts/ingest.ts']), 1, 'new source');
  const afterDocs = digest('content/documents');
  const afterIssues = digest('content/issues');
  const changedDocs = [...afterDocs].filter(([id, h]) => beforeDocs.get(id) !== h).map(([id]) => id);
  const changedIssues = new Set([...afterIssues].filter(([id, h]) => beforeIssues.get(id) !== h).map(([id]) => id));
  // An issue page links to the issues before and after it: their neighbours change too.
  const order = [...afterIssues.keys()].sort((a, b) => {
    const [ya, na] = a.split('-').map(Number) as [number, number];
    const [yb, nb] = b.split('-').map(Number) as [number, number];
    return ya - yb || na - nb;
  });
  for (const id of [...changedIssues]) {
    const i = order.indexOf(id);
    for (const j of [i - 1, i + 1]) if (order[j]) changedIssues.add(order[j] as string);
  }
  const ids = [...changedDocs, ...changedIssues];
  rmSync(scratch, { recursive: true, force: true });
  const astro = await run('astro (changed)', join(work, 'node_modules/.bin/astro'), ['build', '--silent'], { GONGBAO_OUT_DIR: scratch, GONGBAO_ONLY: ids.join(',') });
  note(astro, countHtml(scratch), 'HTML pages');
  const t0 = performance.now();
  cpSync(scratch, dist, { recursive: true, force: true });
  const copyS = (performance.now() - t0) / 1000;
  stages.push({ name: 'merge into dist', wallS: copyS, cpuS: copyS, maxRssMb: 0, peakTreeMb: 0, load: 0, exitCode: 0, log, count: 0, unit: 'files' });
  console.log(`  merge into dist ${copyS.toFixed(1).padStart(6)} s`);
  note(await run('forwarders', tsx, ['src/bench/stage.ts', 'forwarders', dist, `--only=${changedDocs.join(',')}`]), changedDocs.length, 'documents');
  const years = [...new Set([...changedIssues].map((id) => id.split('-')[0] as string))];
  const search = await run('search shard', tsx, ['src/bench/stage.ts', 'search-split', dist, `--max-pages=${maxPages}`, `--current-years=${currentYears}`, `--only=${years.join(',')}`]);
  note(search, Number(resultOf(search)['pages'] ?? 0), `pages in the plan, ${String(resultOf(search)['indexed'] ?? '?')} shard(s) re-indexed`);
  if (hasPdf) {
    const pdf = await run('PDF', tsx, ['src/bench/stage.ts', 'pdf', dist, `--only=${g3.id}`]);
    note(pdf, Number(resultOf(pdf)['issues'] ?? 0), 'issue PDF');
  }
  partial = { issue: g3.id, changed: { documents: changedDocs.length, issues: changedIssues.size, ids }, stages };
  rmSync(join(work, 'content/sources', g2.file));
  rmSync(join(work, 'content/sources', g3.file));
}

// ---------------------------------------------------------------------------------------------- report

const fmtS = (s: number | undefined) => (s === undefined ? 'n/a' : `${s.toFixed(1)} s`);
const fmtMb = (mb: number | undefined) => (mb === undefined ? 'n/a' : mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb} MB`);
const stageOf = (r: SiteRun | null, name: string) => r?.stages.find((s) => s.name === name);
const rate = (s: StageRun & { count: number } | undefined) => (s && s.wallS > 0 ? `${(s.count / s.wallS).toFixed(1)}/s` : 'n/a');
const row = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 12)).join(' │ ');
const W = [22, 34, 44];

console.log(`\n════ results (${new Date().toISOString().slice(0, 10)}, ${N} issues) ════`);
console.log(row(['', 'seed site', `synthetic, ${N} issues`], W));
console.log(row(['sources', seedRun ? `${seedRun.sources} files, ${seedRun.sourceMb.toFixed(2)} MB` : 'n/a', `${N} files, ${sourceMb.toFixed(1)} MB (generated in ${generateS.toFixed(1)} s)`], W));
console.log(row(['issues / documents', seedRun ? `${seedRun.issues} / ${seedRun.documents}` : 'n/a', `${archive.issues} / ${archive.documents}${expectedDocuments !== archive.documents ? ` (generated ${expectedDocuments})` : ''}`], W));
for (const name of ['ingest', 'astro build', 'forwarders', 'search index', 'PDF']) {
  const a = stageOf(seedRun, name);
  const b = stageOf(archive, name);
  const cell = (s: typeof a) => (s ? `${fmtS(s.wallS)}, ${fmtMb(s.peakTreeMb)}, ${rate(s)}` : 'n/a');
  console.log(row([name, cell(a), cell(b)], W));
}
const full = (r: SiteRun | null) => {
  const ss = ['ingest', 'astro build', 'forwarders', 'search index'].map((n) => stageOf(r, n)).filter(Boolean) as StageRun[];
  return ss.length ? { wall: ss.reduce((n, s) => n + s.wallS, 0), peak: Math.max(...ss.map((s) => s.peakTreeMb)) } : null;
};
const fa = full(seedRun);
const fb = full(archive);
console.log(row(['full build (no PDF)', fa ? `${fmtS(fa.wall)}, peak ${fmtMb(fa.peak)}` : 'n/a', fb ? `${fmtS(fb.wall)}, peak ${fmtMb(fb.peak)}` : 'n/a'], W));
const sz = (s: SiteSizes | null | undefined) => (s ? `${s.totalMb} MB, ${s.files} files` : 'n/a');
console.log(row(['output', sz(seedRun?.sizes), sz(archive.sizes)], W));
console.log(row(['HTML pages, median', seedRun?.sizes ? `${seedRun.sizes.htmlPages}, ${seedRun.sizes.medianHtmlKb} KB` : 'n/a', archive.sizes ? `${archive.sizes.htmlPages}, ${archive.sizes.medianHtmlKb} KB` : 'n/a'], W));
console.log(row(['document page, median', seedRun?.sizes ? `${seedRun.sizes.medianDocKb} KB` : 'n/a', archive.sizes ? `${archive.sizes.medianDocKb} KB (largest ${archive.sizes.largestHtml.file} ${archive.sizes.largestHtml.kb} KB)` : 'n/a'], W));
console.log(row(['search bundle', seedRun?.sizes ? `${seedRun.sizes.searchMb} MB, ${seedRun.sizes.searchFiles} files` : 'n/a', archive.sizes ? `${archive.sizes.searchMb} MB, ${archive.sizes.searchFiles} files` : 'n/a'], W));
console.log(row(['PDFs', seedRun?.sizes ? `${seedRun.sizes.pdfMb} MB` : 'n/a', archive.sizes ? `${archive.sizes.pdfMb} MB` : 'n/a'], W));
const kb = (b: number) => `${Math.round(b / 1024)} KB`;
const pr = (p: SearchProbe | null | undefined, k: 'pageLoad' | 'first') => (p ? `${kb(p[k].bytes)} (gz ${kb(p[k].gzipBytes)}), ${p[k].ms} ms` : 'n/a');
console.log(row(['search page load', pr(seedRun?.probe, 'pageLoad'), pr(archive.probe, 'pageLoad')], W));
console.log(row(['first query', pr(seedRun?.probe, 'first'), pr(archive.probe, 'first')], W));
console.log(row(['warm query (UI / API)', seedRun?.probe ? `${seedRun.probe.warmMedianMs} / ${seedRun.probe.apiWarmMedianMs} ms` : 'n/a', archive.probe ? `${archive.probe.warmMedianMs} / ${archive.probe.apiWarmMedianMs} ms` : 'n/a'], W));
if (archive.probe) console.log(`  first query by kind: ${Object.entries(archive.probe.firstByKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
const pdfStage = stageOf(archive, 'PDF');
const issueMs = (pdfStage?.extra?.['issueMs'] ?? []) as number[];
// Per issue: the wall time of the stage over the issues it rendered (pages are rendered two at a time, so this
// is what a build pays per issue), and the mean render time of one PDF (latency, two TOC passes).
const pdfAvg = issueMs.length && pdfStage ? pdfStage.wallS / issueMs.length : undefined;
const pdfLatency = issueMs.length ? issueMs.reduce((a, b) => a + b, 0) / issueMs.length / 1000 : undefined;
if (split) {
  console.log(`\nsplit search index: ${split.stage ? `${fmtS(split.stage.wallS)}, peak ${fmtMb(split.stage.peakTreeMb)}` : 'n/a'}, bundle ${split.sizes.searchMb} MB, first query ${pr(split.probe, 'first')}, warm ${split.probe?.warmMedianMs ?? 'n/a'} ms`);
}
let rebuild: number | undefined;
if (incremental) {
  rebuild = incremental.stages.reduce((n, s) => n + s.wallS, 0);
  console.log(`\nrebuild after one new issue (${incremental.issue}): ${incremental.stages.map((s) => `${s.name} ${fmtS(s.wallS)}`).join(' · ')} = ${fmtS(rebuild)}, peak ${fmtMb(Math.max(...incremental.stages.map((s) => s.peakTreeMb)))}`);
}

let partialS: number | undefined;
if (partial) {
  partialS = partial.stages.reduce((n, s) => n + s.wallS, 0);
  console.log(
    `\nrebuild after one new issue (${partial.issue}), only what changed (${partial.changed.documents} documents, ${partial.changed.issues} issues): ${partial.stages.map((s) => `${s.name} ${fmtS(s.wallS)}`).join(' · ')} = ${fmtS(partialS)}, peak ${fmtMb(Math.max(...partial.stages.map((s) => s.peakTreeMb)))}`,
  );
}

console.log('\nbudgets (issue 9, this machine):');
const budget = (ok: boolean | null, text: string) => console.log(`  ${ok === null ? 'n/a ' : ok ? 'PASS' : 'FAIL'}  ${text}`);
budget(fb ? fb.wall < 300 : null, `full build (ingest + astro + search) under 5 min: ${fb ? fmtS(fb.wall) : 'n/a'}`);
budget(fb ? fb.peak < 8192 : null, `full build under 8 GB peak RSS: ${fb ? fmtMb(fb.peak) : 'n/a'}`);
budget(pdfAvg === undefined ? null : pdfAvg < 2, `issue PDFs under 2 s each on average: ${pdfAvg !== undefined ? `${pdfAvg.toFixed(2)} s of stage wall time per issue over ${issueMs.length} (each PDF takes ${pdfLatency?.toFixed(2)} s to render, two at a time)` : hasPdf ? 'n/a (the PDF stage rendered no issue)' : flag('no-pdf') ? 'n/a (--no-pdf)' : 'n/a (no PDF stage: src/print/render.ts missing)'}`);
budget(rebuild === undefined ? null : rebuild < 60, `rebuild after one new issue under 60 s (whole pipeline): ${rebuild === undefined ? 'n/a' : fmtS(rebuild)}`);
if (partialS !== undefined) budget(partialS < 60, `rebuild after one new issue under 60 s (only what changed): ${fmtS(partialS)}`);
budget(archive.probe ? archive.probe.first.bytes < 400 * 1024 : null, `first query under 400 KB: ${archive.probe ? kb(archive.probe.first.bytes) : 'n/a'}`);
budget(archive.probe ? archive.probe.warmMedianMs < 100 : null, `warm query under 100 ms: ${archive.probe ? `${archive.probe.warmMedianMs} ms (UI), ${archive.probe.apiWarmMedianMs} ms (Pagefind API)` : 'n/a'}`);

writeFileSync(join(out, 'result.json'), `${JSON.stringify({ date: new Date().toISOString(), issues: N, patches: patches.map((p) => p.name), search: searchKind, maxPages, seed: seedRun, archive, split, incremental, partial }, null, 1)}\n`);
console.log(`\nfull figures: ${join(out, 'result.json')}; logs: ${out}/*.log`);
