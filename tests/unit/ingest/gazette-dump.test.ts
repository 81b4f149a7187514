import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, ClauseBlock, EntryBlock, SourceDocument, Table } from '../../../src/gazette/model.ts';
import { buildLedger } from '../../../src/ingest/check/ledger.ts';
import { parseGazetteDump } from '../../../src/ingest/sources/gazette-dump/index.ts';
import { SEED_READER } from '../../support/seed-gazette.ts';

const file = 'content/sources/001_2dbcd8b680e63142.txt';
const text = readFileSync(file, 'utf8');
const parse = parseGazetteDump({ file, text }, SEED_READER);
const issue = parse.issue!;
const docs = parse.documents;
const [cover, juan, d1, d2, d3, d4, appointments, news] = docs as [SourceDocument, ...SourceDocument[]] as SourceDocument[];

const walk = (blocks: Block[]): Block[] => blocks.flatMap((b) => [b, ...(b.type === 'clause' ? walk(b.children) : [])]);
const clause = (doc: SourceDocument | undefined, id: string): ClauseBlock => {
  const found = walk(doc?.body ?? []).find((b): b is ClauseBlock => b.type === 'clause' && b.id === id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
};
const tables = (doc: SourceDocument | undefined): Table[] => walk(doc?.body ?? []).flatMap((b) => (b.type === 'table' ? [b.table] : []));
const findings = (kind: string, doc?: SourceDocument) => parse.findings.filter((f) => f.kind === kind && (!doc || f.document === doc.slug));
describe('issue 2023-4', () => {
  it('reads the cover and inside-cover facts', () => {
    expect(parse.kind).toBe('gazette-dump');
    expect(issue).toMatchObject({
      id: '2023-4',
      gazette: '吉林省人民政府公报',
      year: 2023,
      number: 4,
      cumulative: 888,
      published: '2023-02-28',
      frequency: '半月刊',
      issn: '1009-1818',
      cn: '22-1416/D',
      sponsor: '吉林省人民政府',
      publisher: '吉林省人民政府办公厅',
      motto: ['传达政令', '宣传政策', '指导工作', '服务社会'],
      file,
    });
    expect(issue.masthead['地址']).toBe('长春市新发路329号');
    expect(parse.meta['insideCover.published']).toBe('2023年2月28日出版');
  });

  it('reads the editorial board', () => {
    expect(issue.editorialBoard.map((r) => [r.role, r.names.length])).toEqual([
      ['主任', 1],
      ['副主任', 1],
      ['委员', 13],
      ['主编', 1],
      ['副主编', 1],
      ['责任编辑', 1],
    ]);
    expect(issue.editorialBoard[0]?.names).toEqual(['习树茂']);
    expect(issue.editorialBoard[1]?.names).toEqual(['佟胜强']);
  });

  it('resolves the 7 TOC entries to the documents, with their pages', () => {
    expect(issue.sections.map((s) => s.title)).toEqual(['卷首语', '省政府文件', '省政府办公厅文件', '人事任免', '政务要闻']);
    const entries = issue.sections.flatMap((s) => s.entries);
    expect(entries.map((e) => [e.page, e.document])).toEqual([
      [1, '2023-4-juanshouyu'],
      [4, 'jzf-2022-21'],
      [11, 'jzbf-2022-26'],
      [22, 'jzbf-2022-27'],
      [31, 'jzbh-2022-137'],
      [39, 'jzgr-2023-6-7'],
      [39, '2023-4-zwyw'],
    ]);
    expect(entries[1]?.title).toBe('吉林省人民政府关于印发吉林省贯彻计量发展规划(2021-2035年)实施方案的通知');
    expect(findings('toc-repaired')).toMatchObject([{ line: 90, severity: 'warning' }]);
    expect(findings('toc-repaired')[0]?.document).toBeUndefined();
  });

  it('keeps captions ①–⑦ and the 简介 out of the documents', () => {
    expect(issue.captions).toHaveLength(7);
    expect(issue.captions.map((c) => c[0])).toEqual(['①', '②', '③', '④', '⑤', '⑥', '⑦']);
    expect(issue.captions[2]).toBe('③2月19日，副省长韩福春参加第一届菌物科学与工程国际大会并致辞。');
    expect(issue.about?.split('\n')).toHaveLength(3);
    expect(Math.max(...docs.map((d) => d.span.to))).toBe(842);
  });
});

describe('documents', () => {
  it('are the 8 pieces of the issue, in printed order', () => {
    expect(docs.map((d) => [d.slug, d.kind, d.span.from, d.span.to, d.page])).toEqual([
      ['2023-4-cover', '封面', 15, 29, null],
      ['2023-4-juanshouyu', '卷首语', 35, 49, 1],
      ['jzf-2022-21', '通知', 135, 259, 4],
      ['jzbf-2022-26', '通知', 261, 404, 11],
      ['jzbf-2022-27', '通知', 406, 585, 22],
      ['jzbh-2022-137', '通知', 587, 798, 31],
      ['jzgr-2023-6-7', '任免', 800, 804, 39],
      ['2023-4-zwyw', '要闻', 806, 842, 39],
    ]);
    expect(docs.every((d) => d.kind !== '简报' && d.file === file)).toBe(true);
  });

  it('cover story: title from l.15 + l.17, three paragraphs', () => {
    expect(cover?.title).toBe('韩俊到长春市调研时强调 加快推进产业数字化改造 打造振兴突破新引擎');
    expect(cover?.body.map((b) => [b.type, b.source.line])).toEqual([
      ['paragraph', 21],
      ['paragraph', 25],
      ['paragraph', 29],
    ]);
    expect(cover?.date).toBe('2023-02-28');
  });

  it('卷首语: the title lines lost 「理念 推动招商」 against the TOC, which gives the title; 一要/二要/三要 are not clauses', () => {
    expect(juan?.printedTitle).toBe('树立项目为王环境为要引资上规模上水平上台阶');
    expect(juan?.title).toBe('树立项目为王环境为要理念 推动招商引资上规模上水平上台阶');
    expect(findings('title-incomplete')).toMatchObject([{ line: 37, severity: 'warning', document: '2023-4-juanshouyu' }]);
    expect(findings('title-incomplete')[0]?.message).toContain('「理念推动招商」');
    expect(juan?.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(juan?.body.map((b) => (b.type === 'paragraph' ? b.text.slice(0, 2) : ''))).toEqual(['招商', '一要', '二要', '三要']);
  });

  it('D1 header: title without layout spaces in source glyphs, number, issuer, addressees, notice, 落款, plan title', () => {
    expect(d1).toMatchObject({
      title: '吉林省人民政府关于印发吉林省贯彻计量发展规划(2021—2035年)实施方案的通知',
      printedTitle: '吉林省人民政府关于 印发吉林省贯彻计量发展规划 (2021—2035年)实施方案的通知',
      docNumber: { normalized: '吉政发〔2022〕21号', printed: '吉政发〔2022〕21号' },
      issuers: ['吉林省人民政府'],
      signature: { issuer: '吉林省人民政府', date: '2022年11月18日', source: { file, line: 144 } },
      date: '2022-11-18',
      kind: '通知',
      planTitle: '吉林省贯彻计量发展规划(2021—2035年)实施方案',
      notice: '现将《吉林省贯彻计量发展规划（2021—2035年）实施方案》印发给你们，请认真贯彻执行。',
    });
    expect(d1?.addressees).toMatch(/^各市（州）人民政府，.*驻吉中直有关部门、单位：$/);
  });

  it('D2–D4 headers, including D3’s spaced numerals', () => {
    expect(d2).toMatchObject({ issuers: ['吉林省人民政府办公厅'], date: '2022-08-12', planTitle: '吉林省科技创新生态优化工程实施方案' });
    expect(d2?.notice).toBe('《吉林省科技创新生态优化工程实施方案》已经省政府同意，现印发给你们，请认真贯彻执行。');
    expect(d3).toMatchObject({
      title: '吉林省人民政府办公厅关于印发吉林省残疾预防行动计划(2022—2025年)的通知',
      docNumber: { normalized: '吉政办发〔2022〕27号', printed: '吉政办发〔2022〕27 号' },
      signature: { issuer: '吉林省人民政府办公厅', date: '2022 年 8 月 12 日' },
      date: '2022-08-12',
      planTitle: '吉林省残疾预防行动计划(2022—2025年)',
    });
    expect(d4).toMatchObject({
      title: '吉林省人民政府办公厅关于印发吉林省贯彻落实《气象高质量发展纲要(2022—2035年)》重点任务及分工方案的通知',
      docNumber: { normalized: '吉政办函〔2022〕137号' },
      kind: '通知',
      date: '2022-12-08',
      planTitle: '吉林省贯彻落实《气象高质量发展纲要(2022—2035年)》重点任务及分工方案',
    });
  });

  it('builds the clause trees', () => {
    expect(d1?.body.filter((b) => b.type === 'clause').map((b) => b.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(clause(d1, 'p4-s21').label).toBe('(二十一)');
    expect(clause(d2, 'p1-s2').children.map((b) => b.id)).toEqual(['p1-s2-d1', 'p1-s2-d2', 'p1-s2-d3', 'p1-s2-d4']);
    expect(clause(d2, 'p3-i26').title).toBe('推进监督评估, 强化任务落实。');
    expect(clause(d3, 'p3-s4').title).toBe('加强宣传引导。');
    expect(clause(d4, 'p8-s25-i51').number).toBe(51);
  });
});

describe('layout repair', () => {
  it('counts the page breaks per document: D1 13, D2 19, D3 10, D4 12', () => {
    expect([d1, d2, d3, d4].map((d) => findings('layout-break-joined', d).length)).toEqual([13, 19, 10, 12]);
    expect(findings('layout-break-joined')).toHaveLength(54);
  });

  it('joins the broken words: 紧紧围绕 (l.152/154), 支持宣传 (l.388/390), 省人力资源社会保障厅 (l.340/342)', () => {
    const s1 = clause(d1, 'p1-s1').text;
    expect(s1.split('紧紧围绕')).toHaveLength(2);
    expect(s1).toMatch(/深入贯彻党的二十大精神，全面落实.*紧紧围绕“一主六双”/);
    expect(clause(d2, 'p2-s5-i22').text).toContain('健全科技创新文化保障机制。支持宣传文化部门');
    expect(clause(d2, 'p2-s2-i9').text).toMatch(/（省科技厅、省委组织部、省人力资源社会保障厅、省教育厅、省工业和信息化厅等按职责分工负责\)$/);
    expect(findings('layout-break-joined', d1).map((f) => f.line)).toEqual([154, 158, 175, 181, 187, 193, 201, 211, 219, 233, 241, 249, 257]);
  });

  it('puts the orphan responsibility parentheticals back (l.499, 672, 722)', () => {
    expect(findings('orphan-parenthetical-attached').map((f) => [f.line, f.document])).toEqual([
      [499, 'jzbf-2022-27'],
      [672, 'jzbh-2022-137'],
      [722, 'jzbh-2022-137'],
    ]);
    expect(clause(d3, 'p2-s1-i2').text).toMatch(/达到 80% 以上。（省残联、省卫生健康委牵头，.*团省委、省妇联按职责分工负责）$/);
    expect(clause(d4, 'p3-s9-i18').text).toMatch(/承灾能力。（责任单位：省应急厅/);
    expect(clause(d4, 'p4-s13-i34').text).toMatch(/保障系统。\(责任单位：省气象局、省交通运输厅及各市〔州〕政府、长白山管委会、珲春市政府\)$/);
  });

  it('rejoins D3 item 5 (l.537) with its body (l.539)', () => {
    expect(findings('item-body-joined')).toMatchObject([{ line: 539, document: 'jzbf-2022-27' }]);
    const item = clause(d3, 'p2-s4-i5');
    expect(item.title).toBe('加强农产品和食品药品安全监管。');
    expect(item.text).toMatch(/^加强农产品和食品药品安全监管。聚焦突出问题，/);
  });

  it('drops D4’s l.798, which repeats the last 84 characters of l.796', () => {
    expect(findings('duplicate-fragment-dropped')).toMatchObject([{ line: 798, severity: 'warning', document: 'jzbh-2022-137' }]);
    const removal = parse.removals.find((r) => r.line === 798);
    expect([...(removal?.text ?? '')]).toHaveLength(84);
    const item51 = clause(d4, 'p8-s25-i51').text;
    expect(item51.split('健全气象标准体系')).toHaveLength(2);
    expect(item51).toMatch(/^加快推进气象相关立法工作，建立健全各地气象法规体系。/);
  });
});

describe('tables and attachments', () => {
  it('D1: 计量发展主要指标 under 一、（二）, with the 领域 grouping reported as ambiguous', () => {
    const [table] = tables(d1);
    expect(table).toMatchObject({ id: 'p1-s2-t1', caption: '计量发展主要指标', columns: 6 });
    expect(table?.rows).toHaveLength(6);
    expect(findings('table-grouping-ambiguous', d1)).toMatchObject([{ line: 164 }]);
  });

  it('D3: 残疾预防主要指标 under 一、, three fragments merged into 50 rows', () => {
    const [table] = tables(d3);
    expect(table).toMatchObject({ id: 'p1-t1', caption: '残疾预防主要指标', columns: 3 });
    expect(table?.rows.filter((r) => r.kind === 'data')).toHaveLength(25);
    expect(table?.rows.filter((r) => r.kind === 'note')).toHaveLength(25);
    expect(findings('table-cell-shifted', d3).map((f) => f.line)).toEqual([480, 481]);
    expect(findings('table-grouping-ambiguous', d3).map((f) => f.line)).toEqual([446]);
    expect(findings('table-header-repeated', d3).map((f) => f.line)).toEqual([457, 483]);
  });

  it('D1: 附件 社会公用计量标准建设项目（略） is an omitted attachment', () => {
    expect(d1?.attachments).toMatchObject([{ id: 'att1', label: '附件', title: '社会公用计量标准建设项目', omitted: true, source: { line: 259 } }]);
  });

  it('D3: the member list is an attachment of 18 paragraphs read down the columns', () => {
    expect(d3?.attachments).toHaveLength(1);
    const [att] = d3?.attachments ?? [];
    expect(att).toMatchObject({ id: 'att1', label: '附件', title: '吉林省残疾预防行动领导小组成员单位名单', omitted: false, source: { line: 573 } });
    expect(att?.body.map((b) => b.type)).toEqual(Array<string>(18).fill('paragraph'));
    expect(att?.body.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual([
      '省委宣传部', '省发展改革委', '省教育厅', '省科技厅', '省公安厅', '省民政厅', '省财政厅', '省人力资源社会保障厅', '省生态环境厅',
      '省住房和城乡建设厅', '省交通运输厅', '省卫生健康委', '省应急厅', '省市场监管厅', '省体育局', '省医保局', '省妇联', '省残联',
    ]);
  });
});

describe('人事任免 and 政务要闻', () => {
  const entries = (doc: SourceDocument | undefined): EntryBlock[] => (doc?.body ?? []).filter((b): b is EntryBlock => b.type === 'entry');

  it('人事任免: two entries with their own numbers; the TOC gives the column its number 吉政干任〔2023〕6-7号', () => {
    expect(appointments).toMatchObject({ title: '吉林省人民政府人事任免', issuers: ['吉林省人民政府'], docNumber: { normalized: '吉政干任〔2023〕6-7号' } });
    expect(entries(appointments).map((e) => [e.id, e.date, e.printedDate, e.docNumber?.normalized, e.source.line])).toEqual([
      ['e1', '2023-02-02', '2月2日', '吉政干任〔2023〕6号', 802],
      ['e2', '2023-02-13', '2月13日', '吉政干任〔2023〕7号', 804],
    ]);
    expect(entries(appointments)[0]?.text).toBe('省政府决定，聘任孙铁为省政府参事，聘期按有关规定执行。（吉政干任〔2023〕6号）');
  });

  it('政务要闻: 19 dated entries, 同日 inheriting the date before', () => {
    const list = entries(news);
    expect(news).toMatchObject({ title: '政务要闻', printedTitle: '' });
    expect(list).toHaveLength(19);
    expect(list.map((e) => e.date)).toEqual([
      '2023-02-01', '2023-02-01', '2023-02-01', '2023-02-01', '2023-02-02', '2023-02-02', '2023-02-04', '2023-02-06', '2023-02-09', '2023-02-11',
      '2023-02-11', '2023-02-13', '2023-02-13', '2023-02-14', '2023-02-14', '2023-02-14', '2023-02-14', '2023-02-15', '2023-02-15',
    ]);
    expect(list.filter((e) => e.printedDate === '同日').map((e) => e.source.line)).toEqual([808, 810, 812, 816, 826, 830, 834, 836, 842]);
    expect(list[16]).toMatchObject({ printedDate: '2月14日至15日', source: { line: 838 } });
    expect(list[1]?.text).toMatch(/^省委副书记、省长韩俊主持召开省政府2023年第3次常务会议/);
    expect(list.every((e) => e.docNumber === null)).toBe(true);
  });
});

describe('findings and the character ledger', () => {
  it('gives every document finding its document slug', () => {
    const counts: Record<string, number> = {};
    for (const f of parse.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    expect(counts).toEqual({
      'toc-repaired': 1,
      'title-incomplete': 1,
      'layout-break-joined': 54,
      'orphan-parenthetical-attached': 3,
      'item-body-joined': 1,
      'duplicate-fragment-dropped': 1,
      'table-header-repeated': 2,
      'table-cell-shifted': 2,
      'table-grouping-ambiguous': 2,
    });
    expect(parse.findings.filter((f) => !f.document).map((f) => f.kind)).toEqual(['toc-repaired']);
    expect(parse.findings.every((f) => f.file === file && f.line > 0)).toBe(true);
  });

  it('removes the pinyin headers and 目录 furniture with a reason', () => {
    expect(parse.removals.filter((r) => r.text !== '：').map((r) => [r.line, r.text.slice(0, 10)])).toEqual([
      [7, 'JILINSHENG'],
      [35, 'JUANSHOUYU'],
      [67, '目录'],
      [69, 'CONTENTS'],
      [105, '编辑委员会'],
      [259, '： （略）'],
      // 27号's 领域 label printed again on adjacent rows: one merged cell (tab-table.ts).
      [450, '疾病致残防控行动'],
      [452, '疾病致残防控行动'],
      [457, '领域\t主要指标及计算'],
      [483, '领域\t主要指标及计算'],
      [798, '用、气象信息服务等活'],
      [862, '《吉林省人民政府公报'],
    ]);
    expect(parse.removals.every((r) => r.reason !== '')).toBe(true);
  });

  it('accounts for every character in the ledger', () => {
    const published = docs.map((d) => ({ sources: [{ file, role: 'authoritative' as const, kind: 'gazette-dump' as const, lines: d.span, meta: {}, sha256: null }] }));
    const entry = buildLedger({ file, text, parse, published });
    expect(entry.authoritative).toBe(true);
    expect(entry.unaccounted).toBe(0);
    expect(parse.removals.find((r) => r.line === 259)).toEqual({ line: 259, text: '： （略）', reason: 'omitted attachment: 「（略）」 is Attachment.omitted' });
    // Invented on purpose: the 任免's number, which only the TOC prints.
    const blamed = new Set(entry.samples.invented.flatMap((s) => s.places.map((p) => p.field?.replace(/^「[^」]*」 /, ''))));
    expect([...blamed].sort()).toEqual(['docNumber.printed']);
  });
});

describe('detection by content', () => {
  it('parses the same issue with shifted lines and without its 卷首语', () => {
    const lines = text.split('\n');
    const without = ['', '', ...lines.slice(0, 34), ...lines.slice(49)].join('\n');
    const p = parseGazetteDump({ file, text: without }, SEED_READER);
    expect(p.documents.map((d) => d.slug)).toEqual(['2023-4-cover', 'jzf-2022-21', 'jzbf-2022-26', 'jzbf-2022-27', 'jzbh-2022-137', 'jzgr-2023-6-7', '2023-4-zwyw']);
    expect(p.documents[1]?.span).toEqual({ from: 135 + 2 - 15, to: 259 + 2 - 15 });
    expect(p.findings.filter((f) => f.kind === 'toc-unresolved')).toMatchObject([{ line: 73 + 2 - 15 }]);
    expect(p.findings.filter((f) => f.kind === 'layout-break-joined')).toHaveLength(54);
  });

  it('reports a TOC number that differs from the document’s, and falls back to a positional slug when the agency has no pinyin', () => {
    const p = parseGazetteDump({ file, text: text.replace('\n吉政发〔2022〕21号\n', '\n蛋政发〔2022〕21号\n') }, SEED_READER);
    const doc = p.documents[2];
    expect(doc?.docNumber?.normalized).toBe('蛋政发〔2022〕21号');
    expect(doc?.slug).toBe('2023-4-doc3');
    expect(p.issue?.sections[1]?.entries[0]?.document).toBe('2023-4-doc3');
    expect(p.findings.filter((f) => f.kind === 'toc-differs')).toMatchObject([{ line: 78, severity: 'warning', document: '2023-4-doc3' }]);
    expect(p.findings.filter((f) => f.kind === 'slug-fallback')).toMatchObject([{ line: 135, severity: 'warning', document: '2023-4-doc3' }]);
  });

  it('refuses a file without the issue facts', () => {
    expect(() => parseGazetteDump({ file, text: text.replace('第4期(复总第888期)', '').replace('2023年第4期', '') }, SEED_READER)).toThrow(/ 第5行：公报文本的封面和内封都没有刊名、年份或期号（封面从本行开始）$/);
  });
});
