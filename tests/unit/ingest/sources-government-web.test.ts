import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../../src/gazette/model.ts';
import { parseGovernmentWeb } from '../../../src/ingest/sources/government-web.ts';
import { CORPUS, allBlocks, clauses, corpus } from './sources-fixtures.ts';

const parse = (name: string) => parseGovernmentWeb(corpus(name));
const only = (name: string) => {
  const r = parse(name);
  return { r, doc: r.documents[0]! };
};
const tables = (blocks: Block[]): TableBlock[] => allBlocks(blocks).filter((b): b is TableBlock => b.type === 'table');
const shape = (t: TableBlock) => ({
  caption: t.table.caption,
  columns: t.table.columns,
  header: t.table.header.map((r) => r.cells.map((c) => c.text)),
  rows: t.table.rows.length,
});
const texts = (blocks: Block[]): string => JSON.stringify(allBlocks(blocks).map((b) => ('text' in b ? b.text : '')));

describe('gov.cn content column: 国办发〔2018〕126号', () => {
  const { r, doc } = only(CORPUS.guobanfa126);

  it('reads the header, 落款 and 附注', () => {
    expect(doc.title).toBe('国务院办公厅关于推广第二批支持创新相关改革举措的通知');
    expect(doc.docNumber?.normalized).toBe('国办发〔2018〕126号');
    expect(doc.addressees).toBe('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：');
    expect(doc.issuers).toEqual(['国务院办公厅']);
    expect(doc.signature.date).toBe('2018年12月23日');
    expect(doc.date).toBe('2018-12-23');
    expect(doc.notice).toBeNull();
    expect(doc.meta).toEqual({ 附注: '（本文有删减）' });
    expect(clauses(doc.body).map((c) => c.id)).toEqual(['p1', 'p1-s1', 'p1-s2', 'p1-s3', 'p1-s4', 'p1-s5', 'p2', 'p3']);
    expect(r.findings).toEqual([]);
  });

  it('turns the attachment table into a model Table with its colspan section rows', () => {
    expect(doc.attachments.map((a) => [a.id, a.label, a.title])).toEqual([['att1', '附件', '第二批支持创新相关改革举措推广清单']]);
    const [table] = tables(doc.attachments[0]!.body);
    expect(shape(table!)).toEqual({ caption: null, columns: 5, header: [['序号', '改革举措', '主要内容', '指导部门', '推广范围']], rows: 22 });
    const rows = table!.table.rows;
    expect(rows[0]?.cells).toEqual([{ text: '一、知识产权保护方面（共5项）', rowspan: 1, colspan: 5 }]);
    expect(rows[1]?.cells.map((c) => c.text)).toEqual([
      '1',
      '知识产权民事、刑事、行政案件“三合一”审判',
      '整合分散的审判资源，实行知识产权民事、刑事、行政案件审判“三合一”，实现审判力量集中、审判标准统一，提高审判效率，缩短审判周期。',
      '最高人民法院、最高人民检察院、国家知识产权局',
      '全国',
    ]);
    expect(rows.filter((row) => row.cells.length === 1 && row.cells[0]!.colspan === 5)).toHaveLength(5);
  });
});

describe('gov.cn content column: 国发〔2019〕4号', () => {
  const { doc } = only(CORPUS.guofa4);

  it('reads an 印发 notice: notice, 附注 and the plan title', () => {
    expect(doc.title).toBe('国务院关于印发国家职业教育改革实施方案的通知');
    expect(doc.docNumber?.normalized).toBe('国发〔2019〕4号');
    expect(doc.notice).toBe('现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。');
    expect(doc.issuers).toEqual(['国务院']);
    expect(doc.date).toBe('2019-01-24');
    expect(doc.meta).toEqual({ 附注: '（此件公开发布）' });
    expect(doc.planTitle).toBe('国家职业教育改革实施方案');
    expect(clauses(doc.body).filter((c) => c.type === 'clause' && c.level === 'part')).toHaveLength(7);
    expect(clauses(doc.body).filter((c) => c.type === 'clause' && c.level === 'section')).toHaveLength(20);
  });
});

