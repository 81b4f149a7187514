import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentNumber } from '../../../src/gazette/model.ts';
import {
  PINYIN_INITIALS,
  docNumberSlug,
  findDocumentNumbers,
  normalizeDocNumberQuery,
  parseDocumentNumber,
  parseDocumentNumberLenient,
} from '../../../src/gazette/doc-number.ts';

const read = (name: string): string => readFileSync(new URL(`../../../content/sources/${name}.txt`, import.meta.url), 'utf8');
const s000 = read('000_0e00a8da3e3bc271');
const s001 = read('001_2dbcd8b680e63142');
const s003 = read('003_49b82304a1133bd7');
const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

const dn = (normalized: string, printed: string, agency: string, year: number, serial: string): DocumentNumber => ({
  normalized,
  printed,
  agency,
  year,
  serial,
});

describe('parseDocumentNumber', () => {
  it.each([
    ['吉政办发〔2022〕26号', '吉政办发', 2022, '26'],
    ['吉政办发〔2022〕27 号', '吉政办发', 2022, '27'],
    ['吉政办发[2022]26号', '吉政办发', 2022, '26'],
    ['吉政办发［2022］26号', '吉政办发', 2022, '26'],
    ['吉政办发【2022】26号', '吉政办发', 2022, '26'],
    ['吉政办发(2022)26号', '吉政办发', 2022, '26'],
    ['吉政办发（2022）26号', '吉政办发', 2022, '26'],
    ['吉政办发 〔 2022 〕 26 号', '吉政办发', 2022, '26'],
    ['吉政办发〔２０２２〕２６号', '吉政办发', 2022, '26'],
    ['吉政发〔2022〕第21号', '吉政发', 2022, '21'],
    ['穗府办规〔2021〕7号', '穗府办规', 2021, '7'],
    ['国办发〔2018〕126号', '国办发', 2018, '126'],
    ['吉政办函〔2022〕137号', '吉政办函', 2022, '137'],
  ])('reads %s', (printed, agency, year, serial) => {
    expect(parseDocumentNumber(printed)).toEqual(dn(`${agency}〔${year}〕${serial}号`, printed, agency, year, serial));
  });

  it('reads a serial range and normalises its dash', () => {
    expect(parseDocumentNumber('吉政干任〔2023〕6-7号')).toEqual(dn('吉政干任〔2023〕6-7号', '吉政干任〔2023〕6-7号', '吉政干任', 2023, '6-7'));
    expect(parseDocumentNumber('吉政干任〔2023〕6—7号')?.serial).toBe('6-7');
    expect(parseDocumentNumber('吉政干任〔2023〕6 － 7号')?.normalized).toBe('吉政干任〔2023〕6-7号');
  });

  it('reads 令 numbers as their own form: agency ending in 令, year 0, normalised 国务院令第675号', () => {
    expect(parseDocumentNumber('国务院令第675号')).toEqual(dn('国务院令第675号', '国务院令第675号', '国务院令', 0, '675'));
    expect(parseDocumentNumber('国务院令 第 675 号')?.normalized).toBe('国务院令第675号');
    expect(parseDocumentNumber('吉林省人民政府令第281号')?.agency).toBe('吉林省人民政府令');
  });

  it('ignores outer spaces but keeps the printed form as given', () => {
    expect(parseDocumentNumber('  吉政办发〔2022〕26号\u3000')?.printed).toBe('吉政办发〔2022〕26号');
  });

  it.each([
    ['吉政办发2022〕27号', 'missing 〔 — only the lenient parser accepts it'],
    ['吉政办发〔2022 27号', 'missing 〕'],
    ['吉政办发2022 27号', 'no brackets at all'],
    ['吉政办发〔2022〕26', 'no 号'],
    ['〔2022〕26号', 'no agency'],
    ['吉政办发〔22〕26号', 'two-digit year'],
    ['吉政办发〔3022〕26号', 'year out of range'],
    ['吉政办发〔2022〕号', 'no serial'],
    ['吉政办发〔2022〕26号文', 'trailing text'],
    ['(2021—2035年)', 'a year range'],
    ['国务院令675号', '令 without 第'],
    ['', 'empty'],
  ])('rejects %s (%s)', (s) => {
    expect(parseDocumentNumber(s)).toBeNull();
  });

  it('takes the whole run of Han characters before the bracket as the agency (docNumberSlug then refuses 见)', () => {
    expect(parseDocumentNumber('见吉政办发〔2022〕26号')?.agency).toBe('见吉政办发');
  });
});

