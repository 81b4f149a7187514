import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, ClauseBlock, SourceRef } from '../../../src/gazette/model.ts';
import { buildBody, parseClauseLabel, type BodyItem } from '../../../src/ingest/structure/clauses.ts';
import { flattenClauses } from '../../../src/gazette/blocks.ts';

const F000 = 'content/sources/000_0e00a8da3e3bc271.txt';
const F001 = 'content/sources/001_2dbcd8b680e63142.txt';
const F003 = 'content/sources/003_49b82304a1133bd7.txt';
const F004 = 'content/sources/004_e163b0431eceb10c.txt';
const files = new Map<string, string[]>();
const lines = (file: string): string[] => {
  let l = files.get(file);
  if (!l) files.set(file, (l = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8').split('\n')));
  return l;
};
/** 1-based line of the source file. */
const line = (file: string, n: number): string => lines(file)[n - 1] ?? '';
/** 003 wraps paragraphs in <p> with a U+3000 indent; 004 has NBSP-only separator lines. */
const clean = (s: string): string => s.replace(/<[^>]+>/g, '').replace(/[\u3000\u00A0]/g, '').trim();
/** Starts a new printed paragraph in the test inputs (independent of the parser under test). */
const LOOKS_LIKE_LABEL = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．]|——)/;

/**
 * Body items from a line range. In 001 (the PDF dump) a paragraph broken by a page/column break continues
 * on the next non-blank line, so lines that do not start a clause are joined to the previous one unless
 * listed in `paragraphs` (a stand-in for the layout-repair stage). Other files have one paragraph per line.
 */
function items(
  file: string,
  from: number,
  to: number,
  o: { joinBreaks?: boolean; paragraphs?: number[]; tables?: Array<[number, number]>; omitted?: number[] } = {},
): BodyItem[] {
  const out: BodyItem[] = [];
  for (let n = from; n <= to; n++) {
    const source: SourceRef = { file, line: n };
    const table = o.tables?.find(([a]) => a === n);
    if (table) {
      out.push({ kind: 'table', table: { caption: line(file, n).trim(), header: [], rows: [], columns: 0, source } });
      n = table[1];
      continue;
    }
    const text = clean(line(file, n));
    if (text === '') continue;
    if (o.omitted?.includes(n)) {
      out.push({ kind: 'omitted', text, source });
      continue;
    }
    const previous = out[out.length - 1];
    if (o.joinBreaks && previous?.kind === 'text' && !LOOKS_LIKE_LABEL.test(text) && !o.paragraphs?.includes(n)) {
      previous.text += text;
      continue;
    }
    out.push({ kind: 'text', text, source });
  }
  return out;
}

