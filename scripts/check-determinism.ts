/**
 * npm exec tsx scripts/check-determinism.ts [-- --pdf] [--sources DIR] — do two builds from the same inputs
 * give a byte-identical dist/?
 *
 * Builds the seed site (content/sources, or --sources DIR) with the steps of scripts/build.ts (ingest → astro
 * build → forwarders → search index, and PDFs with --pdf) in scratch work folders under bench-out/determinism/
 * (src/bench/workdir.ts: the project's content/, dist/ and caches are never touched), then compares:
 *
 *   run 1  cold (all caches removed)                 — the reference
 *   run 2  cold again, same folder                   — must be identical
 *   run 3  warm: same folder, caches of run 2 kept   — what a developer's second `npm run build` gives
 *   run 4  cold, in another folder                   — does any absolute path leak into the output?
 *
 * For every pair it prints the files only on one side and the files that differ (with the first difference in
 * context), and groups them by cause where the name says it (Astro asset hashes, Pagefind's content-hashed
 * file names, PDF time stamps). Exit status 1 when run 1 and run 2 differ.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { requireModernNode } from './lib/run.ts';
import { listFiles, runStage } from '../src/bench/measure.ts';
import { prepareWorkdir } from '../src/bench/workdir.ts';

requireModernNode();
const argv = process.argv.slice(2);
const withPdf = argv.includes('--pdf');
const sourcesDir = argv.find((a) => a.startsWith('--sources='))?.slice('--sources='.length) ?? 'content/sources';
const project = resolve('.');
const root = resolve('bench-out/determinism');
const PATH = `${join(project, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`;
mkdirSync(root, { recursive: true });

async function build(work: string, label: string, cold: boolean): Promise<string> {
  const staging = join(work, '.cache/dist-staging');
  if (cold) for (const c of ['.astro', 'node_modules/.astro', 'node_modules/.vite', '.cache', 'dist']) rmSync(join(work, c), { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  const log = join(root, `${label}.log`);
  rmSync(log, { force: true });
  const tsx = join(work, 'node_modules/.bin/tsx');
  const steps: Array<[string, string, string[]]> = [
    ['ingest', tsx, ['scripts/ingest.ts']],
    ['astro build', join(work, 'node_modules/.bin/astro'), ['build', '--silent']],
    ['forwarders', tsx, ['src/bench/stage.ts', 'forwarders', staging]],
    ['search index', tsx, ['src/bench/stage.ts', 'search', staging]],
    ...(withPdf ? [['PDF', tsx, ['src/bench/stage.ts', 'pdf', staging, '--documents']] as [string, string, string[]]] : []),
  ];
  const t0 = performance.now();
  for (const [name, cmd, args] of steps) {
    if (name === 'PDF') {
      // One PDF at a time, so that a PDF the exporter rejects does not take the others with it.
      const index = JSON.parse(readFileSync(join(staging, 'api/index.json'), 'utf8')) as { issues: { id: string }[]; documents: { id: string }[] };
      args.push(`--only=${[...index.issues, ...index.documents].map((x) => x.id).join(',')}`, '--chunk=1');
    }
    const r = await runStage(name, cmd, args, { cwd: work, env: { PATH, GONGBAO_OUT_DIR: staging }, logFile: log });
    if (r.exitCode !== 0) throw new Error(`${label}: ${name} failed (exit ${r.exitCode}); see ${log}`);
    const result = readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('BENCH-RESULT ')).at(-1);
    if (name === 'PDF' && result) {
      const res = JSON.parse(result.slice('BENCH-RESULT '.length)) as { pdfs: number; failedChunks: number; errors: string[] };
      console.log(`${label}: ${res.pdfs} PDF(s) written, ${res.failedChunks} rejected by the exporter${res.errors[0] ? ` (e.g. ${res.errors[0].slice(0, 160)})` : ''}`);
    }
  }
  const out = join(root, `dist-${label}`);
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  // The generated collections are build output too (not published, but they feed everything).
  rmSync(`${out}.content`, { recursive: true, force: true });
  cpSync(join(work, 'content'), `${out}.content`, { recursive: true, filter: (src) => !src.includes('/sources') });
  console.log(`${label}: built in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
  return out;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Why a file may differ, judged by its name only (the diff below shows what actually differs). */
