/**
 * The search page (src/pages/search.astro): reads the query from the URL, runs Pagefind, renders results
 * grouped by document with clause sub-results. What to show is decided in src/search/client/results.ts,
 * query.ts and scope.ts; this file is DOM glue.
 */
import { FILTER_KEYS, makeConverter, pinnedNumber, parseSearchState, unquote, searchQueryString, type PagefindPage, type SearchState } from './query.ts';
import { chineseDate } from '../../gazette/format.ts';
import { withBase } from '../../gazette/urls.ts';
import type { NumberData, SearchData, ShardManifest } from '../data.ts';
import { loadFragment, pageOf, unpackSigned, type PagefindFragment } from './fragment.ts';
import { exactCandidates, exactRun } from './exact.ts';
import { highlightHref, markedWords } from './highlight.ts';
import { SIGNATURE as PHRASE_SIGNATURE } from '../phrase.ts';
import { everyYear, filedYear, mergeSearches, scopeOf, yearSpan, type ScopeHit, type SearchScope, type ShardSearch } from './scope.ts';
import {
  FIRST,
  PAGE,
  SCAN,
  occurrenceFinder,
  phraseFirst,
  pinnedCard,
  pinnedMatchesFilters,
  planQuery,
  runFinder,
  runStatusText,
  shouldWiden,
  statusText,
  takeBatch,
  withoutHits,
  type Card,
  type QueryPlan,
} from './results.ts';

interface PagefindApi {
  search: (term: string | null, o?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<ShardSearch>;
}
interface PagefindModule {
  createInstance: (o: { basePath: string; baseUrl: string }) => PagefindApi;
}

const base = import.meta.env.BASE_URL;
/** A site path under the base path. */
const site = (path: string): string => withBase(base, path);
const $ = <T extends HTMLElement>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`search page: ${sel} is missing`);
  return el;
};

const form = $<HTMLFormElement>('#search-form');
const input = $<HTMLInputElement>('#search-q');
const exactBox = $<HTMLInputElement>('#search-exact');
const sortSelect = $<HTMLSelectElement>('#search-sort');
const scopeChoice = $<HTMLInputElement>('#search-scope-choice');
const scopeLine = $<HTMLElement>('#search-scope');
const status = $<HTMLElement>('#search-status');
const list = $<HTMLOListElement>('#search-results');
const more = $<HTMLButtonElement>('#search-more');
const data = JSON.parse($<HTMLScriptElement>('#search-data').textContent ?? '{}') as SearchData;
const toSimplified = makeConverter(data);
const filterSelects = Object.fromEntries(FILTER_KEYS.map((k) => [k, $<HTMLSelectElement>(`#search-${k}`)]));

let manifestLoad: Promise<ShardManifest> | null = null;
/** The list of index shards (src/search/build/pagefind.ts). */
function loadManifest(): Promise<ShardManifest> {
  manifestLoad ??= fetch(site('/pagefind-shards.json'))
    .then((r) => (r.ok ? (r.json() as Promise<ShardManifest>) : null))
    .catch(() => null)
    .then((m) => (m?.shards.length ? m : { shards: [{ bundle: 'pagefind', years: [], pages: 0 }] }));
  return manifestLoad;
}

let loading: Promise<{ pagefind: PagefindModule; manifest: ShardManifest }> | null = null;
/** Pagefind's script, and the manifest: a run found exactly needs only the manifest (searchRun). */
function loadPagefind(): Promise<{ pagefind: PagefindModule; manifest: ShardManifest }> {
  loading ??= Promise.all([import(/* @vite-ignore */ site('/pagefind/pagefind.js')) as Promise<PagefindModule>, loadManifest()]).then(([pagefind, manifest]) => ({
    pagefind,
    manifest,
  }));
  return loading;
}

let numberData: Promise<NumberData> | null = null;
/** The 发文字号 of the site (src/pages/search-numbers.json.ts). */
function loadNumbers(): Promise<NumberData> {
  numberData ??= fetch(site('/search-numbers.json')).then((r) => {
    if (!r.ok) throw new Error(`search-numbers.json: HTTP ${r.status}`);
    return r.json() as Promise<NumberData>;
  });
  numberData.catch(() => (numberData = null));
  return numberData;
}

