import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCitations, linkDocuments, titleKey } from '../../../src/ingest/link/citations.ts';
import type { Block, DocumentNumber, GazetteDocument } from '../../../src/gazette/model.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';
import { parseDocumentNumber } from '../../../src/gazette/doc-number.ts';
import { SEED, SEED_ISSUERS } from '../../support/seed-gazette.ts';

const DUMP = 'content/sources/001_2dbcd8b680e63142.txt';
const NEWS = 'content/sources/003_49b82304a1133bd7.txt';

const num = (s: string): DocumentNumber => {
  const n = parseDocumentNumber(s);
  if (!n) throw new Error(`not a document number: ${s}`);
  return n;
};

const para = (id: string, line: number, text: string, file = DUMP): Block => ({ type: 'paragraph', id, source: { file, line }, text });
const clause = (id: string, label: string, line: number, text: string, children: Block[] = []): Block => ({
  type: 'clause',
  id,
  source: { file: DUMP, line },
  label,
  level: 'item',
  number: 1,
  title: null,
  text,
  children,
});

function doc(id: string, fields: Partial<GazetteDocument> & { title: string }, file = DUMP, from = 1): GazetteDocument {
  return {
    id,
    issue: '2023-4',
    printedTitle: fields.title,
    docNumber: null,
    issuers: [],
    addressees: null,
    notice: null,
    signature: { issuer: null, date: null, source: null },
    date: null,
    kind: '通知',
    planTitle: null,
    body: [],
    attachments: [],
    page: null,
    meta: {},
    sources: [{ file, role: 'authoritative', kind: 'gazette-dump', lines: { from, to: from + 10 }, meta: {}, sha256: null }],
    variants: [],
    citations: [],
    citedBy: [],
    inferredDocNumber: null,
    findings: [],
    ...fields,
  };
}

// Exact strings of the seeds (001 unless noted).
const D2 = doc(
  'jzbf-2022-26',
  {
    title: '吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知',
    docNumber: num('吉政办发〔2022〕26号'),
    notice: '《吉林省科技创新生态优化工程实施方案》已经省政府同意，现印发给你们，请认真贯彻执行。',
    planTitle: '吉林省科技创新生态优化工程实施方案',
    body: [
      para(
        'para1',
        274,
        '为贯彻落实《中共吉林省委 吉林省人民政府关于创新型省份建设的意见》（吉发〔2021〕33号），推进实施吉林省科技创新生态优化工程，加快打造新时代科技创新生态，特制定本方案。',
      ),
      clause(
        'p3-i23',
        '23.',
        394,
        '加强组织领导，强化制度保障。……扎实推进本方案实施，确保落地见效。出台《吉林省科技体制改革三年攻坚实施方案》，修订《吉林省科技进步促进条例》《吉林省促进科技成果转化条例》，完善科技成果评价及转化。',
      ),
    ],
  },
  DUMP,
  261,
);

const D4_TITLE = '吉林省人民政府办公厅关于印发吉林省贯彻落实《气象高质量发展纲要(2022—2035年)》重点任务及分工方案的通知';
const D4 = doc(
  'jzbh-2022-137',
  {
    title: D4_TITLE,
    docNumber: num('吉政办函〔2022〕137号'),
    notice: '《吉林省贯彻落实〈气象高质量发展纲要（2022—2035年）〉重点任务及分工方案》已经省政府同意，现印发给你们，请认真组织实施。',
    body: [
      para(
        'para1',
        600,
        '为深入贯彻习近平总书记视察吉林重要讲话重要指示和关于气象工作重要指示精神，全面落实国务院《气象高质量发展纲要（2022—2035年）》（国发〔2022〕11号），结合《吉林省人民政府关于推进气象强省建设助力吉林高质量发展的意见》（吉政发〔2021〕13号），制定本方案。',
      ),
      clause(
        'p8-s25-i49',
        '49.',
        786,
        '坚持党对气象工作的全面领导，发挥各级政府推动气象高质量发展的主导作用，健全部门协同、上下联动的气象高质量发展工作机制。加强对《气象高质量发展纲要（2022—2035年）》实施的综合协调和督促检查。（责任单位：各市〔州〕政府、长白山管委会）',
      ),
    ],
  },
  DUMP,
  587,
);

