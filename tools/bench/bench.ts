/**
 * npm run bench [-- --issues N] — build benchmark on a synthetic archive (issue 9).
 *
 * Generates N issues (default 1,000) in the layout of content/sources/001 from the real documents
 * (tools/bench/generate.ts), then runs the real pipeline on them in an isolated work folder
 * (bench-out/<N>/work, tests/support/workdir.ts): ingest → astro build → search index beside the short links → PDFs, each
 * stage a child process measured for wall time and peak memory (tools/bench/measure.ts). Then: sizes of the
 * output, search in Chromium (tools/bench/search-probe.ts), and a rebuild after adding one issue
 * (`scripts/build.ts --incremental`, as a user runs it). The seed site
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
 *   --reuse               keep an already built work folder's output and only rerun probe/incremental
 *   --wait MIN            wait up to MIN minutes for other heavy builds (astro/pagefind) to finish (default 30)
 *   --port P              port for the search probe (default 4470; the exact-text measurement uses P + 1)
 *   --with-load           the loaded run: a second heavy process (tools/bench/load.ts, every core busy) runs beside
 *                         the build stages and the rebuild, as on a shared build server; budgets are then the loaded ones
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { requireModernNode } from '../../src/build/run.ts';
import { buildTemplates, generateIssue, issueSpec, newState, type GeneratedIssue, type SourceText } from './generate.ts';
import { otherHeavyBuilds, runStage, siteSizes, type SiteSizes, type StageRun } from './measure.ts';
import { prepareWorkdir } from '../../tests/support/workdir.ts';
import type { QueryFigure, SearchProbe } from './search-probe.ts';
import type { measurePhrases } from './phrase-quality.ts';
import { spawn, type ChildProcess } from 'node:child_process';

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
const hasPdf = existsSync(join(project, 'src/pdf/render.ts')) && !flag('no-pdf');
const PATH = `${join(project, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`;
mkdirSync(out, { recursive: true });

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
  /** Exact text over every year, a held-out set (tools/bench/phrase-quality.ts). */
  phrases?: Awaited<ReturnType<typeof measurePhrases>> | null;
  generateS: number;
}

const withLoad = flag('with-load');
let loadProcess: ChildProcess | null = null;
/** The loaded run's second heavy process, started before the build stages and ended after the rebuild. */
function startLoad(): void {
  if (!withLoad || loadProcess) return;
  loadProcess = spawn(join(project, 'node_modules/.bin/tsx'), [join(project, 'tools/bench/load.ts')], { stdio: 'ignore', detached: true });
  console.log(`  --with-load: tools/bench/load.ts running beside the build (pid ${loadProcess.pid ?? '?'})`);
}
function stopLoad(): void {
  if (loadProcess?.pid !== undefined) process.kill(-loadProcess.pid, 'SIGTERM');
  loadProcess = null;
}
process.on('exit', stopLoad);

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
  logName: string;
}

