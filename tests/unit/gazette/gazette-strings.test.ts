/**
 * No gazette lives in the code (issue 15): every word that names a particular gazette — its name, publisher,
 * sponsor, issuing authorities with their short forms and 机关代字, its numbering's own words (复总, 总号) — comes
 * from its configuration (gongbao.config.ts, examples/guowuyuan-gongbao/gongbao.config.ts). This test reads
 * both configurations and fails when one of those words appears in the code of src/ outside comments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GazetteConfig } from '../../../src/gazette/config.ts';
import GUOWUYUAN from '../../../examples/guowuyuan-gongbao/gongbao.config.ts';
import { SEED } from '../../support/seed-gazette.ts';

/** The words of a configuration that belong to that gazette alone (of at least two characters). */
function ownWords(c: GazetteConfig): string[] {
  const numbering = [c.numbering.number, c.numbering.cumulative].flatMap((t) => t.split(/\{\w+\}|[（）():：\s]+/));
  // The place without its 省/市/自治区 (吉林省 → 吉林): the grep for 吉林.
  const place = c.jurisdiction.replace(/(?:省|市|自治区)$/, '');
  const words = [c.name, c.shortName, c.jurisdiction, place, c.publisher, c.sponsor, c.legalNote, ...c.issuers.flatMap((i) => [i.name, ...i.aliases, ...i.codes]), ...c.sections, ...c.masthead, ...numbering];
  return [...new Set(words.filter((w) => [...w].length >= 2))];
}

/** Code without its comments: block comments, line comments, HTML comments (in .astro). */
export function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const CODE = /\.(ts|mjs|astro|css)$/;
const files = readdirSync('src', { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && CODE.test(d.name))
  .map((d) => join(d.parentPath, d.name));

/**
 * Words both gazettes share with the generic vocabulary of any 政府公报 (「国务院」 names the central government
 * in every gazette's documents: 国务院令, 国务院各部委 …), so they are not one gazette's identity.
 */
const SHARED = new Set(['国务院', '国务院办公厅', '国务院文件', '国务院办公厅文件', '部门文件', '卷首语', '人事任免', '政务要闻']);

describe('gazette-specific words in src/', () => {
  const words = [...new Set([...ownWords(SEED), ...ownWords(GUOWUYUAN)])].filter((w) => !SHARED.has(w));

  it('reads the words of both configurations', () => {
    expect(words).toEqual(expect.arrayContaining(['吉林省人民政府公报', '吉政办发', '省政府', '复总第', '吉林', '中华人民共和国国务院公报', '国办发', '总号']));
    expect(files.length).toBeGreaterThan(100);
  });

  it('finds none in code, only in comments', () => {
    const found = files.flatMap((f) => {
      const code = codeOf(readFileSync(f, 'utf8'));
      return words.filter((w) => code.includes(w)).map((w) => `${f}: ${w}`);
    });
    expect(found).toEqual([]);
  });

  it('would see a word in code and not in a comment', () => {
    expect(codeOf("// 吉林省人民政府公报\nconst a = '复总';\n/* 吉政办发 */ <!-- 省政府 -->").includes('复总')).toBe(true);
    expect(codeOf("// 吉林省人民政府公报\n/** 吉政办发 */ <!-- 省政府 -->").trim()).toBe('');
    expect(codeOf("const url = 'https://jl.gov.cn'; // 吉林")).toBe("const url = 'https://jl.gov.cn'; ");
  });
});
