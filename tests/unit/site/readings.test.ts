/**
 * 校勘决定 applied at render time (src/site/readings.ts) with the seed's decisions (content/editorial/readings.json):
 * the published text takes the decided reading, the model keeps the printed one, the collation notes the
 * decision settles go and the others stay.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allBlocks } from '../../../src/gazette/blocks.ts';
import type { ClauseBlock, GazetteDocument } from '../../../src/gazette/model.ts';
import { applyReadings, type ReadingDecision } from '../../../src/site/readings.ts';
import { seedDocument } from './seed.ts';

const decisions = JSON.parse(readFileSync('content/editorial/readings.json', 'utf8')) as (ReadingDecision & { document: string })[];
const clause = (doc: Pick<GazetteDocument, 'body' | 'attachments'>, id: string) =>
  allBlocks(doc).find((b): b is ClauseBlock => b.type === 'clause' && b.id === id);

describe('the seed decisions on 吉政办发〔2022〕26号', () => {
  const printed = seedDocument('jzbf-2022-26');
  const { doc, readings } = applyReadings(printed, decisions.filter((d) => d.document === '吉政办发〔2022〕26号'));

  it('publishes 和 where the standard text prints 「and」 (二、（五）20.), and keeps the printed text in the model', () => {
    // content/sources/001_2dbcd8b680e63142.txt:384 「提升科研机构 and 科研人员诚信意识」; 000:50 and 002:49 print 和
    expect(clause(doc, 'p2-s5-i20')?.text).toContain('提升科研机构和科研人员诚信意识');
    expect(clause(doc, 'p2-s5-i20')?.text).not.toContain(' and ');
    expect(clause(printed, 'p2-s5-i20')?.text).toContain('提升科研机构 and 科研人员诚信意识');
  });

  it('restores 创 (二、（三）14.) and 任务 (二、（三）12.) as both copies print them', () => {
    // 001:358 「创建国内科技新一流生态区域」, 000:42 「科技创新一流生态区域」; 001:352 「承接创新能力」, 000:40 「承接创新任务能力」
    expect(clause(doc, 'p2-s3-i14')?.text).toContain('创建国内科技创新一流生态区域');
    expect(clause(doc, 'p2-s3-i12')?.text).toContain('提高战略定位和承接创新任务能力');
  });

  it('drops exactly the three collation notes the decisions settle; the other four stay undecided', () => {
    expect(printed.variants).toHaveLength(7);
    expect(doc.variants.map((v) => `${v.clause} ${v.copy}`)).toEqual([
      'p1-s2-d2 态的重点难点堵点问题,全力推',
      'p2-s2-i9 、大所、大企”,分类施策',
      'p2-s5-i20 生态不断优化的文化基础。(',
      'p3-i23 化合规尽职免予问责负面清单',
    ]);
    expect(readings.map((r) => [r.clause, r.copies])).toEqual([
      ['p2-s5-i20', ['content/sources/000_0e00a8da3e3bc271.txt', 'content/sources/002_51f41672fcbbe418.txt']],
      ['p2-s3-i14', ['content/sources/000_0e00a8da3e3bc271.txt', 'content/sources/002_51f41672fcbbe418.txt']],
      ['p2-s3-i12', ['content/sources/000_0e00a8da3e3bc271.txt', 'content/sources/002_51f41672fcbbe418.txt']],
    ]);
  });
});

describe('a decision that cannot be applied stops the build', () => {
  const doc = seedDocument('jzbf-2022-26');
  const base = { id: 'x', reason: '测试', editor: '测试', date: '2026-12-04' };
  it('names the record when the clause is missing or the printed reading is not there exactly once', () => {
    expect(() => applyReadings(doc, [{ ...base, clause: 'p9', printed: 'a', decided: 'b' }])).toThrow('content/editorial/readings.json（x）：《jzbf-2022-26》没有条款 p9');
    expect(() => applyReadings(doc, [{ ...base, clause: 'p2-s5-i20', printed: '诚信', decided: '信用' }])).toThrow('「诚信」在条款 p2-s5-i20 中出现 4 次，须恰好一次');
    expect(() => applyReadings(doc, [{ ...base, clause: 'p2-s5-i20', printed: '月球', decided: '火星' }])).toThrow('出现 0 次');
  });

  it('keeping the printed reading settles the variant it covers and changes no text', () => {
    const kept = applyReadings(doc, [{ ...base, clause: 'p3-i23', printed: '免于问责', decided: '免于问责' }]);
    expect(clause(kept.doc, 'p3-i23')?.text).toBe(clause(doc, 'p3-i23')?.text);
    expect(kept.doc.variants).toHaveLength(6);
    expect(kept.readings[0]?.copies).toEqual(['content/sources/000_0e00a8da3e3bc271.txt', 'content/sources/002_51f41672fcbbe418.txt']);
  });
});
