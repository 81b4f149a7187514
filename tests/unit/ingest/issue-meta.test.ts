import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_READER } from '../../support/seed-gazette.ts';
import type { Removal, TocEntry, TocSection } from '../../../src/gazette/model.ts';
import { type Line, splitLines } from '../../../src/ingest/text/lines.ts';
import { lineBlocks } from '../../../src/ingest/structure/layout.ts';
import type { MetaRead, TocTarget } from '../../../src/ingest/sources/gazette-dump/issue-meta.ts';
import {
  emptyFacts,
  isCaptionLine,
  isPinyinHeader,
  matchTocEntry,
  parseAbout,
  parseEditorialBoard,
  parseInsideCover,
  parseMasthead,
  parseToc,
  readFacts,
} from '../../../src/ingest/sources/gazette-dump/issue-meta.ts';

const DUMP = 'content/sources/001_2dbcd8b680e63142.txt';
const dump = splitLines(readFileSync(DUMP, 'utf8'));
const slice = (from: number, to: number): Line[] => dump.slice(from - 1, to);
const newRead = (): MetaRead => ({ meta: {}, removals: [], findings: [] });
const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ line: i + 1, text }));

describe('readFacts', () => {
  it('reads the cover facts (l.5–13), removes the pinyin title and returns the cover story from its first line on', () => {
    const facts = emptyFacts();
    const read = newRead();
    const story = readFacts(slice(1, 29), 'cover', facts, read, DUMP, SEED_READER.numbering, true);
    expect(facts).toEqual({ gazette: '吉林省人民政府公报', year: 2023, number: 4, cumulative: 888, published: null, frequency: null, sponsor: '吉林省人民政府' });
    expect(read.meta).toEqual({
      'cover.gazette': '吉林省人民政府公报',
      'cover.year': '2023',
      'cover.issue': '第4期(复总第888期)',
      'cover.sponsor': '吉林省人民政府主办',
    });
    expect(read.removals).toEqual([{ line: 7, text: 'JILINSHENG RENMIN ZHENGFU GONGBAO', reason: 'pinyin/English running title (typographic furniture)' }]);
    expect(story[0]).toEqual({ line: 15, text: '韩俊到长春市调研时强调' });
    expect(story.at(-1)?.line).toBe(29);
  });

  it('reports a fact that disagrees with an earlier one and keeps the first', () => {
    const facts = emptyFacts();
    const read = newRead();
    readFacts(lines('第4期(复总第888期)', '2023年第5期'), 'cover', facts, read, 'x.txt', SEED_READER.numbering);
    expect(facts.number).toBe(4);
    expect(read.findings).toMatchObject([{ kind: 'issue-facts-disagree', line: 2, action: '保留先出现的值' }]);
    expect(read.meta['cover.issue.l2']).toBe('2023年第5期');
  });
});

describe('parseToc', () => {
  const { sections, findings } = parseToc(lineBlocks(slice(71, 103)), DUMP);
  const entries = sections.flatMap((s) => s.entries);

  it('reads 5 sections and 7 entries with their printed pages', () => {
    expect(sections.map((s) => s.title)).toEqual(['卷首语', '省政府文件', '省政府办公厅文件', '人事任免', '政务要闻']);
    expect(sections.map((s) => s.entries.length)).toEqual([1, 1, 3, 1, 1]);
    expect(entries.map((e) => e.page)).toEqual([1, 4, 11, 22, 31, 39, 39]);
    expect(entries.map((e) => e.source.line)).toEqual([73, 78, 84, 88, 92, 98, 103]);
  });

  it('keeps the printed entry whole and the TOC’s own - in year ranges', () => {
    expect(entries.map((e) => e.title)).toEqual([
      '树立项目为王环境为要理念 推动招商引资上规模上水平上台阶',
      '吉林省人民政府关于印发吉林省贯彻计量发展规划(2021-2035年)实施方案的通知',
      '吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知',
      '吉林省人民政府办公厅关于印发吉林省残疾预防行动计划（2022-2025年）的通知',
      '吉林省人民政府办公厅关于印发吉林省贯彻落实《气象高质量发展纲要（2022-2035年）》重点任务及分工方案的通知',
      '吉林省人民政府人事任免',
      '政务要闻',
    ]);
    expect(entries[4]?.printed).toBe('吉林省人民政府办公厅关于印发吉林省贯彻落实《气象高质量发展纲要（2022-2035年）》重点任务及分工方案的通知（吉政办函〔2022〕137号） …（31）');
    expect(entries[5]?.printed).toBe('吉林省人民政府人事任免(吉政干任〔2023〕6-7号).....（39）');
    expect(entries.every((e) => e.document === null)).toBe(true);
  });

  it('parses each 发文字号, split over lines, and repairs the lost 〔 (l.89–90) as toc-repaired', () => {
    expect(entries.map((e) => e.docNumber?.normalized ?? null)).toEqual([
      null,
      '吉政发〔2022〕21号',
      '吉政办发〔2022〕26号',
      '吉政办发〔2022〕27号',
      '吉政办函〔2022〕137号',
      '吉政干任〔2023〕6-7号',
      null,
    ]);
    expect(entries[3]?.docNumber?.printed).toBe('吉政办发2022〕27号');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'toc-repaired', severity: 'warning', file: DUMP, line: 90 });
    expect(findings[0]?.message).toContain('（第89–90行）');
  });
});