describe('parseDocumentNumberLenient', () => {
  it('repairs the broken TOC form 吉政办发2022〕27号 and flags it', () => {
    expect(parseDocumentNumberLenient('吉政办发2022〕27号')).toEqual({
      number: dn('吉政办发〔2022〕27号', '吉政办发2022〕27号', '吉政办发', 2022, '27'),
      repaired: true,
    });
  });

  it('repairs a missing closing bracket too', () => {
    expect(parseDocumentNumberLenient('吉政办发〔2022 27号')).toEqual({
      number: dn('吉政办发〔2022〕27号', '吉政办发〔2022 27号', '吉政办发', 2022, '27'),
      repaired: true,
    });
  });

  it('passes correct numbers through unflagged', () => {
    expect(parseDocumentNumberLenient('吉政办发〔2022〕27 号')).toEqual({
      number: dn('吉政办发〔2022〕27号', '吉政办发〔2022〕27 号', '吉政办发', 2022, '27'),
      repaired: false,
    });
  });

  it('still refuses a number with both brackets missing', () => {
    expect(parseDocumentNumberLenient('吉政办发2022 27号')).toBeNull();
  });
});

describe('findDocumentNumbers', () => {
  it('finds every number in 000 with line and normalised form', () => {
    expect(findDocumentNumbers(s000).map((o) => [lineOf(s000, o.index), o.number.normalized, o.repaired])).toEqual([
      [5, '吉政办发〔2022〕26号', false],
      [11, '吉发〔2021〕33号', false],
      [64, '吉政办发〔2022〕27号', false],
      [71, '国务院令第675号', false],
      [71, '国办发〔2021〕50号', false],
      [71, '吉政发〔2021〕7号', false],
      [98, '吉卫联发〔2021〕44号', false],
      [135, '吉政办函〔2022〕137号', false],
      [142, '国发〔2022〕11号', false],
      [142, '吉政发〔2021〕13号', false],
    ]);
  });

  it('finds every number in 001, across TOC line breaks, and flags the broken TOC entry (l.89)', () => {
    const found = findDocumentNumbers(s001);
    expect(found.map((o) => [lineOf(s001, o.index), o.number.normalized, o.repaired])).toEqual([
      [79, '吉政发〔2022〕21号', false],
      [85, '吉政办发〔2022〕26号', false],
      [89, '吉政办发〔2022〕27号', true],
      [94, '吉政办函〔2022〕137号', false],
      [98, '吉政干任〔2023〕6-7号', false],
      [137, '吉政发〔2022〕21号', false],
      [148, '国发〔2021〕37号', false],
      [263, '吉政办发〔2022〕26号', false],
      [274, '吉发〔2021〕33号', false],
      [408, '吉政办发〔2022〕27号', false],
      [419, '国务院令第675号', false],
      [419, '国办发〔2021〕50号', false],
      [419, '吉政发〔2021〕7号', false],
      [547, '吉卫联发〔2021〕44号', false],
      [589, '吉政办函〔2022〕137号', false],
      [600, '国发〔2022〕11号', false],
      [600, '吉政发〔2021〕13号', false],
      [802, '吉政干任〔2023〕6号', false],
      [804, '吉政干任〔2023〕7号', false],
    ]);
    expect(found[1]?.number.printed).toBe('吉政办发〔2022〕26\n号');
    expect(found[2]?.number.printed).toBe('吉政办发\n2022〕27号');
    expect(found[9]?.number.printed).toBe('吉政办发〔2022〕27 号');
    expect(found[10]?.number.printed).toBe('国务院令 第 675 号');
  });

  it('gives offsets that slice out the printed form', () => {
    for (const o of findDocumentNumbers(s001)) expect(s001.slice(o.index, o.index + o.length)).toBe(o.number.printed);
  });

  it('finds the 吉发〔2021〕3号 citation of 003 inside prose', () => {
    expect(findDocumentNumbers(s003).map((o) => o.number.normalized)).toEqual(['吉发〔2021〕3号']);
  });

  it('finds nothing in text with years, ranges and counts only', () => {
    expect(findDocumentNumbers('《计量发展规划（2021—2035年）》，到2025年，（2022）年度，第3号楼，1290项')).toEqual([]);
  });
});