const D7 = doc(
  '2021-12-20-yijian',
  {
    title: '省委省政府关于创新型省份建设的意见',
    kind: '意见',
    body: [
      {
        type: 'clause',
        id: 'p3-s3',
        source: { file: NEWS, line: 68 },
        label: '（三）',
        level: 'section',
        number: 3,
        title: '强化人才支撑。',
        text: '强化人才支撑。……落实《中共吉林省委、吉林省人民政府印发〈关于激发人才活力支持人才创新创业的若干政策措施（2.0版）〉的通知》（吉发〔2021〕3号），聚焦人才生活服务保障。',
        children: [],
      },
    ],
  },
  NEWS,
  15,
);

describe('titleKey', () => {
  it('reads known issuers in any short form and spacing as one canonical set', () => {
    const cited = titleKey('中共吉林省委 吉林省人民政府关于创新型省份建设的意见', SEED_ISSUERS);
    expect(cited).toBe('中共吉林省委+吉林省人民政府|关于创新型省份建设的意见');
    expect(titleKey('省委省政府关于创新型省份建设的意见', SEED_ISSUERS)).toBe(cited);
    expect(titleKey('中共吉林省委吉林省人民政府關於创新型省份建设的意见', SEED_ISSUERS)).not.toBe(cited); // 關於 is not 关于: copies are not linked
    expect(titleKey('吉林省委、省政府关于创新型省份建设的意见（2021年12月20日）', SEED_ISSUERS)).toBe(cited);
  });

  it('normalises width, dashes and title brackets', () => {
    expect(titleKey('吉林省贯彻落实〈气象高质量发展纲要（2022—2035年）〉重点任务及分工方案', SEED_ISSUERS)).toBe(
      titleKey('吉林省贯彻落实《气象高质量发展纲要 (2022-2035年)》重点任务及分工方案', SEED_ISSUERS),
    );
  });

  it('does not over-match', () => {
    const gov = titleKey('吉林省人民政府关于推进气象强省建设助力吉林高质量发展的意见', SEED_ISSUERS);
    expect(titleKey('吉林省人民政府办公厅关于推进气象强省建设助力吉林高质量发展的意见', SEED_ISSUERS)).not.toBe(gov);
    expect(titleKey('关于推进气象强省建设助力吉林高质量发展的意见', SEED_ISSUERS)).not.toBe(gov);
    expect(titleKey('吉林省人民政府关于推进气象强省建设助力吉林高质量发展的通知', SEED_ISSUERS)).not.toBe(gov);
    // 000's tampered issuer is not a known authority: the title is compared whole and matches nothing.
    expect(titleKey('中共吉林省委 欧宝体育关于创新型省份建设的意见', SEED_ISSUERS)).toBe('中共吉林省委欧宝体育关于创新型省份建设的意见');
    // 关于 inside a nested title: the prefix 「…印发」 is not an issuer list, nothing is stripped.
    const nested = '中共吉林省委、吉林省人民政府印发〈关于激发人才活力支持人才创新创业的若干政策措施（2.0版）〉的通知';
    expect(titleKey(nested, SEED_ISSUERS)).not.toContain('|');
  });
});

