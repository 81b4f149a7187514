import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../src/gazette/model.ts';
import { parseMarkdown } from '../../../src/ingest/sources/markdown.ts';
import { CORPUS, allBlocks, clauses, corpus } from './sources-fixtures.ts';

describe('LawRefBook notice with a [] document number', () => {
  const r = parseMarkdown(corpus(CORPUS.laoshebufa));
  const doc = r.documents[0]!;

  it('reads 劳社部发[2008]3号 as printed and normalised', () => {
    expect(doc.title).toBe('关于职工全年月平均工作时间和工资折算问题的通知');
    expect(doc.docNumber).toEqual({ normalized: '劳社部发〔2008〕3号', printed: '劳社部发[2008]3号', agency: '劳社部发', year: 2008, serial: '3' });
    expect(doc.addressees).toBe('各省、自治区、直辖市劳动和社会保障厅（局）：');
    expect(doc.kind).toBe('通知');
  });

  it('reads ## headings as clauses and reports 「## 三」 without its 、', () => {
    expect(clauses(doc.body).map((c) => (c.type === 'clause' ? [c.id, c.label, c.text] : []))).toEqual([
      ['p1', '一、', '制度工作时间的计算'],
      ['p2', '二、', '日工资、小时工资的折算'],
    ]);
    expect(allBlocks(doc.body).find((b) => b.type === 'heading')).toMatchObject({ text: '三', source: { line: 31 } });
    expect(r.findings).toEqual([expect.objectContaining({ kind: 'label-malformed', severity: 'warning', line: 31 })]);
    expect(r.removals).toContainEqual({ line: 5, text: '<!-- INFO END -->', reason: 'HTML comment' });
  });

  it('prints no issuer and no date: both stay empty rather than guessed', () => {
    expect(doc.issuers).toEqual([]);
    expect(doc.date).toBeNull();
  });
});

describe('LawRefBook interpretation with a Markdown table', () => {
  const r = parseMarkdown(corpus(CORPUS.zuiming));
  const doc = r.documents[0]!;

  it('reads the title, the issuers in it and the 题注', () => {
    expect(doc.printedTitle).toBe('最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》 确定罪名的补充规定（七）');
    expect(doc.title).toBe('最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定（七）');
    expect(doc.issuers).toEqual(['最高人民法院', '最高人民检察院']);
    expect(doc.kind).toBe('规定');
    expect(doc.meta['题注']).toMatch(/^2021年2月22日 最高人民法院审判委员会第1832次会议/);
    expect(doc.date).toBe('2021-02-26');
    expect(doc.docNumber).toBeNull();
    expect(doc.addressees).toBeNull();
  });

  it('turns the pipe table into a model Table', () => {
    const table = allBlocks(doc.body).find((b): b is TableBlock => b.type === 'table')!;
    expect(table.table.header.map((row) => row.cells.map((c) => [c.text, c.header]))).toEqual([[['刑法条文', true], ['罪名', true]]]);
    expect(table.table.columns).toBe(2);
    expect(table.table.rows).toHaveLength(25);
    expect(table.table.rows[0]!.cells.map((c) => c.text)).toEqual(['第一百三十三条之二 （《刑法修正案（十一）》第二条）', '妨害安全驾驶罪']);
    expect(table.table.rows[0]!.source.line).toBe(12);
    expect(allBlocks(doc.body).map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
  });
});

describe('Shanghai mirror with YAML front matter', () => {
  const r = parseMarkdown(corpus(CORPUS.shanghai));
  const doc = r.documents[0]!;

  it('reads the front matter with its keys as printed', () => {
    expect(doc.meta).toMatchObject({
      标题: '上海市人民政府办公厅关于印发《上海市住房发展“十四五”规划》的通知',
      文号: '沪府办发〔2021〕19号',
      发布单位: '上海市人民政府办公厅',
      发布日期: '2021-07-28',
      状态: '有效',
    });
  });

  it('reads the 印发 notice: 发文字号 from the front matter, 落款 from the text', () => {
    expect(doc.title).toBe('上海市人民政府办公厅关于印发《上海市住房发展“十四五”规划》的通知');
    expect(doc.docNumber?.normalized).toBe('沪府办发〔2021〕19号');
    expect(doc.addressees).toBe('各区人民政府，市政府各委、办、局：');
    expect(doc.notice).toBe('经市政府同意，现将《上海市住房发展“十四五”规划》印发给你们，请认真按照执行。');
    expect(doc.signature).toMatchObject({ issuer: '上海市人民政府办公厅', date: '2021年7月26日' });
    expect(doc.issuers).toEqual(['上海市人民政府办公厅']);
    expect(doc.date).toBe('2021-07-26');
    expect(doc.planTitle).toBe('上海市住房发展“十四五”规划');
  });

  it('builds the clause tree, —— items included', () => {
    const levels: Record<string, number> = {};
    for (const c of clauses(doc.body)) if (c.type === 'clause') levels[c.level] = (levels[c.level] ?? 0) + 1;
    expect(levels).toEqual({ part: 4, section: 18, dash: 5, item: 28 });
    expect(allBlocks(doc.body).find((b) => b.id === 'p4-s1-i1')).toMatchObject({ label: '1.', text: '大力推动租赁住房有效供应' });
  });

  it("drops the mirror's blockquote notice before the title", () => {
    expect(r.removals.filter((x) => x.reason.startsWith("mirror's notice")).map((x) => x.line)).toEqual([13, 14]);
    expect(JSON.stringify(doc.body)).not.toContain('著作权法');
  });
});
