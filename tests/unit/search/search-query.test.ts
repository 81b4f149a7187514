import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, ClauseBlock } from '../../../src/gazette/model.ts';
import { toSimplified } from '../../../src/ingest/text/traditional.ts';
import { clauseTitles, joinTitle } from '../../../src/gazette/clause-titles.ts';
import {
  makeConverter,
  numberOccurrences,
  occurrenceHits,
  phraseOccurrences,
  pinnedNumber,
  parseSearchState,
  subResults,
  unquote,
  searchQueryString,
  type PagefindPage,
} from '../../../src/search/client/query.ts';
import { buildNumbers, buildT2S, type NumberEntry, type IndexedDocument } from '../../../src/search/data.ts';

const read = (name: string): string => readFileSync(new URL(`../../../content/sources/${name}.txt`, import.meta.url), 'utf8');
const s001 = read('001_2dbcd8b680e63142');
const s002 = read('002_51f41672fcbbe418');

describe('URL state', () => {
  it('round-trips query, exact phrase, filters, sort and scope', () => {
    const s = parseSearchState('?q=%E7%A7%91%E6%8A%80&exact=1&kind=%E9%80%9A%E7%9F%A5&year=2022&issue=2023-4&sort=date-desc&scope=all&junk=1');
    expect(s).toEqual({ q: '科技', exact: true, filters: { kind: '通知', year: '2022', issue: '2023-4' }, sort: 'date-desc', scope: 'all' });
    expect(parseSearchState(searchQueryString(s))).toEqual(s);
    expect(searchQueryString(s)).toBe('?q=%E7%A7%91%E6%8A%80&exact=1&kind=%E9%80%9A%E7%9F%A5&year=2022&issue=2023-4&sort=date-desc&scope=all');
    expect(searchQueryString({ q: '', exact: false, filters: {}, sort: '', scope: '' })).toBe('');
    expect(parseSearchState('?sort=random').sort).toBe('');
    expect(parseSearchState('?scope=everything').scope).toBe('');
  });

  it('treats a quoted query as an exact phrase', () => {
    expect(unquote('"科技创新生态"')).toEqual({ text: '科技创新生态', quoted: true });
    expect(unquote('“推进计量标准建设”')).toEqual({ text: '推进计量标准建设', quoted: true });
    expect(unquote('「营造」')).toEqual({ text: '营造', quoted: true });
    expect(unquote(' 科技 创新 ')).toEqual({ text: '科技 创新', quoted: false });
  });
});

describe('Traditional → Simplified for queries', () => {
  const data = buildT2S(s001);
  const convert = makeConverter(data);
  const present = new Set(Array.from(s001));

  it('converts the Traditional mirror (002) as the ingest converter does, wherever the result can match', () => {
    for (const line of s002.split('\n')) {
      const ours = Array.from(convert(line));
      const reference = Array.from(toSimplified(line));
      expect(ours.length).toBe(reference.length);
      // Where they differ, the Simplified character does not occur in the indexed text: nothing to find either way.
      ours.forEach((c, i) => {
        if (c !== reference[i]) expect(present.has(reference[i] ?? ''), `${line}: ${c} vs ${reference[i]}`).toBe(false);
      });
    }
  });

  it('handles the characters and words a character map alone gets wrong', () => {
    expect(convert('科技創新')).toBe('科技创新');
    expect(convert('最佳化')).toBe('优化'); // regional vocabulary on a query in Simplified characters
    expect(convert('加強智慧財產權服務')).toBe('加强知识产权服务');
    expect(convert('計畫')).toBe('计划'); // OpenCC's phrase, not 计画
    expect(convert('著力實現')).toBe('着力实现'); // 著 → 着 because the query is Traditional …
    expect(convert('作用显著')).toBe('作用显著'); // … but a Simplified query keeps its 著
  });

  it('ships a small map: only pairs whose Simplified side occurs in the indexed text', () => {
    for (let i = 0; i < data.t2s.length; i += 2) {
      const [t, s] = [data.t2s[i] ?? '', data.t2s[i + 1] ?? ''];
      expect(present.has(t)).toBe(false);
      if (!'最佳化智慧財產權計畫數位網路軟體人工智慧套用視窗資料庫協定人民民眾大中國小借鑑'.includes(t)) expect(present.has(s)).toBe(true);
    }
    expect(JSON.stringify(data).length).toBeLessThan(8_000);
  });
});