describe('editorial board and masthead', () => {
  it('reads roles and the 13 委员 wrapped over 7 lines (l.107–118); the 「：」 go to the ledger', () => {
    const removals: Removal[] = [];
    const board = parseEditorialBoard(slice(107, 118), removals);
    expect(board).toEqual([
      { role: '主任', names: ['习树茂'] },
      { role: '副主任', names: ['佟胜强'] },
      { role: '委员', names: ['陆勇', '吴哲峰', '雷达', '秦政', '刘晓光', '汤伟', '邓海伟', '庞岫夫', '喻晓才', '刘佰春', '刘纪周', '高志刚', '陈焕利'] },
      { role: '主编', names: ['佟胜强'] },
      { role: '副主编', names: ['仇建忠'] },
      { role: '责任编辑', names: ['王茜'] },
    ]);
    expect(removals.map((r) => [r.line, r.text])).toEqual([107, 108, 109, 116, 117, 118].map((l) => [l, '：']));
  });

  it('joins wrapped masthead values: Chinese directly, two phone numbers with a space', () => {
    const removals: Removal[] = [];
    expect(parseMasthead(slice(122, 133), removals)).toEqual({
      编辑出版: '吉林省人民政府办公厅',
      地址: '长春市新发路329号',
      邮编: '130051',
      电话: '0431-88904752 0431-88904429',
      传真: '0431-88904752',
      网址: 'jl.gov.cn/gb',
      电子信箱: 'jlsrmzfgb@jl.gov.cn',
      国际标准刊号: 'ISSN1009-1818',
      国内统一刊号: 'CN22-1416/D',
      印刷: '吉林省机关事务管理局文印中心',
    });
    expect(removals).toHaveLength(10);
  });
});

describe('parseInsideCover (l.53–133)', () => {
  const facts = emptyFacts();
  const read = newRead();
  const inside = parseInsideCover(slice(53, 133), facts, read, DUMP, SEED_READER);

  it('reads motto, frequency, issue, cumulative number and publication date', () => {
    expect(inside.motto).toEqual(['传达政令', '宣传政策', '指导工作', '服务社会']);
    expect(facts).toEqual({ gazette: '吉林省人民政府公报', year: 2023, number: 4, cumulative: 888, published: '2023-02-28', frequency: '半月刊', sponsor: null });
    expect(read.meta).toEqual({
      'insideCover.gazette': '吉林省人民政府公报',
      'insideCover.frequency': '(半月刊)',
      'insideCover.issue': '2023年第4期',
      'insideCover.cumulative': '(复总第888期)',
      'insideCover.published': '2023年2月28日出版',
    });
    // 001 l.120: the inside-cover statement, now a field the issue page shows.
    expect(inside.statement).toBe('政府公报所登文件与正式 文件具有同等效力');
  });

  it('finds TOC, board and masthead by their content and removes the furniture headings', () => {
    expect(inside.sections).toHaveLength(5);
    expect(inside.editorialBoard.map((r) => r.role)).toEqual(['主任', '副主任', '委员', '主编', '副主编', '责任编辑']);
    expect(inside.masthead['编辑出版']).toBe('吉林省人民政府办公厅');
    expect(read.removals.filter((r) => r.text !== '：')).toEqual([
      { line: 67, text: '目录', reason: 'TOC heading (the TOC is issue.sections)' },
      { line: 69, text: 'CONTENTS', reason: 'pinyin/English running title (typographic furniture)' },
      { line: 105, text: '编辑委员会', reason: 'heading of the editorial board (issue.editorialBoard)' },
    ]);
    expect(read.findings.map((f) => f.kind)).toEqual(['toc-repaired']);
  });
});

describe('captions and 简介', () => {
  it('recognises circled-number captions and pinyin headers', () => {
    expect(isCaptionLine('①2月16日，省委常委…')).toBe(true);
    expect(isCaptionLine('2月16日 省委常委…')).toBe(false);
    expect(isPinyinHeader('JUANSHOUYU')).toBe(true);
    expect(isPinyinHeader('2023')).toBe(false);
    expect(isPinyinHeader('IMS')).toBe(false);
  });

  it('reads the back-cover 简介 (l.862–868): heading removed, paragraphs joined by newlines', () => {
    const removals: Removal[] = [];
    const about = parseAbout(slice(862, 869), removals);
    expect(about?.split('\n')).toHaveLength(3);
    expect(about).toMatch(/^《吉林省人民政府公报》是吉林省人民政府主管主办/);
    expect(about).toMatch(/全年出版24期。.*刊登的相关文件。$/);
    expect(removals).toEqual([{ line: 862, text: '《吉林省人民政府公报》简介', reason: 'heading of the back-cover 简介 (issue.about)' }]);
  });
});

describe('matchTocEntry', () => {
  const entry = (title: string, docNumber: TocEntry['docNumber'] = null): TocEntry => ({ title, printed: title, docNumber, page: 1, document: null, source: { file: 'x', line: 1 } });
  const section = (title: string): TocSection => ({ title, entries: [] });
  const targets: TocTarget[] = [
    { title: '树立项目为王环境为要引资上规模上水平上台阶', kind: '卷首语', docNumber: null },
    { title: '吉林省人民政府关于印发吉林省贯彻计量发展规划(2021—2035年)实施方案的通知', kind: '通知', docNumber: null },
    { title: '吉林省人民政府人事任免', kind: '任免', docNumber: null },
  ];

  it('matches by title across dash and width variants, by section kind for a column, and never twice', () => {
    expect(matchTocEntry(entry('吉林省人民政府关于印发吉林省贯彻计量发展规划（2021-2035年）实施方案的通知'), section('省政府文件'), targets, new Set())).toBe(1);
    expect(matchTocEntry(entry('树立项目为王环境为要理念 推动招商引资上规模上水平上台阶'), section('卷首语'), targets, new Set())).toBe(0);
    expect(matchTocEntry(entry('吉林省人民政府人事任免'), section('人事任免'), targets, new Set([2]))).toBe(-1);
  });
});
