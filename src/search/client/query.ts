/**
 * The search page's logic, free of the DOM so unit tests run it (src/search/client/page.ts is the glue):
 * URL state, Traditional → Simplified query conversion, 发文字号 pinning, exact-phrase and 发文字号
 * occurrence finding, and clause sub-results ranked by relevance.
 *
 * Sub-results are computed here from a page's Pagefind fragment (`content`, `anchors`) and the word locations
 * of its search result, not taken from Pagefind's `data()`: that builds an excerpt per heading region by
 * splitting the whole page text again for each (the largest part of a warm query, README "Decisions"), and its sub-results split at every heading with an id and come in page order, while the first
 * sub-result must be the best clause. Only elements with `data-pagefind-title` (clauses,
 * src/components/body/Clause.astro) split the page here. The fragment is loaded by src/search/client/fragment.ts.
 */
import { findDocumentNumbers, normalizeDocNumberQuery } from '../../gazette/doc-number.ts';
import { lastAtOrBefore } from '../../gazette/sorted.ts';
import type { NumberEntry, SearchData } from '../data.ts';
import { fold, phraseOccurrences } from '../phrase.ts';

export { fold, phraseOccurrences };

// ——— URL state ———

export const FILTER_KEYS = ['kind', 'issuer', 'year', 'issue', 'origin'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type SortOrder = '' | 'date-desc' | 'date-asc';
/** '' searches the newest years unless more is needed (src/search/client/scope.ts); 'all' every year. */
export type ScopeChoice = '' | 'all';

export interface SearchState {
  q: string;
  exact: boolean;
  filters: Partial<Record<FilterKey, string>>;
  sort: SortOrder;
  scope: ScopeChoice;
}

/** The search state of a query string (?q=…): unknown keys and values are dropped. */
export function parseSearchState(search: string): SearchState {
  const p = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k)?.trim();
    if (v) filters[k] = v;
  }
  const sort = p.get('sort');
  return {
    q: (p.get('q') ?? '').trim(),
    exact: p.get('exact') === '1',
    filters,
    sort: sort === 'date-desc' || sort === 'date-asc' ? sort : '',
    scope: p.get('scope') === 'all' ? 'all' : '',
  };
}

/** The query string of a state, stable and minimal: ?q=…&exact=1&kind=…&sort=…&scope=all */
export function searchQueryString(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.exact) p.set('exact', '1');
  for (const k of FILTER_KEYS) if (s.filters[k]) p.set(k, s.filters[k] ?? '');
  if (s.sort) p.set('sort', s.sort);
  if (s.scope) p.set('scope', s.scope);
  const out = p.toString();
  return out ? `?${out}` : '';
}

// ——— the query ———

const QUOTED = /^\s*["“”「『](.+)["“”」』]\s*$/u;

/** A query wrapped in quotes (" " “ ” 「 」) asks for the exact phrase, like the 精确匹配 box. */
export function unquote(q: string): { text: string; quoted: boolean } {
  const m = QUOTED.exec(q);
  return m?.[1] ? { text: m[1].trim(), quoted: true } : { text: q.trim(), quoted: false };
}

export type Converter = (q: string) => string;

/**
 * Traditional → Simplified for matching, like src/ingest/text/traditional.ts: characters first (the
 * build-time maps of search-data.ts), then the vocabulary on the converted text, longest key first.
 * Characters that the Simplified text uses too (著) and vocabulary keys that occur in it are converted only
 * when the query is evidently Traditional (it holds a character that only Traditional text uses).
 */
export function makeConverter(data: Pick<SearchData, 't2s' | 't2sAmbiguous' | 'vocab'>): Converter {
  const pairs = (s: string) => {
    const m = new Map<string, string>();
    for (let i = 0; i + 1 < s.length; i += 2) m.set(s[i] ?? '', s[i + 1] ?? '');
    return m;
  };
  const sure = pairs(data.t2s);
  const ambiguous = pairs(data.t2sAmbiguous);
  return (q) => {
    const traditional = Array.from(q).some((c) => sure.has(c));
    let out = Array.from(q, (c) => sure.get(c) ?? (traditional ? ambiguous.get(c) : undefined) ?? c).join('');
    for (const [key, target, always] of data.vocab) {
      if ((always || traditional) && out.includes(key)) out = out.split(key).join(target);
    }
    return out;
  };
}

