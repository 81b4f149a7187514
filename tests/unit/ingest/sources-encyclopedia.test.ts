import { describe, expect, it } from 'vitest';
import { parseEncyclopedia } from '../../../src/ingest/sources/encyclopedia.ts';
import { SEEDS, allBlocks, clauses, seed } from './sources-fixtures.ts';

const input = seed(SEEDS.s002);
const parse = parseEncyclopedia(input);
const doc = parse.documents[0]!;
const sourceLines = input.text.split('\n');

describe('002 encyclopedia page (Traditional Chinese)', () => {
  it('reads title, summary and the infobox (keys as printed) into metadata', () => {
    expect(parse.documents).toHaveLength(1);
    expect(doc.title).toBe('吉林省科技創新生態最佳化工程實施方案');
    expect(doc.meta).toEqual({
      summary: sourceLines[2],
      中文名: '吉林省科技創新生態最佳化工程實施方案',
      頒布時間: '2022年8月12日',
      發布單位: '吉林省人民政府辦公廳',
    });
    expect(doc.issuers).toEqual(['吉林省人民政府辦公廳']);
    expect(doc.date).toBe('2022-08-12');
    expect(doc.kind).toBe('方案');
  });

  it('has no 发文字号, notice, addressees or 落款', () => {
    expect([doc.docNumber, doc.notice, doc.addressees, doc.signature.issuer, doc.signature.date]).toEqual([null, null, null, null, null]);
  });

  it('takes the body after 全文 (lines 11–56), without the two leading spaces, still in Traditional', () => {
    const blocks = allBlocks(doc.body);
    expect(blocks[0]).toMatchObject({ type: 'clause', id: 'p1', label: '一、', text: '總體要求', source: { line: 11 } });
    expect(Math.min(...blocks.map((b) => b.source.line))).toBe(11);
    expect(Math.max(...blocks.map((b) => b.source.line))).toBe(56);
    expect(clauses(doc.body)).toHaveLength(46);
    const item1 = blocks.find((b) => b.id === 'p2-s1-i1');
    const item4 = blocks.find((b) => b.id === 'p2-s1-i4');
    expect(item1).toMatchObject({ label: '1.', source: { line: 26 } });
    expect(item4).toMatchObject({ label: '4.', source: { line: 29 } });
    for (const b of blocks) if ('text' in b) expect(b.text).not.toMatch(/^\s/);
    expect(blocks.find((b) => b.id === 'p1-s2-d1')).toMatchObject({ label: '——' });
    expect(JSON.stringify(doc.body)).toContain('最佳化');
  });

  it('drops the page furniture and navigation with reasons', () => {
    expect(parse.removals.filter((r) => r.reason === 'site navigation')).toEqual([
      { line: 58, text: '相關詞條', reason: 'site navigation' },
      { line: 60, text: '熱門詞條', reason: 'site navigation' },
      { line: 62, text: '聯絡我們', reason: 'site navigation' },
    ]);
    expect(parse.removals.map((r) => r.line)).toEqual([5, 7, 8, 9, 10, 58, 60, 62]);
    expect(parse.findings).toEqual([]);
  });
});