const src = (n: number, file = 'f.txt'): SourceRef => ({ file, line: n });
const texts = (...t: string[]): BodyItem[] => t.map((text, i) => ({ kind: 'text', text, source: src(i + 1) }));
const ids = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => [b.id, ...(b.type === 'clause' ? ids(b.children) : [])]);
const findClause = (blocks: Block[], id: string): ClauseBlock | undefined => {
  for (const b of blocks) {
    if (b.type !== 'clause') continue;
    const found = b.id === id ? b : findClause(b.children, id);
    if (found) return found;
  }
  return undefined;
};
const clause = (blocks: Block[], id: string): ClauseBlock => {
  const found = findClause(blocks, id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
};

describe('parseClauseLabel', () => {
  it.each([
    [line(F001, 150), '一、', 'part', 1, '总体要求'],
    [line(F004, 79), '十一、', 'part', 11, '广泛凝聚力量,为实现“十四五”规划目标而奋斗'],
    ['一、　总体要求', '一、', 'part', 1, '总体要求'],
    ['二十、任务', '二十、', 'part', 20, '任务'],
    ['（一）指导思想。', '（一）', 'section', 1, '指导思想。'],
    [line(F000, 14), '(二)', 'section', 2, '基本原则。'],
    ['(二十一) 健全计量法规体系。', '(二十一)', 'section', 21, '健全计量法规体系。'],
    ['（三十一）狠抓工作落实。', '（三十一）', 'section', 31, '狠抓工作落实。'],
    ['（一)混合括号', '（一)', 'section', 1, '混合括号'],
    ['(一）混合括号', '(一）', 'section', 1, '混合括号'],
    ['1. 提高科技企业质量。', '1.', 'item', 1, '提高科技企业质量。'],
    ['1.提高科技企业质量。', '1.', 'item', 1, '提高科技企业质量。'],
    ['10. 建设新型人才平台。', '10.', 'item', 10, '建设新型人才平台。'],
    ['1．统筹战略性科技团队。', '1．', 'item', 1, '统筹战略性科技团队。'],
    ['１．全角数字', '１．', 'item', 1, '全角数字'],
    ['1、顿号', '1、', 'item', 1, '顿号'],
    ['1. 5G基站建设', '1.', 'item', 1, '5G基站建设'],
    ['（1）加强监测', '（1）', 'subitem', 1, '加强监测'],
    ['(12) 做好', '(12)', 'subitem', 12, '做好'],
    [line(F001, 846), '①', 'circled', 1, line(F001, 846).slice(1)],
    ['⑳末项', '⑳', 'circled', 20, '末项'],
    ['——坚持尊重规律。', '——', 'dash', 0, '坚持尊重规律。'],
    ['—— 坚持', '——', 'dash', 0, '坚持'],
    ['――坚持', '――', 'dash', 0, '坚持'],
    ['──坚持', '──', 'dash', 0, '坚持'],
    ['\u3000\u3000（一）建设意义。', '（一）', 'section', 1, '建设意义。'],
  ])('reads %s', (text, label, level, number, rest) => {
    expect(parseClauseLabel(text)).toEqual({ label, level, number, rest });
  });

  it.each([
    ['2023年全省…', 'a year'],
    ['2020 年', 'a spaced year'],
    ['1.5万家企业', 'a decimal'],
    ['3.3%', 'a percentage'],
    ['2022.8.12 印发', 'a dotted date'],
    ['1234. 四位数', 'four digits is no item number'],
    [line(F001, 45), '卷首语 一要'],
    [line(F001, 47), '卷首语 二要'],
    ['一是加强领导', '一是'],
    ['一方面', '一方面'],
    ['一批科技企业', '一批'],
    ['一流大学', '一流'],
    ['十四五时期', '十四五'],
    ['一、二类医疗器械', '一、 enumerating numerals'],
    ['一、二、三级医院', '一、二、 enumeration'],
    ['三、四档', '三、 before 四档'],
    ['一、', 'a label without text'],
    ['（一）', 'a label without text'],
    ['1. ', 'a label without text'],
    ['——', 'a dash without text'],
    ['—坚持', 'a single dash'],
    ['———坚持', 'three dashes'],
    ['--坚持', 'ASCII hyphens'],
    ['—―坚持', 'two different dash glyphs'],
    ['（2021—2035年）', 'a year range in brackets'],
    ['(略)', 'an omission note'],
    ['（十四五）', 'not a number'],
    ['〇、零', 'zero'],
    ['0. 零', 'zero'],
    ['(0) 零', 'zero'],
    ['一百五、', 'an ambiguous numeral'],
    ['第一、', 'an ordinal'],
    ['ISSN1009-1818', 'Latin'],
    ['', 'empty'],
  ])('rejects %s (%s)', (text) => {
    expect(parseClauseLabel(text)).toBeNull();
  });
});

describe('buildBody on D2 (001 l.274–404): dash items, items under sections and directly under a part', () => {
  const { blocks, findings } = buildBody(items(F001, 274, 404, { joinBreaks: true }));
  const flat = flattenClauses(blocks);

  it('builds the whole tree with hierarchical ids, printed labels, titles and parents', () => {
    expect(flat.map((c) => [c.id, c.label, c.title, c.parent])).toEqual([
      ['p1', '一、', '总体要求', null],
      ['p1-s1', '（一）', '指导思想。', 'p1'],
      ['p1-s2', '（二）', '基本原则。', 'p1'],
      ['p1-s2-d1', '——', null, 'p1-s2'],
      ['p1-s2-d2', '——', null, 'p1-s2'],
      ['p1-s2-d3', '——', null, 'p1-s2'],
      ['p1-s2-d4', '——', null, 'p1-s2'],
      ['p1-s3', '（三）', '主要目标。', 'p1'],
      ['p1-s3-d1', '——', null, 'p1-s3'],
      ['p1-s3-d2', '——', null, 'p1-s3'],
      ['p1-s3-d3', '——', null, 'p1-s3'],
      ['p1-s3-d4', '——', null, 'p1-s3'],
      ['p1-s3-d5', '——', null, 'p1-s3'],
      ['p2', '二、', '重点任务', null],
      ['p2-s1', '(一)', '培育优良科技企业生态。', 'p2'],
      ['p2-s1-i1', '1.', '提高科技企业质量。', 'p2-s1'],
      ['p2-s1-i2', '2.', '支持企业集群发展。', 'p2-s1'],
      ['p2-s1-i3', '3.', '降低企业创新成本。', 'p2-s1'],
      ['p2-s1-i4', '4.', '分担企业创新风险。', 'p2-s1'],
      ['p2-s1-i5', '5.', '开展企业试点示范。', 'p2-s1'],
      ['p2-s2', '（二）', '营造优良科技人才生态。', 'p2'],
      ['p2-s2-i6', '6.', '推进人才政策创新。', 'p2-s2'],
      ['p2-s2-i7', '7.', '完善人才减负机制。', 'p2-s2'],
      ['p2-s2-i8', '8.', '深化人才评价改革。', 'p2-s2'],
      ['p2-s2-i9', '9.', '打造新型人才团队。', 'p2-s2'],
      ['p2-s2-i10', '10.', '建设新型人才平台。', 'p2-s2'],
      ['p2-s3', '(三)', '发展优良科技要素生态。', 'p2'],
      ['p2-s3-i11', '11.', '突显关键技术要素。', 'p2-s3'],
      ['p2-s3-i12', '12.', '整合创新平台要素。', 'p2-s3'],
      ['p2-s3-i13', '13.', '汇聚成果转化要素。', 'p2-s3'],
      ['p2-s3-i14', '14.', '强化开放合作要素。', 'p2-s3'],
      ['p2-s3-i15', '15.', '畅联资源共享要素。', 'p2-s3'],
      ['p2-s4', '（四）', '构建优良科技服务生态。', 'p2'],
      ['p2-s4-i16', '16.', '夯实科技服务体系。', 'p2-s4'],
      ['p2-s4-i17', '17.', '加强知识产权服务。', 'p2-s4'],
      ['p2-s4-i18', '18.', '拓宽科技金融服务。', 'p2-s4'],
      ['p2-s4-i19', '19.', '完善“双创”服务体系。', 'p2-s4'],
      ['p2-s5', '(五)', '涵养优良科技文化生态。', 'p2'],
      ['p2-s5-i20', '20.', '弘扬新时代的科技创新文化。', 'p2-s5'],
      ['p2-s5-i21', '21.', '丰富科技创新文化普及形式。', 'p2-s5'],
      ['p2-s5-i22', '22.', '健全科技创新文化保障机制。', 'p2-s5'],
      ['p3', '三、', '组织保障', null],
      ['p3-i23', '23.', '加强组织领导，强化制度保障。', 'p3'],
      ['p3-i24', '24.', '落实责任分工, 强化协同联动。', 'p3'],
      ['p3-i25', '25.', '开展试点示范, 强化典型引领。', 'p3'],
      ['p3-i26', '26.', '推进监督评估, 强化任务落实。', 'p3'],
    ]);
  });

  it('keeps the preamble top-level and reports nothing (run-on 1–26, 23 under 三、 continues 22)', () => {
    expect(blocks.map((b) => [b.type, b.id])).toEqual([
      ['paragraph', 'para1'],
      ['clause', 'p1'],
      ['clause', 'p2'],
      ['clause', 'p3'],
    ]);
    expect(blocks[0]?.type === 'paragraph' && blocks[0].text.startsWith('为贯彻落实《中共吉林省委 吉林省人民政府关于创新型省份建设的意见》')).toBe(true);
    expect(findings).toEqual([]);
  });

  it('stores level, number, source line and the text after the label (title included)', () => {
    const d1 = clause(blocks, 'p1-s2-d1');
    expect([d1.level, d1.number, d1.source]).toEqual(['dash', 0, { file: F001, line: 286 }]);
    expect(d1.text.startsWith('坚持尊重规律。遵循科技创新内在规律')).toBe(true);
    const i1 = clause(blocks, 'p2-s1-i1');
    expect([i1.level, i1.number, i1.source.line, i1.children]).toEqual(['item', 1, 314, []]);
    expect(i1.text.startsWith('提高科技企业质量。坚持高新技术企业认定标准')).toBe(true);
    const s1 = clause(blocks, 'p2-s1');
    expect([s1.label, s1.level, s1.number]).toEqual(['(一)', 'section', 1]);
    expect(clause(blocks, 'p3-i23').text.startsWith('加强组织领导，强化制度保障。坚持省科技领导小组')).toBe(true);
  });

  it('gives a title-only section with dash children its sentence as title and text', () => {
    const s2 = clause(blocks, 'p1-s2');
    expect([s2.title, s2.text, s2.children.map((c) => c.id)]).toEqual([
      '基本原则。',
      '基本原则。',
      ['p1-s2-d1', 'p1-s2-d2', 'p1-s2-d3', 'p1-s2-d4'],
    ]);
  });

  it('produces the same ids from the 000 copy (no spaces after labels, half-width brackets)', () => {
    const copy = flattenClauses(buildBody(items(F000, 11, 57)).blocks);
    expect(copy.map((c) => c.id)).toEqual(flat.map((c) => c.id));
    expect(copy.map((c) => c.title)).toEqual(flat.map((c) => c.title?.replace('，', ',').replace(', ', ',') ?? null));
  });
});

describe('buildBody on D1 (001 l.148–257): sections run on across parts, a paragraph and a table under （二）', () => {
  const { blocks, findings } = buildBody(items(F001, 148, 257, { joinBreaks: true, paragraphs: [160], tables: [[162, 169]] }));
  const flat = flattenClauses(blocks);

  it('numbers sections by their printed number, not per part', () => {
    expect(flat.filter((c) => c.level === 'section').map((c) => c.id)).toEqual([
      'p1-s1', 'p1-s2',
      ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `p2-s${n}`),
      ...[13, 14, 15, 16, 17, 18, 19, 20].map((n) => `p3-s${n}`),
      ...[21, 22, 23, 24, 25, 26].map((n) => `p4-s${n}`),
      ...[27, 28, 29, 30, 31].map((n) => `p5-s${n}`),
    ]);
    expect(findings).toEqual([]);
  });

  it('puts the paragraph and the table into （二） with positional ids', () => {
    const s2 = clause(blocks, 'p1-s2');
    expect(s2.children.map((c) => [c.type, c.id, c.source.line])).toEqual([
      ['paragraph', 'p1-s2-para1', 160],
      ['table', 'p1-s2-t1', 162],
    ]);
    const table = s2.children[1];
    expect(table?.type === 'table' && [table.table.id, table.table.caption]).toEqual(['p1-s2-t1', '计量发展主要指标']);
  });

  it('reads the half-width spaced labels of 四、 as sections 21–26', () => {
    const s21 = clause(blocks, 'p4-s21');
    expect([s21.label, s21.number, s21.title, s21.source.line]).toEqual(['(二十一)', 21, '健全计量法规体系。', 227]);
    expect(s21.text.startsWith('健全计量法规体系。贯彻落实')).toBe(true);
  });

  it('takes a comma part heading whole: 二、加强计量能力建设，夯实计量技术基础', () => {
    expect(clause(blocks, 'p2').title).toBe('加强计量能力建设，夯实计量技术基础');
  });

  it('merges the paragraph into the flat clause text but leaves the table out', () => {
    const s2 = flat.find((c) => c.id === 'p1-s2');
    expect(s2?.text.split('\n').map((t) => t.slice(0, 8))).toEqual(['发展目标。到20', '展望到 2035']);
  });
});

