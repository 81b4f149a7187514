/**
 * What the search page shows, decided without the DOM (src/search/client/page.ts renders it): the Pagefind
 * query a search state asks for, when the newest years are widened to all, the order of candidates, the
 * pinned 发文字号 card, which loaded pages become cards, and the status line.
 */
import { isFromGazette, ORIGIN_LABEL, originLabel } from '../../gazette/sources.ts';
import { documentPath, withBase } from '../../gazette/urls.ts';
import type { NumberEntry, SearchDocInfo } from '../data.ts';
import { FILTER_KEYS, numberOccurrences, occurrenceHits, phraseOccurrences, subResults, type PagefindPage, type SearchState, type SubResult } from './query.ts';
import type { ScopeHit, SearchScope } from './scope.ts';

/**
 * Results shown first, then per 「更多结果」: each costs its page's Pagefind fragment (the whole text), the
 * largest part of a first query after the index chunks (README, "Search at scale" in "Benchmark and scale").
 */
export const FIRST = 5;
export const PAGE = 10;
/** Candidates scanned for an exact phrase or a 发文字号 before giving up on more. */
export const SCAN = 200;

/** One result as the page lists it: a document (or issue) with its best clauses. */
export interface Card {
  url: string;
  title: string;
  number: string | null;
  date: string | null;
  issue: string | null;
  kind: string | null;
  /** 「非公报文本」 for a document the gazette did not print (src/components/SearchResultMeta.astro); else null. */
  origin: string | null;
  subs: SubResult[];
  pinned: boolean;
  /** A loose match listed after the pages holding a run exactly (src/search/client/exact.ts). */
  loose: boolean;
}

export interface PagefindOptions {
  filters: Record<string, string>;
  sort?: { date: 'asc' | 'desc' };
}

/** How a search state is asked of Pagefind, once the query is in simplified characters (`text`). */
export interface QueryPlan {
  /** The query as typed, quotes removed. */
  raw: string;
  /** `raw` in simplified characters. */
  text: string;
  /** Only pages holding the whole phrase: the box was ticked or the query quoted. */
  exact: boolean;
  /** What Pagefind searches: the 发文字号 when one is pinned, else the text. */
  term: string;
  /**
   * Relevance order with pages holding the whole query first. Chinese has no spaces: Pagefind segments
   * 产业数字化改造 into words and ranks pages holding any of them, so long pages full of 产业 and 数字 win.
   */
  byPhrase: boolean;
  options: PagefindOptions;
}

export function planQuery(s: SearchState, q: { raw: string; quoted: boolean; text: string }, pin: NumberEntry | null): QueryPlan {
  const filters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (s.filters[k] ? [[k, s.filters[k] ?? '']] : [])));
  const sort = s.sort ? { date: s.sort === 'date-asc' ? ('asc' as const) : ('desc' as const) } : undefined;
  return {
    raw: q.raw,
    text: q.text,
    exact: s.exact || q.quoted,
    term: pin ? pin.n : q.text,
    byPhrase: !pin && !sort && q.text.length > 1 && !/\s/.test(q.text),
    options: { filters, ...(sort ? { sort } : {}) },
  };
}

/** The newest years alone give less than a first screen: older years are searched too (and the page says so). */
export const shouldWiden = (scope: SearchScope, found: number): boolean => scope.recent && found < FIRST;

/**
 * Candidates in Pagefind's order, those its own phrase search found first (Pagefind's phrase search misses
 * phrases with punctuation or segmented differently, so the page text is checked too: `takeBatch`).
 */
export function phraseFirst(candidates: readonly ScopeHit[], phrase: readonly ScopeHit[] | undefined): ScopeHit[] {
  if (!phrase?.length) return [...candidates];
  const key = (r: ScopeHit) => `${r.bundle}/${r.id}`;
  const whole = new Set(phrase.map(key));
  return [...candidates.filter((r) => whole.has(key(r))), ...candidates.filter((r) => !whole.has(key(r)))];
}

/**
 * Where a page must hold the query for it to be a result: a 发文字号 query lists, after its document, the
 * pages that cite that number; an exact phrase keeps only pages holding it. Null: every candidate is a result.
 */
export function occurrenceFinder(plan: QueryPlan, pin: NumberEntry | null): ((text: string) => [number, number][]) | null {
  if (pin) return (t) => numberOccurrences(t, pin.n);
  if (plan.exact) return (t) => phraseOccurrences(t, plan.text);
  return null;
}

export function cardOf(page: PagefindPage, subs: SubResult[]): Card {
  return {
    url: page.url,
    title: page.meta['title'] ?? page.url,
    number: page.meta['number'] ?? page.meta['docNumber'] ?? null,
    date: page.meta['date'] ?? null,
    issue: page.meta['issue'] ?? null,
    kind: page.meta['kind'] ?? null,
    origin: page.meta['origin'] ?? null,
    subs,
    pinned: false,
    loose: false,
  };
}

