import { describe, expect, it } from 'vitest';
import { AUTHORITY_RANK, byAuthority } from '../../../src/ingest/reconcile/authority.ts';
import { groupCopies, isTraditionalDocument, titleKey, titleKeys } from '../../../src/ingest/reconcile/group.ts';
import { F001, F003, F004, handMade, seedParses } from './reconcile-fixtures.ts';

const members = (groups: ReturnType<typeof groupCopies>) =>
  groups.map((g) => g.members.map((d) => `${d.file.slice(16, 19)}:${d.span.from}`));

describe('titleKey', () => {
  it('normalises widths, spaces, dash glyphs, 《》〈〉 and the trailing 的通知', () => {
    // 001 prints the D3 title with layout spaces and an em dash, 000 with ASCII parentheses and a hyphen.
    expect(titleKey('吉林省人民政府办公厅 关于印发吉林省残疾预防行动计划 (2022—2025 年) 的通知', false)).toBe(
      '吉林省人民政府办公厅关于印发吉林省残疾预防行动计划(2022-2025年)',
    );
    expect(titleKey('欧宝体育办公厅关于印发吉林省残疾预防行动计划(2022-2025年)的通知', false)).toBe(
      '欧宝体育办公厅关于印发吉林省残疾预防行动计划(2022-2025年)',
    );
    expect(titleKey('吉林省贯彻落实《气象高质量发展纲要（2022–2035年）》重点任务及分工方案', false)).toBe(
      '吉林省贯彻落实气象高质量发展纲要(2022-2035年)重点任务及分工方案',
    );
    expect(titleKey('吉林省贯彻落实〈气象高质量发展纲要(2022-2035年)〉重点任务及分工方案', false)).toBe(
      '吉林省贯彻落实气象高质量发展纲要(2022-2035年)重点任务及分工方案',
    );
  });

  it('converts a Traditional title with the regional vocabulary', () => {
    expect(titleKey('吉林省科技創新生態最佳化工程實施方案', true)).toBe('吉林省科技创新生态优化工程实施方案');
  });
});

describe('titleKeys', () => {
  const parses = seedParses();
  const [s000, s001, s002] = parses;

  it('gives a 印发 notice its title, the wrapped title and the plan title', () => {
    const d2 = s001!.documents.find((d) => d.docNumber?.normalized === '吉政办发〔2022〕26号')!;
    expect(titleKeys(d2)).toEqual(['吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案', '吉林省科技创新生态优化工程实施方案']);
    // The tampered copy keeps the wrapped title.
    expect(titleKeys(s000!.documents[0]!)).toEqual(['欧宝体育办公厅关于印发吉林省科技创新生态优化工程实施方案', '吉林省科技创新生态优化工程实施方案']);
  });

  it('converts 002, which is printed in Traditional characters', () => {
    expect(isTraditionalDocument(s002!.documents[0]!)).toBe(true);
    expect(isTraditionalDocument(s001!.documents[3]!)).toBe(false);
    expect(titleKeys(s002!.documents[0]!)).toEqual(['吉林省科技创新生态优化工程实施方案']);
  });
});

describe('groupCopies on the seeds', () => {
  const groups = groupCopies(seedParses().flatMap((p) => p.documents));

  it('groups 001 D2 + 000 record 1 + 002, 001 D3 + 000 record 2, 001 D4 + 000 record 3; 003 and 004 alone', () => {
    expect(members(groups)).toEqual([
      ['001:15'], // cover story
      ['001:35'], // 卷首语
      ['001:135'], // D1
      ['001:261', '000:1', '002:1'], // D2 吉政办发〔2022〕26号
      ['001:406', '000:60'], // D3 27号
      ['001:587', '000:130'], // D4 吉政办函〔2022〕137号
      ['001:800'], // D5 人事任免
      ['001:806'], // D6 政务要闻
      ['003:2'], // D7
      ['004:3'], // D8
    ]);
    expect(groups.map((g) => g.docNumber)).toEqual([
      null,
      null,
      '吉政发〔2022〕21号',
      '吉政办发〔2022〕26号',
      '吉政办发〔2022〕27号',
      '吉政办函〔2022〕137号',
      '吉政干任〔2023〕6-7号',
      null,
      null,
      null,
    ]);
    expect(groups.every((g) => g.claim === 0 && g.findings.length === 0)).toBe(true);
  });

  it('does not take 003 for D2 although D2 cites its title', () => {
    const d7 = groups.find((g) => g.members[0]!.file === F003)!;
    expect(d7.members).toHaveLength(1);
    expect(groups.find((g) => g.members[0]!.file === F004)!.members).toHaveLength(1);
  });
});