const shards = new Map<string, Promise<PagefindApi>>();
let wasmReady: Promise<unknown> | null = null;
/**
 * One Pagefind instance per shard, not one with the others merged in (`mergeIndex`): a merged result does not
 * say which bundle its fragment is in, and the page loads fragments itself (src/search/client/fragment.ts). The cost
 * is one WASM download per shard read; the default scope reads one.
 *
 * Pagefind's WASM glue keeps one module per worker, and instances that load it at the same time race: the
 * loser's pointers then address the winner's memory ("memory access out of bounds", or wrong results). So the
 * first instance loads it alone — `search('')` returns once it is ready — and the others reuse it.
 */
function shardIndex(bundle: string): Promise<PagefindApi> {
  let index = shards.get(bundle);
  if (!index) {
    index = (async () => {
      const { pagefind } = await loadPagefind();
      const ready = wasmReady;
      if (ready) await ready;
      const pf = pagefind.createInstance({ basePath: site(`/${bundle}/`), baseUrl: site('/') });
      if (!ready) wasmReady = pf.search('');
      return pf;
    })();
    shards.set(bundle, index);
  }
  return index;
}

type SearchOptions = Parameters<PagefindApi['search']>[1];
async function searchScope(scope: SearchScope, term: string | null, options: SearchOptions): Promise<ReturnType<typeof mergeSearches>> {
  const order = options?.sort ? Object.values(options.sort)[0] : undefined;
  return mergeSearches(await Promise.all(scope.bundles.map(async (bundle) => ({ bundle, search: await (await shardIndex(bundle)).search(term, options) }))), order);
}

const fragments = new Map<string, Promise<PagefindFragment>>();
/** The page of a result, its fragment fetched once per page visit. */
function pageFor(hit: ScopeHit): Promise<PagefindPage> {
  const url = site(`/${hit.bundle}/fragment/${hit.id}.pf_fragment`);
  let fragment = fragments.get(url);
  if (!fragment) {
    fragment = loadFragment(url);
    fragments.set(url, fragment);
    fragment.catch(() => fragments.delete(url));
  }
  return fragment.then((f) => pageOf(f, hit.words, base));
}

/** A file of the exact-text index (src/search/phrase.ts), its data after the signature. */
async function phraseFile(path: string): Promise<Uint8Array> {
  const res = await fetch(site(`/${path}`));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  const data = await unpackSigned(new Uint8Array(await res.arrayBuffer()), PHRASE_SIGNATURE);
  if (!data) throw new Error(`${path} is not a file of the exact-text index`);
  return data;
}

function fill(s: SearchState): void {
  input.value = s.q;
  exactBox.checked = s.exact;
  sortSelect.value = s.sort;
  scopeChoice.value = s.scope;
  for (const k of FILTER_KEYS) {
    const sel = filterSelects[k];
    if (sel) sel.value = s.filters[k] ?? '';
  }
  const header = document.querySelector<HTMLInputElement>('#site-search-q');
  if (header) header.value = s.q;
}

