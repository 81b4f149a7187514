import { describe, expect, it } from 'vitest';
import type { ShardManifest } from '../../../src/search/data.ts';
import { parseSearchState } from '../../../src/search/client/query.ts';
import { everyYear, filedYear, mergeSearches, scopeOf, yearSpan } from '../../../src/search/client/scope.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
// The manifest of the 1,000-issue bench archive (src/search/build/pagefind.ts writes it newest first).
const archive: ShardManifest = {
  shards: [
    { bundle: 'pagefind', years: ['2021', '2022'], pages: 287 },
    { bundle: 'pagefind-2001-2020', years: range(2001, 2020), pages: 3360 },
    { bundle: 'pagefind-1981-2000', years: range(1981, 2000), pages: 3360 },
  ],
};
// The seed site: one shard of two years with a gap.
const seed: ShardManifest = { shards: [{ bundle: 'pagefind', years: ['2021', '2023'], pages: 11 }] };

const scope = (query: string, o?: { since?: string }) => scopeOf(parseSearchState(query), archive, o);

describe('scopeOf', () => {
  it('reads only the primary shard by default, in any sort but oldest first', () => {
    for (const q of ['?q=科技创新', '?q=科技创新&sort=date-desc', '?q=科技创新&kind=通知&issuer=吉林省人民政府']) {
      expect(scope(q)).toEqual({ bundles: ['pagefind'], years: ['2021', '2022'], all: false, recent: true });
    }
  });

  it('reads every shard when asked, or for oldest-first order', () => {
    const all = { bundles: ['pagefind', 'pagefind-2001-2020', 'pagefind-1981-2000'], years: range(1981, 2022), all: true, recent: false };
    expect(scope('?q=科技创新&scope=all')).toEqual(all);
    expect(scope('?q=科技创新&sort=date-asc')).toEqual(all);
    expect(everyYear(archive)).toEqual(all);
  });

  it('reads the shards of a filtered year, and of the next year where December documents are filed', () => {
    expect(scope('?q=科技创新&year=2005').bundles).toEqual(['pagefind-2001-2020']);
    expect(scope('?q=科技创新&year=2000').bundles).toEqual(['pagefind-2001-2020', 'pagefind-1981-2000']);
    expect(scope('?q=科技创新&year=2020').bundles).toEqual(['pagefind', 'pagefind-2001-2020']);
    expect(scope('?q=科技创新&year=2022')).toEqual({ bundles: ['pagefind'], years: ['2021', '2022'], all: false, recent: false });
  });

  it('reads the shard of a filtered issue', () => {
    expect(scope('?issue=1990-7')).toEqual({ bundles: ['pagefind-1981-2000'], years: range(1981, 2000), all: false, recent: false });
    expect(scope('?issue=2022-24').bundles).toEqual(['pagefind']);
  });

  it('falls back to the primary shard for a filter outside the index', () => {
    expect(scope('?q=科技&year=1950').bundles).toEqual(['pagefind']);
  });

  it('reads, for a 发文字号, the shards from its document’s year on', () => {
    expect(scope('?q=吉政办发〔2005〕3号', { since: '2005' }).bundles).toEqual(['pagefind', 'pagefind-2001-2020']);
    expect(scope('?q=吉政办发〔1990〕3号', { since: '1990' }).all).toBe(true);
    expect(scope('?q=吉政办发〔2022〕26号', { since: '2022' })).toEqual({ bundles: ['pagefind'], years: ['2021', '2022'], all: false, recent: false });
    expect(scope('?q=吉政办发〔2005〕3号&year=2022', { since: '2005' }).bundles).toEqual(['pagefind']);
  });

  it('reads a single-shard index whole, whatever is asked', () => {
    for (const q of ['?q=科技', '?q=科技&year=2021', '?q=科技&scope=all']) {
      expect(scopeOf(parseSearchState(q), seed)).toEqual({ bundles: ['pagefind'], years: ['2021', '2023'], all: true, recent: false });
    }
  });
});

describe('filedYear', () => {
  it('is the issue’s year, else the date’s', () => {
    expect(filedYear({ issue: '2023-4', date: '2022-12-28' })).toBe('2023');
    expect(filedYear({ issue: null, date: '2021-04-13' })).toBe('2021');
    expect(filedYear({ issue: null, date: null })).toBeUndefined();
  });
});

describe('yearSpan', () => {
  it('writes runs with — and gaps with 、', () => {
    expect(yearSpan(['2022', '2021'])).toBe('2021—2022');
    expect(yearSpan(['2021', '2023'])).toBe('2021、2023');
    expect(yearSpan([...range(1981, 2000), '2021', '2022', '2022'])).toBe('1981—2000、2021—2022');
    expect(yearSpan(['2023'])).toBe('2023');
    expect(yearSpan([])).toBe('');
  });
});

describe('mergeSearches', () => {
  it('ranks the results of every shard together, keeps each one’s bundle, and sums filter counts', () => {
    const merged = mergeSearches([
      { bundle: 'pagefind', search: { results: [{ id: 'a', score: 3, words: [1] }, { id: 'b', score: 1, words: [2] }], filters: { year: { '2022': 2 }, kind: { 通知: 1 } } } },
      { bundle: 'pagefind-2001-2020', search: { results: [{ id: 'c', score: 2, words: [3, 4] }, { id: 'd', score: 1, words: [] }], filters: { year: { '2005': 1, '2022': 1 }, kind: { 通知: 2 } } } },
    ]);
    expect(merged.results.map((r) => `${r.bundle}/${r.id}`)).toEqual(['pagefind/a', 'pagefind-2001-2020/c', 'pagefind/b', 'pagefind-2001-2020/d']);
    expect(merged.results[1]?.words).toEqual([3, 4]);
    expect(merged.filters).toEqual({ year: { '2022': 3, '2005': 1 }, kind: { 通知: 3 } });
  });

  it('sorted by date, keeps each shard’s order and puts the shards in year order, newest first or oldest first', () => {
    const found = [
      { bundle: 'pagefind', search: { results: [{ id: 'new2', score: 1, words: [] }, { id: 'new1', score: 5, words: [] }], filters: {} } },
      { bundle: 'pagefind-2001-2020', search: { results: [{ id: 'old2', score: 9, words: [] }, { id: 'old1', score: 2, words: [] }], filters: {} } },
    ];
    expect(mergeSearches(found, 'desc').results.map((r) => r.id)).toEqual(['new2', 'new1', 'old2', 'old1']);
    const asc = [
      { bundle: 'pagefind', search: { results: [{ id: 'new1', score: 5, words: [] }, { id: 'new2', score: 1, words: [] }], filters: {} } },
      { bundle: 'pagefind-2001-2020', search: { results: [{ id: 'old1', score: 2, words: [] }, { id: 'old2', score: 9, words: [] }], filters: {} } },
    ];
    expect(mergeSearches(asc, 'asc').results.map((r) => r.id)).toEqual(['old1', 'old2', 'new1', 'new2']);
  });

  it('gives nothing for no shard', () => {
    expect(mergeSearches([])).toEqual({ results: [], filters: {} });
  });
});
