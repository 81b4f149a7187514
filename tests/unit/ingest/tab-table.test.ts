import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Line, splitLines } from '../../../src/ingest/text/lines.ts';
import { isTabRow, isTitleRow, parseTabTable, readColumnMajor } from '../../../src/ingest/structure/tab-table.ts';

const DUMP = 'content/sources/001_2dbcd8b680e63142.txt';
const RECORDS = 'content/sources/000_0e00a8da3e3bc271.txt';
const dump = splitLines(readFileSync(DUMP, 'utf8'));
/** Non-blank lines from..to (1-based, inclusive) of the dump. */
const rows = (from: number, to: number): Line[] => dump.slice(from - 1, to).filter((l) => l.text.trim() !== '');
const texts = (cells: { text: string }[]): string[] => cells.map((c) => c.text);

describe('isTabRow / isTitleRow', () => {
  it('recognise TAB rows and a title row with only its first cell filled', () => {
    expect(isTabRow('领域\t序号')).toBe(true);
    expect(isTabRow('残疾预防主要指标')).toBe(false);
    expect(isTitleRow('计量发展主要指标\t\t\t\t\t')).toBe(true);
    expect(isTitleRow('\t计算方法：…\t')).toBe(false);
    expect(isTitleRow('计量发展主要指标')).toBe(false);
  });
});

describe('计量发展主要指标 (001 l.162–169)', () => {
  const { table, findings, removals } = parseTabTable(rows(162, 169), { file: DUMP });

  it('takes the title row as caption and reads a 6-column header without layout spaces', () => {
    expect(table.caption).toBe('计量发展主要指标');
    expect(table.columns).toBe(6);
    expect(table.header).toHaveLength(1);
    expect(texts(table.header[0]!.cells)).toEqual(['领域', '序号', '指标', '2020年', '2025年', '属性']);
    expect(table.header[0]!.cells.every((c) => c.header === true)).toBe(true);
    expect(table.source).toEqual({ file: DUMP, line: 162 });
    expect(removals).toEqual([]);
  });

  it('reads 领域 literally as rowspans: 科学技术 [1], 支撑保障 [2–3], 法制监督 [4–6]', () => {
    expect(table.rows).toHaveLength(6);
    expect(table.rows.map((r) => r.source.line)).toEqual([164, 165, 166, 167, 168, 169]);
    expect(table.rows.every((r) => r.kind === 'data')).toBe(true);
    const first = table.rows.map((r) => r.cells[0]!);
    expect([first[0], first[1], first[3]].map((c) => [c?.text, c?.rowspan])).toEqual([
      ['科学技术', 1],
      ['支撑保障', 2],
      ['法制监督', 3],
    ]);
    expect(texts(table.rows[0]!.cells)).toEqual(['科学技术', '1', '社会公用计量标准（项）', '1290', '1450', '预期性']);
    // Rows under a merged cell omit it (HTML rowspan semantics).
    expect(texts(table.rows[2]!.cells)).toEqual(['3', '国家级和省级产业计量测试中心（个）', '1', '5', '预期性']);
    expect(texts(table.rows[5]!.cells)).toEqual(['6', '强检项目省级及以下建标覆盖率（%）', '78%', '90%', '预期性']);
  });

  it('reports, without guessing, that 科学技术支撑保障 may be one wrapped cell', () => {
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'table-grouping-ambiguous', severity: 'warning', file: DUMP, line: 164, action: '照印刷分作两格' });
    expect(findings[0]?.message).toContain('折行的一个格子「科学技术支撑保障」，共3行');
  });
});

