import { describe, expect, it } from 'vitest';
import { endsSentence, lineBlocks, repairLayout } from '../../../src/ingest/structure/layout.ts';
import type { BodyItem } from '../../../src/ingest/structure/clauses.ts';

const file = 'content/sources/x.txt';
/** Paragraphs on lines 1, 3, 5 … as a dump prints them (a blank line between paragraphs). */
const paras = (...texts: string[]): BodyItem[] => texts.map((text, i) => ({ kind: 'text', text, source: { file, line: 2 * i + 1 } }));
const texts = (items: BodyItem[]): string[] => items.map((i) => (i.kind === 'table' ? '<table>' : i.text));

describe('endsSentence', () => {
  it('accepts sentence ends, looking through closing quotes', () => {
    expect(endsSentence('…确保应偿尽偿。')).toBe(true);
    expect(endsSentence('“面对面”办实事。”')).toBe(true);
    expect(endsSentence('各市（州）人民政府，…单位：')).toBe(true);
  });
  it('accepts a balanced closing bracket (an item ending in its responsibility note), even across widths', () => {
    expect(endsSentence('提升质量。（省市场监管厅负责）')).toBe(true);
    expect(endsSentence('（省科技厅、省人力资源社会保障厅等按职责分工负责)')).toBe(true);
  });
  it('rejects a paragraph cut mid-word or inside a parenthetical', () => {
    expect(endsSentence('深入贯彻党的二十大精神，紧')).toBe(false);
    expect(endsSentence('提高“团队留人”能力。（省科技厅、省委组织部、省人力资源社')).toBe(false);
    expect(endsSentence('以下均需各市、县级政府落实，不再列出）（省')).toBe(false);
  });
});

describe('repairLayout', () => {
  it('joins a paragraph broken mid-sentence and reports the line it moved (l.152 → l.154)', () => {
    const r = repairLayout(paras('（一）指导思想。以习近平…精神，紧', '紧围绕“一主六双”高质量发展战略。', '（二）发展目标。'), { file });
    expect(texts(r.items)).toEqual(['（一）指导思想。以习近平…精神，紧紧围绕“一主六双”高质量发展战略。', '（二）发展目标。']);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ kind: 'layout-break-joined', severity: 'info', file, line: 3, action: '已接上' });
    expect(r.findings[0]?.message).toContain('在句中断开（「…习近平…精神，紧」），接续在第3行（「紧围绕“一主六双…」）');
  });

  it('chains joins over several breaks and keeps the first line as the source', () => {
    const r = repairLayout(paras('1. 甲，', '乙，', '丙。'), { file });
    expect(r.items).toEqual([{ kind: 'text', text: '1. 甲，乙，丙。', source: { file, line: 1 } }]);
    expect(r.findings.map((f) => f.line)).toEqual([3, 5]);
  });

  it('does not join after a sentence end, before a clause label, or after a part heading', () => {
    const r = repairLayout(
      paras('（二）发展目标。到2025年，形成新格局。', '展望到 2035 年，体系日趋完善。', '一、总体要求', '以习近平新时代中国特色社会主义思想', '为指导。', '二、主要行动', '(一) 残疾预防知识普及行动。', '1. 推动残疾预防知识科普和传播。遴选读物。'),
      { file },
    );
    expect(texts(r.items)).toEqual([
      '（二）发展目标。到2025年，形成新格局。',
      '展望到 2035 年，体系日趋完善。',
      '一、总体要求',
      '以习近平新时代中国特色社会主义思想为指导。',
      '二、主要行动',
      '(一) 残疾预防知识普及行动。',
      '1. 推动残疾预防知识科普和传播。遴选读物。',
    ]);
    expect(r.findings.map((f) => f.kind)).toEqual(['layout-break-joined']);
  });

  it('keeps attachment lines apart: the reference, the label and its title', () => {
    const r = repairLayout(paras('（四）加强宣传引导。…氛围。（省残联牵头…按职责分工负责）', '附件：吉林省残疾预防行动领导小组成员单位名单', '附件', '吉林省残疾预防行动领导小组成员单位名单'), { file });
    expect(r.items).toHaveLength(4);
    expect(r.findings).toEqual([]);
  });

  it('attaches an orphan responsibility parenthetical to the item before it (l.499, l.672, l.722)', () => {
    const r = repairLayout(
      paras('18. 加强气象灾害防御设施建设，', '优化灾害防御措施，提升承灾能力。', '（责任单位：省应急厅、省气象局及各市〔州〕政府、长白山管委会）', '(责任单位：省气象局)'),
      { file },
    );
    expect(texts(r.items)).toEqual(['18. 加强气象灾害防御设施建设，优化灾害防御措施，提升承灾能力。（责任单位：省应急厅、省气象局及各市〔州〕政府、长白山管委会）(责任单位：省气象局)']);
    expect(r.findings.map((f) => [f.kind, f.line])).toEqual([
      ['layout-break-joined', 3],
      ['orphan-parenthetical-attached', 5],
      ['orphan-parenthetical-attached', 7],
    ]);
  });

  it('gives a title-only item the paragraph after it (l.537/539), but not a title-only section', () => {
    const item = repairLayout(paras('5. 加强农产品和食品药品安全监管。', '聚焦突出问题，防范化解风险隐患。'), { file });
    expect(texts(item.items)).toEqual(['5. 加强农产品和食品药品安全监管。聚焦突出问题，防范化解风险隐患。']);
    expect(item.findings[0]).toMatchObject({ kind: 'item-body-joined', line: 3 });

    const section = repairLayout(paras('（二）基本原则。', '坚持尊重规律。遵循规律。'), { file });
    expect(section.items).toHaveLength(2);
    expect(section.findings).toEqual([]);
  });

  it('drops a paragraph that repeats the tail of the one before (l.798) and records it as a removal', () => {
    const tail = '健全气象标准体系。（责任单位：省司法厅、省气象局）';
    const r = repairLayout(paras('51. 加快推进气象相关立法工作，建', `立健全各地气象法规体系。${tail}`, tail, '同日', '同日'), { file });
    expect(texts(r.items)).toEqual([`51. 加快推进气象相关立法工作，建立健全各地气象法规体系。${tail}`, '同日同日']);
    expect(r.findings.map((f) => [f.kind, f.severity, f.line])).toEqual([
      ['layout-break-joined', 'info', 3],
      ['duplicate-fragment-dropped', 'warning', 5],
      ['layout-break-joined', 'info', 9],
    ]);
    expect(r.removals).toEqual([{ line: 5, text: tail, reason: 'extraction echo: repeats the end of the paragraph before' }]);
  });

  it('treats tables as barriers and honours extra block starts', () => {
    const table: BodyItem = { kind: 'table', table: { caption: null, header: [], rows: [], columns: 0, source: { file, line: 3 } } };
    const after: BodyItem = { kind: 'text', text: '为指导。', source: { file, line: 5 } };
    const withTable = repairLayout([...paras('以习近平新时代中国特色社会主义思想'), table, after], { file });
    expect(texts(withTable.items)).toEqual(['以习近平新时代中国特色社会主义思想', '<table>', '为指导。']);

    const entries = repairLayout(paras('2月1日 省委书记景俊海到省商务厅调研', '同日 省委副书记、省长韩俊主持召开会议'), { file, isBlockStart: (t) => /^(?:\d+月\d+日|同日) /.test(t) });
    expect(entries.items).toHaveLength(2);
  });
});

