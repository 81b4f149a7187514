/**
 * A second gazette, built by the same code with no change to it (README, "Start a new gazette site"): the
 * 国务院公报 in its own masthead and numbering. Its one source, sources/001_guowuyuan-2019-6.txt, is composed for
 * the example: the texts of 国发〔2019〕4号 and 国办发〔2018〕126号 as the corpus holds them
 * (tests/fixtures/corpus/gov_guofa2019-4_*, gov_guobanfa2018-126_*), verbatim, laid out as a PDF-to-text dump
 * like content/sources/001 under this gazette's cover and 目录.
 *
 * To build it: copy this file over the project's gongbao.config.ts (or set GONGBAO_CONFIG to it) and its sources
 * into content/sources/; tests/build/second-gazette.test.ts does exactly that in a work folder.
 */
import { defineGazette } from '../../src/gazette/config.ts';

export default defineGazette({
  name: '中华人民共和国国务院公报',
  shortName: '国务院公报',
  publisher: '中华人民共和国国务院办公厅',
  sponsor: '国务院办公厅',
  issn: '1004-3438',
  cn: '11-1611/D',
  frequency: '旬刊',
  site: { url: 'https://gongbao.example.org', base: '/' },
  jurisdiction: '中华人民共和国',
  issuers: [
    { name: '国务院', codes: ['国发', '国函'] },
    { name: '国务院办公厅', codes: ['国办发', '国办函'] },
  ],
  numbering: { number: '第{number}号', cumulative: '（总号：{cumulative}）' },
  sections: ['国务院文件', '国务院办公厅文件', '部门文件'],
  masthead: [],
  legalNote: '国务院公报刊登的文件与正式文件具有同等效力。',
  colour: '#9e1b1b',
  logo: null,
});