/** The known 发文字号 a query names, in any spelling (〔〕 [] 【】 () spaces, tokens in any order, slug). */
export function pinnedNumber(text: string, numbers: readonly NumberEntry[]): NumberEntry | null {
  if (!/\d/.test(text)) return null;
  const n = normalizeDocNumberQuery(text, numbers.map((e) => e.n));
  return n ? (numbers.find((e) => e.n === n) ?? null) : null;
}

// ——— matching text ———

/** [start, end) offsets of every 发文字号 in `text` that normalises to `number`, whatever its spelling. */
export function numberOccurrences(text: string, number: string): [number, number][] {
  return findDocumentNumbers(text)
    .filter((o) => o.number.normalized === number)
    .map((o) => [o.index, o.index + o.length]);
}

// ——— Pagefind's page data ———

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  title?: string;
  location: number;
}

/** A page as the search page uses it: its Pagefind fragment, and where the query's words are in it. */
export interface PagefindPage {
  /** The page's URL in the site (base path included). */
  url: string;
  /** The indexed text, Chinese words separated by U+200B as Pagefind segmented them. */
  content: string;
  meta: Record<string, string | undefined>;
  anchors: PagefindAnchor[];
  /** Indices in the page's words (`wordsOf`) of the words that matched: the search result's `words`. */
  locations: number[];
  filters?: Record<string, string[]>;
}

/** The page's words as Pagefind counts them (its `locations` index into this list). */
export function wordsOf(page: Pick<PagefindPage, 'content'>): string[] {
  return page.content.includes('\u200B') ? page.content.split('\u200B') : page.content.split(/[^\S\uFEFF]+/g);
}

/** The page text (words joined) and each word's start offset in it. */
export function plainText(words: string[], zws: boolean): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const w of words) {
    if (text && !zws) text += ' ';
    starts.push(text.length);
    text += w;
  }
  return { text, starts };
}

/** Indices of the words a [start, end) character range touches. */
export function wordsInRange(starts: number[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = lastAtOrBefore(starts, start); i < starts.length && (starts[i] ?? 0) < end; i++) out.push(i);
  return out;
}

// ——— sub-results ———

export interface Segment {
  text: string;
  mark: boolean;
}

export interface SubResult {
  /** Clause id, or null for the text before the first clause (title, 发文字号, notice). */
  id: string | null;
  title: string;
  url: string;
  score: number;
  /** The region is the whole page (a page without clauses). */
  whole: boolean;
  /** Location of the region start, for stable ordering. */
  location: number;
  hits: number;
  excerpt: Segment[];
}

export interface SubResultOptions {
  /** The query as searched (Simplified, unquoted). */
  query: string;
  /** Word indices that match, when the caller found them itself (exact phrase, 发文字号); else Pagefind's. */
  hits?: number[];
  /** Words in an excerpt. */
  excerptWords?: number;
}

/** A matched word that is plausibly what was asked for, not a compound that merely shares a character (外科 for 科技). */
function relevantWord(word: string, queryFolded: string, terms: string[]): boolean {
  const w = fold(word);
  if (!w) return false;
  return queryFolded.includes(w) || terms.some((t) => w.includes(t));
}

/** The heading separator Pagefind inserts after a block («. ») shown as a space; real 「1.」 labels stay. */
function displayWord(words: string[], i: number): string {
  const w = words[i] ?? '';
  return w === '. ' && /[\p{Script=Han}）)、。]$/u.test(words[i - 1] ?? '') ? ' ' : w;
}

function excerpt(words: string[], from: number, to: number, hits: Set<number>, length: number): Segment[] {
  const marked = [...hits].filter((h) => h >= from && h < to).sort((a, b) => a - b);
  let start = from;
  if (marked.length && to - from > length) {
    // the window of `length` words holding the most hits, opened a few words before its first hit
    let best = 0;
    let bestAt = marked[0] ?? from;
    for (let i = 0, j = 0; i < marked.length; i++) {
      while ((marked[j] ?? 0) < (marked[i] ?? 0) - length + 1) j++;
      if (i - j + 1 > best) {
        best = i - j + 1;
        bestAt = marked[j] ?? from;
      }
    }
    start = Math.max(from, Math.min(bestAt - 4, to - length));
  }
  let end = Math.min(to, start + length);
  while (end < to && hits.has(end) && hits.has(end - 1)) end++; // never cut a matched phrase
  const out: Segment[] = [];
  if (start > from) out.push({ text: '…', mark: false });
  for (let i = start; i < end; i++) {
    const text = displayWord(words, i);
    const mark = hits.has(i);
    const last = out[out.length - 1];
    if (last && last.mark === mark && last.text !== '…') last.text += text;
    else out.push({ text, mark });
  }
  if (end < to) out.push({ text: '…', mark: false });
  const first = out[0];
  if (first && !first.mark) first.text = first.text.replace(/^[\s.]+/, '');
  return out.filter((s) => s.text !== '');
}

