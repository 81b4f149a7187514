/**
 * The build as a sequence of stages (scripts/build.ts is its command line; tools/bench/stage.ts runs single
 * stages for the benchmark): ingest beside `astro sync` → astro build (its pages split over one Astro process
 * per core) beside the short links → search index → PDFs, into a staging folder that replaces dist/ only when
 * every stage passed (src/build/stage-swap.ts). The ingest and this process's short links each take one core,
 * so each runs beside a stage that leaves a core idle (README, "Build speed … seventh session").
 *
 * Incremental (src/build/incremental.ts): the Astro process starts beside the ingest (when the code is the last
 * build's), and the changed documents and issues are rendered into the staging
 * folder with every site-wide page (lists, feed, sitemap, search, report), the search shards of their years
 * re-indexed over the staging folder and the last build while their PDFs are rendered; then the staging folder's files
 * are moved into dist/. It falls back to a full build when there is no earlier build, the code changed or a
 * page was removed.
 */
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSearchIndex } from '../search/build/pagefind.ts';
import type { GazetteConfig } from '../gazette/config.ts';
import { loadGazette, siteTarget } from './config.ts';
import { writeForwarders } from './forwarders.ts';
import { planRebuild, type BuildState, type RebuildPlan } from './incremental.ts';
import { run, runAsync, startCommand, type StartedCommand } from './run.ts';
import { ingestAndTell } from './ingest.ts';
import { mergeInto, moveInto, swapIn } from './stage-swap.ts';
import type { OnlyPlan } from '../site/only.ts';
import { codeDigest, readBuildState, readProject, STATE_FILE, writeBuildState, type ProjectState } from './state.ts';

export const STAGING = '.cache/dist-staging';
export const DIST = 'dist';
/** The indexed pages of the last build and their years (src/search/build/pagefind.ts `pagesFile`). */
export const SEARCH_PAGES = '.cache/search-pages.json';

/**
 * The ingest, in this process (as scripts/ingest.ts runs it, without a second Node start): a fatal finding
 * stops the build. `strict`: a withheld source or copy fails it too (src/build/ingest.ts fatalFindings);
 * npm test builds this way.
 */
export async function ingestStage(gazette: GazetteConfig, strict = false): Promise<void> {
  const { fatal } = await ingestAndTell({ gazette, recordAnchors: false, strict });
  if (fatal.length > 0) throw new Error(`ingest: ${fatal.length} 处问题使生成无法继续（见上）`);
}

/**
 * The ingest beside `astro sync`, which reads only what editors write (src/content.config.ts), never the
 * generated collections: it takes the core the ingest leaves idle. Sync first is what lets the Astro processes
 * of a split build run side by side (astroFullStage); a single one syncs again, finding nothing to do.
 */
export async function ingestAndSyncStage(gazette: GazetteConfig, strict = false): Promise<void> {
  const sync = runAsync('astro', ['sync', '--silent']);
  try {
    await ingestStage(gazette, strict);
  } finally {
    await sync;
  }
}

/**
 * An incremental `astro build` into `outDir`, started before its plan is known: it loads and bundles (beside the
 * ingest) and renders those pages (src/site/only.ts) and every site-wide page once told the plan
 * (src/integration/await-plan.ts) — or is stopped, when the build turns out full or the ingest failed.
 */
export function startAstroStage(outDir: string): { render: (only: OnlyPlan) => Promise<void>; stop: StartedCommand['stop'] } {
  // Niced: while it bundles the ingest keeps its core (it renders alone, where priority does not count).
  const astro = startCommand('astro', ['build', '--silent'], { GONGBAO_OUT_DIR: outDir, GONGBAO_AWAIT_PLAN: '1' }, 10);
  return { render: (only) => astro.tell({ env: { GONGBAO_ONLY: JSON.stringify(only) } }), stop: astro.stop };
}

/** From this many documents a full build's pages are split over several Astro processes (README, "Build speed … fifth session"). */
export const SPLIT_FROM = 1000;