describe('残疾预防主要指标 (001 l.431–487, three page fragments)', () => {
  const caption = dump[430]!;
  const { table, findings, removals } = parseTabTable(rows(433, 487), { file: DUMP, caption });
  const data = table.rows.filter((r) => r.kind === 'data');
  const notes = table.rows.filter((r) => r.kind === 'note');

  it('merges the fragments and drops the repeated header rows (l.457, l.483) into removals', () => {
    expect(table.caption).toBe('残疾预防主要指标');
    expect(table.source.line).toBe(431);
    expect(table.columns).toBe(3);
    expect(texts(table.header[0]!.cells)).toEqual(['领域', '主要指标及计算方法', '2025年']);
    expect(removals).toEqual([
      { line: 457, text: '领域\t主要指标及计算方法\t2025 年', reason: 'table header repeated after a page break' },
      { line: 483, text: '领域\t主要指标及计算方法\t2025 年', reason: 'table header repeated after a page break' },
      // 「疾病致残防控行动」 printed again on l.450 and l.452: published once, as the merged cell.
      { line: 450, text: '疾病致残防控行动', reason: 'label printed again in a grouping column: published once, as the merged cell' },
      { line: 452, text: '疾病致残防控行动', reason: 'label printed again in a grouping column: published once, as the merged cell' },
    ]);
    expect(findings.filter((f) => f.kind === 'table-header-repeated').map((f) => f.line)).toEqual([457, 483]);
  });

  it('has 25 indicator rows, each followed by its 计算方法/说明 note row (50 rows)', () => {
    expect(table.rows).toHaveLength(50);
    expect(data).toHaveLength(25);
    expect(notes).toHaveLength(25);
    expect(table.rows.map((r) => r.kind)).toEqual(Array.from({ length: 25 }, () => ['data', 'note']).flat());
    expect(notes.filter((r) => r.cells[0]!.text.startsWith('说明：')).map((r) => r.source.line)).toEqual([465, 477]);
    // The note spans the indicator and value columns; the 领域 cell above covers it.
    expect(notes[0]!.cells).toEqual([
      { text: '计算方法：重点人群残疾预防核心知识知晓情况调查中，调查对象能正确回答超过80%题目的人数/调查对象数×100%。', rowspan: 1, colspan: 2 },
    ]);
    expect(texts(data[0]!.cells)).toEqual(['残疾预防知识普及行动', '重点人群残疾预防知识普及率', '>80%']);
  });

  it('repairs the shifted rows l.480–481 and reports them', () => {
    const shifted = findings.filter((f) => f.kind === 'table-cell-shifted');
    expect(shifted.map((f) => [f.line, f.severity, f.action])).toEqual([
      [480, 'warning', '各格右移1列'],
      [481, 'warning', '各格右移1列'],
    ]);
    const row480 = table.rows.find((r) => r.source.line === 480)!;
    expect(texts(row480.cells)).toEqual(['残疾人基本康复服务覆盖率', '>85%']);
    const row481 = table.rows.find((r) => r.source.line === 481)!;
    expect(row481.kind).toBe('note');
    expect(row481.cells[0]).toMatchObject({ colspan: 2 });
    expect(row481.cells[0]!.text).toMatch(/^计算方法：得到基本康复服务/);
  });

  it('normalises wrapped labels and values and groups 领域 as rowspans across fragments', () => {
    const groups = table.rows.filter((r) => r.cells.length === 3 || (r.kind === 'note' && r.cells.length === 2)).map((r) => [r.cells[0]!.text, r.cells[0]!.rowspan, r.source.line]);
    expect(groups).toEqual([
      ['残疾预防知识普及行动', 2, 434],
      ['出生缺陷和发育障碍致残防控行动', 10, 436],
      // Printed on l.446, l.450 and l.452 (rows of 4, 2 and 14): equal labels in adjacent rows are one cell.
      ['疾病致残防控行动', 20, 446],
      ['伤害致残防控行动', 4, 468],
      ['康复服务促进行动', 14, 472],
    ]);
    const row468 = table.rows.find((r) => r.source.line === 468)!;
    expect(texts(row468.cells)).toEqual(['伤害致残防控行动', '生产安全事故发生起数', '比2020年下降10%以上']);
    expect(texts(table.rows.find((r) => r.source.line === 472)!.cells)).toEqual(['康复服务促进行动', '每10万人口康复医师人数', '力争达到8人']);
  });

  it('reports the 疾病致残防控行动 grouping on 新生儿听力筛查率 as ambiguous instead of guessing', () => {
    const doubts = findings.filter((f) => f.kind === 'table-grouping-ambiguous');
    expect(doubts).toHaveLength(1);
    expect(doubts[0]).toMatchObject({ line: 446, severity: 'warning', action: '合为一个格子，共20行；这一组从哪里开始只作报告，不作猜测' });
    expect(doubts[0]?.message).toContain('（第446行、第450行、第452行）');
    expect(doubts[0]?.message).toContain('「新生儿听力筛查率」');
    expect(doubts[0]?.message).toContain('「出生缺陷和发育障碍致残防控行动」');
  });
});

describe('parseTabTable on small tables', () => {
  const file = 'x.txt';
  const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ line: i + 1, text }));

  it('leaves a table without empty leading cells ungrouped and unshifted', () => {
    const { table, findings } = parseTabTable(lines('项目\t数值', '甲\t1', '乙\t'), { file });
    expect(table.rows.map((r) => texts(r.cells))).toEqual([
      ['甲', '1'],
      ['乙', ''],
    ]);
    expect(findings).toEqual([]);
  });

  it('needs a header row', () => {
    expect(() => parseTabTable(lines('标题\t\t'), { file })).toThrow(/^x\.txt 第1行：TAB 表格缺少表头行$/);
  });
});

describe('readColumnMajor', () => {
  it('reads the 2-column member list (001 l.577–585) down the columns, in the order of 000 l.110–127', () => {
    const list = readColumnMajor(rows(577, 585));
    expect(list.map((l) => l.text)).toEqual([
      '省委宣传部',
      '省发展改革委',
      '省教育厅',
      '省科技厅',
      '省公安厅',
      '省民政厅',
      '省财政厅',
      '省人力资源社会保障厅',
      '省生态环境厅',
      '省住房和城乡建设厅',
      '省交通运输厅',
      '省卫生健康委',
      '省应急厅',
      '省市场监管厅',
      '省体育局',
      '省医保局',
      '省妇联',
      '省残联',
    ]);
    expect(list.map((l) => l.line)).toEqual([577, 578, 579, 580, 581, 582, 583, 584, 585, 577, 578, 579, 580, 581, 582, 583, 584, 585]);
    // 000 prints one unit per line; the only difference is its 省住房城乡建设厅.
    const records = splitLines(readFileSync(RECORDS, 'utf8')).slice(109, 127).map((l) => l.text);
    expect(list.map((l) => l.text.replace('住房和城乡', '住房城乡'))).toEqual(records);
  });
});
