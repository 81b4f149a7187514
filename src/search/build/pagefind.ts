/**
 * Builds the Pagefind search index of a built site, split into shards of consecutive years that the search
 * page searches in the browser, one Pagefind instance per shard, merging their results (src/search/client/scope.ts).
 * Each shard is written by Pagefind's command line; its failure fails the build, with what it printed. An index
 * without a single page fails too: the site would ship a search that can find nothing.
 *
 * Why shards: Pagefind holds a whole index in memory, and one index of a 1,000-issue archive would not fit the
 * memory budget (README, "Benchmark and scale").
 * Shards are indexed by child processes, at most `parallel` at once (one per core, at most 2) and at most
 * `pagesAtOnce` pages at once, so that the peak is bounded by pages, not by the number of shards; a single
 * shard to index (the seed, a rebuild) is indexed in this process. The newest years, together at most
 * `primaryPages` pages (the newest year always), form the primary shard (pagefind/, where pagefind.js is
 * loaded from) on their own: adding an issue re-indexes about a year of pages, not thousands, and a rebuild's
 * re-index stays within its PDF's time (README, "Build speed … seventh session"). Older years are packed, oldest first, into shards of at most
 * `maxPages` (pagefind-<from>-<to>/); <site>/pagefind-shards.json (MANIFEST) lists every bundle, newest first.
 *
 * What is indexed is decided in the pages: `data-pagefind-body` on the document body and the issue page
 * only, `data-pagefind-ignore` on navigation, facts, outline, provenance; each clause is a sub-result
 * (`id` + `data-pagefind-title`, src/components/body/Clause.astro); filters, sort key and metadata come
 * from src/components/SearchResultMeta.astro. Only a shard's pages are linked into the folder Pagefind reads,
 * so it never reads the rest of the site (tens of thousands of short-link pages at scale).
 */
import { fork, spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sha256Hex } from '../../gazette/hash.ts';
import { MANIFEST, type ShardManifest } from '../data.ts';
import { OLDER_DIR, PHRASE_DIR, type PhraseIndexInfo } from '../phrase.ts';
import { runBounded } from './bounded.ts';
import { POSTINGS_FILE, assembleIndex, bucketsForPages, writeShardPart, type PartSource, type ShardPart } from './phrase-index.ts';

const SIGNATURE = 'pagefind_dcd';

/** A Pagefind data file (gzip of a signature and JSON or CBOR) as text after the signature. */
function decode(content: Uint8Array): string {
  const text = gunzipSync(content).toString('utf8');
  return text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text;
}

/** Pages in a bundle, per its pagefind-entry.json (all languages). */
function bundlePages(bundleDir: string): number {
  const entry = join(bundleDir, 'pagefind-entry.json');
  if (!existsSync(entry)) throw new Error(`Pagefind wrote no pagefind-entry.json into ${bundleDir}`);
  const languages = (JSON.parse(readFileSync(entry, 'utf8')) as { languages: Record<string, { page_count: number }> }).languages;
  return Object.values(languages).reduce((n, l) => n + l.page_count, 0);
}

/** Pages from pagefind-entry.json, the page URLs from the fragments, the bundle's size. */
export function describeBundle(bundleDir: string): SearchIndexDescription {
  const files = readdirSync(bundleDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
  const urls = files
    .filter((f) => f.endsWith('.pf_fragment'))
    .flatMap((f) => {
      // one page per fragment file (maxFragments is not set); its URL is the first key
      const m = /^\{"url":"((?:[^"\\]|\\.)*)"/.exec(decode(readFileSync(f)));
      return m ? [JSON.parse(`"${m[1] ?? ''}"`) as string] : [];
    })
    .sort();
  const size = (fs: string[]) => fs.reduce((n, f) => n + statSync(f).size, 0);
  return {
    pages: bundlePages(bundleDir),
    urls,
    bundle: { files: files.length, bytes: size(files), indexBytes: size(files.filter((f) => /\.(pf_index|pf_meta|pf_fragment|pf_filter)$/.test(f))) },
  };
}

