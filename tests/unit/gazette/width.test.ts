import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, stripLayoutSpaces, toMatchForm, widenedCount } from '../../../src/gazette/width.ts';

const read = (name: string): string[] => readFileSync(new URL(`../../../content/sources/${name}.txt`, import.meta.url), 'utf8').split('\n');
const s000 = read('000_0e00a8da3e3bc271');
const s001 = read('001_2dbcd8b680e63142');
const s003 = read('003_49b82304a1133bd7');
const s004 = read('004_e163b0431eceb10c');
/** 1-based line of the source file. */
const line = (lines: string[], n: number): string => lines[n - 1] ?? '';

describe('toMatchForm', () => {
  it('maps full-width ASCII punctuation, digits and letters to half-width', () => {
    expect(toMatchForm('（），：；．－！？［］')).toBe('(),:;.-!?[]');
    expect(toMatchForm('２０２２ＡＢｃ')).toBe('2022ABc');
  });

  it('keeps CJK punctuation and brackets that carry meaning', () => {
    expect(toMatchForm('吉政办发〔2022〕26号、《意见》。【】〈〉')).toBe('吉政办发〔2022〕26号、《意见》。【】〈〉');
  });

  it('maps every dash variant to -', () => {
    expect(toMatchForm('2021—2035 2021–2035 2021―2035 2021－2035 2021-2035 2021‐2035 2021─2035')).toBe(
      '2021-2035 2021-2035 2021-2035 2021-2035 2021-2035 2021-2035 2021-2035',
    );
    expect(toMatchForm('——坚持尊重规律。')).toBe('--坚持尊重规律。');
  });

  it('maps curly quotes to straight ones (004 l.35 prints ASCII quotes)', () => {
    expect(toMatchForm('以开发区为载体的“1+10”产业布局。')).toBe(toMatchForm('以开发区为载体的"1+10"产业布局。'));
    expect(toMatchForm('‘双创’')).toBe("'双创'");
  });

  it('removes spaces except between ASCII letters and digits', () => {
    expect(toMatchForm('珲春 S 波段')).toBe('珲春S波段');
    expect(toMatchForm('2022 年 8 月 12 日')).toBe('2022年8月12日');
    expect(toMatchForm('ISSN1009-1818 CN22-1416/D')).toBe('ISSN1009-1818 CN22-1416/D');
    expect(toMatchForm('JILINSHENG  RENMIN\tZHENGFU')).toBe('JILINSHENG RENMIN ZHENGFU');
    expect(toMatchForm('平台, 培育')).toBe('平台,培育');
  });

  it('treats U+3000 and NBSP as spaces and trims them (003 indents, 004 NBSP lines)', () => {
    expect(toMatchForm('\u3000\u3000一、总体思路')).toBe('一、总体思路');
    expect(toMatchForm('\u00A0')).toBe('');
    expect(toMatchForm('北华大学\u00A0\u00A0\u00A0\u00A0地址')).toBe('北华大学地址');
  });

  it('makes the D3 title in the body (001 l.406) match the TOC reading (l.88–89)', () => {
    const body = line(s001, 406);
    expect(body).toBe('吉林省人民政府办公厅 关于印发吉林省残疾预防行动计划 (2022—2025 年) 的通知');
    const toc = `${line(s001, 88)}${line(s001, 89).replace(/（吉政办发$/, '')}`;
    expect(toc).toBe('吉林省人民政府办公厅关于印发吉林省残疾预防行动计划（2022-2025年）的通知');
    expect(toMatchForm(body)).toBe('吉林省人民政府办公厅关于印发吉林省残疾预防行动计划(2022-2025年)的通知');
    expect(toMatchForm(toc)).toBe(toMatchForm(body));
  });

  it('makes the 000 copy (half-width punctuation) match 001', () => {
    // D3 notice: 000 l.66 vs 001 l.411 (different prefix: the notice lines carry the same sentence)
    expect(toMatchForm(line(s000, 66))).toBe(toMatchForm(line(s001, 411)));
    // 000 l.63 title tail vs 001 l.406
    expect(toMatchForm(`关于印发吉林省残疾预防行动计划${line(s000, 63)}`)).toBe(toMatchForm(line(s001, 406).slice(10)));
  });

  it('ignores the layout spaces of 001 around embedded Latin text (R&D, S 波段)', () => {
    expect(line(s001, 320)).toContain('企业 R&D 投入');
    expect(toMatchForm('持续实施企业 R&D 投入引导计划')).toBe(toMatchForm('持续实施企业R&D投入引导计划'));
  });

  it('maps 003 item dots ．and the front-matter －', () => {
    expect(toMatchForm(line(s003, 34).replace(/<[^>]+>/g, '')).startsWith('1.统筹战略性科技团队。')).toBe(true);
    expect(line(s003, 7)).toBe(' - 新浪财经－国內');
    expect(toMatchForm(line(s003, 7))).toBe('-新浪财经-国內');
  });

  it('is idempotent', () => {
    for (const s of [line(s001, 135), line(s001, 406), line(s004, 107), line(s000, 11)]) {
      expect(toMatchForm(toMatchForm(s))).toBe(toMatchForm(s));
    }
  });
});

