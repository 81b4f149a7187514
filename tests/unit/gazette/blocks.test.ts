import { describe, expect, it } from 'vitest';
import { citation, citationLabel, enclosingId } from '../../../src/gazette/blocks.ts';
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