describe('buildBody on D3 (001 l.419–569): numbering restarts under every section and part', () => {
  const { blocks, findings } = buildBody(
    items(F001, 419, 569, { joinBreaks: true, paragraphs: [423, 427], tables: [[431, 487]] }),
  );
  const all = ids(blocks);

  it('builds hierarchical ids so repeated numbers stay unique', () => {
    expect(all).toEqual([
      'para1',
      'p1', 'p1-para1', 'p1-para2', 'p1-t1',
      'p2',
      'p2-s1', 'p2-s1-i1', 'p2-s1-i2', 'p2-s1-i3',
      'p2-s2', 'p2-s2-i1', 'p2-s2-i2', 'p2-s2-i3',
      'p2-s3', 'p2-s3-i1', 'p2-s3-i2', 'p2-s3-i3', 'p2-s3-i4',
      'p2-s4', 'p2-s4-i1', 'p2-s4-i2', 'p2-s4-i3', 'p2-s4-i4', 'p2-s4-i5', 'p2-s4-i6',
      'p2-s5', 'p2-s5-i1', 'p2-s5-i2', 'p2-s5-i3', 'p2-s5-i4',
      'p3', 'p3-s1', 'p3-s2', 'p3-s3', 'p3-s4',
    ]);
    expect(new Set(all).size).toBe(all.length);
    expect(findings).toEqual([]);
  });

  it('titles the item whose title paragraph (l.537) was joined to its body (l.539)', () => {
    const i5 = clause(blocks, 'p2-s4-i5');
    expect([i5.title, i5.source.line]).toEqual(['加强农产品和食品药品安全监管。', 537]);
    expect(i5.text.startsWith('加强农产品和食品药品安全监管。聚焦突出问题')).toBe(true);
  });

  it('titles the part 一、总体要求 although paragraphs and a table follow', () => {
    expect(clause(blocks, 'p1').title).toBe('总体要求');
  });
});