describe('stripLayoutSpaces', () => {
  it('repairs the D1 title (001 l.135), keeping the printed bracket glyphs', () => {
    expect(stripLayoutSpaces(line(s001, 135))).toBe('吉林省人民政府关于印发吉林省贯彻计量发展规划(2021—2035年)实施方案的通知');
  });

  it('repairs the D2, D3 and D4 titles (001 l.261, 406, 587)', () => {
    expect(stripLayoutSpaces(line(s001, 261))).toBe('吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知');
    expect(stripLayoutSpaces(line(s001, 406))).toBe('吉林省人民政府办公厅关于印发吉林省残疾预防行动计划(2022—2025年)的通知');
    expect(stripLayoutSpaces(line(s001, 587))).toBe(
      '吉林省人民政府办公厅关于印发吉林省贯彻落实《气象高质量发展纲要(2022—2035年)》重点任务及分工方案的通知',
    );
  });

  it('repairs wrapped table cells (001 l.163, 468, 472)', () => {
    expect(line(s001, 163).split('\t').map(stripLayoutSpaces)).toEqual(['领域', '序号', '指标', '2020年', '2025年', '属性']);
    expect(line(s001, 468).split('\t').map(stripLayoutSpaces)).toEqual(['伤害致残防控行动', '生产安全事故发生起数', '比2020年下降10%以上']);
    expect(line(s001, 472).split('\t').map(stripLayoutSpaces)).toEqual(['康复服务促进行动', '每10万人口康复医师人数', '力争达到8人']);
  });

  it('removes the space around embedded Latin letters and digits (decision: 珲春S波段)', () => {
    expect(stripLayoutSpaces('珲春 S 波段')).toBe('珲春S波段');
    expect(stripLayoutSpaces('2023 年')).toBe('2023年');
    expect(stripLayoutSpaces('企业 R&D 投入')).toBe('企业R&D投入');
  });

  it('keeps and collapses spaces between Latin words, digits and ASCII punctuation', () => {
    expect(stripLayoutSpaces('JILINSHENG  RENMIN ZHENGFU GONGBAO')).toBe('JILINSHENG RENMIN ZHENGFU GONGBAO');
    expect(stripLayoutSpaces('ISSN 1009-1818')).toBe('ISSN 1009-1818');
    expect(stripLayoutSpaces('R&D (研发)')).toBe('R&D (研发)');
  });

  it('removes spaces next to CJK punctuation, full-width and ASCII brackets when the other side is Chinese', () => {
    expect(stripLayoutSpaces('结合《 欧宝体育关于推进气象强省建设')).toBe('结合《欧宝体育关于推进气象强省建设');
    expect(stripLayoutSpaces('行动计划 （2022—2025 年） 的通知')).toBe('行动计划（2022—2025年）的通知');
    expect(stripLayoutSpaces('“一主六双” 高质量')).toBe('“一主六双”高质量');
  });

  it('handles ideographic and no-break spaces and trims the ends', () => {
    expect(stripLayoutSpaces('\u3000\u3000关于\u3000印发 ')).toBe('关于印发');
    expect(stripLayoutSpaces('北华大学\u00A0\u00A0\u00A0\u00A0地址')).toBe('北华大学地址');
    expect(stripLayoutSpaces(' \u00A0 ')).toBe('');
  });

  it('leaves text without layout spaces unchanged', () => {
    const title = '吉林省科技创新生态优化工程实施方案';
    expect(line(s001, 272)).toBe(title);
    expect(stripLayoutSpaces(title)).toBe(title);
  });
});

describe('fullWidthPunctuation (display only)', () => {
  it('shows half-width punctuation between Chinese characters full-width (000 l.6, l.71)', () => {
    expect(fullWidthPunctuation(line(s000, 6))).toBe(
      '各市（州）人民政府，长白山管委会，长春新区、中韩（长春）国际合作示范区管委会，各县（市）人民政府，省政府各厅委办、各直属机构，驻吉中直有关部门、单位：',
    );
    expect(fullWidthPunctuation(line(s000, 71))).toContain('依据《残疾预防和残疾人康复条例》（国务院令第675号）和《国家残疾预防行动计划（2021-2025年）》（国办发〔2021〕50号），以及');
  });

  it('leaves numbers, Latin text and brackets that touch no Chinese alone', () => {
    expect(fullWidthPunctuation('1,000 元 8:30 f(x) ISSN 1009-1818 (print)')).toBe('1,000 元 8:30 f(x) ISSN 1009-1818 (print)');
    expect(fullWidthPunctuation('(一)加强 (1)项目 R&D (研发)')).toBe('（一）加强 （1）项目 R&D （研发）');
  });

  it('replaces one character by one, and toMatchForm folds it back', () => {
    for (const n of [6, 7, 71]) {
      const source = line(s000, n);
      const shown = fullWidthPunctuation(source);
      expect(shown.length).toBe(source.length);
      expect(toMatchForm(shown)).toBe(toMatchForm(source));
    }
    // 000 l.6: the pairs of (州) (长春) (市), five commas and the closing colon
    expect(widenedCount(line(s000, 6))).toBe(3 * 2 + 5 + 1);
  });
});
