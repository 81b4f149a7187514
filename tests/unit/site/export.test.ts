import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/gazette/model.ts';
import { documentAkn, escapeXml, type AknSource } from '../../../src/site/export/akn.ts';
import { documentMarkdown, escapeMarkdown } from '../../../src/site/export/markdown.ts';
import { bodyLines, canonicalText } from '../../../src/site/export/text.ts';

const src = { file: 'x.txt', line: 1 };
// Hostile text: markup, an entity, a control character and Markdown syntax.
const HOSTILE = '<script>alert("x")</script> & ]]> \u0001 *强调* | # 1. ';
const body: Block[] = [
  { type: 'paragraph', id: 'para1', source: src, text: '为贯彻落实…，特制定本方案。' },
  {
    type: 'clause', id: 'p1', source: src, label: '一、', level: 'part', number: 1, title: '总体要求', text: '总体要求',
    children: [{ type: 'clause', id: 'p1-s1', source: src, label: '（一）', level: 'section', number: 1, title: null, text: HOSTILE, children: [] }],
  },
  {
    type: 'table', id: 't1', source: src,
    table: {
      id: 't1', caption: '指标', columns: 2, source: src,
      header: [{ kind: 'data', source: src, cells: [{ text: '领域', rowspan: 1, colspan: 1, header: true }, { text: '指标', rowspan: 1, colspan: 1, header: true }] }],
      rows: [
        { kind: 'data', source: src, cells: [{ text: '甲', rowspan: 2, colspan: 1 }, { text: 'a|b', rowspan: 1, colspan: 1 }] },
        { kind: 'data', source: src, cells: [{ text: 'c', rowspan: 1, colspan: 1 }] },
      ],
    },
  },
  { type: 'entry', id: 'e1', source: src, date: '2023-02-01', printedDate: '2月1日', text: '省政府召开常务会议。', docNumber: null },
];
const doc: AknSource = {
  id: 'jzbf-2022-99', kind: '通知', title: '关于印发某方案的通知', issuers: ['吉林省人民政府办公厅'], date: '2022-08-12', docNumber: '吉政办发〔2022〕99号', docNumberInferred: null,
  addressees: '各市（州）人民政府：', notice: '现印发给你们。', signature: { issuer: '吉林省人民政府办公厅', date: '2022年8月12日' }, planTitle: '某方案',
  body, attachments: [{ id: 'att1', label: '附件', title: '名单', omitted: true, body: [] }], issueDate: '2023-02-28',
};

describe('canonical text', () => {
  it('is one line per block in reading order, title first, LF-joined, NFC', () => {
    expect(bodyLines(doc).slice(0, 6)).toEqual(['各市（州）人民政府：', '现印发给你们。', '吉林省人民政府办公厅', '2022年8月12日', '某方案', '为贯彻落实…，特制定本方案。']);
    expect(bodyLines(doc)).toContain('甲\ta|b');
    expect(bodyLines(doc)).toContain('2月1日 省政府召开常务会议。');
    expect(bodyLines(doc).slice(-2)).toEqual(['附件', '名单']);
    expect(canonicalText({ ...doc, title: 'e\u0301' }).startsWith('\u00e9\n')).toBe(true);
  });
});

describe('Akoma Ntoso', () => {
  const xml = documentAkn(doc);
  it('escapes every markup character and drops characters XML forbids', () => {
    expect(escapeXml('<a href="x">&\'\u0001')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\uFFFD');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;');
    expect(xml).not.toContain('\u0001');
  });
  it('has FRBR work, expression and manifestation with the 发文字号, issuer, date and language', () => {
    expect(xml).toContain('<FRBRthis value="/akn/cn-jl/act/2022-08-12/jzbf-2022-99/!main"/>');
    expect(xml).toContain('<FRBRnumber value="吉政办发〔2022〕99号"/>');
    expect(xml).toContain('<FRBRlanguage language="zho"/>');
    expect(xml).toContain('showAs="吉林省人民政府办公厅"');
  });
  it('maps every block id onto an eId, in order', () => {
    expect([...xml.matchAll(/<hcontainer name="([^"]+)" eId="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      'planTitle:plan-title', 'paragraph:para1', 'part:p1', 'section:p1-s1', 'table:t1', 'entry:e1', 'attachment:att1',
    ]);
    expect(xml).toContain('<td rowspan="2"><p>甲</p></td>');
    expect(xml).toContain('<date date="2023-02-01">2月1日</date> 省政府召开常务会议。');
  });
  it('marks an inferred number as an alias, never as printed', () => {
    const inferred = documentAkn({ ...doc, docNumber: null, docNumberInferred: '吉发〔2021〕33号' });
    expect(inferred).toContain('<FRBRalias value="吉发〔2021〕33号" name="发文字号（推定）"/>');
    expect(inferred).not.toContain('<docNumber>');
  });
});

describe('Markdown', () => {
  const md = documentMarkdown({ ...doc, docNumber: '吉政办发〔2022〕99号' });
  it('escapes Markdown and HTML syntax in source text', () => {
    expect(escapeMarkdown('1. *a* <b> | #')).toBe('1\\. \\*a\\* \\<b\\> \\| \\#');
    expect(md).not.toContain('<script>');
  });
  it('gives headings their clause ids and tables as GFM, a merged cell repeated', () => {
    expect(md).toContain('## 一、总体要求 {#p1}');
    expect(md).toContain('| 领域 | 指标 |\n| --- | --- |\n| 甲 | a\\|b |\n| 甲 | c |');
    expect(md).toContain('## 附件 名单 {#att1}');
  });
});
