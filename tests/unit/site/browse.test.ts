import { describe, expect, it } from 'vitest';
import { byIssuer, byKind, byYear } from '../../../src/site/browse.ts';
import { firstColumnCells } from '../../../src/site/tables.ts';
import { shownLabel, widenedInDocument } from '../../../src/site/typography.ts';
import type { DocumentData } from '../../../src/site/content.ts';
import type { Table } from '../../../src/gazette/model.ts';

const doc = (id: string, date: string, kind: string, issuers: string[]) => ({ id, date, kind, issuers }) as unknown as DocumentData;
const DOCS = [doc('a', '2023-02-28', '任免', ['吉林省人民政府']), doc('b', '2022-12-08', '通知', ['吉林省人民政府办公厅']), doc('c', '2022-08-12', '通知', ['吉林省人民政府办公厅']), doc('d', '2021-12-20', '意见', ['中共吉林省委', '吉林省人民政府'])];

describe('browsing the document index', () => {
  it('groups by year, newest first, keeping the order of the documents', () => {
    expect(byYear(DOCS).map((g) => [g.key, g.docs.map((d) => d.id)])).toEqual([['2023', ['a']], ['2022', ['b', 'c']], ['2021', ['d']]]);
  });

  it('groups by kind and issuer, the largest first; a joint document stands under each of its issuers', () => {
    expect(byKind(DOCS).map((g) => [g.key, g.docs.length])).toEqual([['通知', 2], ['任免', 1], ['意见', 1]]);
    expect(byIssuer(DOCS).map((g) => [g.key, g.docs.map((d) => d.id)])).toEqual([['吉林省人民政府', ['a', 'd']], ['吉林省人民政府办公厅', ['b', 'c']], ['中共吉林省委', ['d']]]);
  });
});

describe('the first column of a table, by grid position', () => {
  const cell = (text: string, rowspan = 1, colspan = 1) => ({ text, rowspan, colspan, header: false });
  it('marks the cells that start in column 1, past rowspans and a note row across the table', () => {
    // The shape of 27号's 残疾预防主要指标 (jzbf-2022-27 p1-t1): 领域 spans two rows, the second a 计算方法 note of two columns
    const rows = [{ cells: [cell('残疾预防知识', 2), cell('指标'), cell('>80%')] }, { cells: [cell('计算方法', 1, 2)] }, { cells: [cell('合计说明', 1, 3)] }, { cells: [cell('出生缺陷'), cell('指标'), cell('>70%')] }] as Table['rows'];
    expect(firstColumnCells(rows)).toEqual([[true, false, false], [false], [false], [true, false, false]]);
  });
});

describe('the typographic normalisation of the page', () => {
  it('shows a label’s half-width brackets as the outline does', () => {
    expect(shownLabel('(一)')).toBe('（一）');
    expect(shownLabel('(1) ')).toBe('（1） ');
    expect(shownLabel('一、')).toBe('一、');
  });

  it('counts what the page widens: title, notice, labels, texts', () => {
    const d = {
      title: '计量发展规划(2021—2035年)的通知',
      planTitle: null,
      addressees: '各市(州)人民政府:',
      notice: null,
      attachments: [],
      body: [{ type: 'clause', id: 'p1-s1', level: 'section', label: '(一)', number: 1, title: null, text: '加强领导,落实责任。', children: [] }],
    } as unknown as Parameters<typeof widenedInDocument>[0];
    expect(widenedInDocument(d)).toBe(2 + 2 + 1 + 2 + 1);
  });
});
