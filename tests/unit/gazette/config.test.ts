import { describe, expect, it } from 'vitest';
import { defineGazette, GazetteConfigError, parseGazetteConfig, type GazetteConfigInput } from '../../../src/gazette/config.ts';
import GUOWUYUAN from '../../../examples/guowuyuan-gongbao/gongbao.config.ts';
import { SEED } from '../../support/seed-gazette.ts';

const problems = (input: unknown): string[] => {
  try {
    parseGazetteConfig(input);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(GazetteConfigError);
    return (err as GazetteConfigError).problems;
  }
};

describe('the gazette configuration', () => {
  it('validates both gazettes of the repository, with their defaults filled in', () => {
    // content/sources/001_2dbcd8b680e63142.txt:130–131 「国际标准刊号：ISSN1009-1818」「国内统一刊号：CN22-1416/D」
    expect(SEED).toMatchObject({ name: '吉林省人民政府公报', issn: '1009-1818', cn: '22-1416/D', jurisdiction: '吉林省', logo: null });
    expect(SEED.issuers.find((i) => i.name === '国务院')).toEqual({ name: '国务院', aliases: [], codes: [], slugs: {} });
    expect(GUOWUYUAN).toMatchObject({ name: '中华人民共和国国务院公报', numbering: { number: '第{number}号', cumulative: '（总号：{cumulative}）' } });
  });

  it('names every wrong field by its path, in Chinese', () => {
    const input: GazetteConfigInput = { ...SEED, issn: '10091818', numbering: { number: '第期', cumulative: '（复总第{cumulative}期）' }, colour: 'red' };
    expect(problems(input)).toEqual([
      'issn：应为 ISSN 格式，如 1004-3438',
      'numbering.number：须恰好包含一次 {number}',
      'colour：应为 #rrggbb 颜色',
    ]);
  });

  it('reports a missing field, an unknown one, a wrong type and an empty issuer list', () => {
    const { name: _name, ...noName } = SEED;
    expect(problems({ ...noName, sponser: 'x' })).toEqual(['name：缺少此项', '（整个配置）：未知的配置项 sponser']);
    expect(problems({ ...SEED, issuers: [] })).toEqual(['issuers：至少列出一个发文机关']);
    expect(problems({ ...SEED, issuers: [{ name: '国务院', aliases: '国' }] })).toEqual(['issuers.0.aliases：类型应为 array']);
    expect(problems({ ...SEED, site: { url: 'gongbao.example.org' } })).toEqual(['site.url：应为完整网址，如 https://gongbao.example.org']);
  });

  it('rejects an issuer listed twice and a search example that is no 发文字号', () => {
    expect(problems({ ...SEED, issuers: [{ name: '国务院' }, { name: '国务院' }] })).toEqual(['issuers：发文机关重复列出：国务院']);
    expect(problems({ ...SEED, searchExample: '26号' })).toEqual(['searchExample：应为完整的发文字号：机关代字、〔年份〕、序号和「号」']);
  });

  it('accepts slug initials only for a code of the same issuer', () => {
    const issuers = [{ name: '国务院办公厅', codes: ['国办发'], slugs: { 国办发: 'gbf' } }];
    expect(parseGazetteConfig({ ...SEED, issuers }).issuers[0]!.slugs).toEqual({ 国办发: 'gbf' });
    expect(problems({ ...SEED, issuers: [{ name: '国务院', slugs: { 国办发: 'gbf' } }] })).toEqual(['issuers.0.slugs：「国办发」不在该机关的 codes 中']);
    expect(problems({ ...SEED, issuers: [{ name: '国务院办公厅', codes: ['国办发'], slugs: { 国办发: 'GBF' } }] })).toEqual(['issuers.0.slugs.国办发：应为小写拉丁字母']);
  });

  it('defineGazette throws with every problem in its message', () => {
    expect(() => defineGazette({ ...SEED, cn: 'CN22-1416/D' })).toThrow('公报配置有误：\n  cn：应为国内统一刊号格式，如 11-1611/D');
  });
});