describe('findCitations', () => {
  it('finds 《title》（发文字号） in a preamble and anchors it at the paragraph and line', () => {
    const [first] = findCitations(D2, SEED_ISSUERS);
    expect(first).toEqual({
      title: '中共吉林省委 吉林省人民政府关于创新型省份建设的意见',
      docNumber: num('吉发〔2021〕33号'),
      target: null,
      clause: 'para1',
      source: { file: DUMP, line: 274 },
    });
  });

  it('skips the 印发 formula naming the document’s own plan, from planTitle or from the title', () => {
    expect(findCitations(D2, SEED_ISSUERS).map((c) => c.title)).toEqual([
      '中共吉林省委 吉林省人民政府关于创新型省份建设的意见',
      '吉林省科技体制改革三年攻坚实施方案',
      '吉林省科技进步促进条例',
      '吉林省促进科技成果转化条例',
    ]);
    // D4 has no planTitle here: the plan named in 「关于印发…的通知」 is enough, nested 〈〉 and all.
    expect(findCitations(D4, SEED_ISSUERS).some((c) => c.clause === '')).toBe(false);
  });

  it('keeps a nested 〈〉 title inside its 《》 and takes numbers in either bracket width', () => {
    const other = doc('x', {
      title: '某通知',
      notice:
        '现将《吉林省贯彻落实〈气象高质量发展纲要（2022—2035年）〉重点任务及分工方案》转发给你们。依据《吉林省加快康复医疗工作发展实施方案》(吉卫联发〔2021〕44号)执行。',
    });
    expect(findCitations(other, SEED_ISSUERS).map((c) => [c.title, c.docNumber?.normalized ?? null, c.clause])).toEqual([
      ['吉林省贯彻落实〈气象高质量发展纲要（2022—2035年）〉重点任务及分工方案', null, ''],
      ['吉林省加快康复医疗工作发展实施方案', '吉卫联发〔2021〕44号', ''],
    ]);
  });

  it('reads spaced numbers and 令 numbers as printed in 001 l.419', () => {
    const d3 = doc('jzbf-2022-27', {
      title: '吉林省人民政府办公厅关于印发吉林省残疾预防行动计划（2022—2025年）的通知',
      body: [
        para(
          'para1',
          419,
          '为深入贯彻省委、省政府关于健康吉林建设的决策部署，进一步加强残疾预防，有效减少和控制残疾发生、发展，依据《残疾预防和残疾人康复条例》（国务院令 第 675 号）和《国家残疾预防行动计划（2021—2025 年）》（国办发〔2021〕50 号），以及《吉林省国民经济和社会发展的第十四个五年规划和 2035 年远景目标纲要》（吉政发〔2021〕7 号），结合我省残疾预防发展实际情况，制定本行动计划。',
        ),
      ],
    });
    const found = findCitations(d3, SEED_ISSUERS);
    expect(found.map((c) => c.docNumber?.normalized)).toEqual(['国务院令第675号', '国办发〔2021〕50号', '吉政发〔2021〕7号']);
    expect(found[1]?.docNumber?.printed).toBe('国办发〔2021〕50 号');
    expect(found[2]?.title).toBe('吉林省国民经济和社会发展的第十四个五年规划和 2035 年远景目标纲要');
  });

  it('scans table cells (the 计算方法 sub-rows of 残疾预防主要指标) and anchors them at the table', () => {
    const cell = (text: string) => ({ text, rowspan: 1, colspan: 1 });
    const table: Block = {
      type: 'table',
      id: 'p1-t1',
      source: { file: DUMP, line: 431 },
      table: {
        id: 'p1-t1',
        caption: '残疾预防主要指标',
        header: [],
        rows: [
          {
            kind: 'note',
            source: { file: DUMP, line: 451 },
            cells: [
              cell(''),
              cell(
                '计算方法：在基层医疗卫生机构按照规范要求提供高血压患者健康管理服务的人数/年内辖区内已管理的高血压患者人数×100%（该指标统计同《国家基本公共卫生服务规范（第三版）》中的高血压患者规范管理率）。',
              ),
              cell(''),
            ],
          },
        ],
        columns: 3,
        source: { file: DUMP, line: 431 },
      },
    };
    expect(findCitations(doc('t', { title: 't', body: [table] }), SEED_ISSUERS)).toEqual([
      { title: '国家基本公共卫生服务规范（第三版）', docNumber: null, target: null, clause: 'p1-t1', source: { file: DUMP, line: 451 } },
    ]);
  });

  it('takes bare bracketed numbers, but neither an entry’s own number nor an undelimited one in prose', () => {
    const entries = doc('jzgr-2023-6-7', {
      title: '吉林省人民政府人事任免',
      docNumber: num('吉政干任〔2023〕6-7号'),
      body: [
        {
          type: 'entry',
          id: 'e1',
          source: { file: DUMP, line: 802 },
          date: '2023-02-02',
          printedDate: '2月2日',
          text: '省政府决定，聘任孙铁为省政府参事，聘期按有关规定执行。（吉政干任〔2023〕6号）',
          docNumber: num('吉政干任〔2023〕6号'),
        },
        para('para1', 900, '按照省委有关文件（吉发〔2021〕3号）要求，参照国办发〔2021〕50号文件执行。'),
      ],
    });
    expect(findCitations(entries, SEED_ISSUERS)).toEqual([
      { title: null, docNumber: num('吉发〔2021〕3号'), target: null, clause: 'para1', source: { file: DUMP, line: 900 } },
    ]);
  });

  it('leaves a number printed inside a title to the title', () => {
    const d = doc('n', { title: 'n', notice: '依据《关于转发〈（国办发〔2021〕50号）〉的通知》（吉政办发〔2022〕1号）执行。' });
    expect(findCitations(d, SEED_ISSUERS).map((c) => [c.title, c.docNumber?.normalized])).toEqual([
      ['关于转发〈（国办发〔2021〕50号）〉的通知', '吉政办发〔2022〕1号'],
    ]);
  });

  it('skips an unclosed 《 and an empty 《》 and goes on', () => {
    const d = doc('u', { title: 'u', notice: '见《未闭合的书名。另见《》和《吉林省科学技术奖励办法》。' });
    expect(findCitations(d, SEED_ISSUERS).map((c) => c.title)).toEqual(['吉林省科学技术奖励办法']);
  });

  it('never throws, and every title it returns has balanced 《》', () => {
    const piece = fc.constantFrom('《', '》', '〈', '〉', '（', '）', '(', ')', '吉发〔2021〕3号', '国务院令第675号', '。', '、', '关于', '意见', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const d = doc('f', { title: 'f', notice: pieces.join('') });
        for (const c of findCitations(d, SEED_ISSUERS)) {
          const t = c.title ?? '';
          expect(t.split('《').length).toBe(t.split('》').length);
          expect(c.title !== null || c.docNumber !== null).toBe(true);
        }
      }),
    );
  });
});

