import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTraditional, simplifyTraced, toSimplified, trace } from '../../../src/ingest/text/traditional.ts';
import { REGIONAL_VOCABULARY } from '../../../src/gazette/regional-vocabulary.ts';
import { SEEDS } from './sources-fixtures.ts';

const lines = (name: string): string[] => readFileSync(new URL(`../../../content/sources/${name}`, import.meta.url), 'utf8').split('\n');
const s002 = lines(SEEDS.s002);
const s000 = lines(SEEDS.s000);

describe('toSimplified on 002 (Traditional mirror of D2)', () => {
  it('converts the title, undoing 最佳化', () => {
    expect(toSimplified(s002[0]!)).toBe('吉林省科技创新生态优化工程实施方案');
  });

  it('converts characters and the regional vocabulary of real lines', () => {
    // l.16: 最佳化網路 → 优化网络
    expect(toSimplified(s002[15]!.trim())).toBe(
      '——坚持系统思维。遵循科技创新生态建设系统思维,构建区域、平台间以及政府、市场、社会等各方面高效协作的生态优化网络,形成统一规划、总体施策、相互促进的多层次、系统性科技创新生态战略发展布局。',
    );
    // l.17: 視窗 → 窗口
    expect(toSimplified(s002[16]!.trim())).toContain('以打造我国向北开放重要窗口为契机');
    // l.45: 智慧財產權 → 知识产权, 7 times in item 17
    const item17 = toSimplified(s002[44]!);
    expect(item17.startsWith('17.加强知识产权服务。持续提升中国(吉林)、中国(长春)知识产权保护中心效能')).toBe(true);
    expect(item17.match(/知识产权/g)).toHaveLength(7);
    expect(item17).not.toContain('智慧');
    // l.50: 人民民眾 → 人民群众, 大中國小 → 大中小学
    expect(toSimplified(s002[49]!)).toContain('支持科技创新社会团体面向人民群众举办创新文化普及活动,鼓励大中小学开展科技创新文化普及教育');
  });

  it('keeps words the original uses itself (why tw, not twp): 建立, 效能, 整合, 核心', () => {
    // l.28 item 3: twp would turn 建立 into 创建 and 核心 into 内核
    const item3 = toSimplified(s002[27]!);
    expect(item3).toContain('持续实施企业R&D投入引导计划');
    expect(item3).toContain('鼓励企业建立研发准备金制度');
    expect(item3).toContain('关键核心技术攻关');
    expect(toSimplified(s002[13]!)).toContain('努力提升科技创新生态系统整体效能');
    expect(toSimplified(s002[38]!)).toContain('12.整合创新平台要素');
  });

  it('makes the whole body of 002 equal to 000 (content/sources/002 is the traditional copy), up to 〔州〕 vs (州)', () => {
    // 002 l.11–56 are D2's 一、 … 26. ; 000 prints them on l.12–57.
    const converted = s002.slice(10, 56).map((l) => toSimplified(l.trim()).replace(/〔州〕/g, '(州)'));
    expect(converted).toEqual(s000.slice(11, 57));
  });

  it('is for Traditional text only: tw→cn maps 著 to 着 even in Simplified 显著 (so only Traditional documents are converted)', () => {
    expect(toSimplified('顯著提升')).toBe('显著提升');
    expect(toSimplified('显著提升')).toBe('显着提升');
    expect(toSimplified(s000[9]!)).toBe(s000[9]);
  });
});

describe('the regional vocabulary', () => {
  it('lists the 14 word substitutions 002 needs, each mapping a different word', () => {
    expect(REGIONAL_VOCABULARY.map((w) => `${w.regional}→${w.mainland}`)).toEqual([
      '最佳化→优化',
      '智慧財產權→知识产权',
      '計畫→计划',
      '數位→数字',
      '網路→网络',
      '軟體→软件',
      '人工智慧→人工智能',
      '套用→应用',
      '視窗→窗口',
      '資料庫→数据库',
      '協定→协议',
      '人民民眾→人民群众',
      '大中國小→大中小学',
      '借鑑→借鉴',
    ]);
  });

  it('applies every row', () => {
    for (const w of REGIONAL_VOCABULARY) expect(toSimplified(`在${w.regional}中`)).toBe(`在${w.mainland}中`);
  });

  it('does not touch 智慧 outside 人工智慧 and 智慧財產權 (智慧农机 is mainland usage)', () => {
    expect(toSimplified('智慧農機')).toBe('智慧农机');
  });
});

describe('trace and simplifyTraced', () => {
  it('keeps for each character the printed span it stands for', () => {
    const t = simplifyTraced(trace('生態最佳化網路'));
    expect(t.chars.join('')).toBe('生态优化网络');
    // 优 and 化 both stand for the whole of 最佳化 (offsets 2–5), 网 and 络 for 網路.
    expect(t.start).toEqual([0, 1, 2, 2, 5, 5]);
    expect(t.end).toEqual([1, 2, 5, 5, 7, 7]);
  });

  it('measures spans in UTF-16 units, so astral characters keep their place', () => {
    const t = trace('𠀀國');
    expect(t.chars).toEqual(['𠀀', '國']);
    expect(t.start).toEqual([0, 2]);
    expect(t.end).toEqual([2, 3]);
  });
});

describe('isTraditional', () => {
  it('recognises 002 and no other seed', () => {
    const text = (name: string) => lines(name).join('\n');
    expect(isTraditional(text(SEEDS.s002))).toBe(true);
    expect(isTraditional(text(SEEDS.s000))).toBe(false);
    expect(isTraditional(text(SEEDS.s001))).toBe(false);
    // 003 has one Traditional 內 in its front matter (新浪财经－国內): not enough.
    expect(isTraditional(text(SEEDS.s003))).toBe(false);
    expect(isTraditional(text(SEEDS.s004))).toBe(false);
  });

  it('needs at least three changed characters', () => {
    expect(isTraditional('國內')).toBe(false);
    expect(isTraditional('吉林省人民政府辦公廳')).toBe(false);
    expect(isTraditional('吉林省人民政府辦公廳發布')).toBe(true);
  });
});