describe('normalizeDocNumberQuery', () => {
  const known = ['吉政办发〔2022〕26号', '吉政办发〔2022〕27号', '吉政发〔2022〕21号', '吉政干任〔2023〕6-7号', '国务院令第675号'];

  it.each([
    ['吉政办发〔2022〕26号', '吉政办发〔2022〕26号'],
    ['吉政办发[2022]26号', '吉政办发〔2022〕26号'],
    ['吉政办发【2022】26号', '吉政办发〔2022〕26号'],
    ['吉政办发（2022）26号', '吉政办发〔2022〕26号'],
    ['吉政办发2022〕27号', '吉政办发〔2022〕27号'],
    ['吉政办发2022 26', '吉政办发〔2022〕26号'],
    ['吉政办发 2022 26号', '吉政办发〔2022〕26号'],
    ['2022 26号 吉政办发', '吉政办发〔2022〕26号'],
    ['26号 2022 吉政办发', '吉政办发〔2022〕26号'],
    ['吉政办发 2022-26', '吉政办发〔2022〕26号'],
    ['吉政办发２０２２　２６', '吉政办发〔2022〕26号'],
    ['吉政办发〔2022〕26', '吉政办发〔2022〕26号'],
    ['吉政干任 2023 6-7', '吉政干任〔2023〕6-7号'],
    ['国务院令第675号', '国务院令第675号'],
  ])('normalises %s without a list of known numbers', (q, expected) => {
    expect(normalizeDocNumberQuery(q)).toBe(expected);
  });

  it('resolves a query without a year against the known numbers when exactly one fits', () => {
    expect(normalizeDocNumberQuery('26号 吉政办发', known)).toBe('吉政办发〔2022〕26号');
    expect(normalizeDocNumberQuery('吉政发 21', known)).toBe('吉政发〔2022〕21号');
    expect(normalizeDocNumberQuery('26号 吉政办发')).toBeNull();
    expect(normalizeDocNumberQuery('吉政办发 26号', [...known, '吉政办发〔2021〕26号'])).toBeNull();
  });

  it('resolves URL slugs against the known numbers', () => {
    expect(normalizeDocNumberQuery('jzbf-2022-26', known)).toBe('吉政办发〔2022〕26号');
    expect(normalizeDocNumberQuery('JZGR-2023-6-7', known)).toBe('吉政干任〔2023〕6-7号');
    expect(normalizeDocNumberQuery('gwyl-675', known)).toBe('国务院令第675号');
    expect(normalizeDocNumberQuery('jzbf-2022-99', known)).toBeNull();
    expect(normalizeDocNumberQuery('jzbf-2022-26')).toBeNull();
  });

  it.each([
    ['吉政办发 2022 2021', 'two possible years and no 号'],
    ['吉政办发 2022', 'a year only'],
    ['吉政办发', 'no number'],
    ['2022 26', 'no agency'],
    ['吉政办发 2022 26 7', 'three numbers'],
    ['吉政办发 2022 26号 27号', 'three numbers, two marked'],
    ['26号 27号 吉政办发', 'two serials'],
    ['吉政办发 22 26', 'no year-like number'],
    ['吉政办发, 2022, 26', 'punctuation that is no bracket'],
    ['科技创新生态', 'a title word'],
  ])('returns null for %s (%s)', (q) => {
    expect(normalizeDocNumberQuery(q, known)).toBeNull();
  });
});