/** The card of the document a 发文字号 names, shown first whether or not Pagefind returned it. */
export function pinnedCard(entry: NumberEntry, d: SearchDocInfo, base: string): Card {
  const url = withBase(base, documentPath(d.id));
  return {
    url: entry.anchor ? `${url}#${entry.anchor}` : url,
    title: d.title,
    number: d.number,
    date: d.date,
    issue: d.issue,
    kind: d.kind,
    origin: isFromGazette(d) ? null : ORIGIN_LABEL.other,
    subs: [],
    pinned: true,
    loose: false,
  };
}

/** A pinned document is shown only if the chosen filters would let it through. */
export function pinnedMatchesFilters(d: SearchDocInfo, s: SearchState): boolean {
  const f = s.filters;
  return (
    (!f.kind || f.kind === d.kind) &&
    (!f.issuer || d.issuers.includes(f.issuer)) &&
    (!f.year || d.date?.startsWith(f.year) === true) &&
    (!f.issue || f.issue === d.issue) &&
    (!f.origin || f.origin === originLabel(d))
  );
}

export interface Batch {
  /** New cards, pages holding the whole query first (stable). */
  cards: Card[];
  /** The clauses of the pinned document, when its page was in the batch. */
  pinnedSubs: SubResult[] | null;
  /** Some page of the batch holds the whole query. */
  whole: boolean;
}

/**
 * Loaded candidate pages → cards: pages the finder rules out are dropped, the pinned document's page fills its
 * card; `loose` marks the cards as loose matches after a run's exact ones.
 */
export function takeBatch(pages: readonly PagefindPage[], plan: QueryPlan, finder: ReturnType<typeof occurrenceFinder>, pinnedUrl: string | null, loose = false): Batch {
  const holdsPhrase = (p: PagefindPage) => occurrenceHits(p, (t) => phraseOccurrences(t, plan.text)).length > 0;
  const found: { card: Card; phrase: boolean }[] = [];
  let pinnedSubs: SubResult[] | null = null;
  for (const p of pages) {
    let hits: number[] | undefined;
    if (finder) {
      hits = occurrenceHits(p, finder);
      if (!hits.length && p.url !== pinnedUrl) continue;
    }
    const subs = plan.term ? subResults(p, { query: plan.text, hits }) : [];
    if (p.url === pinnedUrl) {
      pinnedSubs = subs;
      continue;
    }
    found.push({ card: { ...cardOf(p, subs), loose }, phrase: plan.byPhrase && holdsPhrase(p) });
  }
  return {
    cards: [...found.filter((c) => c.phrase), ...found.filter((c) => !c.phrase)].map((c) => c.card),
    pinnedSubs,
    whole: found.some((c) => c.phrase),
  };
}

/** The status line once results are shown. `total`: Pagefind's count, or what was checked so far with a +. */
export function statusText(plan: QueryPlan, o: { shown: number; total: string; whole: boolean }): string {
  const note = plan.text !== plan.raw ? `（已按简体「${plan.text}」检索）` : '';
  if (!o.shown) return `没有找到与「${plan.raw || '所选条件'}」相符的内容${note}。`;
  if (plan.byPhrase && !o.whole) return `没有完整出现「${plan.text}」的内容，以下 ${o.total} 个结果只含其中部分词语${note}。`;
  return `找到 ${o.total} 个结果${note}`;
}

/** The finder of a run looked up in the exact-text index: its pages must hold it (the index gives candidates). */
export const runFinder = (plan: QueryPlan): ((text: string) => [number, number][]) => (t) => phraseOccurrences(t, plan.text);

/** Loose candidates that are not already listed as holding the run. */
export function withoutHits(hits: readonly ScopeHit[], listed: readonly ScopeHit[]): ScopeHit[] {
  const key = (r: ScopeHit) => `${r.bundle}/${r.id}`;
  const seen = new Set(listed.map(key));
  return hits.filter((r) => !seen.has(key(r)));
}

/**
 * The status line of a run looked up in every year: how many pages hold it exactly (`exact`: candidates not
 * ruled out yet; `checked`: every candidate was read), then, once shown, that the rest only share words.
 */
export function runStatusText(plan: QueryPlan, o: { exact: number; checked: boolean; loose: number | null }): string {
  const note = plan.text !== plan.raw ? `（已按简体「${plan.text}」检索）` : '';
  const head = o.exact
    ? `「${plan.text}」原文见于${o.checked ? '' : '至多'} ${o.exact} 个文件（检索全部年份）${note}`
    : `全部年份中没有原文含「${plan.text}」的文件${note}`;
  if (o.loose === null) return `${head}。`;
  return o.loose ? `${head}；${o.exact ? '其后' : '以下'} ${o.loose} 个结果只含其中部分词语。` : `${head}，也没有含其中词语的结果。`;
}