describe('linkDocuments', () => {
  const D1 = doc('jzf-2022-21', {
    title: '吉林省人民政府关于印发吉林省贯彻计量发展规划(2021—2035年)实施方案的通知',
    docNumber: num('吉政发〔2022〕21号'),
  });

  it('resolves D2’s citation of 吉发〔2021〕33号 to the document from 003 by title, and fills citedBy', () => {
    const linked = linkDocuments([D1, D2, D4, D7], SEED_ISSUERS);
    const byId = new Map(linked.map((d) => [d.id, d]));
    expect(byId.get('jzbf-2022-26')?.citations.map((c) => c.target)).toEqual([D7.id, null, null, null]);
    expect(byId.get(D7.id)?.citedBy).toEqual(['jzbf-2022-26']);
    expect(byId.get(D7.id)?.citations.map((c) => [c.title, c.docNumber?.normalized, c.target])).toEqual([
      ['中共吉林省委、吉林省人民政府印发〈关于激发人才活力支持人才创新创业的若干政策措施（2.0版）〉的通知', '吉发〔2021〕3号', null],
    ]);
    expect(byId.get('jzbh-2022-137')?.citations.map((c) => c.target)).toEqual([null, null, null]);
    for (const d of [D1, D4]) expect(byId.get(d.id)?.citedBy).toEqual([]);
  });

  it('resolves by 发文字号 first, and lists a citing document once however often it cites', () => {
    const citing = doc('c', {
      title: 'c',
      body: [
        para('para1', 1, '依据《计量发展规划实施方案》（吉政发〔2022〕21号）。'),
        para('para2', 2, '见（吉政发〔2022〕21号）。'),
      ],
    });
    const linked = linkDocuments([citing, D1], SEED_ISSUERS);
    expect(linked[0]?.citations.map((c) => c.target)).toEqual([D1.id, D1.id]);
    expect(linked[1]?.citedBy).toEqual(['c']);
  });

  it('refuses a title match whose 发文字号 disagrees, and an ambiguous one', () => {
    const sameTitleOtherNumber = { ...D7, id: 'other', docNumber: num('吉发〔2022〕1号') };
    expect(linkDocuments([D2, sameTitleOtherNumber], SEED_ISSUERS)[0]?.citations[0]?.target).toBeNull();
    const twin = { ...D7, id: 'twin' };
    expect(linkDocuments([D2, D7, twin], SEED_ISSUERS)[0]?.citations[0]?.target).toBeNull();
  });

  it('does not mutate its input and sorts citedBy', () => {
    const a = doc('b-doc', { title: 'a', notice: '依据《省委省政府关于创新型省份建设的意见》。' });
    const b = doc('a-doc', { title: 'b', notice: '依据《省委省政府关于创新型省份建设的意见》。' });
    const before = JSON.stringify([a, b, D7]);
    const linked = linkDocuments([a, b, D7], SEED_ISSUERS);
    expect(JSON.stringify([a, b, D7])).toBe(before);
    expect(linked[2]?.citedBy).toEqual(['a-doc', 'b-doc']);
  });
});