export interface ShardOptions {
  /** Most pages in one closed shard (a year is never split); default 1,750 (two of them at once fit the memory budget, README "Benchmark and scale"). */
  maxPages?: number;
  /** Shards indexed at once, each in its own process; default one per core, at most 2. */
  parallel?: number;
  /** Most pages being indexed at once over those processes (a shard larger than this runs alone); default 3,500. */
  pagesAtOnce?: number;
  /** Most pages of the primary shard: the newest years while they fit together (the newest year always); default PRIMARY_PAGES. */
  primaryPages?: number;
  /**
   * Re-index only the shards holding these years (an incremental build); a shard is kept as it is when the
   * previous pagefind-shards.json lists it with the same years and none of them is here.
   */
  only?: string[];
  /** Earlier layers of the site (an incremental build: the last build), read where siteDir lacks a page. */
  under?: string[];
  /**
   * Where the indexed pages and their years are recorded (outside the site: .cache/search-pages.json), so that
   * an incremental run takes the last build's pages from there instead of reading every page of it again.
   */
  pagesFile?: string;
}

/** What `pagesFile` holds: the pages of the build whose shard manifest has this sha256. */
interface RecordedPages {
  manifest: string;
  pages: Record<string, string>;
}

export interface Shard {
  /** Bundle folder in the site: pagefind, pagefind-1981-2000 … */
  bundle: string;
  years: string[];
  pages: number;
}

const SKIP = /^(?:pagefind|pdf|_astro|c|n|api)(?:-|$)/;

/** The year a page is filed under: its issue's year, else its date's, else 0000 (the page as UTF-8 or Latin-1 text). */
export function shardYear(html: string): string {
  const issue = /data-pagefind-filter="issue\[data-value\]"[^>]*?data-value="(\d{4})-/.exec(html)?.[1];
  return issue ?? /data-pagefind-filter="year\[data-value\]"[^>]*?data-value="(\d{4})"/.exec(html)?.[1] ?? '0000';
}

/**
 * The pages with a data-pagefind-body, by year: path in the site → the folder it is read from. `dirs` are
 * layers of one site, the first winning (an incremental build: the pages just rendered over the last build).
 * `known`: a layer whose pages and years were recorded when it was built; it is not read again.
 */
export function indexedPages(dirs: string[], known?: { dir: string; pages: Record<string, string> }): { files: number; byYear: Map<string, Map<string, string>> } {
  const byYear = new Map<string, Map<string, string>>();
  const seen = new Set<string>();
  let files = 0;
  const walk = (dir: string, rel: string): void => {
    if (!existsSync(join(dir, rel))) return;
    for (const d of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (!(rel === '' && SKIP.test(d.name))) walk(dir, path);
      } else if (d.name.endsWith('.html') && !seen.has(path)) {
        seen.add(path);
        files++;
        // Bytes, searched for ASCII markers (Latin-1 keeps them as they are, and is far cheaper than UTF-8).
        const html = readFileSync(join(dir, path));
        if (!html.includes('data-pagefind-body')) continue;
        add(shardYear(html.toString('latin1')), path, dir);
      }
    }
  };
  const add = (year: string, path: string, dir: string) => {
    if (!byYear.has(year)) byYear.set(year, new Map());
    byYear.get(year)?.set(path, dir);
  };
  for (const dir of dirs) {
    if (dir !== known?.dir) walk(dir, '');
    else for (const [path, year] of Object.entries(known.pages)) if (!seen.has(path)) (seen.add(path), add(year, path, dir));
  }
  return { files, byYear };
}

/** The primary shard's default page budget: a year of a twice-monthly gazette (24 issues × 7 documents ≈ 170 pages) fits. */
export const PRIMARY_PAGES = 200;

/** Consecutive years packed into shards; the newest years, together at most `primaryPages` pages (the newest year always), are the primary shard. */
export function planShards(pagesPerYear: ReadonlyMap<string, number>, maxPages: number, primaryPages: number): Shard[] {
  const all = [...pagesPerYear.keys()].sort();
  let split = Math.max(0, all.length - 1);
  let primary = pagesPerYear.get(all[split] ?? '') ?? 0;
  while (split > 0 && primary + (pagesPerYear.get(all[split - 1] ?? '') ?? 0) <= primaryPages) primary += pagesPerYear.get(all[--split] ?? '') ?? 0;
  const shards: Shard[] = [];
  let open: Shard | null = null;
  for (const y of all.slice(0, split)) {
    const n = pagesPerYear.get(y) ?? 0;
    if (!open || open.pages + n > maxPages) shards.push((open = { bundle: '', years: [], pages: 0 }));
    open.years.push(y);
    open.pages += n;
  }
  const recent = all.slice(split);
  shards.push({ bundle: 'pagefind', years: recent, pages: recent.reduce((n, y) => n + (pagesPerYear.get(y) ?? 0), 0) });
  for (const s of shards) if (!s.bundle) s.bundle = `pagefind-${s.years[0] ?? ''}${s.years.length > 1 ? `-${s.years.at(-1) ?? ''}` : ''}`;
  return shards;
}