function fromForm(): SearchState {
  return parseSearchState(`?${new URLSearchParams(new FormData(form) as unknown as string[][]).toString()}`);
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

function renderCard(c: Card): HTMLLIElement {
  const li = el('li', `search-result${c.pinned ? ' search-result--pinned' : ''}${c.loose ? ' search-result--loose' : ''}`);
  if (c.pinned) li.append(el('p', 'search-result__badge', '发文字号直达'));
  if (c.loose) li.append(el('p', 'search-result__badge search-result__badge--loose', '部分词语匹配'));
  const h = el('h2', 'search-result__title');
  const a = el('a', undefined, c.title);
  a.href = c.url;
  h.append(a);
  li.append(h);
  const facts = [c.origin, c.number, chineseDate(c.date), c.issue ? (data.issues[c.issue] ?? c.issue) : null, c.kind].filter(Boolean) as string[];
  const meta = el('p', 'search-result__meta');
  facts.forEach((f, i) => {
    if (i) meta.append(' · ');
    meta.append(el('span', undefined, f));
  });
  li.append(meta);
  const shown = c.subs.slice(0, 3);
  if (shown.length) {
    li.append(clauseList(shown));
    const rest = c.subs.slice(shown.length);
    if (rest.length) {
      // 「另有 N 处匹配」 opens the other clauses that match, in the same form
      const details = el('details', 'search-result__more');
      details.append(el('summary', 'meta', `另有 ${rest.length} 处匹配`), clauseList(rest));
      li.append(details);
    }
  }
  return li;
}

/** Clause sub-results as links that mark the searched words on the clause they land on. */
function clauseList(subs: Card['subs']): HTMLOListElement {
  const ol = el('ol', 'search-result__clauses');
  for (const s of subs) {
    const item = el('li', 'search-result__clause');
    const link = el('a', 'search-result__clause-title', s.id ? s.title : s.whole ? '正文' : '标题与开头');
    link.href = highlightHref(s.url, markedWords(s));
    item.append(link);
    if (s.excerpt.length) {
      const p = el('p', 'search-result__excerpt');
      for (const seg of s.excerpt) p.append(seg.mark ? el('mark', undefined, seg.text) : seg.text);
      item.append(p);
    }
    ol.append(item);
  }
  return ol;
}

function showFilterCounts(search: Pick<ShardSearch, 'filters'> | null): void {
  for (const k of FILTER_KEYS) {
    const sel = filterSelects[k];
    if (!sel) continue;
    for (const opt of Array.from(sel.options)) {
      if (!opt.value) continue;
      const n = search?.filters[k]?.[opt.value];
      opt.textContent = `${opt.dataset['label'] ?? opt.value}${n === undefined ? '' : `（${n}）`}`;
    }
  }
}

/**
 * Which years were searched, when the index has more than one shard, with a link to search every year when
 * only the newest were by default (or back to them, when every year was the reader's choice). A filter's or a
 * 发文字号's years need no link: the other years hold nothing for it.
 */
function showScope(s: SearchState, scope: SearchScope, manifest: ShardManifest, widened: boolean, run = false): void {
  scopeLine.replaceChildren();
  scopeLine.hidden = manifest.shards.length <= 1;
  if (scopeLine.hidden) return;
  const newest = yearSpan(manifest.shards[0]?.years ?? []);
  // A run's exact pages come from every year (searchRun); the scope is that of the loose matches after them.
  scopeLine.append(`${run ? '原文检索全部年份；部分词语' : ''}检索范围：${yearSpan(scope.years)}年${scope.all ? '（全部年份）' : ''}`);
  if (widened) scopeLine.append(`。${newest}年不足 ${FIRST} 个结果，已扩大到全部年份`);
  const link = (text: string, next: SearchState) => {
    const a = el('a', 'search-scope__change', text);
    a.href = `${location.pathname}${searchQueryString(next)}`;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      go(next);
    });
    scopeLine.append(' · ', a);
  };
  if (scope.recent) link(`检索全部年份（${yearSpan(everyYear(manifest).years)}年）`, { ...s, scope: 'all' });
  else if (s.scope === 'all') link(`只检索最近年份（${newest}年）`, { ...s, scope: '' });
}

let run = 0;
const baseTitle = document.title;

function setStatus(text: string, state: 'idle' | 'searching' | 'done'): void {
  status.textContent = text;
  status.dataset['state'] = state;
}

