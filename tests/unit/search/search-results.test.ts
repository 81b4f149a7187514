import { describe, expect, it } from 'vitest';
import { parseSearchState, type PagefindPage } from '../../../src/search/client/query.ts';
import type { NumberEntry, SearchDocInfo } from '../../../src/search/data.ts';
import type { ScopeHit, SearchScope } from '../../../src/search/client/scope.ts';
import {
  FIRST,
  cardOf,
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
} from '../../../src/search/client/results.ts';

// 吉政办发〔2022〕26号 and its document as the seed publishes them (content/sources/001_2dbcd8b680e63142.txt:261–270:
// title, number, 落款 2022年8月12日; src/search/data.ts buildNumbers/buildNumberData write these fields).
const PIN: NumberEntry = { n: '吉政办发〔2022〕26号', doc: 'jzbf-2022-26', anchor: '' };
const DOC: SearchDocInfo = {
  id: 'jzbf-2022-26',
  title: '吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知',
  number: '吉政办发〔2022〕26号',
  date: '2022-08-12',
  kind: '通知',
  issuers: ['吉林省人民政府办公厅'],
  issue: '2023-4',
};

const plan = (query: string, pin: NumberEntry | null = null, text?: string) => {
  const s = parseSearchState(query);
  const raw = s.q.replace(/^"|"$/g, '');
  return planQuery(s, { raw, quoted: raw !== s.q, text: text ?? raw }, pin);
};

/** A page whose text is `words` (Pagefind's segmentation, U+200B between words). */
const page = (url: string, words: string[], title = 't'): PagefindPage => ({
  url,
  content: words.join('\u200B'),
  meta: { title, number: undefined, date: '2022-08-12', kind: '通知' },
  anchors: [],
  locations: [0],
});

describe('the Pagefind query of a search state', () => {
  it('asks for the text, with filters and sort, pages holding the whole query first', () => {
    expect(plan('?q=科技创新生态&kind=通知&year=2022')).toEqual({
      raw: '科技创新生态',
      text: '科技创新生态',
      exact: false,
      term: '科技创新生态',
      byPhrase: true,
      options: { filters: { kind: '通知', year: '2022' } },
    });
  });

  it('sorts by date when asked, and then keeps Pagefind order (no phrase-first)', () => {
    const p = plan('?q=科技创新生态&sort=date-asc');
    expect(p.options).toEqual({ filters: {}, sort: { date: 'asc' } });
    expect(p.byPhrase).toBe(false);
    expect(plan('?q=科技创新生态&sort=date-desc').options.sort).toEqual({ date: 'desc' });
  });

  it('searches a pinned 发文字号 by its normalised form, not by the words typed', () => {
    const p = plan('?q=吉政办发2022 26', PIN);
    expect(p.term).toBe('吉政办发〔2022〕26号');
    expect(p.byPhrase).toBe(false);
  });

  it('is exact for a ticked box or a quoted query; a query with spaces or one character is not phrase-first', () => {
    expect(plan('?q=科技&exact=1').exact).toBe(true);
    expect(plan('?q="科技"').exact).toBe(true);
    expect(plan('?q=科技 创新').byPhrase).toBe(false);
    expect(plan('?q=科').byPhrase).toBe(false);
  });
});

describe('widening and ordering', () => {
  const recent: SearchScope = { bundles: ['pagefind'], years: ['2023', '2022'], all: false, recent: true };
  it('widens the newest years to all only when they give less than a first screen', () => {
    expect(FIRST).toBe(5);
    expect(shouldWiden(recent, 4)).toBe(true);
    expect(shouldWiden(recent, 5)).toBe(false);
    expect(shouldWiden({ ...recent, recent: false }, 0)).toBe(false);
  });

  it('puts the pages of the phrase search first, keeping Pagefind order in both groups', () => {
    const hit = (bundle: string, id: string): ScopeHit => ({ bundle, id, score: 1, words: [] });
    const all = [hit('pagefind', 'a'), hit('pagefind', 'b'), hit('pagefind-2010-2020', 'a'), hit('pagefind', 'c')];
    expect(phraseFirst(all, [hit('pagefind', 'c'), hit('pagefind-2010-2020', 'a')]).map((h) => `${h.bundle}/${h.id}`)).toEqual([
      'pagefind-2010-2020/a',
      'pagefind/c',
      'pagefind/a',
      'pagefind/b',
    ]);
    expect(phraseFirst(all, undefined)).toEqual(all);
    expect(phraseFirst(all, [])).toEqual(all);
  });
});

