import { describe, expect, it } from 'vitest';
import type { SourceKind } from '../../../src/gazette/model.ts';
import { detectSourceKind, parseSource } from '../../../src/ingest/sources/index.ts';
import { CORPUS, SEEDS, clauses, corpus, seed } from './sources-fixtures.ts';
import { SEED_READER } from '../../support/seed-gazette.ts';

const seeds: [string, SourceKind][] = [
  [SEEDS.s000, 'scraped-record'],
  [SEEDS.s001, 'gazette-dump'],
  [SEEDS.s002, 'encyclopedia'],
  [SEEDS.s003, 'news-article'],
  [SEEDS.s004, 'campus-page'],
];
const corpusKinds: [string, SourceKind][] = [
  [CORPUS.guobanfa126, 'government-web'],
  [CORPUS.guofa4, 'government-web'],
  [CORPUS.tekun, 'government-web'],
  [CORPUS.hukou, 'government-web'],
  [CORPUS.familyDoctor, 'government-web'],
  [CORPUS.laoshebufa, 'markdown'],
  [CORPUS.zuiming, 'markdown'],
  [CORPUS.shanghai, 'markdown'],
];

describe('detectSourceKind: from the content, not the file name', () => {
  it.each(seeds)('seed %s → %s', (name, kind) => {
    expect(detectSourceKind(seed(name))).toBe(kind);
    expect(detectSourceKind({ ...seed(name), file: 'renamed.md' })).toBe(kind);
  });

  it.each(corpusKinds)('corpus %s → %s', (name, kind) => {
    expect(detectSourceKind(corpus(name))).toBe(kind);
    expect(detectSourceKind({ ...corpus(name), file: 'x.html' })).toBe(kind);
  });

  it('throws on unknown content, naming the file and what was expected', () => {
    const input = { file: 'content/sources/mystery.txt', text: 'Lorem ipsum dolor sit amet.\nNothing official here.' };
    expect(() => detectSourceKind(input)).toThrow(/^content\/sources\/mystery\.txt 第1行：无法判断来源类型（共2行）；应为以下之一：/);
    expect(() => parseSource(input, SEED_READER)).toThrow(/mystery\.txt.*公报文本.*Markdown/s);
    expect(() => detectSourceKind({ file: 'empty.txt', text: '' })).toThrow(/empty\.txt/);
  });
});

describe('parseSource: every corpus file yields a document with its header fields and clauses', () => {
  const expected: Record<string, { docNumber: string | null; issuer: string | null; date: string | null; clauses: number }> = {
    [CORPUS.guobanfa126]: { docNumber: '国办发〔2018〕126号', issuer: '国务院办公厅', date: '2018-12-23', clauses: 8 },
    [CORPUS.guofa4]: { docNumber: '国发〔2019〕4号', issuer: '国务院', date: '2019-01-24', clauses: 27 },
    [CORPUS.tekun]: { docNumber: '穗府办规〔2021〕7号', issuer: '广州市人民政府办公厅', date: '2021-04-13', clauses: 8 },
    // The 办法 is a legal norm (第一条 … 第十三条): 13 条 with their 款 and 项 (legal-norm.ts), no longer 6 stray （一）.
    [CORPUS.hukou]: { docNumber: '穗府办规〔2025〕8号', issuer: '广州市人民政府办公厅', date: '2025-06-30', clauses: 37 },
    [CORPUS.familyDoctor]: { docNumber: '穗卫函〔2023〕1930号', issuer: '广州市卫生健康委员会', date: '2023-10-19', clauses: 31 },
    [CORPUS.laoshebufa]: { docNumber: '劳社部发〔2008〕3号', issuer: null, date: null, clauses: 2 },
    [CORPUS.zuiming]: { docNumber: null, issuer: '最高人民法院', date: '2021-02-26', clauses: 0 },
    [CORPUS.shanghai]: { docNumber: '沪府办发〔2021〕19号', issuer: '上海市人民政府办公厅', date: '2021-07-26', clauses: 55 },
  };

  it.each(corpusKinds)('%s', (name, kind) => {
    const r = parseSource(corpus(name), SEED_READER);
    expect(r.kind).toBe(kind);
    expect(r.documents).toHaveLength(1);
    const doc = r.documents[0]!;
    expect(doc.sourceKind).toBe(kind);
    expect(doc.title).not.toBe('');
    expect({
      docNumber: doc.docNumber?.normalized ?? null,
      issuer: doc.issuers[0] ?? null,
      date: doc.date,
      clauses: clauses(doc.body).length,
    }).toEqual(expected[name]);
  });

  it.each(seeds.filter(([, k]) => k !== 'gazette-dump'))('seed %s dispatches to the %s adapter', (name, kind) => {
    const r = parseSource(seed(name), SEED_READER);
    expect(r.kind).toBe(kind);
    expect(r.documents.length).toBeGreaterThan(0);
  });
});