/**
 * How many Astro processes render a full build of `documents` documents: one per core, at most 2 (one renders
 * on about one core), from SPLIT_FROM documents on — below, a second process's start costs more than it
 * saves. GONGBAO_ASTRO_PARTS sets it (tests/build/rebuild.test.ts builds the seed split in two).
 */
export function astroParts(documents: number, env: NodeJS.ProcessEnv = process.env): number {
  const set = env['GONGBAO_ASTRO_PARTS'];
  if (set !== undefined) {
    const n = Number(set);
    if (!Number.isInteger(n) || n < 1) throw new Error(`GONGBAO_ASTRO_PARTS must be a whole number ≥ 1, got ${set}`);
    return n;
  }
  return documents >= SPLIT_FROM ? Math.min(2, availableParallelism()) : 1;
}

/** The short-link pages (/c/…, /n/…) of every document, or of `only`; returns how many were written. */
export const forwardersStage = (siteDir: string, gazette: GazetteConfig, only?: readonly string[]): number => writeForwarders(siteDir, gazette, only ? new Set(only) : undefined);

/**
 * A full `astro build` into `outDir` by `parts` Astro processes at once, each rendering its part of the pages
 * (src/site/only.ts GONGBAO_PART) into its own folder with its own cache, then merged into `outDir`; `astro
 * sync` ran before (ingestAndSyncStage), so that no process rewrites the .astro/ files another reads (Astro
 * writes them only when they change). Meanwhile this process writes the short-link pages into a folder of their
 * own, merged in last (Astro renders no page under /c/ or /n/). Returns how many short-link pages it wrote.
 */
export async function astroFullStage(outDir: string, parts: number, gazette: GazetteConfig): Promise<number> {
  const dirs = Array.from({ length: parts }, (_, i) => (i === 0 ? outDir : `${outDir}-part${i}`));
  const forwarders = `${outDir}-forwarders`;
  for (const dir of [...dirs, forwarders]) rmSync(dir, { recursive: true, force: true });
  const astro = Promise.all(
    dirs.map((dir, i) =>
      runAsync('astro', ['build', '--silent'], { GONGBAO_OUT_DIR: dir, ...(parts > 1 ? { GONGBAO_PART: `${i}/${parts}`, GONGBAO_ASTRO_CACHE: `.cache/astro${i ? `-part${i}` : ''}` } : {}) }),
    ),
  );
  // Written while the Astro processes run (a failure here still waits for them, so none writes on after the build stopped).
  let written: number;
  try {
    written = forwardersStage(forwarders, gazette);
  } finally {
    await astro;
  }
  for (const dir of [...dirs.slice(1), forwarders]) mergeInto(dir, outDir);
  return written;
}

/** Records what this build was made from (by default: the project now), so that the next `--incremental` build can follow it. */
export const recordStateStage = (state: BuildState = readProject().state): void => writeBuildState(state);

/** The state of the last build, when there is one to build on. */
const lastState = (): BuildState | null => (existsSync(resolve(DIST)) ? readBuildState() : null);

/** Full or incremental: the plan of an incremental build, from the last build's state and the generated collections. */
export function buildPlan(incremental: boolean, project: ProjectState, before: BuildState | null): RebuildPlan {
  if (!incremental) return { full: true, reason: 'a full build was asked for' };
  return planRebuild(before, project.state, project.documents, project.issues, project.reportLinks);
}

export interface BuildOptions {
  incremental: boolean;
  /** A full build without the PDF stage (no dist/pdf/): for test sites that only need the pages (tests/support/legal-site.ts). */
  noPdf?: boolean;
  /** A withheld source fails the build instead of being left out. */
  strict?: boolean;
  /** Progress lines (the plan, counts). */
  log: (line: string) => void;
}

/** Builds the site into dist/; returns the wall time of each stage, e.g. 「astro build 7.0 s」. */
/**
 * The PDF stage's module (Chromium's driver and the PDF reader: ≈ 0.85 s to load, and 0.5 s more for the
 * reader's worker code at the first PDF checked), loaded while the Astro stage runs, so that neither the ingest,
 * nor a rebuild's early Astro start, nor the first PDF waits for it.
 */