describe('groupCopies on hand-made documents', () => {
  it('keeps two documents claiming one number apart, with an error on the second', () => {
    const a = handMade({ file: 'a.txt', kind: 'gazette-dump', title: '吉林省人民政府关于甲事项的通知', number: '吉政发〔2022〕5号' });
    const b = handMade({ file: 'b.txt', kind: 'government-web', title: '吉林省人民政府关于乙事项的通知', number: '吉政发〔2022〕5号' });
    const copyOfB = handMade({ file: 'c.txt', kind: 'news-article', title: '吉林省人民政府关于乙事项的通知' });
    const groups = groupCopies([copyOfB, b, a]);
    expect(groups.map((g) => g.members.map((d) => d.file))).toEqual([['a.txt'], ['b.txt', 'c.txt']]);
    expect(groups.map((g) => g.claim)).toEqual([0, 1]);
    expect(groups[1]!.findings).toEqual([
      {
        kind: 'doc-number-conflict',
        severity: 'error',
        file: 'b.txt',
        line: 1,
        message:
          '「吉林省人民政府关于乙事项的通知」印的发文字号 吉政发〔2022〕5号 也是「吉林省人民政府关于甲事项的通知」（a.txt 第1行）的发文字号，两个标题毫无共同之处。',
        action: '作为单独的文件分开发布，标识加后缀，不合并。请核对哪一个发文字号正确。',
      },
    ]);
  });

  it('matches a copy without a number by title', () => {
    const news = handMade({ file: 'n.txt', kind: 'news-article', title: '关于丙事项的意见' });
    const web = handMade({ file: 'w.txt', kind: 'government-web', title: '关于丙事项的意见', number: '吉发〔2021〕9号' });
    const groups = groupCopies([news, web]);
    expect(groups.map((g) => g.members.map((d) => d.file))).toEqual([['w.txt', 'n.txt']]);
    expect(groups[0]!.docNumber).toBe('吉发〔2021〕9号');
  });

  it('lets a numbered copy join a better copy that prints no number, and gives the group the number', () => {
    const gazette = handMade({ file: 'g.txt', kind: 'gazette-dump', title: '关于丙事项的意见' });
    const scraped = handMade({ file: 's.txt', kind: 'scraped-record', title: '关于丙事项的意见', number: '吉发〔2021〕9号' });
    const groups = groupCopies([scraped, gazette]);
    expect(groups.map((g) => g.members.map((d) => d.file))).toEqual([['g.txt', 's.txt']]);
    expect(groups[0]!.docNumber).toBe('吉发〔2021〕9号');
  });

  it('never merges documents with different numbers, even with the same title', () => {
    const old = handMade({ file: 'x.txt', title: '广州市积分制入户管理办法', number: '穗府办规〔2020〕1号' });
    const renewed = handMade({ file: 'y.txt', title: '广州市积分制入户管理办法', number: '穗府办规〔2025〕8号' });
    expect(groupCopies([old, renewed])).toHaveLength(2);
  });

  it('keeps issuer names in the key: the same subject from two issuers is two documents', () => {
    const a = handMade({ file: 'a.txt', title: '国务院关于推进丁工作的意见' });
    const b = handMade({ file: 'b.txt', title: '吉林省人民政府关于推进丁工作的意见' });
    expect(groupCopies([a, b])).toHaveLength(2);
  });
});

describe('authority', () => {
  it('ranks gazette > government web > scraped record > markdown > news > encyclopedia > excerpt', () => {
    expect(Object.entries(AUTHORITY_RANK).sort(([, a], [, b]) => a - b).map(([k]) => k)).toEqual([
      'gazette-dump',
      'government-web',
      'scraped-record',
      'markdown',
      'news-article',
      'encyclopedia',
      'campus-page',
    ]);
  });

  it('orders equal kinds by file, then by position', () => {
    const docs = [
      handMade({ file: 'b.txt', kind: 'scraped-record', title: 'x' }),
      handMade({ file: 'a.txt', kind: 'encyclopedia', title: 'x' }),
      handMade({ file: 'a.txt', kind: 'scraped-record', title: 'x' }),
      handMade({ file: F001, kind: 'gazette-dump', title: 'x' }),
    ];
    expect([...docs].sort(byAuthority).map((d) => `${d.sourceKind}:${d.file}`)).toEqual([
      `gazette-dump:${F001}`,
      'scraped-record:a.txt',
      'scraped-record:b.txt',
      'encyclopedia:a.txt',
    ]);
  });
});