/** Pagefind's own binary (the one its Node API runs as a service), found as its npm wrapper finds it. */
async function pagefindBinary(): Promise<string> {
  const resolver = new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href;
  const { resolveBinaryPath } = (await import(resolver)) as { resolveBinaryPath: (names: string[]) => string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/**
 * The shard's Pagefind bundle, written by Pagefind's command line over a folder of its pages (hard links, or
 * copies across file systems). Measured on a 1,680-page shard: 19.9 s and 26 s of CPU, against 35 s and 40 s
 * for the same pages through the Node API (addHTMLFile and writeFiles), with the same fragments (README,
 * "Build speed … eighth session"). The command sorts the pages itself, so the bundle depends on the set of
 * pages only, not on the layer or order they come in.
 */
async function writeShard(siteDir: string, shard: Pick<Shard, 'bundle'>, pages: [string, string][]): Promise<void> {
  const site = `${siteDir}-pagefind-${shard.bundle}`;
  rmSync(site, { recursive: true, force: true });
  try {
    for (const [sourcePath, dir] of pages) {
      const to = join(site, sourcePath);
      mkdirSync(dirname(to), { recursive: true });
      try {
        linkSync(join(dir, sourcePath), to);
      } catch {
        copyFileSync(join(dir, sourcePath), to);
      }
    }
    const outputPath = resolve(siteDir, shard.bundle);
    rmSync(outputPath, { recursive: true, force: true });
    const args = ['--site', site, '--output-path', outputPath, '--force-language', 'zh-cn', '--silent'];
    const binary = await pagefindBinary();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      child.once('error', fail);
      child.once('close', (c) => done({ code: c, stderr: err }));
    });
    if (code !== 0) throw new Error(`Pagefind failed on ${shard.bundle} (exit code ${code ?? '?'}):\n${stderr}`);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

/** One shard to index: its bundle folder in `siteDir` and its pages (path in the site → folder read from), sorted. */
export interface ShardJob {
  siteDir: string;
  bundle: string;
  pages: [string, string][];
  /** Buckets of the exact-text index its part goes into, when that is not the shard's alone (the older shards'). */
  buckets?: number;
}

export type ShardReply = { phrase: ShardPart } | { error: string };

/** The shard's Pagefind bundle, then its part of an exact-text index, read from that bundle. */
export async function indexShard(job: ShardJob): Promise<ShardPart> {
  await writeShard(job.siteDir, job, job.pages);
  return writeShardPart(job.siteDir, job.bundle, job.buckets);
}

/** indexShard in a child process (src/search/build/shard-process.ts), with this process's loader flags (tsx). */
function indexShardInChild(job: ShardJob): Promise<ShardPart> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./shard-process.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let reply: ShardReply | null = null;
    child.once('message', (r: ShardReply) => (reply = r));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply && 'phrase' in reply) resolve(reply.phrase);
      else reject(new Error(`search index of ${job.bundle}: ${reply?.error ?? `the indexing process stopped (${signal ?? `exit code ${code ?? '?'}`})`}`));
    });
    child.send(job);
  });
}

export interface SearchIndexResult {
  /** Pages in the index (pages with a data-pagefind-body), per the bundles' pagefind-entry.json. */
  pages: number;
  /** HTML files read. */
  files: number;
  shards: Shard[];
  /** Shards (re)indexed in this run. */
  indexed: string[];
}

/** What a built search index holds: its pages, their URLs sorted, the files and bytes of its bundles. */
export interface SearchIndexDescription {
  pages: number;
  urls: string[];
  bundle: { files: number; bytes: number; indexBytes: number };
}

