/**
 * Legal norms (法规、规章) in the LawRefBook layout: 章 节 条 款 项 目 and their ids (README, Clause IDs).
 * Every expected count was taken from the fixture with grep, line numbers cited beside it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, ClauseBlock, GazetteDocument } from '../../../src/gazette/model.ts';
import { linkReferences } from '../../../src/ingest/link/citations.ts';
import { citation, flatOutline, outline } from '../../../src/gazette/blocks.ts';
import { clauseTitles } from '../../../src/gazette/clause-titles.ts';
import { parseSource } from '../../../src/ingest/sources/index.ts';
import { buildLegalBody, isLegalNorm, parseArticleLabel, parseDivisionHeading } from '../../../src/ingest/structure/legal-norm.ts';
import { allBlocks, corpus } from './sources-fixtures.ts';
import { SEED_ISSUERS, SEED_READER } from '../../support/seed-gazette.ts';

export const LAWS = {
  beijing: 'lawrefbook_beijing_food_safety_regulation_md.txt',
  port: 'lawrefbook_shanghai_port_services_regulation_md.txt',
  realEstate: 'lawrefbook_shanghai_real_estate_registration_md.txt',
  ship: 'lawrefbook_ship_registration_regulation_md.txt',
  leave: 'lawrefbook_paid_annual_leave_measures_md.txt',
} as const;

const legal = (name: string) => {
  const r = parseSource(corpus(name), SEED_READER);
  return { r, doc: r.documents[0]! };
};
const clausesOf = (blocks: Block[]): ClauseBlock[] => allBlocks(blocks).filter((b): b is ClauseBlock => b.type === 'clause');
const ofLevel = (blocks: Block[], level: ClauseBlock['level']) => clausesOf(blocks).filter((c) => c.level === level);
const byId = (blocks: Block[], id: string) => clausesOf(blocks).find((c) => c.id === id);
const childIds = (c: ClauseBlock | undefined) => (c?.children ?? []).map((b) => b.id);

describe('labels', () => {
  it('reads article labels followed by a space, U+3000 or a no-break space, with 之一 and numerals to the thousands', () => {
    expect(parseArticleLabel('第十二条 属于登记职责范围')).toMatchObject({ label: '第十二条', number: 12, sub: null, rest: '属于登记职责范围' });
    expect(parseArticleLabel('第十二条之一　新增条文')).toMatchObject({ label: '第十二条之一', number: 12, sub: 1 });
    expect(parseArticleLabel('第一千二百六十条\u00A0本法自施行')).toMatchObject({ number: 1260 });
    // Prose that begins with an article reference is no label.
    expect(parseArticleLabel('第三条规定的登记事项，应当…')).toBeNull();
  });

  it('reads division headings, letter-spaced titles too', () => {
    expect(parseDivisionHeading('第一章　总　　则')).toEqual({ level: 'zhang', label: '第一章', number: 1, title: '总则' });
    expect(parseDivisionHeading('第二节  监督管理')).toEqual({ level: 'jie', label: '第二节', number: 2, title: '监督管理' });
    expect(parseDivisionHeading('第二编 物权')).toEqual({ level: 'bian', label: '第二编', number: 2, title: '物权' });
    expect(parseDivisionHeading('第三章规定的事项，由市政府负责。')).toBeNull();
  });

  it('decides "legal norm" from 第一条 then 第二条, not from one paragraph that starts with an article', () => {
    expect(isLegalNorm(['第一条 为了…', '第二条 本办法…'])).toBe(true);
    expect(isLegalNorm(['一、总体要求', '第三条 之规定适用于…', '二、重点任务'])).toBe(false);
    expect(isLegalNorm(['第一条 仅此一条。'])).toBe(false);
  });

  it('reports a 条 printed twice as a duplicate with file and line, and keeps both', () => {
    const src = (line: number) => ({ file: 'x.md', line });
    const r = buildLegalBody([
      { kind: 'text', text: '第一条 甲。', source: src(1) },
      { kind: 'text', text: '第二条 乙。', source: src(3) },
      { kind: 'text', text: '（一）丙；', source: src(4) },
      { kind: 'text', text: '第二条 丁。', source: src(5) },
      { kind: 'text', text: '（一）戊；', source: src(6) },
    ]);
    expect(r.blocks.map((b) => b.id)).toEqual(['t1', 't2', 't2']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ kind: 'duplicate-clause-id', file: 'x.md', line: 5, clause: 't2' }),
    ]);
  });
});

describe('上海市不动产登记若干规定: no chapters, 项 restarting in every 条', () => {
  const { r, doc } = legal(LAWS.realEstate);

  it('publishes 42 条 t1…t42 at top level without a single error (条 at l.7 … l.169)', () => {
    expect(doc.body.map((b) => b.id)).toEqual(Array.from({ length: 42 }, (_, i) => `t${i + 1}`));
    expect(r.findings.filter((f) => f.severity === 'error' || f.severity === 'severe')).toEqual([]);
    expect(ofLevel(doc.body, 'xiang')).toHaveLength(31);
  });

  it('第三条 has one 款 and 11 项 t3-x1…t3-x11 (l.13–33)', () => {
    const t3 = byId(doc.body, 't3')!;
    expect(t3.text).toBe('下列不动产权利，依法办理登记：');
    expect(childIds(t3)).toEqual(Array.from({ length: 11 }, (_, i) => `t3-x${i + 1}`));
    expect(byId(doc.body, 't3-x2')).toMatchObject({ label: '（二）', text: '房屋等建筑物、构筑物所有权；' });
  });

  it('第二条 has three unlabelled 款 (l.9, 11, 13); 第十四条 two, its 项 under 款1 (l.85–95)', () => {
    expect(childIds(byId(doc.body, 't2'))).toEqual(['t2-k1', 't2-k2', 't2-k3']);
    expect(byId(doc.body, 't2-k2')?.text).toMatch(/^市自然资源确权登记局是本市不动产登记机构/);
    expect(childIds(byId(doc.body, 't14'))).toEqual(['t14-k1', 't14-k2']);
    expect(childIds(byId(doc.body, 't14-k1'))).toEqual(['t14-k1-x1', 't14-k1-x2', 't14-k1-x3', 't14-k1-x4']);
  });

  it('cites in the legal form: 第三条第（二）项, and 第十四条第一款第（三）项 where the 条 has several 款', () => {
    const paths = new Map(flatOutline(outline(doc.body)).map((n) => [n.id, n.path]));
    expect(citation(doc, paths.get('t3-x2'))).toBe('《上海市不动产登记若干规定》第三条第（二）项');
    expect(citation(doc, paths.get('t14-k1-x3'))).toBe('《上海市不动产登记若干规定》第十四条第一款第（三）项');
    expect(citation(doc, paths.get('t2-k2'))).toBe('《上海市不动产登记若干规定》第二条第二款');
    expect(clauseTitles(doc).get('t3')).toBe('第三条');
  });
});

describe('北京市食品安全条例: chapters with sections', () => {
  const { doc } = legal(LAWS.beijing);

  it('has 7 章 (l.9, 43, 93, 203, 239, 341, 409) and 76 条; 第五章 has 2 节 (l.241, 271)', () => {
    expect(doc.body.map((b) => (b.type === 'clause' ? [b.id, b.label, b.title] : b.id))).toEqual([
      ['z1', '第一章', '总则'],
      ['z2', '第二章', '市场准入'],
      ['z3', '第三章', '食品生产经营'],
      ['z4', '第四章', '食用农产品'],
      ['z5', '第五章', '食品安全保障'],
      ['z6', '第六章', '法律责任'],
      ['z7', '第七章', '附则'],
    ]);
    expect(ofLevel(doc.body, 'tiao').map((c) => c.id)).toEqual(Array.from({ length: 76 }, (_, i) => `t${i + 1}`));
    expect(childIds(byId(doc.body, 'z5'))).toEqual(['z5-j1', 'z5-j2']);
    expect(childIds(byId(doc.body, 'z5-j1'))[0]).toBe('t42'); // l.243, first 条 under 第一节
    expect(childIds(byId(doc.body, 'z5-j2'))[0]).toBe('t46'); // l.273
    expect(ofLevel(doc.body, 'xiang')).toHaveLength(53);
  });

  it('第十二条 has two 款 (l.57, 59); the outline goes 章 → 条; sub-results name the chapter', () => {
    expect(childIds(byId(doc.body, 't12'))).toEqual(['t12-k1', 't12-k2']);
    const z2 = outline(doc.body).find((n) => n.id === 'z2')!;
    // l.45: 第二章 opens with 第十一条.
    expect(z2.children.slice(0, 2).map((n) => [n.id, n.path])).toEqual([
      ['t11', '第十一条'],
      ['t12', '第十二条'],
    ]);
    const titles = clauseTitles(doc);
    expect(titles.get('z5-j1')).toBe('第五章 第一节 风险管理');
    expect(titles.get('t12')).toBe('第二章 第十二条');
    expect(titles.get('t12-k2')).toBe('第二章 第十二条第二款');
  });
});

describe('上海口岸服务条例, 船舶登记条例, 企业职工带薪年休假实施办法', () => {
  it('上海口岸服务条例: 6 章 (l.9 … 129), 31 条, 第一章 holding t1–t8', () => {
    const { doc } = legal(LAWS.port);
    expect(doc.body.map((b) => b.id)).toEqual(['z1', 'z2', 'z3', 'z4', 'z5', 'z6']);
    expect(ofLevel(doc.body, 'tiao')).toHaveLength(31);
    expect(doc.kind).toBe('条例');
  });

  it('船舶登记条例: 10 章, 59 条, 第十五条 with 3 款 and ten 目 under its 项 (一) (l.97–123)', () => {
    const { doc } = legal(LAWS.ship);
    expect(ofLevel(doc.body, 'zhang')).toHaveLength(10);
    expect(ofLevel(doc.body, 'tiao')).toHaveLength(59);
    expect(childIds(byId(doc.body, 't15'))).toEqual(['t15-k1', 't15-k2', 't15-k3']);
    expect(childIds(byId(doc.body, 't15-k1'))).toEqual(['t15-k1-x1', 't15-k1-x2']);
    expect(childIds(byId(doc.body, 't15-k1-x1'))).toEqual(Array.from({ length: 10 }, (_, i) => `t15-k1-x1-m${i + 1}`));
    expect(byId(doc.body, 't15-k1-x1-m10')?.text).toBe('其他有关技术证书。');
    expect(ofLevel(doc.body, 'mu')).toHaveLength(10);
    const paths = new Map(flatOutline(outline(doc.body)).map((n) => [n.id, n.path]));
    expect(paths.get('t15-k1-x1-m2')).toBe('第十五条第一款第（一）项第2目');
  });

  it('企业职工带薪年休假实施办法: no chapters, 19 条 (the last, 第十九条, on l.61); 第五条 has 2 款 (l.19, 21)', () => {
    const { doc } = legal(LAWS.leave);
    expect(doc.body.map((b) => b.id)).toEqual(Array.from({ length: 19 }, (_, i) => `t${i + 1}`));
    expect(childIds(byId(doc.body, 't5'))).toEqual(['t5-k1', 't5-k2']);
  });
});

describe('references inside and between documents (link/citations.ts)', () => {
  const asGazette = (name: string, id: string): GazetteDocument => ({
    ...legal(name).doc,
    id,
    issue: null,
    inferredDocNumber: null,
    sources: [],
    variants: [],
    citations: [],
    citedBy: [],
    findings: [],
  });
  const linksOf = (doc: GazetteDocument) =>
    clausesOf(doc.body).flatMap((c) => (c.refs ?? []).map((r) => [c.id, c.text.slice(r.at, r.at + r.length), r.document, r.anchor]));

  it('北京市食品安全条例: 本条例第X条, 本条前款第八项, 前款第二项 link to the anchors in the document (l.59, 169, 357)', () => {
    const [doc] = linkReferences([asGazette(LAWS.beijing, 'bj')], SEED_ISSUERS);
    const links = linksOf(doc!);
    expect(links).toContainEqual(['t12-k2', '本条例第十一条', null, 't11']);
    expect(links).toContainEqual(['t29-k2', '本条前款第八项', null, 't29-k1-x8']);
    expect(links).toContainEqual(['t58-k2', '前款第二项', null, 't58-k1-x2']);
    expect(links).toContainEqual(['t60-x2', '本条例第二十一条第二款第一项', null, 't21-k2-x1']);
  });

  it('企业职工带薪年休假实施办法: 「条例第四条第（二）项」 cites another regulation, not in the set, and stays text (l.31)', () => {
    const [doc] = linkReferences([asGazette(LAWS.leave, 'leave')], SEED_ISSUERS);
    const links = linksOf(doc!);
    expect(links).toContainEqual(['t5-k1', '本办法第三条', null, 't3']);
    expect(links.filter((l) => String(l[1]).startsWith('条例'))).toEqual([]);
  });

  it('「《上海市不动产登记若干规定》第三条」 in another document links to that article; an absent 项 is no link', () => {
    const citing = asGazette(LAWS.leave, 'leave');
    const t1 = citing.body[0] as ClauseBlock;
    citing.body = [{ ...t1, text: '依照《上海市不动产登记若干规定》第三条第（二）项和《上海市不动产登记若干规定》第三条第（十二）项办理。' }];
    const [doc] = linkReferences([citing, asGazette(LAWS.realEstate, 'shbdc')], SEED_ISSUERS);
    expect(linksOf(doc!)).toEqual([['t1', '《上海市不动产登记若干规定》第三条第（二）项', 'shbdc', 't3-x2']]);
  });
});

describe('a 修改决定 links its bare articles to the document it amends (tests/fixtures/legal/amendment-decision_md.txt)', () => {
  // A decision composed for this test in the LawRefBook layout, amending the fixture regulation.
  const file = 'tests/fixtures/legal/amendment-decision_md.txt';
  const decision = parseSource({ file, text: readFileSync(file, 'utf8') }, SEED_READER).documents[0]!;
  const asGazette = (doc: typeof decision, id: string): GazetteDocument => ({ ...doc, id, issue: null, inferredDocNumber: null, sources: [], variants: [], citations: [], citedBy: [], findings: [] });
  const linksOf = (doc: GazetteDocument) =>
    clausesOf(doc.body).flatMap((c) => (c.refs ?? []).map((r) => [c.id, c.text.slice(r.at, r.at + r.length), r.document, r.anchor]));

  it('「将第五条第二款修改为」 (l.9), 「将第三条第（二）项」 (l.11), 「删去第三十六条」 (l.13) link into the amended regulation; an absent 项 stays text (l.15)', () => {
    expect(decision.title).toBe('上海市人民代表大会常务委员会关于修改《上海市不动产登记若干规定》的决定');
    const [doc] = linkReferences([asGazette(decision, 'decision'), asGazette(legal(LAWS.realEstate).doc, 'shbdc')], SEED_ISSUERS);
    expect(linksOf(doc!)).toEqual([
      ['p1', '第五条第二款', 'shbdc', 't5-k2'],
      ['p2', '第三条第（二）项', 'shbdc', 't3-x2'],
      ['p3', '第三十六条', 'shbdc', 't36'],
    ]);
  });

  it('without the amended regulation in the set, its articles are no links (the decision has no 第五条 of its own)', () => {
    const [doc] = linkReferences([asGazette(decision, 'decision')], SEED_ISSUERS);
    expect(linksOf(doc!)).toEqual([]);
  });
});

describe('政府令 in the PDF-to-text layout of 001 (tests/fixtures/legal/gazette-order_md.txt)', () => {
  const input = { file: 'tests/fixtures/legal/gazette-order_md.txt', text: readFileSync('tests/fixtures/legal/gazette-order_md.txt', 'utf8') };
  const r = parseSource(input, SEED_READER);
  const orders = r.documents.filter((d) => d.kind === '政府令');
  /** A tree without its source lines: what must be the same whatever the layout. */
  const shape = (blocks: Block[]): unknown[] =>
    blocks.map((b) => (b.type === 'clause' ? [b.id, b.label, b.title, b.text, shape(b.children)] : [b.id, b.type, 'text' in b ? b.text : '']));

  it('finds both 令 the TOC lists (l.72–77), each a document, nothing swallowed into the inside cover', () => {
    expect(orders.map((d) => [d.slug, d.title, d.page])).toEqual([
      ['jlsrmzfl-301', '上海口岸服务条例', 1],
      ['jlsrmzfl-302', '上海市不动产登记若干规定', 6],
    ]);
    expect(r.findings.filter((f) => f.kind === 'toc-unresolved')).toEqual([]);
    // The inside cover's statement is its own line (as in 001), not the 11,000 characters of the two 规章.
    expect(r.issue?.statement).toBe('政府公报所登文件与正式 文件具有同等效力');
  });

  it('reads the order fields: number, promulgation sentence, signatory, 公布日期 and 施行日期 (l.104–112)', () => {
    expect(orders[0]!.promulgation).toEqual({
      order: '吉林省人民政府令',
      number: '第301号',
      sentence: '《上海口岸服务条例》已经2023年1月10日省政府第5次常务会议审议通过，现予公布，自2023年3月1日起施行。',
      signatory: '省长 胡玉亭',
      promulgated: '2023-01-20',
      effective: '2023-03-01',
    });
    expect(orders[0]!.issuers).toEqual(['吉林省人民政府']);
    expect(citation(orders[1]!, '第三条第（二）项')).toBe('《上海市不动产登记若干规定》第三条第（二）项');
  });

  it('parses to the same tree as the LawRefBook Markdown: same ids, labels and texts, letter-spaced 「第一章　总　　则」 and page breaks included', () => {
    expect(shape(orders[0]!.body)).toEqual(shape(legal(LAWS.port).doc.body));
    expect(shape(orders[1]!.body)).toEqual(shape(legal(LAWS.realEstate).doc.body));
    expect(orders[0]!.body[0]).toMatchObject({ id: 'z1', label: '第一章', title: '总则' });
  });
});