let pdfModule: Promise<typeof import('../pdf/render.ts')> | undefined;
const loadPdfModule = (): Promise<typeof import('../pdf/render.ts')> =>
  (pdfModule ??= Promise.all([import('../pdf/render.ts'), import('../pdf/pdf-read.ts').then((r) => r.preparePdfReader())]).then(([m]) => m));
// A failure to load is the PDF stage's to report, when it awaits the same promise.
const prefetchPdfModule = (): void => void loadPdfModule().catch(() => undefined);

export async function buildSite(opts: BuildOptions): Promise<string[]> {
  const staging = resolve(STAGING);
  const dist = resolve(DIST);
  const timings: string[] = [];
  const stage = async (name: string, fn: () => unknown): Promise<void> => {
    const t0 = performance.now();
    await fn();
    timings.push(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };

  if (opts.noPdf && opts.incremental) throw new Error('build: --no-pdf is for full builds only (an incremental build merges into the PDFs of the last one)');
  const gazette = await loadGazette();
  const { base } = siteTarget(gazette);
  rmSync(staging, { recursive: true, force: true });
  const before = lastState();
  const code = codeDigest();
  // A rebuild by the code of the last build starts Astro now, beside the ingest (its plan comes after).
  const early = opts.incremental && before?.code === code ? startAstroStage(staging) : null;
  try {
    await stage('ingest', () => (early ? ingestStage(gazette, opts.strict) : ingestAndSyncStage(gazette, opts.strict)));
  } catch (err) {
    await early?.stop();
    throw err;
  }
  const project = readProject('', before, code);
  const plan = buildPlan(opts.incremental, project, before);
  if (plan.full) {
    opts.log(`build: full (${plan.reason})`);
    if (early) {
      await early.stop();
      run('astro', ['sync', '--silent']);
    }
    await stage('astro build and forwarders', async () => {
      const astro = astroFullStage(staging, astroParts(project.documents.length), gazette);
      if (!opts.noPdf) prefetchPdfModule();
      opts.log(`forwarders: ${await astro} short-link pages`);
    });
    await stage('search index', () => buildSearchIndex(staging, { pagesFile: SEARCH_PAGES }));
    if (!opts.noPdf) await stage('pdf', async () => (await loadPdfModule()).exportPdfs({ siteDir: staging, outDir: join(staging, 'pdf'), base }));
    swapIn([{ staged: staging, target: dist }]);
  } else {
    const ids = [...plan.documents, ...plan.issues];
    opts.log(`build: incremental — ${plan.documents.length} document(s), ${plan.issues.length} issue(s), ${plan.groups.length} index group(s), ${plan.reports.length} report page(s), search years ${plan.years.join(', ') || 'none'}`);
    const only: OnlyPlan = { pages: ids, reports: plan.reports, groups: plan.groups, lastBuild: dist };
    await stage('astro build (changed)', () => {
      const astro = (early ?? startAstroStage(staging)).render(only);
      prefetchPdfModule();
      return astro;
    });
    await stage('forwarders', () => opts.log(`forwarders: ${forwardersStage(staging, gazette, plan.documents)} short-link pages`));
    // At the same time: the search shard is Pagefind's process, the PDFs Chromium's; each writes its own folder
    // (pagefind*/, pdf/), and Pagefind reads no PDF nor short-link page.
    await Promise.all([
      plan.years.length > 0 ? stage('search index (changed shards)', () => buildSearchIndex(staging, { only: plan.years, under: [dist], pagesFile: SEARCH_PAGES })) : null,
      stage('pdf', async () => (await loadPdfModule()).exportPdfs({ siteDir: staging, outDir: join(staging, 'pdf'), base, only: ids, mergeWith: join(dist, 'pdf', 'manifest.json') })),
    ]);
    // Every stage passed: only now does dist/ change, file by file.
    await stage('move into dist', () => moveInto(staging, dist));
    rmSync(staging, { recursive: true, force: true });
  }
  // A dist/ without PDFs is no base for an incremental build: the next one is full.
  if (opts.noPdf) rmSync(STATE_FILE, { force: true });
  else recordStateStage(project.state);
  return timings;
}