async function search(s: SearchState): Promise<void> {
  const mine = ++run;
  list.replaceChildren();
  scopeLine.replaceChildren();
  scopeLine.hidden = true;
  more.hidden = true;
  const { text: raw, quoted } = unquote(s.q);
  const hasFilter = FILTER_KEYS.some((k) => s.filters[k]);
  if (!raw && !hasFilter) {
    setStatus('请输入检索词：文件标题、正文词句、条款标题、发文字号或人名。', 'idle');
    showFilterCounts(null);
    return;
  }
  setStatus('正在检索…', 'searching');
  // Only a query with a digit can name a 发文字号: the table is fetched for those alone (without it, the
  // search still runs, with nothing pinned).
  const text = toSimplified(raw);
  const [manifest, numbers] = await Promise.all([loadManifest(), /\d/.test(text) ? loadNumbers().catch(() => null) : null]);
  if (mine !== run) return;
  const pin = numbers ? pinnedNumber(text, numbers.numbers) : null;
  const pinnedDoc = pin ? numbers?.docs[pin.doc] : undefined;
  const plan = planQuery(s, { raw, quoted, text }, pin);
  // A run of text (quoted, or 6 Chinese characters and more) is looked up in every year's exact-text index first.
  const runText = !pin && !hasFilter && !s.sort ? exactRun(text, quoted) : null;
  const exact = runText ? await exactCandidates(manifest, runText, phraseFile).catch(() => null) : null;
  if (mine !== run) return;
  if (exact) return searchRun(s, plan, exact, manifest, mine);
  const searchIn = (scope: SearchScope) =>
    Promise.all([searchScope(scope, plan.term || null, plan.options), plan.byPhrase ? searchScope(scope, `"${text}"`, plan.options) : null]);
  let scope = scopeOf(s, manifest, { since: pinnedDoc ? filedYear(pinnedDoc) : undefined });
  let [result, phrase] = await searchIn(scope);
  const widened = shouldWiden(scope, result.results.length);
  if (widened) {
    scope = everyYear(manifest);
    if (mine !== run) return;
    [result, phrase] = await searchIn(scope);
  }
  if (mine !== run) return;
  showScope(s, scope, manifest, widened);
  showFilterCounts(result);
  const pinned = pin && pinnedDoc && pinnedMatchesFilters(pinnedDoc, s) ? pinnedCard(pin, pinnedDoc, base) : null;
  const pinnedUrl = pinned ? (pinned.url.split('#')[0] ?? null) : null;
  const finder = occurrenceFinder(plan, pin);
  const ordered = phraseFirst(result.results, phrase?.results);
  const candidates = finder ? ordered.slice(0, SCAN) : ordered;

  let next = 0;
  let shown = 0;
  let whole = Boolean(phrase?.results.length);
  const queue: Card[] = [];
  /** Loads the data of `n` more candidates into the queue, dropping what the finder rules out. */
  const load = async (n: number): Promise<boolean> => {
    const batch = candidates.slice(next, next + n);
    next += batch.length;
    const pages = await Promise.all(batch.map(pageFor));
    if (mine !== run) return false;
    const taken = takeBatch(pages, plan, finder, pinnedUrl);
    if (taken.pinnedSubs && pinned) {
      pinned.subs = taken.pinnedSubs;
      list.firstElementChild?.replaceWith(renderCard(pinned));
    }
    if (taken.whole) whole = true;
    queue.push(...taken.cards);
    return true;
  };

  // Pagefind's count when every candidate is a result; otherwise what was checked so far.
  const summary = () =>
    setStatus(statusText(plan, { shown, whole, total: finder ? `${shown}${next < candidates.length || queue.length ? '+' : ''}` : String(candidates.length) }), 'done');
  if (pinned) {
    list.append(renderCard(pinned));
    shown++;
  }

  const page = async (): Promise<void> => {
    const want = shown === 0 ? FIRST : PAGE;
    while (queue.length < want && next < candidates.length) if (!(await load(want - queue.length))) return;
    const cards = queue.splice(0, want);
    for (const c of cards) list.append(renderCard(c));
    shown += cards.length;
    more.hidden = next >= candidates.length && queue.length === 0;
    summary();
  };
  more.onclick = () => void page();
  more.textContent = '更多结果';
  await page();
}

