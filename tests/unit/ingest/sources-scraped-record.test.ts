import { describe, expect, it } from 'vitest';
import type { Block, ClauseBlock } from '../../../src/gazette/model.ts';
import { parseScrapedRecord } from '../../../src/ingest/sources/scraped-record.ts';
import { SEEDS, allBlocks, clauses, seed } from './sources-fixtures.ts';

const input = seed(SEEDS.s000);
const parse = parseScrapedRecord(input);
const [d2, d3, d4] = parse.documents;
const FILE = 'content/sources/000_0e00a8da3e3bc271.txt';
const ADDRESSEES =
  '各市(州)人民政府,长白山管委会,长春新区、中韩(长春)国际合作示范区管委会,各县(市)人民政府,省政府各厅委办、各直属机构,驻吉中直有关部门、单位:';

const levels = (blocks: Block[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const c of clauses(blocks)) if (c.type === 'clause') out[c.level] = (out[c.level] ?? 0) + 1;
  return out;
};
const byId = (blocks: Block[], id: string): Block | undefined => allBlocks(blocks).find((b) => b.id === id);

describe('000 scraped records: splitting and headers', () => {
  it('splits the file at the lines that are exactly "-" into three documents', () => {
    expect(parse.kind).toBe('scraped-record');
    expect(parse.documents.map((d) => d.docNumber?.normalized)).toEqual([
      '吉政办发〔2022〕26号',
      '吉政办发〔2022〕27号',
      '吉政办函〔2022〕137号',
    ]);
    expect(parse.documents.map((d) => d.span)).toEqual([
      { from: 1, to: 59 },
      { from: 60, to: 129 },
      { from: 130, to: 228 },
    ]);
    expect(parse.removals.filter((r) => r.reason === 'record separator').map((r) => r.line)).toEqual([1, 60, 130]);
  });

  it('joins the wrapped title lines without a separator', () => {
    expect(d2?.title).toBe('欧宝体育办公厅关于印发吉林省科技创新生态优化工程实施方案的通知');
    expect(d3?.title).toBe('欧宝体育办公厅关于印发吉林省残疾预防行动计划(2022-2025年)的通知');
    expect(d4?.title).toBe('欧宝体育办公厅关于印发吉林省贯彻落实《气象高质量发展纲要(2022-2035年)》重点任务及分工方案的通知');
    expect(d4?.printedTitle).toBe(d4?.title);
  });

  it('reads 发文字号, 主送机关, notice, 落款 and the plan title', () => {
    expect(d2?.docNumber).toEqual({ normalized: '吉政办发〔2022〕26号', printed: '吉政办发〔2022〕26号', agency: '吉政办发', year: 2022, serial: '26' });
    expect(parse.documents.map((d) => d.addressees)).toEqual([ADDRESSEES, ADDRESSEES, ADDRESSEES]);
    expect(d2?.notice).toBe('《吉林省科技创新生态优化工程实施方案》已经省政府同意,现印发给你们,请认真贯彻执行。');
    expect(d4?.notice).toBe('《吉林省贯彻落实〈气象高质量发展纲要(2022-2035年)〉重点任务及分工方案》已经省政府同意,现印发给你们,请认真组织实施。');
    expect(d2?.signature).toEqual({ issuer: '欧宝体育办公厅', date: '2022年8月12日', source: { file: FILE, line: 9 } });
    expect(d4?.signature).toEqual({ issuer: '欧宝体育办公厅', date: '2022年12月8日', source: { file: FILE, line: 139 } });
    expect(parse.documents.map((d) => d.date)).toEqual(['2022-08-12', '2022-08-12', '2022-12-08']);
    expect(parse.documents.map((d) => d.planTitle)).toEqual([
      '吉林省科技创新生态优化工程实施方案',
      '吉林省残疾预防行动计划(2022—2025年)',
      '吉林省贯彻落实《气象高质量发展纲要(2022-2035年)》重点任务及分工方案',
    ]);
    expect(parse.documents.map((d) => d.kind)).toEqual(['通知', '通知', '通知']);
  });

  it('reports the issuers as printed, tampered or not: recognising tampering is reconcile’s job', () => {
    expect(parse.documents.map((d) => d.issuers)).toEqual([['欧宝体育办公厅'], ['欧宝体育办公厅'], ['欧宝体育办公厅']]);
    const preamble = byId(d2?.body ?? [], 'para1');
    expect(preamble?.type === 'paragraph' && preamble.text).toContain('《中共吉林省委 欧宝体育关于创新型省份建设的意见》');
    const lab = byId(d4?.body ?? [], 'p1-s2-i3');
    expect(lab?.type === 'clause' && lab.text).toContain('中国气象局 欧宝体育人工影响天气联合开放实验室');
    expect(parse.findings.some((f) => /issuer/.test(f.kind))).toBe(false);
  });

  it('keeps the site timestamp and the issue label as metadata, not as the date', () => {
    for (const d of parse.documents) expect(d.meta).toEqual({ siteTimestamp: '2023-11-02 00:00:00', issueLabel: '第4期' });
    expect(parse.meta).toEqual({ siteTimestamp: '2023-11-02 00:00:00', issueLabel: '第4期' });
    expect(parse.documents.map((d) => d.date)).not.toContain('2023-11-02');
  });
});