describe('发文字号 pinning', () => {
  const numbers: NumberEntry[] = [
    { n: '吉政办发〔2022〕26号', doc: 'jzbf-2022-26', anchor: '' },
    { n: '吉政办发〔2022〕27号', doc: 'jzbf-2022-27', anchor: '' },
    { n: '吉政干任〔2023〕6-7号', doc: 'jzgr-2023-6-7', anchor: '' },
    { n: '吉政干任〔2023〕7号', doc: 'jzgr-2023-6-7', anchor: 'e2' },
  ];

  it.each(['吉政办发〔2022〕26号', '吉政办发[2022]26号', '吉政办发2022 26', '26号 吉政办发', '吉政办发【2022】26号', '吉政办发 (2022) 26 号', 'jzbf-2022-26'])(
    '%s names jzbf-2022-26',
    (q) => expect(pinnedNumber(q, numbers)?.doc).toBe('jzbf-2022-26'),
  );

  it('resolves an entry number to its document and entry, and ignores what is no known number', () => {
    expect(pinnedNumber('吉政干任〔2023〕7号', numbers)).toEqual({ n: '吉政干任〔2023〕7号', doc: 'jzgr-2023-6-7', anchor: 'e2' });
    expect(pinnedNumber('吉政办发〔2022〕99号', numbers)).toBeNull();
    expect(pinnedNumber('科技创新', numbers)).toBeNull();
    expect(pinnedNumber('2022年', numbers)).toBeNull();
  });

  it('collects document numbers first, then entry and TOC numbers', () => {
    const entry = (id: string, n: string): Block => ({
      type: 'entry',
      id,
      source: { file: 'f', line: 1 },
      date: null,
      printedDate: null,
      text: '',
      docNumber: { normalized: n, printed: n, agency: '吉政干任', year: 2023, serial: n.replace(/\D+(\d+)号$/, '$1') },
    });
    const doc = {
      id: 'jzgr-2023-6-7',
      docNumber: { normalized: '吉政干任〔2023〕6-7号', printed: '', agency: '吉政干任', year: 2023, serial: '6-7' },
      body: [entry('e1', '吉政干任〔2023〕6号'), entry('e2', '吉政干任〔2023〕7号')],
    } as unknown as IndexedDocument;
    expect(buildNumbers([doc], [])).toEqual([
      { n: '吉政干任〔2023〕6-7号', doc: 'jzgr-2023-6-7', anchor: '' },
      { n: '吉政干任〔2023〕6号', doc: 'jzgr-2023-6-7', anchor: 'e1' },
      { n: '吉政干任〔2023〕7号', doc: 'jzgr-2023-6-7', anchor: 'e2' },
    ]);
  });
});

describe('finding occurrences in page text', () => {
  it('matches a phrase across widths and spaces, and 发文字号 in any spelling', () => {
    const text = '根据 吉政办发[2022] 26号，推进ＡＢ 科技 创新。';
    expect(phraseOccurrences(text, '科技创新').map(([s, e]) => text.slice(s, e))).toEqual(['科技 创新']);
    expect(phraseOccurrences(text, 'ab').map(([s, e]) => text.slice(s, e))).toEqual(['ＡＢ']);
    expect(numberOccurrences(text, '吉政办发〔2022〕26号').map(([s, e]) => text.slice(s, e))).toEqual(['吉政办发[2022] 26号']);
  });
});