/** The pipeline of src/build/build.ts, stage by stage, in `work`; output in work/.cache/dist-staging, then work/dist. */
async function build(work: string, opts: BuildOptions): Promise<SiteRun['stages']> {
  const staging = join(work, '.cache/dist-staging');
  const dist = join(work, 'dist');
  const log = join(out, `${opts.logName}.log`);
  rmSync(log, { force: true });
  for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite', '.cache']) rmSync(join(work, cache), { recursive: true, force: true });
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

  // As src/build/build.ts: the build starts from an empty staging folder.
  rmSync(staging, { recursive: true, force: true });
  if (want('ingest')) {
    // As src/build/build.ts: the ingest beside `astro sync`.
    const r = await run('ingest', tsx, ['tools/bench/stage.ts', 'ingest']);
    if (r.exitCode !== 0) fail(r);
    const docs = readdirSync(join(work, 'content/documents')).filter((n) => n.endsWith('.json')).length;
    want1('ingest', r, docs, 'documents');
  }
  if (want('astro')) {
    const r = await run('astro build', tsx, ['tools/bench/stage.ts', 'astro', staging]);
    if (r.exitCode !== 0) fail(r);
    want1('astro build', r, countHtml(staging), `HTML pages, of them ${Number(resultOf(r)['forwarders'] ?? 0)} short-link pages written beside`);
  }
  if (want('search')) {
    const r = await run('search index', tsx, ['tools/bench/stage.ts', 'search', staging]);
    if (r.exitCode !== 0) {
      // Recorded, not fatal: an index that does not fit the machine is a result too.
      console.log(`  search index FAILED (exit ${r.exitCode}) after ${r.wallS.toFixed(1)} s at peak ${r.peakTreeMb} MB; log ${r.log}`);
    }
    const res = resultOf(r);
    want1('search index', r, Number(res['pages'] ?? 0), 'pages indexed', res);
    if (res['shards']) console.log(`                 shards: ${(res['shards'] as string[]).join(' · ')}`);
  }
  if (want('pdf') && hasPdf) {
    const r = await run('PDF', tsx, ['tools/bench/stage.ts', 'pdf', staging, ...(opts.pdfOnly ? [`--only=${opts.pdfOnly.join(',')}`] : [])]);
    if (r.exitCode !== 0) {
      console.log(`  PDF stage failed (exit ${r.exitCode}), see ${r.log}; PDF column left n/a`);
    } else {
      const res = resultOf(r);
      want1('PDF', r, Number(res['issues'] ?? 0), 'issue PDFs rendered', res);
    }
    if (opts.pdfDocuments?.length) {
      const d = await run('PDF documents', tsx, ['tools/bench/stage.ts', 'pdf', staging, '--documents', `--only=${opts.pdfDocuments.join(',')}`]);
      if (d.exitCode === 0) {
        const res = resultOf(d);
        const ms = (res['documentMs'] ?? []) as number[];
        want1('PDF documents', d, ms.length, `document PDFs (sample), ${ms.length ? (ms.reduce((a, b) => a + b, 0) / ms.length / 1000).toFixed(2) : '?'} s each`, res);
      } else console.log(`  document PDF sample failed (exit ${d.exitCode}), see ${d.log}`);
    }
  }
  rmSync(dist, { recursive: true, force: true });
  renameSync(staging, dist);
  const st = await run('state', tsx, ['tools/bench/stage.ts', 'state']);
  if (st.exitCode !== 0) fail(st);
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

async function phraseQuality(dist: string): Promise<SiteRun['phrases']> {
  if (flag('no-probe')) return null;
  const { measurePhrases } = await import('./phrase-quality.ts');
  try {
    return await measurePhrases(dist, { project, port: port + 1, unique: 40, shared: 10, seed: 'held-out' });
  } catch (err) {
    console.log(`  exact-text measurement failed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

async function probe(dist: string): Promise<SearchProbe | null> {
  if (flag('no-probe')) return null;
  const { probeSearch } = await import('./search-probe.ts');
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
const work = prepareWorkdir(join(out, 'work'), { editorial: false });
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
// The sample ends with the newest issue: the rebuild renders it again as the new issue's neighbour, and a real
// build, which renders every issue, has it in the PDF cache.
const pdfSample = Number(opt('pdf-sample') ?? 100);
const spread = <T>(xs: T[], n: number): T[] =>
  xs.length <= n ? xs : Array.from({ length: n }, (_, i) => xs[n === 1 ? xs.length - 1 : Math.round((i * (xs.length - 1)) / (n - 1))] as T);
const pdfIssues = spread(generated.map((g) => g.id), pdfSample);
const pdfDocs = spread(
  generated.flatMap((g) => g.documents.filter((d) => d.kind === '通知').map((d) => d.slug)),
  20,
);
startLoad();
const stages = flag('reuse') ? [] : await build(work, { logName: 'full-build', pdfOnly: pdfIssues, pdfDocuments: pdfDocs });
stopLoad();
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
archive.phrases = await phraseQuality(join(work, 'dist'));

// One more issue: `scripts/build.ts --incremental`, as a user runs it after adding a source.
interface Rebuild {
  issue: string;
  run: StageRun;
  /** From the build's own log: what it rendered again, and its stage timings. */
  plan: string;
  stages: string;
}
let rebuild: Rebuild | null = null;
if (!flag('no-incremental')) {
  const g = generateIssue(templates, issueSpec(N, N), state);
  console.log(`\nrebuild after adding one issue (${g.id}): npm run build -- --incremental`);
  writeFileSync(join(work, 'content/sources', g.file), g.text);
  const log = join(out, 'rebuild.log');
  rmSync(log, { force: true });
  startLoad();
  const r = await runStage('rebuild', join(work, 'node_modules/.bin/tsx'), ['scripts/build.ts', '--incremental'], {
    cwd: work,
    env: { PATH },
    logFile: log,
    echo: /^(build:|\[ERROR\]|error|Error)/,
  });
  stopLoad();
  if (r.exitCode !== 0) fail(r);
  const text = readFileSync(log, 'utf8');
  rebuild = {
    issue: g.id,
    run: r,
    plan: /^build: (incremental.*|full.*)$/m.exec(text)?.[1] ?? '?',
    stages: /^build: dist\/ ready \((.*)\)$/m.exec(text)?.[1] ?? '?',
  };
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
for (const name of ['ingest', 'astro build', 'search index', 'PDF']) {
  const a = stageOf(seedRun, name);
  const b = stageOf(archive, name);
  const cell = (s: typeof a) => (s ? `${fmtS(s.wallS)}, ${fmtMb(s.peakTreeMb)}, ${rate(s)}` : 'n/a');
  console.log(row([name, cell(a), cell(b)], W));
}
const full = (r: SiteRun | null) => {
  const ss = ['ingest', 'astro build', 'search index'].map((n) => stageOf(r, n)).filter(Boolean) as StageRun[];
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
const fig = (f: QueryFigure | undefined) => (f ? `${kb(f.bytes)} (gz ${kb(f.gzipBytes)}), ${f.ms} ms` : 'n/a');
const warmFig = (w: { warmMedianMs: number; apiWarmMedianMs: number } | undefined) => (w ? `${w.warmMedianMs} / ${w.apiWarmMedianMs} ms` : 'n/a');
console.log(row(['search page load', fig(seedRun?.probe?.pageLoad), fig(archive.probe?.pageLoad)], W));
console.log(row(['first query (newest years)', fig(seedRun?.probe?.first), fig(archive.probe?.first)], W));
console.log(row(['warm query (UI / API)', warmFig(seedRun?.probe ?? undefined), warmFig(archive.probe ?? undefined)], W));
console.log(row(['first query, every year', fig(seedRun?.probe?.all.first), fig(archive.probe?.all.first)], W));
console.log(row(['warm, every year (UI / API)', warmFig(seedRun?.probe?.all), warmFig(archive.probe?.all)], W));
const kinds = (k: Record<string, number>) => Object.entries(k).map(([n, v]) => `${n} ${kb(v)}`).join(', ');
if (archive.probe) console.log(`  first query by kind: ${kinds(archive.probe.firstByKind)}\n  every year: ${kinds(archive.probe.all.firstByKind)}`);
const pdfStage = stageOf(archive, 'PDF');
const issueMs = (pdfStage?.extra?.['issueMs'] ?? []) as number[];
// Per issue: the wall time of the stage over the issues it rendered (pages are rendered two at a time, so this
// is what a build pays per issue), and the mean render time of one PDF (latency, two TOC passes).
const pdfAvg = issueMs.length && pdfStage ? pdfStage.wallS / issueMs.length : undefined;
const pdfLatency = issueMs.length ? issueMs.reduce((a, b) => a + b, 0) / issueMs.length / 1000 : undefined;
if (rebuild) {
  console.log(`\nrebuild after one new issue (${rebuild.issue}): ${fmtS(rebuild.run.wallS)}, peak ${fmtMb(rebuild.run.peakTreeMb)} — ${rebuild.plan}; ${rebuild.stages}`);
}

const loads = [...archive.stages.map((st) => st.load), ...(rebuild ? [rebuild.run.load] : [])];
console.log(`\nbudgets (issue 22, this machine, ${withLoad ? 'loaded run (--with-load)' : 'quiet run'}; mean load of the stages ${loads.length ? (loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1) : 'n/a'}):`);
const budget = (ok: boolean | null, text: string) => console.log(`  ${ok === null ? 'n/a ' : ok ? 'PASS' : 'FAIL'}  ${text}`);
const fullBudget = withLoad ? 300 : 150;
const rebuildBudget = withLoad ? 45 : 20;
budget(fb ? fb.wall <= fullBudget : null, `full build (ingest + astro + search + short links) ≤ ${fullBudget} s: ${fb ? fmtS(fb.wall) : 'n/a'}`);
budget(fb ? fb.peak < 8192 : null, `full build under 8 GB peak RSS: ${fb ? fmtMb(fb.peak) : 'n/a'}`);
budget(pdfAvg === undefined || withLoad ? null : pdfAvg <= 1, `issue PDFs ≤ 1 s each (quiet run): ${pdfAvg !== undefined ? `${pdfAvg.toFixed(2)} s of stage wall time per issue over ${issueMs.length} (each PDF takes ${pdfLatency?.toFixed(2)} s to render, two at a time)` : hasPdf ? 'n/a (the PDF stage rendered no issue)' : flag('no-pdf') ? 'n/a (--no-pdf)' : 'n/a (no PDF stage: src/pdf/render.ts missing)'}`);
budget(rebuild ? rebuild.run.wallS <= rebuildBudget : null, `rebuild after one new issue ≤ ${rebuildBudget} s (changed pages, their search shard, the issue's PDF): ${rebuild ? fmtS(rebuild.run.wallS) : 'n/a'}`);
// Pagefind's own files are gzip already; the page's HTML, JS and JSON are counted as a host sends them, gzipped.
const ph = archive.phrases;
budget(ph ? ph.unique.firstRate >= 0.95 : null, `a unique 10-character phrase of a random year finds its page first, by default, ≥ 95 %: ${ph ? `${(ph.unique.firstRate * 100).toFixed(0)} % of ${ph.unique.n} (${ph.unique.years} years)` : 'n/a'}`);
budget(ph ? ph.shared.allHoldRate === 1 : null, `a shared phrase: every result of the first screen holds it: ${ph ? `${(ph.shared.allHoldRate * 100).toFixed(0)} % of ${ph.shared.n} phrases (held by ${ph.shared.holders.join(', ')} pages)` : 'n/a'}`);
budget(ph?.first ? ph.first.gzipBytes <= 400 * 1024 : null, `first query (a run of text, every year) ≤ 400 KB transferred: ${ph?.first ? `${kb(ph.first.gzipBytes)}, ${ph.first.ms} ms` : 'n/a'}; a word query over the newest years ${archive.probe ? kb(archive.probe.first.gzipBytes) : 'n/a'}`);
budget(ph ? ph.warmMedianMs <= 100 : null, `warm query (a run of text, every year) ≤ 100 ms: ${ph ? `${ph.warmMedianMs} ms` : 'n/a'}; a word query ${archive.probe ? `${archive.probe.warmMedianMs} ms` : 'n/a'}`);

writeFileSync(join(out, 'result.json'), `${JSON.stringify({ date: new Date().toISOString(), issues: N, seed: seedRun, archive, rebuild }, null, 1)}\n`);
console.log(`\nfull figures: ${join(out, 'result.json')}; logs: ${out}/*.log`);