describe('buildBody on the 000 copy of D3 (l.71–106): the omitted table note', () => {
  const { blocks } = buildBody(items(F000, 71, 106, { omitted: [75] }));

  it('puts 残疾预防主要指标(略) into 一、 as omit1', () => {
    expect(clause(blocks, 'p1').children.map((c) => [c.type, c.id])).toEqual([
      ['paragraph', 'p1-para1'],
      ['paragraph', 'p1-para2'],
      ['omitted', 'p1-omit1'],
    ]);
    const om = clause(blocks, 'p1').children[2];
    expect(om?.type === 'omitted' && [om.text, om.source.line]).toEqual(['残疾预防主要指标(略)', 75]);
  });

  it('carries the omitted note into the flat clause text', () => {
    expect(flattenClauses(blocks)[0]?.text.split('\n').at(-1)).toBe('残疾预防主要指标(略)');
  });
});

describe('buildBody on D4 (001 l.600–798): items without headings', () => {
  const { blocks, findings } = buildBody(items(F001, 600, 798, { joinBreaks: true }));
  const flat = flattenClauses(blocks);

  it('numbers 51 items continuously inside 25 sections and 8 parts', () => {
    expect(flat.filter((c) => c.level === 'part').length).toBe(8);
    expect(flat.filter((c) => c.level === 'section').length).toBe(25);
    expect(flat.filter((c) => c.level === 'item').map((c) => c.id.split('-').at(-1))).toEqual(
      Array.from({ length: 51 }, (_, i) => `i${i + 1}`),
    );
    expect(flat.find((c) => c.label === '18.')?.id).toBe('p3-s9-i18');
    expect(findings).toEqual([]);
  });

  it('gives sections titles and items none, even the items whose first sentence is short', () => {
    expect(flat.filter((c) => c.level === 'section').every((c) => c.title !== null && c.title === c.text)).toBe(true);
    expect(flat.filter((c) => c.level === 'item').map((c) => c.title)).toEqual(Array.from({ length: 51 }, () => null));
    expect(clause(blocks, 'p2-s4-i7').text.startsWith('健全气象雷达和卫星遥感综合应用体系。弥补')).toBe(true);
  });

  it('files the unnumbered last clause of the 000 copy (l.226, 51. missing) under （二十五）', () => {
    const copy = buildBody(items(F000, 142, 226)).blocks;
    expect(clause(copy, 'p8-s25').children.map((c) => [c.type, c.id, c.source.line])).toEqual([['paragraph', 'p8-s25-para1', 226]]);
  });
});