function cause(file: string): string {
  if (/^_astro\//.test(file)) return 'Astro bundled asset (content-hashed name)';
  if (/^pagefind\/.*\.(pf_\w+|pagefind)$/.test(file) || /pagefind-entry\.json$/.test(file)) return 'Pagefind index (content-hashed names)';
  if (/^pdf\//.test(file)) return 'PDF';
  return 'page / data';
}

function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const text = (buf: Buffer) => buf.subarray(Math.max(0, i - 60), i + 60).toString('utf8').replace(/\s+/g, ' ');
  const binary = a.subarray(0, 2000).includes(0) || b.subarray(0, 2000).includes(0) || /^%PDF/.test(a.subarray(0, 4).toString());
  return binary ? `binary, first difference at byte ${i} of ${a.length}/${b.length}` : `at byte ${i}: «${text(a)}» vs «${text(b)}»`;
}

interface Comparison {
  onlyA: string[];
  onlyB: string[];
  differ: string[];
}

function compare(a: string, b: string, title: string): Comparison {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const sb = new Set(fb);
  const sa = new Set(fa);
  const onlyA = fa.filter((f) => !sb.has(f));
  const onlyB = fb.filter((f) => !sa.has(f));
  const differ = fa.filter((f) => sb.has(f) && sha(join(a, f)) !== sha(join(b, f)));
  console.log(`\n── ${title}: ${fa.length} vs ${fb.length} files; ${onlyA.length} only in the first, ${onlyB.length} only in the second, ${differ.length} differ`);
  const groups = new Map<string, string[]>();
  for (const f of [...onlyA.map((x) => `- ${x}`), ...onlyB.map((x) => `+ ${x}`), ...differ.map((x) => `~ ${x}`)]) {
    const c = cause(f.slice(2));
    groups.set(c, [...(groups.get(c) ?? []), f]);
  }
  for (const [c, files] of groups) {
    console.log(`  ${c}: ${files.length}`);
    for (const f of files.slice(0, 12)) {
      const rel = f.slice(2);
      const detail = f.startsWith('~') ? `  ${firstDifference(readFileSync(join(a, rel)), readFileSync(join(b, rel)))}` : '';
      console.log(`    ${f}${detail.slice(0, 400)}`);
    }
    if (files.length > 12) console.log(`    … ${files.length - 12} more`);
  }
  return { onlyA, onlyB, differ };
}

const sources = readdirSync(join(project, sourcesDir)).filter((n) => !n.startsWith('.'));
function setup(name: string): string {
  const work = prepareWorkdir(join(root, name), { anchors: sourcesDir === 'content/sources' });
  rmSync(join(work, 'content/sources'), { recursive: true, force: true });
  mkdirSync(join(work, 'content/sources'), { recursive: true });
  for (const s of sources) writeFileSync(join(work, 'content/sources', s), readFileSync(join(project, sourcesDir, s)));
  return work;
}

const workA = setup('work');
const d1 = await build(workA, 'run1', true);
const d2 = await build(workA, 'run2', true);
const d3 = await build(workA, 'run3-warm', false);
const workB = setup('work-elsewhere');
const d4 = await build(workB, 'run4-elsewhere', true);

const c12 = compare(d1, d2, 'run 1 vs run 2 (cold, same folder)');
compare(`${d1}.content`, `${d2}.content`, 'generated content/ of run 1 vs run 2');
const c13 = compare(d1, d3, 'run 1 vs run 3 (warm caches)');
const c14 = compare(d1, d4, 'run 1 vs run 4 (another folder)');
const summary = {
  coldVsCold: c12.onlyA.length + c12.onlyB.length + c12.differ.length,
  coldVsWarm: c13.onlyA.length + c13.onlyB.length + c13.differ.length,
  otherFolder: c14.onlyA.length + c14.onlyB.length + c14.differ.length,
};
writeFileSync(join(root, 'result.json'), `${JSON.stringify({ date: new Date().toISOString(), pdf: withPdf, summary, c12, c13, c14 }, null, 1)}\n`);
console.log(`\ndeterminism: cold/cold ${summary.coldVsCold} differing file(s), cold/warm ${summary.coldVsWarm}, other folder ${summary.otherFolder} (${join(root, 'result.json')})`);
if (existsSync(d1) && summary.coldVsCold > 0) process.exit(1);
