/**
 * npm run build — the whole site: ingest → astro build → search index → short links → PDFs, into a staging
 * folder that replaces dist/ only when every stage passed, so a failed build never leaves a half-written dist/.
 *
 * npm run build -- --incremental — after adding or correcting sources: the same stages for what changed
 * only (src/build/incremental.ts): the changed documents and issues are rendered into a scratch folder with
 * every site-wide page (lists, feed, sitemap, search, report), the search shards of their years re-indexed
 * over the scratch and the last build, their PDFs rendered; then the scratch's files are moved into dist/.
 * It falls back to a full build when there is no earlier build, the code changed or a page was removed.
 *
 * npm run build -- --no-pdf — a full build without the PDF stage (no dist/pdf/; the pages' PDF links then lead
 * nowhere): for test sites that only need the pages (tests/support/legal-site.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { requireModernNode, run } from '../src/build/run.ts';
import { buildSearchIndex, MANIFEST, type ShardManifest } from '../src/search/build/pagefind.ts';
import { exportPdfs } from '../src/pdf/render.ts';
import { writeForwarders } from '../src/build/forwarders.ts';
import { planRebuild, type DocumentLinks, type IssueRef } from '../src/build/incremental.ts';
import { currentState, jsonFiles, readState, STATE_FILE, writeState } from '../src/build/state.ts';

requireModernNode();
const staging = resolve('.cache/dist-staging');
const dist = resolve('dist');
const timings: string[] = [];

async function stage(name: string, fn: () => unknown): Promise<void> {
  const t0 = performance.now();
  await fn();
  timings.push(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Moves every file of `from` into `into` (search bundles as whole folders), then drops bundles no shard lists. */
function moveInto(from: string, into: string): void {
  const move = (rel: string): void => {
    for (const d of readdirSync(join(from, rel), { withFileTypes: true })) {
      const path = join(rel, d.name);
      const bundle = rel === '' && d.isDirectory() && /^pagefind(?:-|$)/.test(d.name);
      if (d.isDirectory() && !bundle) {
        move(path);
        continue;
      }
      if (bundle) rmSync(join(into, path), { recursive: true, force: true });
      mkdirSync(dirname(join(into, path)), { recursive: true });
      renameSync(join(from, path), join(into, path));
    }
  };
  move('');
  const manifest = JSON.parse(readFileSync(join(into, MANIFEST), 'utf8')) as ShardManifest;
  const listed = new Set(manifest.shards.map((s) => s.bundle));
  for (const name of readdirSync(into)) if (/^pagefind-\d{4}/.test(name) && !listed.has(name)) rmSync(join(into, name), { recursive: true, force: true });
}

rmSync(staging, { recursive: true, force: true });
await stage('ingest', () => run('tsx', ['scripts/ingest.ts']));
const state = currentState();
const before = existsSync(dist) ? readState() : null;
// The plan reads every generated document (6,000 at 1,000 issues): only an incremental build needs it.
const readAll = <T,>(dir: string): T[] => jsonFiles(dir).map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as T);
const noPdf = process.argv.includes('--no-pdf');
if (noPdf && process.argv.includes('--incremental')) throw new Error('build: --no-pdf is for full builds only (an incremental build merges into the PDFs of the last one)');
const plan = process.argv.includes('--incremental')
  ? planRebuild(before, state, readAll<DocumentLinks>('content/documents'), readAll<IssueRef>('content/issues'))
  : ({ full: true, reason: 'a full build was asked for' } as const);

if (plan.full) {
  console.log(`build: full (${plan.reason})`);
  await stage('astro build', () => run('astro', ['build', '--silent'], { GONGBAO_OUT_DIR: staging }));
  // buildSearchIndex throws on any Pagefind error and on an index without pages.
  await stage('search index', () => buildSearchIndex(staging));
  // After the search index: Pagefind need not read tens of thousands of forwarding pages.
  await stage('forwarders', () => console.log(`forwarders: ${writeForwarders(staging)} short-link pages`));
  if (!noPdf) await stage('pdf', () => exportPdfs({ siteDir: staging, outDir: join(staging, 'pdf') }));
  const old = resolve('.cache/dist-old');
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(staging, dist);
  rmSync(old, { recursive: true, force: true });
} else {
  const ids = [...plan.documents, ...plan.issues];
  console.log(`build: incremental — ${plan.documents.length} document(s), ${plan.issues.length} issue(s), search years ${plan.years.join(', ') || 'none'}`);
  await stage('astro build (changed)', () => run('astro', ['build', '--silent'], { GONGBAO_OUT_DIR: staging, GONGBAO_ONLY: ids.join(',') }));
  if (plan.years.length > 0) await stage('search index (changed shards)', () => buildSearchIndex(staging, { only: plan.years, under: [dist] }));
  await stage('forwarders', () => console.log(`forwarders: ${writeForwarders(staging, new Set(plan.documents))} short-link pages`));
  await stage('pdf', () => exportPdfs({ siteDir: staging, outDir: join(staging, 'pdf'), only: ids, mergeWith: join(dist, 'pdf', 'manifest.json') }));
  // Every stage passed: only now does dist/ change, file by file.
  await stage('move into dist', () => moveInto(staging, dist));
  rmSync(staging, { recursive: true, force: true });
}
// A dist/ without PDFs is no base for an incremental build: the next one is full.
if (noPdf) rmSync(STATE_FILE, { force: true });
else writeState(state);
console.log(`build: dist/ ready (${timings.join(' · ')})`);
