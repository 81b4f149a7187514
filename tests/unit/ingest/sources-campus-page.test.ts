import { describe, expect, it } from 'vitest';
import type { ClauseBlock } from '../../../src/gazette/model.ts';
import { parseCampusPage } from '../../../src/ingest/sources/campus-page.ts';
import { SEEDS, allBlocks, clauses, seed } from './sources-fixtures.ts';

const input = seed(SEEDS.s004);
const parse = parseCampusPage(input);
const doc = parse.documents[0]!;
const numbers = (level: string): number[] =>
  (clauses(doc.body) as ClauseBlock[]).filter((c) => c.level === level).map((c) => c.number);

describe('004 campus page', () => {
  it('reads category, title and the 发布时间 | 栏目 header', () => {
    expect(doc.title).toBe('《吉林市国民经济和社会发展第十四个五年规划建议》教育科技发展相关论述简报');
    // The footer (004 l.107) 「版权所有 北华大学    地址:…   邮编:132013」 names the publisher.
    expect(doc.meta).toEqual({ category: '综合信息', 发布时间: '2021-04-13', 栏目: '决策参考', publisher: '北华大学', 地址: '吉林省吉林市滨江东路3999号', 邮编: '132013' });
    expect(doc.date).toBe('2021-04-13');
    expect(doc.kind).toBe('简报');
    expect(parse.removals).toContainEqual({ line: 5, text: ': | :', reason: 'metadata syntax' });
  });

  it('drops the broken repeated title and says so', () => {
    expect(parse.findings.filter((f) => f.kind === 'duplicate-title-dropped')).toEqual([
      expect.objectContaining({ severity: 'info', line: 7 }),
    ]);
    expect(parse.removals.filter((r) => r.line === 7 || r.line === 9).map((r) => r.text)).toEqual([
      '吉林市国民经济和社会发展第十四个五年规划',
      '建议》教育科技发展相关论述简报',
    ]);
  });

  it('keeps the excerpts with their numbering gaps and raises no warning for them', () => {
    expect(numbers('part')).toEqual([2, 3, 8, 9, 10, 11]);
    expect(numbers('item')).toEqual([5, 6, 7, 8, 11, 33, 40, 41, 43, 46, 47, 48, 49, 50]);
    expect(parse.findings.every((f) => f.severity === 'info')).toBe(true);
    const blocks = allBlocks(doc.body);
    expect(blocks[0]).toMatchObject({ type: 'paragraph', source: { line: 13 } });
    expect(blocks[1]).toMatchObject({ type: 'paragraph', text: '纲要中提到:' });
    // The last item, 「50.抓好规划纲要编制实施。」 (l.89), takes its text from l.91.
    expect(Math.max(...blocks.map((b) => b.source.line))).toBe(89);
  });

  it('joins the 13 items that print their title alone with the text on the next line, with a finding each', () => {
    const joined = parse.findings.filter((f) => f.kind === 'item-body-joined');
    // 004 l.21 「6.激发人才创新活力。」 / l.23 「深化人才发展体制机制改革,…」 … l.89/91.
    expect(joined.map((f) => f.line)).toEqual([23, 27, 35, 39, 47, 55, 59, 63, 71, 75, 83, 87, 91]);
    const i6 = allBlocks(doc.body).find((b) => b.id === 'p2-i6');
    expect(i6).toMatchObject({ type: 'clause', title: '激发人才创新活力。', children: [] });
    expect(i6?.type === 'clause' && i6.text.startsWith('激发人才创新活力。深化人才发展体制机制改革,')).toBe(true);
    expect(allBlocks(doc.body).filter((b) => b.type === 'paragraph').map((b) => b.id)).toEqual(['para1', 'para2']);
  });

  it('treats NBSP-only lines as separators and drops navigation and footer', () => {
    for (const b of allBlocks(doc.body)) if ('text' in b) expect(b.text.trim()).not.toBe('');
    expect(parse.removals.filter((r) => r.line >= 103).map((r) => [r.line, r.reason])).toEqual([
      [103, 'site navigation'],
      [105, 'site navigation'],
      [107, 'site footer'],
    ]);
  });
});
