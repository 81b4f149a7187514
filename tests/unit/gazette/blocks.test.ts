import { describe, expect, it } from 'vitest';
import { citation, citationLabel, documentOutline, enclosingId, flatOutline, longCitation, outline } from '../../../src/gazette/blocks.ts';
import type { Block, ClauseBlock, ClauseLevel, GazetteDocument } from '../../../src/gazette/model.ts';
import { toChinese } from '../../../src/gazette/numerals.ts';

describe('citation forms', () => {
  it('writes Chinese numerals up to the thousands', () => {
    expect([1, 10, 11, 20, 21, 31, 99].map(toChinese)).toEqual(['一', '十', '十一', '二十', '二十一', '三十一', '九十九']);
    // 民法典 runs to 第一千二百六十条.
    expect([100, 105, 110, 1260, 1000].map(toChinese)).toEqual(['一百', '一百零五', '一百一十', '一千二百六十', '一千']);
  });

  it('normalises printed labels of every width to the citation form', () => {
    expect(citationLabel({ level: 'section', number: 21, label: '(二十一) ' })).toBe('（二十一）');
    expect(citationLabel({ level: 'item', number: 11, label: '11．' })).toBe('11.');
    expect(citationLabel({ level: 'part', number: 2, label: '二、' })).toBe('二、');
  });

  it('cites the attached plan with the notice number', () => {
    const doc = {
      title: '吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知',
      planTitle: '吉林省科技创新生态优化工程实施方案',
      docNumber: { normalized: '吉政办发〔2022〕26号', printed: '吉政办发〔2022〕26号', agency: '吉政办发', year: 2022, serial: '26' },
    };
    expect(citation(doc, '二、（三）11.')).toBe('《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.');
  });
});

describe('enclosingId', () => {
  it('walks out of a block id to the nearest one that is there', () => {
    const has = (id: string) => ['p8-s25', 'att1'].includes(id);
    expect(enclosingId('p8-s25-para1', has)).toBe('p8-s25');
    expect(enclosingId('att1-para10', has)).toBe('att1');
    expect(enclosingId('para1', has)).toBe('');
  });
});

describe('citations that hold for every clause kind', () => {
  const clause = (id: string, level: ClauseLevel, label: string, number: number, children: Block[] = []): ClauseBlock => ({
    type: 'clause', id, level, label, number, title: null, text: `${label}正文`, children, source: { line: 1 },
  }) as ClauseBlock;

  it('cites a dash item by its ordinal among its dash siblings: 一、（二）第二项', () => {
    // 26号's 一、（二） heads four dash items (content/sources/001_2dbcd8b680e63142.txt, 坚持尊重规律 … 坚持开放包容)
    const tree = outline([clause('p1', 'part', '一、', 1, [clause('p1-s2', 'section', '(二)', 2, [clause('p1-s2-d1', 'dash', '——', 0), clause('p1-s2-d2', 'dash', '——', 0), clause('p1-s2-d3', 'dash', '——', 0)])])]);
    expect(flatOutline(tree).map((n) => n.path)).toEqual(['一、', '一、（二）', '一、（二）第一项', '一、（二）第二项', '一、（二）第三项']);
  });

  it('cites an attachment’s clauses after its label, apart from the body’s', () => {
    const doc = { body: [clause('p1', 'part', '一、', 1)], attachments: [{ id: 'att1', label: '附件1', title: '指标', body: [clause('att1-p1', 'part', '一、', 1)] }] } as unknown as Pick<GazetteDocument, 'body' | 'attachments'>;
    expect(flatOutline(documentOutline(doc)).map((n) => n.path)).toEqual(['一、', '附件1', '附件1 一、']);
  });

  it('writes a title inside the cited title in 〈〉 and keeps the brackets balanced', () => {
    // 137号 (content/sources/001_2dbcd8b680e63142.txt:92) and the 简报 (content/sources/004_e163b0431eceb10c.txt:3)
    const d137 = { title: '吉林省人民政府办公厅关于印发…的通知', planTitle: '吉林省贯彻落实《气象高质量发展纲要(2022—2035年)》重点任务及分工方案', docNumber: { normalized: '吉政办函〔2022〕137号', printed: '', agency: '吉政办函', year: 2022, serial: '137' } };
    expect(citation(d137, '一、')).toBe('《吉林省贯彻落实〈气象高质量发展纲要（2022—2035年）〉重点任务及分工方案》（吉政办函〔2022〕137号）一、');
    const brief = { title: '《吉林市国民经济和社会发展第十四个五年规划建议》教育科技发展相关论述简报', planTitle: null, docNumber: null };
    expect(citation(brief, '二、')).toBe('《〈吉林市国民经济和社会发展第十四个五年规划建议〉教育科技发展相关论述简报》二、');
    expect(citation({ title: '《意见》', planTitle: null, docNumber: null })).toBe('《意见》');
  });

  it('gives the long form with the gazette, its issue and the printed page', () => {
    const short = '《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.';
    expect(longCitation(short, { gazette: '吉林省人民政府公报', year: 2023, number: 4, page: 11 })).toBe(`${short}，载《吉林省人民政府公报》2023年第4期，第11页`);
    expect(longCitation(short, { gazette: '吉林省人民政府公报', year: 2023, number: 4, page: null })).toBe(`${short}，载《吉林省人民政府公报》2023年第4期`);
  });
});
