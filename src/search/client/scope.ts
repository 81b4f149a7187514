/**
 * Which shards of the search index a search reads (src/search/build/pagefind.ts splits the index by year).
 *
 * Reading every shard costs every shard's metadata and one index chunk per word per shard before any result,
 * several times what the primary shard alone costs (README, "Search at scale" in "Benchmark and scale"). So a search reads the primary shard, the newest years, unless more is asked for or needed:
 * - `scope=all` (the reader chose 「检索全部年份」) or oldest-first order read every shard;
 * - a year or issue filter reads the shards holding that year, wherever they are;
 * - a 发文字号 reads the shards from its document's year on: the pages citing it are that old or newer;
 * - when the newest years give less than a first screen of results, the page widens to every year itself
 *   (src/search/client/page.ts), so a rare term is never "not found" for being old.
 * The page always says which years were searched.
 */
import type { ShardManifest } from '../data.ts';
import type { SearchState } from './query.ts';

export interface SearchScope {
  /** Bundles to read, newest first (the manifest's order). */
  bundles: string[];
  /** Years they cover, ascending. */
  years: string[];
  /** Every shard is read. */
  all: boolean;
  /** The newest years only, for want of a reason to read more: the page may widen it. */
  recent: boolean;
}

function scopeOver(shards: ShardManifest['shards'], total: number, recent = false): SearchScope {
  const all = shards.length === total;
  return {
    bundles: shards.map((s) => s.bundle),
    years: shards.flatMap((s) => s.years).sort(),
    all,
    recent: recent && !all,
  };
}

/** The year a document is filed under in the index: its issue's, else its date's (pagefind.ts `shardYear`). */
export function filedYear(doc: { issue: string | null; date: string | null }): string | undefined {
  return /^(\d{4})-/.exec(doc.issue ?? '')?.[1] ?? doc.date?.slice(0, 4);
}

/** The whole index. */
export function everyYear(manifest: ShardManifest): SearchScope {
  return scopeOver(manifest.shards, manifest.shards.length);
}

/**
 * The years a filter needs: a year filter matches a document's date, and a document is filed under its
 * issue's year, which for one signed in December is often the next (src/search/build/pagefind.ts, `shardYear`).
 */
function filterYears(state: SearchState): Set<string> {
  const years = new Set<string>();
  const year = state.filters.year;
  if (year && /^\d{4}$/.test(year)) years.add(year).add(String(Number(year) + 1));
  const issueYear = /^(\d{4})-/.exec(state.filters.issue ?? '')?.[1];
  if (issueYear) years.add(issueYear);
  return years;
}

/** `since`: the year of the document a 发文字号 in the query names. */
export function scopeOf(state: SearchState, manifest: ShardManifest, o: { since?: string } = {}): SearchScope {
  const shards = manifest.shards;
  if (shards.length <= 1 || state.scope === 'all' || state.sort === 'date-asc') return everyYear(manifest);
  const wanted = filterYears(state);
  const since = o.since;
  const picked = shards.filter((s, i) => (wanted.size ? s.years.some((y) => wanted.has(y)) : i === 0 || (since !== undefined && s.years.some((y) => y >= since))));
  return scopeOver(picked.length ? picked : shards.slice(0, 1), shards.length, !wanted.size && since === undefined);
}

/** Years as a reader writes them: runs joined by —, gaps by 、 (1981—2000、2021—2022). */
export function yearSpan(years: readonly string[]): string {
  const sorted = [...new Set(years)].sort();
  const runs: string[][] = [];
  for (const y of sorted) {
    const run = runs.at(-1);
    if (run && Number(run.at(-1)) + 1 === Number(y)) run.push(y);
    else runs.push([y]);
  }
  return runs.map((r) => (r.length > 1 ? `${r[0] ?? ''}—${r.at(-1) ?? ''}` : (r[0] ?? ''))).join('、');
}

/** A result of one shard's own Pagefind search: `words` are the matched word locations on its page. */
export interface ShardResult {
  id: string;
  score: number;
  words: number[];
}

export interface ShardSearch {
  results: ShardResult[];
  filters: Record<string, Record<string, number>>;
}

/** A result and the bundle its fragment is in. */
export interface ScopeHit extends ShardResult {
  bundle: string;
}

/**
 * The searches of several shards as one, as Pagefind's `mergeIndex` combines them (results best first, ties
 * in shard order; filter counts summed), but knowing each result's bundle, where its fragment is.
 * Sorted by date (`order`), each shard's results stay in its own order and the shards follow each other by
 * their years (found newest first): a score says nothing of a date. (A document filed under the next year's
 * issue sorts with that year.)
 */
export function mergeSearches(found: readonly { bundle: string; search: ShardSearch }[], order?: 'asc' | 'desc'): { results: ScopeHit[]; filters: ShardSearch['filters'] } {
  const shards = order === 'asc' ? [...found].reverse() : found;
  const results = shards.flatMap(({ bundle, search }) => search.results.map((r) => ({ bundle, id: r.id, score: r.score, words: r.words })));
  const filters: ShardSearch['filters'] = {};
  for (const { search } of found) {
    for (const [key, counts] of Object.entries(search.filters)) {
      const sum = (filters[key] ??= {});
      for (const [value, n] of Object.entries(counts)) sum[value] = (sum[value] ?? 0) + n;
    }
  }
  return { results: order ? results : results.sort((a, b) => b.score - a.score), filters };
}