/** Every bundle pagefind-shards.json lists, read from the first layer holding it (the build skips this: it reads every fragment). */
export function describeSearchIndex(siteDir: string, under: string[] = []): SearchIndexDescription {
  const layers = [siteDir, ...under];
  const manifest = layers.map((d) => join(d, MANIFEST)).find((f) => existsSync(f));
  if (!manifest) throw new Error(`no ${MANIFEST} in ${layers.join(', ')}`);
  const described = (JSON.parse(readFileSync(manifest, 'utf8')) as ShardManifest).shards.map((s) => describeBundle(bundleDir(layers, s.bundle)));
  return {
    pages: described.reduce((n, d) => n + d.pages, 0),
    urls: described.flatMap((d) => d.urls).sort(),
    bundle: {
      files: described.reduce((n, d) => n + d.bundle.files, 0),
      bytes: described.reduce((n, d) => n + d.bundle.bytes, 0),
      indexBytes: described.reduce((n, d) => n + d.bundle.indexBytes, 0),
    },
  };
}

/**
 * The first of `under` holding a shard manifest, with the pages recorded when it was built — if the record is of
 * that very manifest (a build that stopped after indexing recorded pages that never reached the site).
 */
function recordedLayer(pagesFile: string | undefined, under: string[]): { dir: string; pages: Record<string, string> } | undefined {
  const dir = under.find((d) => existsSync(join(d, MANIFEST)));
  if (!pagesFile || !dir || !existsSync(pagesFile)) return undefined;
  const recorded = JSON.parse(readFileSync(pagesFile, 'utf8')) as RecordedPages;
  return recorded.manifest === sha256Hex(readFileSync(join(dir, MANIFEST))) ? { dir, pages: recorded.pages } : undefined;
}

/** A bundle's folder in the first layer holding it. */
const bundleDir = (layers: string[], bundle: string): string => layers.map((d) => join(d, bundle)).find((b) => existsSync(b)) ?? join(layers[0] ?? '', bundle);

/**
 * The exact-text indexes (src/search/phrase.ts): the primary shard's, from its new part or as the last build had
 * it; the older shards' (`closed`, newest first; their parts written with `olderBuckets` buckets), as the last
 * build had it when it covers the same shards and none was indexed again, else assembled from the new parts and
 * the last one's sections of the others. The shards' postings files are removed once copied.
 */
export function phraseIndexes(siteDir: string, layers: string[], shards: { primary: string; closed: readonly string[]; olderBuckets: number }, fresh: ReadonlyMap<string, ShardPart>, last: readonly PhraseIndexInfo[] = []): PhraseIndexInfo[] {
  const own = (bundle: string): PartSource => ({ root: siteDir, shard: bundle });
  const primaryPart = fresh.get(shards.primary);
  const lastPrimary = last.find((p) => p.dir === shards.primary);
  const primary = primaryPart ? assembleIndex(siteDir, shards.primary, primaryPart.buckets, [{ ...primaryPart, source: own(shards.primary) }]) : lastPrimary;
  let older = last.find((p) => p.dir === OLDER_DIR);
  const same = older?.parts.map((p) => p.bundle).join() === shards.closed.join();
  if (shards.closed.length === 0) older = undefined;
  else if (!same || shards.closed.some((b) => fresh.has(b))) {
    const was = older;
    const root = layers.find((d) => existsSync(join(d, OLDER_DIR, PHRASE_DIR))) ?? siteDir;
    const parts = shards.closed.map((bundle) => {
      const part = fresh.get(bundle);
      const at = was?.parts.findIndex((p) => p.bundle === bundle) ?? -1;
      if (part) return { bundle, docs: part.docs, source: own(bundle) };
      if (!was || at < 0) throw new Error(`search index: the exact-text index of ${bundle} is neither new nor in the last build`);
      return { bundle, docs: was.parts[at]?.docs ?? 0, source: { root, index: was, part: at } };
    });
    older = assembleIndex(siteDir, OLDER_DIR, shards.olderBuckets, parts);
  }
  for (const bundle of fresh.keys()) rmSync(join(siteDir, bundle, POSTINGS_FILE), { force: true });
  return [primary, older].filter((p) => p !== undefined);
}

/** Removes the bundle folders of a site that `manifest` lists no more (a shard or an exact-text index of an earlier plan). */
export function dropUnlistedBundles(siteDir: string, manifest: ShardManifest): void {
  const listed = new Set([...manifest.shards.map((s) => s.bundle), ...(manifest.phrase ?? []).map((p) => p.dir)]);
  for (const d of readdirSync(siteDir, { withFileTypes: true })) {
    if (d.isDirectory() && /^pagefind-/.test(d.name) && !listed.has(d.name)) rmSync(join(siteDir, d.name), { recursive: true, force: true });
  }
}