describe('gz.gov.cn full page: 穗府办规〔2021〕7号', () => {
  const { r, doc } = only(CORPUS.tekun);

  it('reads the 政府信息公开 metadata block and the 版记', () => {
    expect(doc.meta).toEqual({
      统一编号: 'GZ0220210007',
      文号: '穗府办规〔2021〕7号',
      实施日期: '2021年04月16日',
      失效日期: '2023年06月01日',
      发布机关: '广州市人民政府办公厅',
      公开方式: '主动公开',
      印发: '广州市人民政府办公厅 2021年4月16日印发',
    });
  });

  it('takes the document from the content column and leaves the chrome out', () => {
    expect(doc.title).toBe('广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知');
    expect(doc.docNumber?.normalized).toBe('穗府办规〔2021〕7号');
    expect(doc.addressees).toBe('各区人民政府，市政府各部门、各直属机构：');
    expect(doc.issuers).toEqual(['广州市人民政府办公厅']);
    expect(doc.signature.date).toBe('2021年4月13日');
    expect(clauses(doc.body).map((c) => (c.type === 'clause' ? c.label : ''))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、']);
    expect(texts(doc.body)).not.toMatch(/版权所有|市委组织部|政策解读|返回顶部|当前位置/);
    expect(r.removals.some((x) => x.reason === 'hidden element (display:none)')).toBe(true);
    expect(r.removals.some((x) => x.reason === 'script')).toBe(true);
  });
});

describe('gz.gov.cn full page: 穗府办规〔2025〕8号', () => {
  const { doc } = only(CORPUS.hukou);

  it('reads the notice, the 办法 and the 版记', () => {
    expect(doc.title).toBe('广州市人民政府办公厅关于重新发布广州市积分制入户管理办法的通知');
    expect(doc.docNumber?.normalized).toBe('穗府办规〔2025〕8号');
    expect(doc.planTitle).toBe('广州市积分制入户管理办法');
    expect(doc.date).toBe('2025-06-30');
    expect(doc.meta).toEqual({ 来源: '广州市人民政府办公厅', 公开方式: '主动公开', 印发: '广州市人民政府办公厅秘书处 2025年7月4日印发' });
    expect(texts(doc.body)).toContain('穗府办规〔2023〕1号');
  });

  it('keeps the rowspans of the 指标体系 table (类别 cells spanning 3, 6 and 2 rows)', () => {
    expect(doc.attachments.map((a) => [a.label, a.title])).toEqual([['附件', '广州市积分制入户指标体系及分值表']]);
    const [table] = tables(doc.attachments[0]!.body);
    expect(shape(table!)).toEqual({ caption: null, columns: 5, header: [['类别', '序号', '指标', '指标内容及分值', '备注']], rows: 11 });
    const spans = table!.table.rows.map((row) => row.cells.map((c) => c.rowspan));
    expect(spans).toEqual([
      [3, 1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [6, 1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [2, 1, 1, 1, 1],
      [1, 1, 1, 1],
    ]);
    // The vertical label 基/础/指/标 (one character per paragraph) reads as one word.
    expect(table!.table.rows.map((row) => row.cells[0]!.text).filter((t) => t.endsWith('指标'))).toEqual(['基础指标', '加分指标', '减分指标']);
    expect(allBlocks(doc.attachments[0]!.body).at(-1)).toMatchObject({ type: 'paragraph', text: expect.stringMatching(/^注：/) });
  });
});

describe('gz health commission page: 穗卫函〔2023〕1930号', () => {
  const { r, doc } = only(CORPUS.familyDoctor);

  it('reads the metadata table and takes the title from it', () => {
    expect(doc.meta).toEqual({
      索引号: '11440100MB2C90856P/2023-00331',
      发布机构: '广州市卫生健康委员会',
      成文日期: '2023-10-19',
      名称: '广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知',
      文号: '穗卫函〔2023〕1930号',
      发布日期: '2023-11-07',
    });
    expect(doc.title).toBe('广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知');
    expect(doc.docNumber?.normalized).toBe('穗卫函〔2023〕1930号');
  });

  it('reads the joint 落款 of four bodies', () => {
    expect(doc.issuers).toEqual(['广州市卫生健康委员会', '广州市财政局', '广州市人力资源和社会保障局', '广州市医疗保障局']);
    expect(doc.date).toBe('2023-10-19');
    expect(doc.planTitle).toBe('关于推进广州市家庭医生签约服务高质量发展实施方案');
    expect(doc.notice?.split('\n')).toHaveLength(3);
    expect(clauses(doc.body).filter((c) => c.type === 'clause' && c.level === 'item')).toHaveLength(21);
  });

  it('keeps the 附件 list in one paragraph and opens the attachments from the tables’ title rows', () => {
    expect(allBlocks(doc.body).find((b) => 'text' in b && b.text.startsWith('附件：'))).toMatchObject({
      type: 'paragraph',
      text: '附件：1.广州市家庭医生签约服务质量监测指标体系（2023年）\n2.关于推进广州市家庭医生签约服务高质量发展工作的任务分工表',
    });
    expect(doc.attachments.map((a) => [a.id, a.label, a.title])).toEqual([
      ['att1', '附件1', '广州市家庭医生签约服务质量监测指标体系（2023年版）'],
      ['att2', '附件2', '关于推进广州市家庭医生签约服务高质量发展工作的任务分工表'],
    ]);
    const [t1] = tables(doc.attachments[0]!.body);
    expect(shape(t1!)).toEqual({
      caption: '广州市家庭医生签约服务质量监测指标体系（2023年版）',
      columns: 5,
      header: [['一级指标', '二级指标', '评价标准', '指标含义', '数据来源']],
      rows: 19,
    });
    expect(t1!.table.rows[0]!.cells[0]).toEqual({ text: '签约数量指标', rowspan: 3, colspan: 1 });
    const [t2] = tables(doc.attachments[1]!.body);
    expect(t2!.table.columns).toBe(7);
    expect(r.findings).toEqual([]);
  });
});