describe('the five seeds through the pipeline', () => {
  const files = readdirSync(new URL('../../../content/sources/', import.meta.url))
    .sort()
    .map((name) => ({ file: `content/sources/${name}`, bytes: readFileSync(new URL(`../../../content/sources/${name}`, import.meta.url)) }));
  const { documents } = runIngest(files, { gazette: SEED });
  const byNumber = (n: string) => documents.find((d) => d.docNumber?.normalized === n);
  const fromFile = (prefix: string) => documents.find((d) => d.sources.some((s) => s.role === 'authoritative' && s.file.includes(`/${prefix}_`)));
  const cited = (d: GazetteDocument | undefined) => d?.citations.map((c) => [c.title, c.docNumber?.normalized ?? null, c.target]);

  it('links D2’s 《中共吉林省委 吉林省人民政府关于创新型省份建设的意见》（吉发〔2021〕33号） to the document of 003, and only that', () => {
    const d2 = byNumber('吉政办发〔2022〕26号');
    const d7 = fromFile('003');
    expect(d7?.title).toBe('省委省政府关于创新型省份建设的意见');
    expect(cited(d2)).toEqual([
      ['中共吉林省委 吉林省人民政府关于创新型省份建设的意见', '吉发〔2021〕33号', d7?.id],
      ['吉林省科技体制改革三年攻坚实施方案', null, null],
      ['吉林省科技进步促进条例', null, null],
      ['吉林省促进科技成果转化条例', null, null],
    ]);
    expect(d2?.citations[0]?.source).toEqual({ file: 'content/sources/001_2dbcd8b680e63142.txt', line: 274 });
    expect(d7?.citedBy).toEqual([d2?.id]);
    for (const d of documents) if (d !== d7) expect(d.citedBy).toEqual([]);
    expect(documents.flatMap((d) => d.citations).filter((c) => c.target !== null)).toHaveLength(1);
  });

  it('lists every other citation of the seeds with target null, from the authoritative text only', () => {
    expect(cited(byNumber('吉政发〔2022〕21号'))).toEqual([['计量发展规划（2021—2035年）', '国发〔2021〕37号', null]]);
    expect(cited(byNumber('吉政办发〔2022〕27号'))).toEqual([
      ['残疾预防和残疾人康复条例', '国务院令第675号', null],
      ['国家残疾预防行动计划（2021—2025 年）', '国办发〔2021〕50号', null],
      ['吉林省国民经济和社会发展的第十四个五年规划和 2035 年远景目标纲要', '吉政发〔2021〕7号', null],
      ['国家基本公共卫生服务规范（第三版）', null, null],
      ['国家基本公共卫生服务规范（第三版）', null, null],
      ['中华人民共和国疫苗管理法', null, null],
      ['吉林省加快康复医疗工作发展实施方案', '吉卫联发〔2021〕44号', null],
    ]);
    expect(cited(byNumber('吉政办函〔2022〕137号'))).toEqual([
      ['气象高质量发展纲要（2022—2035年）', '国发〔2022〕11号', null],
      ['吉林省人民政府关于推进气象强省建设助力吉林高质量发展的意见', '吉政发〔2021〕13号', null],
      ['气象高质量发展纲要（2022—2035年）', null, null],
    ]);
    expect(cited(fromFile('003'))).toEqual([
      ['吉林省促进文化和科技深度融合落实方案', null, null],
      ['中共吉林省委、吉林省人民政府印发〈关于激发人才活力支持人才创新创业的若干政策措施（2.0版）〉的通知', '吉发〔2021〕3号', null],
      ['吉林省促进科技成果转化条例', null, null],
      ['吉林省科学技术奖励办法', null, null],
      ['长春市科技创新条例', null, null],
    ]);
    // The tampered copy (000) is collated, never scanned.
    expect(documents.flatMap((d) => d.citations).some((c) => c.title?.includes('欧宝体育') || c.source.file.includes('/000_'))).toBe(false);
  });
});