describe('buildBody on D7 (003): unnumbered principle paragraphs, full-width dots, restarts', () => {
  const { blocks, findings } = buildBody(items(F003, 18, 73));
  const flat = flattenClauses(blocks);

  it('attaches the unnumbered principles to （三）基本原则 and the targets to （四）', () => {
    expect(clause(blocks, 'p1-s3').children.map((c) => c.id)).toEqual([
      'p1-s3-para1', 'p1-s3-para2', 'p1-s3-para3', 'p1-s3-para4', 'p1-s3-para5',
    ]);
    expect(clause(blocks, 'p1-s3').title).toBe('基本原则');
    expect(clause(blocks, 'p1-s4').children.map((c) => c.id)).toEqual(['p1-s4-para1', 'p1-s4-para2']);
    expect(findings).toEqual([]);
  });

  it('restarts 1． in every section of 二、 and reads the titles with a comma', () => {
    expect(flat.filter((c) => c.parent === 'p2-s5').map((c) => [c.id, c.label, c.title])).toEqual([
      ['p2-s5-i1', '1．', '建设长春区域创新中心。'],
      ['p2-s5-i2', '2．', '打造长吉图创新隆起带。'],
      ['p2-s5-i3', '3．', '构建市（州）县域创新协同网络。'],
      ['p2-s5-i4', '4．', '推进高新区高质量发展。'],
    ]);
    expect(clause(blocks, 'p2-s1').title).toBe('统筹科技力量，加快形成科技创新能力整体提升新格局。');
    expect(flat.filter((c) => c.level === 'section').map((c) => c.id)).toEqual([
      'p1-s1', 'p1-s2', 'p1-s3', 'p1-s4',
      'p2-s1', 'p2-s2', 'p2-s3', 'p2-s4', 'p2-s5', 'p2-s6', 'p2-s7', 'p2-s8',
      'p3-s1', 'p3-s2', 'p3-s3', 'p3-s4', 'p3-s5', 'p3-s6', 'p3-s7', 'p3-s8',
    ]);
  });

  it('flattens the principles into the clause text, one per line', () => {
    const s3 = flat.find((c) => c.id === 'p1-s3');
    expect(s3?.text.split('\n').map((t) => t.slice(0, 9))).toEqual([
      '基本原则',
      '坚持服务高质量发展',
      '坚持服务“五大安全',
      '坚持深化改革先行。',
      '坚持政府市场协同。',
      '坚持引领全面振兴。',
    ]);
  });
});