describe('the pinned 发文字号 card', () => {
  it('links the document under the base path, or the entry the number names', () => {
    const card = pinnedCard(PIN, DOC, '/gongbao/');
    expect(card).toMatchObject({ url: '/gongbao/documents/jzbf-2022-26/', title: DOC.title, number: '吉政办发〔2022〕26号', pinned: true, subs: [] });
    // 吉政干任〔2023〕6号 names the first entry of 人事任免 (jzgr-2023-6-7, entry e1).
    expect(pinnedCard({ n: '吉政干任〔2023〕6号', doc: 'jzgr-2023-6-7', anchor: 'e1' }, { ...DOC, id: 'jzgr-2023-6-7' }, '/').url).toBe('/documents/jzgr-2023-6-7/#e1');
  });

  it('is shown only when the filters let its document through', () => {
    const s = (q: string) => parseSearchState(q);
    expect(pinnedMatchesFilters(DOC, s('?q=26号'))).toBe(true);
    expect(pinnedMatchesFilters(DOC, s('?q=26号&kind=通知&issuer=吉林省人民政府办公厅&year=2022&issue=2023-4'))).toBe(true);
    expect(pinnedMatchesFilters(DOC, s('?q=26号&kind=意见'))).toBe(false);
    expect(pinnedMatchesFilters(DOC, s('?q=26号&issuer=吉林省人民政府'))).toBe(false);
    expect(pinnedMatchesFilters(DOC, s('?q=26号&year=2023'))).toBe(false);
    expect(pinnedMatchesFilters(DOC, s('?q=26号&issue=2023-5'))).toBe(false);
    // 26号 is printed in issue 2023-4: it passes 公报刊登 and not 非公报文本.
    expect(pinnedMatchesFilters(DOC, s('?q=26号&origin=公报刊登'))).toBe(true);
    expect(pinnedMatchesFilters(DOC, s('?q=26号&origin=非公报文本'))).toBe(false);
  });
});

describe('loaded pages become cards', () => {
  const holding = page('/documents/jzbf-2022-26/', ['推进', '科技', '创新', '生态', '优化']);
  const partial = page('/documents/jzf-2022-21/', ['科技', '人才', '。', '生态', '环境']);

  it('keeps every page, those holding the whole query first', () => {
    const p = plan('?q=科技创新生态');
    const batch = takeBatch([partial, holding], p, occurrenceFinder(p, null), null);
    expect(batch.cards.map((c) => c.url)).toEqual(['/documents/jzbf-2022-26/', '/documents/jzf-2022-21/']);
    expect(batch.whole).toBe(true);
    expect(batch.pinnedSubs).toBeNull();
  });

  it('drops, for an exact phrase, the pages that do not hold it', () => {
    const p = plan('?q=科技创新生态&exact=1');
    const batch = takeBatch([partial, holding], p, occurrenceFinder(p, null), null);
    expect(batch.cards.map((c) => c.url)).toEqual(['/documents/jzbf-2022-26/']);
  });

  it('fills the pinned card from its page instead of listing the page twice', () => {
    // A page citing the number as citations print it: 《…》（吉政办发〔2022〕26号）.
    const cited = page('/documents/jzf-2022-21/', ['《', '方案', '》', '（', '吉政办发', '〔', '2022', '〕', '26', '号', '）']);
    const p = plan('?q=吉政办发2022 26', PIN);
    const batch = takeBatch([holding, cited], p, occurrenceFinder(p, PIN), '/documents/jzbf-2022-26/');
    expect(batch.cards.map((c) => c.url)).toEqual(['/documents/jzf-2022-21/']);
    expect(batch.pinnedSubs).toEqual([]);
  });

  it('reads a card from the page metadata', () => {
    expect(cardOf({ ...holding, meta: { title: DOC.title, docNumber: DOC.number ?? '', date: '2022-08-12', issue: '2023-4', kind: '通知' } }, [])).toEqual({
      url: '/documents/jzbf-2022-26/',
      title: DOC.title,
      number: '吉政办发〔2022〕26号',
      date: '2022-08-12',
      issue: '2023-4',
      kind: '通知',
      origin: null,
      subs: [],
      pinned: false,
      loose: false,
    });
    // A document the gazette did not print carries the mark src/components/SearchResultMeta.astro gives it.
    expect(cardOf({ ...holding, meta: { title: '意见', origin: '非公报文本' } }, []).origin).toBe('非公报文本');
  });
});