export async function buildSearchIndex(siteDir: string, opts: ShardOptions = {}): Promise<SearchIndexResult> {
  const layers = [siteDir, ...(opts.under ?? [])];
  const { files, byYear } = indexedPages(layers, recordedLayer(opts.pagesFile, opts.under ?? []));
  const total = [...byYear.values()].reduce((n, m) => n + m.size, 0);
  if (total === 0) {
    throw new Error(`Pagefind indexed no page in ${siteDir} (${files} HTML files read): is data-pagefind-body missing, or is every body data-pagefind-ignore?`);
  }
  const shards = planShards(new Map([...byYear].map(([y, m]) => [y, m.size])), opts.maxPages ?? 1750, opts.primaryPages ?? PRIMARY_PAGES);
  const previous = layers.map((d) => join(d, MANIFEST)).find((f) => existsSync(f));
  const before: Partial<ShardManifest> = previous ? (JSON.parse(readFileSync(previous, 'utf8')) as ShardManifest) : {};
  const written = (dir: string, file: string) => layers.some((d) => existsSync(join(d, dir, file)));
  const primary = shards.at(-1)?.bundle ?? '';
  const closed = shards.slice(0, -1).map((s) => s.bundle).reverse();
  const lastOlder = before.phrase?.find((p) => p.dir === OLDER_DIR);
  const only = opts.only ? new Set(opts.only) : null;
  // The older shards' parts are written with the older index's bucket count: the last build's when this one adds to it.
  const olderBuckets = only && lastOlder ? lastOlder.buckets : bucketsForPages(shards.slice(0, -1).reduce((n, s) => n + s.pages, 0));
  // A shard kept as it is: its bundle, its page table and its part of the last build's exact-text index are there.
  const lastIndexed = (bundle: string) => before.phrase?.some((p) => p.parts.some((part) => part.bundle === bundle) && (p.dir === OLDER_DIR) === (bundle !== primary) && written(p.dir, PHRASE_DIR));
  const jobs: { shard: Shard; job: ShardJob }[] = [];
  for (const shard of shards) {
    const same = before.shards?.some((b) => b.bundle === shard.bundle && b.years.join() === shard.years.join());
    if (only && same && lastIndexed(shard.bundle) && !shard.years.some((y) => only.has(y)) && written(shard.bundle, 'pagefind-entry.json') && written(shard.bundle, PHRASE_DIR)) continue;
    const pages = shard.years.flatMap((y) => [...(byYear.get(y) ?? new Map<string, string>())]).sort(([a], [b]) => a.localeCompare(b));
    jobs.push({ shard, job: { siteDir, bundle: shard.bundle, pages, ...(shard.bundle === primary ? {} : { buckets: olderBuckets }) } });
  }
  const parallel = Math.min(jobs.length, opts.parallel ?? Math.min(2, availableParallelism()));
  const results = await runBounded(jobs, (j) => j.job.pages.length, parallel, opts.pagesAtOnce ?? 3500, (j) => (parallel > 1 ? indexShardInChild(j.job) : indexShard(j.job)));
  const phrase = phraseIndexes(siteDir, layers, { primary, closed, olderBuckets }, new Map(results.map((r) => [r.bundle, r])), before.phrase);
  const indexed = jobs.map((j) => j.shard.bundle);
  const manifest: ShardManifest = { shards: [...shards].reverse().map((s) => ({ bundle: s.bundle, years: s.years, pages: s.pages })), phrase };
  dropUnlistedBundles(siteDir, manifest);
  const manifestText = `${JSON.stringify(manifest, null, 1)}\n`;
  writeFileSync(join(siteDir, MANIFEST), manifestText);
  if (opts.pagesFile) {
    const recorded: RecordedPages = { manifest: sha256Hex(manifestText), pages: Object.fromEntries([...byYear].flatMap(([year, pages]) => [...pages.keys()].map((path) => [path, year]))) };
    mkdirSync(dirname(opts.pagesFile), { recursive: true });
    writeFileSync(opts.pagesFile, JSON.stringify(recorded));
  }

  return { pages: shards.reduce((n, s) => n + bundlePages(bundleDir(layers, s.bundle)), 0), files, shards, indexed };
}