describe('buildBody on D8 (004 l.13–91): an excerpt with gaps', () => {
  const { blocks, findings } = buildBody(items(F004, 13, 91));

  it('reports every gap as info, with file, line and clause', () => {
    expect(findings.map((f) => [f.kind, f.severity, f.file, f.line, f.clause])).toEqual([
      ['number-gap', 'info', F004, 17, 'p2'],
      ['number-gap', 'info', F004, 19, 'p2-i5'],
      ['number-gap', 'info', F004, 37, 'p3-i11'],
      ['number-gap', 'info', F004, 43, 'p8'],
      ['number-gap', 'info', F004, 45, 'p8-i33'],
      ['number-gap', 'info', F004, 53, 'p9-i40'],
      ['number-gap', 'info', F004, 61, 'p9-i43'],
      ['number-gap', 'info', F004, 69, 'p10-i46'],
    ]);
    expect(findings[4]?.message).toBe('「33.」 comes where number 1 or 12 was expected; excerpts and omissions do this.');
    expect(findings[4]?.action).toBe('reported only');
  });

  it('keeps printed numbers in ids and titles title-only items that head a body paragraph', () => {
    const i6 = clause(blocks, 'p2-i6');
    expect([i6.title, i6.text, i6.children.map((c) => c.id)]).toEqual(['激发人才创新活力。', '激发人才创新活力。', ['p2-i6-para1']]);
    expect(clause(blocks, 'p2-i5').title).toBe('着力提升创新能力。');
    expect(blocks.filter((b) => b.type !== 'clause').map((b) => b.id)).toEqual(['para1', 'para2']);
    expect(blocks.filter((b) => b.type === 'clause').map((b) => b.id)).toEqual(['p2', 'p3', 'p8', 'p9', 'p10', 'p11']);
  });
});

describe('buildBody on text that only looks numbered', () => {
  it('leaves the 卷首语 一要/二要/三要 paragraphs (001 l.43–49) as top-level paragraphs', () => {
    const { blocks, findings } = buildBody(items(F001, 43, 49));
    expect(blocks.map((b) => [b.type, b.id])).toEqual([
      ['paragraph', 'para1'],
      ['paragraph', 'para2'],
      ['paragraph', 'para3'],
      ['paragraph', 'para4'],
    ]);
    expect(findings).toEqual([]);
  });

  it('reads the photo captions ①–⑦ (001 l.846–858) as circled clauses', () => {
    const { blocks } = buildBody(items(F001, 846, 858));
    expect(flattenClauses(blocks).map((c) => [c.id, c.label, c.title])).toEqual(
      [...'①②③④⑤⑥⑦'].map((label, i) => [`c${i + 1}`, label, null]),
    );
  });
});

describe('buildBody nesting rules', () => {
  it('nests by printed level: （1） under 1., ① under （1）, and closes them in GB/T order', () => {
    const { blocks } = buildBody(texts('1. 甲', '（1）乙', '①丙', '②丁', '（2）戊', '2. 己'));
    expect(ids(blocks)).toEqual(['i1', 'i1-n1', 'i1-n1-c1', 'i1-n1-c2', 'i1-n2', 'i2']);
  });

  it('lets a document skip a level: 一、 then 1. is p1-i1, and a later （一） reopens the section level', () => {
    const { blocks, findings } = buildBody(texts('一、甲', '1. 乙', '2. 丙', '（一）丁', '1. 戊', '二、己', '（二）庚'));
    expect(ids(blocks)).toEqual(['p1', 'p1-i1', 'p1-i2', 'p1-s1', 'p1-s1-i1', 'p2', 'p2-s2']);
    expect(findings).toEqual([]);
  });

  it('numbers dash items per parent, closes a dash item at the next one, and nests dashes under items', () => {
    const { blocks } = buildBody(texts('一、甲', '（二）乙', '——丙', '——丁', '1. 戊', '——己', '——庚', '（三）辛', '——壬'));
    expect(ids(blocks)).toEqual(['p1', 'p1-s2', 'p1-s2-d1', 'p1-s2-d2', 'p1-s2-i1', 'p1-s2-i1-d1', 'p1-s2-i1-d2', 'p1-s3', 'p1-s3-d1']);
  });

  it('gives dash items without a numbered parent top-level ids; a following table goes into the open dash item', () => {
    const table: BodyItem = { kind: 'table', table: { caption: null, header: [], rows: [], columns: 2, source: src(9) } };
    const { blocks } = buildBody([...texts('——甲', '——乙'), table]);
    expect(ids(blocks)).toEqual(['d1', 'd2', 'd2-t1']);
    const { blocks: tableFirst } = buildBody([table, ...texts('序言')]);
    expect(ids(tableFirst)).toEqual(['t1', 'para1']);
  });

  it('puts paragraphs, tables and omitted notes into the innermost clause, a dash item included', () => {
    const table: BodyItem = { kind: 'table', table: { caption: '表', header: [], rows: [], columns: 1, source: src(5) } };
    const omitted: BodyItem = { kind: 'omitted', text: '（略）', source: src(6) };
    const { blocks } = buildBody([...texts('序言一', '序言二', '一、甲', '——乙'), table, omitted, ...texts('段落')]);
    expect(ids(blocks)).toEqual(['para1', 'para2', 'p1', 'p1-d1', 'p1-d1-t1', 'p1-d1-omit1', 'p1-d1-para1']);
  });

  it('closes all clauses at an unnumbered heading, which is top-level', () => {
    const heading: BodyItem = { kind: 'heading', text: '附则', source: src(3) };
    const { blocks } = buildBody([...texts('序言', '一、甲'), heading, ...texts('本方案自印发之日起施行。', '二、乙')]);
    expect(blocks.map((b) => [b.type, b.id])).toEqual([
      ['paragraph', 'para1'],
      ['clause', 'p1'],
      ['heading', 'h1'],
      ['paragraph', 'para2'],
      ['clause', 'p2'],
    ]);
  });

  it('prefixes every id with opts.idPrefix (attachments)', () => {
    const table: BodyItem = { kind: 'table', table: { caption: null, header: [], rows: [], columns: 2, source: src(4) } };
    const { blocks } = buildBody([...texts('说明', '一、甲', '（一）乙'), table, ...texts('——丙')], { idPrefix: 'att1' });
    expect(ids(blocks)).toEqual(['att1-para1', 'att1-p1', 'att1-p1-s1', 'att1-p1-s1-t1', 'att1-p1-s1-d1']);
    const t = clause(blocks, 'att1-p1-s1').children[0];
    expect(t?.type === 'table' && t.table.id).toBe('att1-p1-s1-t1');
  });

  it('trims paragraph text and keeps the source of every block', () => {
    const { blocks } = buildBody([{ kind: 'text', text: '  序言\u3000', source: src(7, 'x.txt') }]);
    expect(blocks).toEqual([{ type: 'paragraph', id: 'para1', source: { file: 'x.txt', line: 7 }, text: '序言' }]);
  });

  it('returns nothing for an empty body', () => {
    expect(buildBody([])).toEqual({ blocks: [], findings: [] });
  });
});