/**
 * A run of text: the pages of every year holding it exactly (candidates from the exact-text index, kept when
 * their fragment holds it), newest first; then, unless the run was quoted or 精确匹配 ticked, Pagefind's loose
 * matches over its usual scope, marked. Pagefind is not loaded until the exact pages run out.
 */
async function searchRun(s: SearchState, plan: QueryPlan, exact: ScopeHit[], manifest: ShardManifest, mine: number): Promise<void> {
  const finder = runFinder(plan);
  let loose: ScopeHit[] | null = plan.exact ? [] : null;
  let next = 0;
  let rejected = 0;
  let shown = 0;
  const queue: Card[] = [];
  const checked = () => next >= exact.length;
  const looseCandidates = async (): Promise<ScopeHit[]> => {
    if (loose) return loose;
    let scope = scopeOf(s, manifest);
    let result = await searchScope(scope, plan.term, plan.options);
    const widened = !exact.length && shouldWiden(scope, result.results.length);
    if (widened) {
      scope = everyYear(manifest);
      result = await searchScope(scope, plan.term, plan.options);
    }
    if (mine === run) {
      showScope(s, scope, manifest, widened, true);
      showFilterCounts(result);
    }
    loose = withoutHits(result.results, exact);
    return loose;
  };
  const load = async (n: number): Promise<boolean> => {
    if (next < exact.length) {
      const batch = exact.slice(next, next + n);
      next += batch.length;
      const pages = await Promise.all(batch.map(pageFor));
      if (mine !== run) return false;
      const cards = takeBatch(pages, plan, finder, null).cards;
      rejected += batch.length - cards.length;
      queue.push(...cards);
      return true;
    }
    const more = await looseCandidates();
    if (mine !== run) return false;
    const from = next - exact.length;
    const batch = more.slice(from, from + n);
    next += batch.length;
    queue.push(...takeBatch(await Promise.all(batch.map(pageFor)), plan, null, null, true).cards);
    return mine === run;
  };
  const total = () => exact.length + (loose?.length ?? Infinity);
  // The first screen stops at the last exact page when there is one: loose matches (Pagefind's WASM and word
  // index) are loaded when the reader asks for them, so a run found exactly costs its index files and fragments only.
  const page = async (): Promise<void> => {
    const first = shown === 0;
    const want = first ? FIRST : PAGE;
    const enough = () => first && next >= exact.length && exact.length > rejected && loose === null;
    while (queue.length < want && next < total() && !enough()) {
      if (!(await load(want - queue.length))) return;
    }
    const cards = queue.splice(0, want);
    for (const c of cards) list.append(renderCard(c));
    shown += cards.length;
    more.hidden = next >= total() && queue.length === 0;
    more.textContent = queue.length === 0 && next === exact.length && !plan.exact ? '显示只含部分词语的结果' : '更多结果';
    setStatus(runStatusText(plan, { exact: exact.length - rejected, checked: checked(), loose: loose && !plan.exact && next > exact.length ? loose.length : null }), 'done');
  };
  more.onclick = () => void page();
  await page();
}

/** Shows the state in the form and the title, and runs it. */
function show(s: SearchState): void {
  fill(s);
  document.title = s.q ? `${s.q} — ${baseTitle}` : baseTitle;
  search(s).catch((err: unknown) => {
    setStatus('检索出错，请稍后重试。', 'done');
    console.error(err);
  });
}

/** A new search from the form: a new history entry, so the back button returns to the previous one. */
function go(s: SearchState): void {
  history.pushState(null, '', `${location.pathname}${searchQueryString(s)}`);
  show(s);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  go(fromForm());
});
for (const control of [sortSelect, exactBox, ...Object.values(filterSelects)]) {
  control?.addEventListener('change', () => go(fromForm()));
}
window.addEventListener('popstate', () => show(parseSearchState(location.search)));
// Loads, while the reader types, what the query will need first.
input.addEventListener('focus', () => void loadPagefind().then(({ manifest }) => Promise.all(scopeOf(fromForm(), manifest).bundles.map(shardIndex))), { once: true });
show(parseSearchState(location.search));