/** A page as its Pagefind fragment holds it: words separated by U+200B, anchors at word positions. */
function fakePage(): PagefindPage {
  const words = [
    '关于', '印发', '方案', '的', '通知', '. ', // 0–5: title
    '一', '、', '总体', '要求', '. ', '科技', '创新', '生态', '。', // 6–14: p1 (its Markdown heading has an id too)
    '（', '一', '）', '营造', '优良', '科技', '人才', '生态', '。', '外科', // 15–24: p1-s1
    '（', '二', '）', '科技', '人才', '科技', '人才', '科技', '人才', '。', // 25–34: p1-s2
  ];
  return {
    url: '/documents/a/',
    content: words.join('\u200B'),
    meta: { title: '关于印发方案的通知' },
    anchors: [
      { element: 'section', id: 'p1', text: '', title: '一、总体要求', location: 6 },
      { element: 'h2', id: '一总体要求', text: '一、总体要求', location: 6 },
      { element: 'section', id: 'p1-s1', text: '', title: '一、（一）营造优良科技人才生态', location: 15 },
      { element: 'section', id: 'p1-s2', text: '', title: '一、（二）', location: 25 },
    ],
    locations: [20, 21, 24, 28, 29, 30, 31, 32, 33],
  };
}

describe('sub-results', () => {
  it('splits at clauses only, ranks the clause whose title holds the query first, and links to it', () => {
    const subs = subResults(fakePage(), { query: '营造优良科技人才生态' });
    expect(subs.map((s) => s.id)).toEqual(['p1-s1', 'p1-s2']);
    expect(subs[0]?.url).toBe('/documents/a/#p1-s1');
    expect(subs[0]?.title).toBe('一、（一）营造优良科技人才生态');
    // 外科 shares a character with the query but is not what was asked for: not marked
    expect(subs[0]?.excerpt.filter((s) => s.mark).map((s) => s.text)).toEqual(['科技人才']);
  });

  it('marks a one-character word only next to another match', () => {
    const words = ['婚前', '医学', '检查', '率', '。', '推进', '营', '商', '环境'];
    const page: PagefindPage = {
      url: '/documents/b/',
      content: words.join('\u200B'),
      meta: { title: 't' },
      anchors: [],
      locations: [0, 1, 2, 3, 6],
    };
    const [only] = subResults(page, { query: '婚前医学检查率营' });
    expect(only?.whole).toBe(true);
    expect(only?.excerpt.filter((s) => s.mark).map((s) => s.text)).toEqual(['婚前医学检查率']);
  });

  it('without a title match, ranks by whole-query occurrences, then words', () => {
    const page = fakePage();
    page.anchors = page.anchors.map((a) => (a.id === 'p1-s1' ? { ...a, title: '一、（一）' } : a));
    const subs = subResults(page, { query: '科技人才' });
    expect(subs.map((s) => s.id)).toEqual(['p1-s2', 'p1-s1']);
  });

  it('uses the hits the caller found (exact phrase), page text before the first clause included', () => {
    const page = fakePage();
    const hits = occurrenceHits(page, (t) => phraseOccurrences(t, '科技创新生态'));
    expect(hits).toEqual([11, 12, 13]);
    const subs = subResults(page, { query: '科技创新生态', hits });
    expect(subs.map((s) => s.id)).toEqual(['p1']);
    expect(subs[0]?.excerpt.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('')).toBe('一、总体要求 [科技创新生态]。');
  });

  it('titles a clause with its citation path and title', () => {
    const clause = (id: string, label: string, level: ClauseBlock['level'], number: number, title: string | null, text: string, children: Block[] = []): ClauseBlock => ({
      type: 'clause', id, label, level, number, title, text, children, source: { file: 'f', line: 1 },
    });
    const titles = clauseTitles({
      body: [clause('p2', '二、', 'part', 2, '重点任务', '重点任务', [clause('p2-s3', '(三)', 'section', 3, '发展优良科技要素生态。', '发展优良科技要素生态。围绕…', [clause('p2-s3-i11', '11.', 'item', 11, '突显关键技术要素。', '突显关键技术要素。改革…')]), clause('p2-d1', '——', 'dash', 0, null, '坚持尊重规律。遵循…')])],
      attachments: [],
    });
    expect(Object.fromEntries(titles)).toEqual({
      p2: '二、重点任务',
      'p2-s3': '二、（三）发展优良科技要素生态',
      'p2-s3-i11': '二、（三）11. 突显关键技术要素',
      'p2-d1': '二、——坚持尊重规律',
    });
    expect(joinTitle('三、23.', '加强组织领导')).toBe('三、23. 加强组织领导');
  });
});