describe('buildBody numbering findings', () => {
  it('accepts restarts at 1 and run-on numbering, and reports other jumps as info', () => {
    const { findings } = buildBody(texts('（一）甲', '1. a', '2. b', '（二）乙', '3. c', '（三）丙', '1. d', '2. e', '4. f'));
    expect(findings).toEqual([
      {
        kind: 'number-gap',
        severity: 'info',
        file: 'f.txt',
        line: 9,
        message: '「4.」 comes where number 3 was expected; excerpts and omissions do this.',
        action: 'reported only',
        clause: 's3-i4',
      },
    ]);
  });

  it('reports a first child that neither restarts nor runs on', () => {
    const { findings } = buildBody(texts('（一）甲', '1. a', '2. b', '（二）乙', '5. c'));
    expect(findings.map((f) => [f.clause, f.message])).toEqual([
      ['s2-i5', '「5.」 comes where number 1 or 3 was expected; excerpts and omissions do this.'],
    ]);
  });

  it('reports a repeated label as duplicate-clause-id (error), keeps both clauses and renames nothing', () => {
    const { blocks, findings } = buildBody(texts('1. 甲', '2. 乙', '（1）丙', '2. 丁', '（1）戊', '3. 己'));
    expect(ids(blocks)).toEqual(['i1', 'i2', 'i2-n1', 'i2', 'i2-n1', 'i3']);
    expect(findings).toEqual([
      {
        kind: 'duplicate-clause-id',
        severity: 'error',
        file: 'f.txt',
        line: 4,
        message: 'The label 「2.」 occurs twice at the same place in the numbering, so two clauses would share the anchor #i2.',
        action: 'kept both clauses with the same id; the build fails until the source or an editorial decision resolves it',
        clause: 'i2',
      },
    ]);
    expect(flattenClauses(blocks).map((c) => c.text)).toEqual(['甲', '乙', '丙', '丁', '戊', '己']);
  });

  it('uses opts.file when an item has no file', () => {
    const { findings } = buildBody([{ kind: 'text', text: '3. 甲', source: { file: '', line: 2 } }], { file: 'doc.txt' });
    expect(findings.map((f) => [f.file, f.line])).toEqual([['doc.txt', 2]]);
  });
});

