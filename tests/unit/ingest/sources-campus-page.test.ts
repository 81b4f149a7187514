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
    expect(doc.meta).toEqual({ category: '综合信息', 发布时间: '2021-04-13', 栏目: '决策参考' });
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
    expect(Math.max(...blocks.map((b) => b.source.line))).toBe(91);
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