describe('the status line', () => {
  it('says what was found, what was converted to simplified, and when no page holds the whole query', () => {
    expect(statusText(plan('?q=科技創新', null, '科技创新'), { shown: 3, total: '3', whole: true })).toBe('找到 3 个结果（已按简体「科技创新」检索）');
    expect(statusText(plan('?q=科技创新'), { shown: 2, total: '2', whole: false })).toBe('没有完整出现「科技创新」的内容，以下 2 个结果只含其中部分词语。');
    expect(statusText(plan('?q=科技创新'), { shown: 0, total: '0', whole: false })).toBe('没有找到与「科技创新」相符的内容。');
    expect(statusText(plan('?kind=通知'), { shown: 0, total: '0', whole: false })).toBe('没有找到与「所选条件」相符的内容。');
    expect(statusText(plan('?q=吉政办发2022 26', PIN), { shown: 6, total: '6+', whole: false })).toBe('找到 6+ 个结果');
  });
});

describe('a run of text looked up in every year', () => {
  // content/sources/001_2dbcd8b680e63142.txt:519 「2. 预防和控制慢性病致残。」
  const RUN = '预防和控制慢性病致残';
  const exact = page('/documents/jzbf-2022-27/', ['2', '. ', '预防', '和', '控制', '慢性病', '致残', '。']);
  const apart = page('/documents/jzf-2022-21/', ['预防', '和', '控制', '。', '慢性病', '致残']);

  it('keeps the candidates holding the run, and marks the loose matches listed after them', () => {
    const p = plan(`?q=${RUN}`);
    expect(takeBatch([apart, exact], p, runFinder(p), null).cards.map((c) => [c.url, c.loose])).toEqual([['/documents/jzbf-2022-27/', false]]);
    expect(takeBatch([apart], p, null, null, true).cards.map((c) => [c.url, c.loose])).toEqual([['/documents/jzf-2022-21/', true]]);
  });

  it('lists a loose match only once, not again after its exact listing', () => {
    const hit = (bundle: string, id: string): ScopeHit => ({ bundle, id, score: 1, words: [] });
    expect(withoutHits([hit('pagefind', 'a'), hit('pagefind', 'b'), hit('pagefind-1981-2000', 'a')], [hit('pagefind', 'a')]).map((h) => `${h.bundle}/${h.id}`)).toEqual([
      'pagefind/b',
      'pagefind-1981-2000/a',
    ]);
  });

  it('says how many pages hold the run, from every year, then that the rest only share words', () => {
    const p = plan(`?q=${RUN}`);
    expect(runStatusText(p, { exact: 101, checked: false, loose: null })).toBe(`「${RUN}」原文见于至多 101 个文件（检索全部年份）。`);
    expect(runStatusText(p, { exact: 3, checked: true, loose: 12 })).toBe(`「${RUN}」原文见于 3 个文件（检索全部年份）；其后 12 个结果只含其中部分词语。`);
    expect(runStatusText(p, { exact: 0, checked: true, loose: 5 })).toBe(`全部年份中没有原文含「${RUN}」的文件；以下 5 个结果只含其中部分词语。`);
    expect(runStatusText(p, { exact: 0, checked: true, loose: 0 })).toBe(`全部年份中没有原文含「${RUN}」的文件，也没有含其中词语的结果。`);
  });
});