describe('000 scraped records: bodies', () => {
  it('builds the clause trees from half-width (一) and unspaced 1. labels', () => {
    expect(clauses(d2?.body ?? []).length).toBe(46);
    expect(levels(d2?.body ?? [])).toEqual({ part: 3, section: 8, dash: 9, item: 26 });
    expect(levels(d3?.body ?? [])).toEqual({ part: 3, section: 9, item: 20 });
    expect(levels(d4?.body ?? [])).toEqual({ part: 8, section: 25, item: 50 });
    const item = byId(d2?.body ?? [], 'p2-s1-i1') as ClauseBlock;
    expect([item.label, item.level, item.number, item.title, item.source.line]).toEqual(['1.', 'item', 1, '提高科技企业质量。', 27]);
    const section = byId(d2?.body ?? [], 'p1-s1') as ClauseBlock;
    expect([section.label, section.title]).toEqual(['(一)', '指导思想。']);
    expect(byId(d2?.body ?? [], 'p3-i23')?.source.line).toBe(54);
  });

  it('keeps 「残疾预防主要指标(略)」 as an omitted block', () => {
    expect(byId(d3?.body ?? [], 'p1-omit1')).toEqual({ type: 'omitted', id: 'p1-omit1', source: { file: FILE, line: 75 }, text: '残疾预防主要指标(略)' });
  });

  it('splits the glued attachment label and reads the attachment with its 18 member units', () => {
    const glued = parse.findings.find((f) => f.kind === 'glued-label');
    expect(glued).toMatchObject({ severity: 'warning', file: FILE, line: 107, clause: 'p3-s4-para1' });
    expect(byId(d3?.body ?? [], 'p3-s4-para1')).toMatchObject({ type: 'paragraph', text: '附件:吉林省残疾预防行动领导小组成员单位名单' });
    expect(parse.removals).toContainEqual({ line: 107, text: '附件', reason: 'attachment label glued to the reference line, repeated on line 108' });
    expect(d3?.attachments).toHaveLength(1);
    const att = d3!.attachments[0]!;
    expect([att.id, att.label, att.title, att.omitted, att.source.line]).toEqual(['att1', '附件', '吉林省残疾预防行动领导小组成员单位名单', false, 108]);
    expect(att.body.map((b) => b.type)).toEqual(Array(18).fill('paragraph'));
    expect(att.body.map((b) => b.source.line)).toEqual(Array.from({ length: 18 }, (_, i) => 110 + i));
    expect(att.body[0]).toMatchObject({ id: 'att1-para1', text: '省委宣传部' });
    expect(att.body[17]).toMatchObject({ id: 'att1-para18', text: '省残联' });
  });

  it('reports item 51. as missing without writing the number into the text', () => {
    const missing = parse.findings.filter((f) => f.kind === 'number-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning', file: FILE, line: 226, clause: 'p8-s25-para1' });
    expect(missing[0]?.message).toContain('51.');
    const orphan = byId(d4?.body ?? [], 'p8-s25-para1');
    expect(orphan?.type).toBe('paragraph');
    expect(orphan?.type === 'paragraph' && orphan.text.startsWith('加快推进气象相关立法工作,')).toBe(true);
  });

  it('produces no other findings', () => {
    expect(parse.findings.map((f) => f.kind).sort()).toEqual(['glued-label', 'number-missing']);
  });
});