describe('lineBlocks', () => {
  it('groups consecutive non-blank lines, trimmed, with their line numbers', () => {
    const lines = ['', '树立项目为王', '环境为要 ', '', '', '招商引资。', ''].map((text, i) => ({ line: i + 1, text }));
    expect(lineBlocks(lines)).toEqual([
      [
        { line: 2, text: '树立项目为王' },
        { line: 3, text: '环境为要' },
      ],
      [{ line: 6, text: '招商引资。' }],
    ]);
  });
});

// Issue 20: a running head left inside a page break was published into 001 l.237 as
// 「提升计量执法装吉林省人民政府公报　2023年第4期备水平」; page furniture is removed with its reason.
describe('page furniture at a page break', () => {
  it('removes a running head between the halves of a paragraph, which then join', () => {
    const r = repairLayout(paras('加强计量执法队伍建设，提升计量执法装', '吉林省人民政府公报　2023年第4期', '备水平。'), { file });
    expect(texts(r.items)).toEqual(['加强计量执法队伍建设，提升计量执法装备水平。']);
    expect(r.removals).toEqual([{ line: 3, text: '吉林省人民政府公报　2023年第4期', reason: 'running head at a page break (page furniture)' }]);
    expect(r.findings.map((f) => [f.kind, f.severity, f.line])).toEqual([
      ['page-furniture-removed', 'info', 3],
      ['layout-break-joined', 'info', 5],
    ]);
  });

  it('removes page numbers 「12」「— 12 —」「第12页」, and keeps a paragraph that only mentions the gazette', () => {
    for (const n of ['12', '— 12 —', '第12页']) {
      const r = repairLayout(paras('提升计量执法装', n, '备水平。'), { file });
      expect(texts(r.items), n).toEqual(['提升计量执法装备水平。']);
      expect(r.removals.map((x) => x.reason)).toEqual(['page number at a page break (page furniture)']);
    }
    const kept = repairLayout(paras('刊登在吉林省人民政府公报　2023年第4期上。'), { file });
    expect(kept.removals).toEqual([]);
  });
});