describe('docNumberSlug', () => {
  const slug = (s: string): string => {
    const n = parseDocumentNumber(s);
    if (!n) throw new Error(`not a number: ${s}`);
    return docNumberSlug(n);
  };

  it.each([
    ['吉政发〔2022〕21号', 'jzf-2022-21'],
    ['吉政办发〔2022〕26号', 'jzbf-2022-26'],
    ['吉政办发〔2022〕27 号', 'jzbf-2022-27'],
    ['吉政办函〔2022〕137号', 'jzbh-2022-137'],
    ['吉政干任〔2023〕6-7号', 'jzgr-2023-6-7'],
    ['吉政干任〔2023〕6号', 'jzgr-2023-6'],
    ['吉发〔2021〕33号', 'jf-2021-33'],
    ['吉卫联发〔2021〕44号', 'jwlf-2021-44'],
    ['国发〔2021〕37号', 'gf-2021-37'],
    ['国办发〔2021〕50号', 'gbf-2021-50'],
    ['国办发〔2018〕126号', 'gbf-2018-126'],
    ['穗府办规〔2021〕7号', 'sfbg-2021-7'],
    ['沪府办发〔2020〕1号', 'hfbf-2020-1'],
    ['劳社部发〔2004〕12号', 'lsbf-2004-12'],
    ['人社部发〔2019〕2号', 'rsbf-2019-2'],
    ['穗卫函〔2021〕9号', 'swh-2021-9'],
    ['国务院令第675号', 'gwyl-675'],
    ['吉林省人民政府令第281号', 'jlsrmzfl-281'],
    ['京政发〔2020〕1号', 'jzf-2020-1'],
    ['粤府函〔2020〕1号', 'yfh-2020-1'],
    ['长府发〔2020〕1号', 'cff-2020-1'],
    ['延州政发〔2020〕1号', 'yzzf-2020-1'],
    ['中办发〔2020〕1号', 'zbf-2020-1'],
    ['藏政发〔2020〕1号', 'zzf-2020-1'],
    ['厦府〔2020〕1号', 'xf-2020-1'],
  ])('%s → %s', (s, expected) => {
    expect(slug(s)).toBe(expected);
  });

  it('throws an Error naming an unknown character instead of guessing', () => {
    expect(() => slug('见吉政办发〔2022〕26号')).toThrow('「见」');
    expect(() => slug('财会〔2020〕1号')).toThrow('no pinyin initial for 「会」 in 机关代字 「财会」 (财会〔2020〕1号)');
    expect(() => slug('银行发〔2020〕1号')).toThrow('「行」');
  });

  it('maps every character of the table to exactly one lower-case initial', () => {
    const source = readFileSync(new URL('../../../src/gazette/doc-number.ts', import.meta.url), 'utf8');
    const groups = source.slice(source.indexOf('const INITIAL_GROUPS'), source.indexOf('};', source.indexOf('const INITIAL_GROUPS')));
    const listed = [...groups.matchAll(/'([^']+)'/g)].flatMap((m) => [...(m[1] ?? '')]);
    expect(listed.length).toBe(PINYIN_INITIALS.size); // no character listed under two initials
    expect([...PINYIN_INITIALS.values()].every((v) => /^[a-z]$/.test(v))).toBe(true);
    expect(PINYIN_INITIALS.size).toBeGreaterThan(300);
  });

  it('covers every agency character of the seed files', () => {
    const agencies = [s000, s001, s003].flatMap((t) => findDocumentNumbers(t).map((o) => o.number));
    expect(agencies.map(docNumberSlug)).toContain('jzgr-2023-6-7');
    expect(new Set(agencies.map(docNumberSlug)).size).toBe(new Set(agencies.map((n) => n.normalized)).size);
  });
});