describe('clause titles', () => {
  const titleOf = (...t: string[]): Array<string | null> => flattenClauses(buildBody(texts(...t)).blocks).map((c) => c.title);

  it('takes a part or section without any sentence end whole', () => {
    expect(titleOf('一、总体要求', '（三）基本原则', '（四）基本原则：')).toEqual(['总体要求', '基本原则', '基本原则：']);
  });

  it('gives no whole-text title to an item or to a part ending in ；', () => {
    expect(titleOf('一、加强领导；', '1. 加强气象灾害防御设施建设，依据气象灾害影响，')).toEqual([null, null]);
  });

  it('takes the first sentence when text follows it', () => {
    expect(titleOf('1. 提高科技企业质量。坚持高新技术企业认定标准。')).toEqual(['提高科技企业质量。']);
  });

  it('allows one comma but not two', () => {
    expect(titleOf('1. 加强组织领导，强化制度保障。坚持。', '2. 甲，乙，丙。丁。', '3. 戊。己。')).toEqual([
      '加强组织领导，强化制度保障。',
      null,
      '戊。',
    ]);
  });

  it('refuses a first sentence over 25 characters', () => {
    const long = `${'甲'.repeat(26)}。`;
    expect(titleOf(`1. ${'甲'.repeat(25)}。乙。`, `2. ${long}乙。`, '3. 丙。丁。')).toEqual([`${'甲'.repeat(25)}。`, null, '丙。']);
  });

  it('refuses a sentence with a colon, semicolon, ! or ? before the 。', () => {
    expect(titleOf('1. 目标：提高。乙。', '2. 甲；乙。丙。', '3. 甲！乙。丙。', '4. 甲？乙。丙。', '5. 丁。戊。', '6. 己。庚。', '7. 辛。壬。', '8. 癸。子。', '9. 丑。寅。')).toEqual([
      null, null, null, null, '丁。', '己。', '辛。', '癸。', '丑。',
    ]);
  });

  it('does not title a one-sentence item, even with a responsibility note after it', () => {
    expect(titleOf('1. 做好宣传。（省委宣传部负责）', '2. 做好宣传。(责任单位：省委宣传部)', '3. 做好宣传。')).toEqual([null, null, null]);
  });

  it('titles a one-sentence clause that heads children', () => {
    expect(titleOf('（二）基本原则。', '——坚持尊重规律。遵循规律。')).toEqual(['基本原则。', null]);
    expect(flattenClauses(buildBody(texts('6.激发人才创新活力。', '深化人才发展体制机制改革。')).blocks)[0]?.title).toBe('激发人才创新活力。');
  });

  it('gives subitems, circled and dash items no title', () => {
    expect(titleOf('（1）甲。乙。', '①丙。丁。', '——戊。己。')).toEqual([null, null, null]);
  });

  it('titles a level only when at least half of its clauses open with a heading (D4 style vs D2 style)', () => {
    const plain = `${'长'.repeat(30)}。乙。`;
    expect(titleOf('1. 甲。乙。', `2. ${plain}`, `3. ${plain}`)).toEqual([null, null, null]);
    expect(titleOf('1. 甲。乙。', '2. 丙。丁。', `3. ${plain}`)).toEqual(['甲。', '丙。', null]);
    expect(titleOf('1. 甲。乙。', `2. ${plain}`)).toEqual(['甲。', null]);
    // undecided one-sentence items do not vote
    expect(titleOf('1. 甲。乙。', '2. 丙。', '3. 丁。', `4. ${plain}`)).toEqual(['甲。', null, null, null]);
  });

  it('votes per level: section headings do not make items titled', () => {
    const plain = `${'长'.repeat(30)}。乙。`;
    expect(titleOf('（一）甲。', `1. ${plain}`, `2. ${plain}`, '3. 短句。乙。')).toEqual(['甲。', null, null, null]);
  });
});

describe('flattenClauses', () => {
  it('lists clauses in reading order with parents, own text plus paragraphs, without tables', () => {
    const table: BodyItem = { kind: 'table', table: { caption: null, header: [], rows: [], columns: 2, source: src(4) } };
    const { blocks } = buildBody([...texts('序言', '一、总体要求', '（一）目标。到2025年。'), table, ...texts('展望到2035年。', '1. 甲。乙。', '二、保障')]);
    expect(flattenClauses(blocks)).toEqual([
      { id: 'p1', label: '一、', level: 'part', title: '总体要求', text: '总体要求', parent: null },
      { id: 'p1-s1', label: '（一）', level: 'section', title: '目标。', text: '目标。到2025年。\n展望到2035年。', parent: 'p1' },
      { id: 'p1-s1-i1', label: '1.', level: 'item', title: '甲。', text: '甲。乙。', parent: 'p1-s1' },
      { id: 'p2', label: '二、', level: 'part', title: '保障', text: '保障', parent: null },
    ]);
  });

  it('returns an empty list for a body without clauses', () => {
    expect(flattenClauses(buildBody(texts('甲', '乙')).blocks)).toEqual([]);
  });
});