/** The citation path before a clause title: 「二、」「（三）」「11. 」「——」「附件1 」. */
const PATH = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.．]\s?|——|附件\d*\s)+/u;

/**
 * How much of a clause title the query is, when the title holds it: 1 for the whole title
 * (「营造优良科技人才生态」), less for a long title or a first sentence standing in for a missing title, so
 * 「（十）提升人工影响天气能力」 outranks an item whose first sentence mentions 人工影响天气 in passing.
 */
export function titleCoverage(title: string, queryFolded: string): number {
  const t = fold(title.replace(PATH, '').replace(/…$/, ''));
  return queryFolded && t.includes(queryFolded) ? Math.min(1, queryFolded.length / Math.max(t.length, 1)) : 0;
}

/**
 * The page split at its clauses (anchors with a data-pagefind-title), each region scored, best first:
 * the clause title containing the query counts most (by how much of the title it is), then occurrences of
 * the whole query in the region, then how many different query words it holds, then how many matches.
 */
export function subResults(page: PagefindPage, opts: SubResultOptions): SubResult[] {
  const words = wordsOf(page);
  const zws = page.content.includes('\u200B');
  const q = fold(opts.query.replace(/["“”「」]/g, ''));
  const terms = opts.query
    .split(/[\s"“”「」]+/)
    .map(fold)
    .filter((t) => t.length > 0);
  const matched = (): number[] => {
    const all = page.locations;
    const candidate = new Set(all.filter((l) => relevantWord(words[l] ?? '', q, terms)));
    // A one-character word (率, 营) counts next to another match (检查|率), not on its own (推进|营|商).
    const keep = (i: number) =>
      candidate.has(i) && (q.length < 2 || fold(words[i] ?? '').length > 1 || candidate.has(i - 1) || candidate.has(i + 1));
    const relevant = all.filter(keep);
    return relevant.length ? relevant : all;
  };
  const hitSet = new Set(opts.hits ?? matched());
  const anchors = page.anchors
    .filter((a) => a.title && /\S/.test(a.title))
    .sort((a, b) => a.location - b.location);
  const regions: { id: string | null; title: string; from: number; to: number }[] = [];
  const firstAt = anchors[0]?.location ?? words.length;
  regions.push({ id: null, title: page.meta['title'] ?? '', from: 0, to: firstAt });
  anchors.forEach((a, i) => regions.push({ id: a.id, title: a.title ?? '', from: a.location, to: anchors[i + 1]?.location ?? words.length }));

  const out: SubResult[] = [];
  for (const r of regions) {
    if (r.to <= r.from) continue;
    const inRegion = [...hitSet].filter((h) => h >= r.from && h < r.to);
    if (!inRegion.length) continue;
    const regionText = words.slice(r.from, r.to).join(zws ? '' : ' ');
    const phrase = q ? phraseOccurrences(regionText, q).length : 0;
    const distinct = new Set(inRegion.map((h) => fold(words[h] ?? ''))).size;
    out.push({
      id: r.id,
      title: r.title,
      url: r.id ? `${page.url.split('#')[0]}#${r.id}` : page.url,
      whole: r.id === null && anchors.length === 0,
      score: 1000 * titleCoverage(r.title, q) + 50 * Math.min(phrase, 4) + 10 * Math.min(distinct, 9) + Math.min(inRegion.length, 9.9),
      location: r.from,
      hits: inRegion.length,
      excerpt: excerpt(words, r.from, r.to, hitSet, opts.excerptWords ?? 40),
    });
  }
  return out.sort((a, b) => b.score - a.score || a.location - b.location);
}

/** Word indices of every occurrence the caller looks for (exact phrase or 发文字号) in a page; [] when none. */
export function occurrenceHits(page: Pick<PagefindPage, 'content'>, find: (text: string) => [number, number][]): number[] {
  const words = wordsOf(page);
  const zws = page.content.includes('\u200B');
  const { text, starts } = plainText(words, zws);
  return find(text).flatMap(([s, e]) => wordsInRange(starts, s, e));
}
