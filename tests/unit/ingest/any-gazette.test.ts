/**
 * The ingest reads for the configured gazette (runIngest(files, { gazette })): the 国务院公报 example's dump
 * (examples/guowuyuan-gongbao/sources/001_guowuyuan-2019-6.txt) in its own numbering, columns and issuers, and
 * what the issuer register makes of a configuration's short forms and 机关代字.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../../../src/ingest/pipeline.ts';
import { codeMismatch, canonicalIssuers, issuerRegister, numberSlug } from '../../../src/ingest/structure/issuers.ts';
import { titleKey } from '../../../src/ingest/link/citations.ts';
import { parseDocumentNumber } from '../../../src/gazette/doc-number.ts';
import GUOWUYUAN from '../../../examples/guowuyuan-gongbao/gongbao.config.ts';
import { SEED, SEED_ISSUERS } from '../../support/seed-gazette.ts';

const DUMP = 'examples/guowuyuan-gongbao/sources/001_guowuyuan-2019-6.txt';
const files = [{ file: DUMP, bytes: readFileSync(DUMP) }];

describe('a second gazette read from its configuration', () => {
  const r = runIngest(files, { gazette: GUOWUYUAN });

  it('reads its cover in its own numbering: 第6号(总号：1654) (l.11), 2019年2月28日出版 (l.21)', () => {
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ id: '2019-6', gazette: '中华人民共和国国务院公报', year: 2019, number: 6, cumulative: 1654, published: '2019-02-28', frequency: '旬刊', issn: '1004-3438', cn: '11-1611/D', sponsor: '国务院办公厅' });
  });

  it('publishes both documents under their issuers, every character accounted for and nothing withheld', () => {
    expect(r.documents.map((d) => [d.id, d.docNumber?.normalized, d.issuers])).toEqual([
      ['gbf-2018-126', '国办发〔2018〕126号', ['国务院办公厅']],
      ['gf-2019-4', '国发〔2019〕4号', ['国务院']],
    ]);
    expect(r.ledger.map((l) => l.unaccounted)).toEqual([0]);
    expect(r.withheld).toEqual([]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reads its 目录 columns and finds each entry’s document (l.25–33)', () => {
    expect(r.issues[0]!.sections.map((s) => [s.title, s.entries.map((e) => e.document)])).toEqual([
      ['国务院办公厅文件', ['gbf-2018-126']],
      ['国务院文件', ['gf-2019-4']],
    ]);
  });

  it('is not read in another gazette’s numbering: with the seed’s, the dump has no issue number', () => {
    const seed = runIngest(files, { gazette: SEED });
    expect(seed.issues).toEqual([]);
    expect(seed.findings.filter((f) => f.kind === 'source-unreadable').map((f) => f.message)).toEqual([`${DUMP} 第4行：公报文本的封面和内封都没有刊名、年份或期号（封面从本行开始）`]);
  });

  it('takes a 机关代字’s slug initials from the configuration when it gives them', () => {
    const issuers = GUOWUYUAN.issuers.map((i) => (i.name === '国务院办公厅' ? { ...i, slugs: { 国办发: 'gwybgt' } } : i));
    const r2 = runIngest(files, { gazette: { ...GUOWUYUAN, issuers } });
    expect(r2.documents.map((d) => d.id)).toEqual(['gwybgt-2018-126', 'gf-2019-4']);
  });

  it('reports a dump whose name or registration is not the configured gazette’s', () => {
    const other = runIngest(files, { gazette: { ...GUOWUYUAN, name: '国务院公报', issn: '1004-3439' } });
    expect(other.findings.filter((f) => f.kind === 'gazette-mismatch').map((f) => [f.line, f.message])).toEqual([
      [4, '本来源印的刊名是「中华人民共和国国务院公报」，与配置（gongbao.config.ts）的「国务院公报」不同：可能是另一种公报的文本。'],
      [4, '本来源印的国际标准刊号是「1004-3438」，与配置（gongbao.config.ts）的「1004-3439」不同：可能是另一种公报的文本。'],
    ]);
  });
});

describe('the issuer register of a configuration', () => {
  it('expands the short forms the configuration gives, alone and run together (003: 省委省政府)', () => {
    expect(canonicalIssuers(SEED_ISSUERS, ['省委省政府'])).toEqual(['中共吉林省委', '吉林省人民政府']);
    expect(canonicalIssuers(SEED_ISSUERS, ['吉林省政府', '省人民政府办公厅'])).toEqual(['吉林省人民政府', '吉林省人民政府办公厅']);
    // The 国务院公报 abbreviates nothing: 省政府 is nobody there.
    expect(canonicalIssuers(issuerRegister(GUOWUYUAN.issuers), ['省政府'])).toEqual(['省政府']);
  });

  it('compares titles by issuer only for the authorities the gazette abbreviates', () => {
    expect(titleKey('省委省政府关于创新型省份建设的意见', SEED_ISSUERS)).toBe('中共吉林省委+吉林省人民政府|关于创新型省份建设的意见');
    expect(titleKey('国务院关于印发国家职业教育改革实施方案的通知', issuerRegister(GUOWUYUAN.issuers))).toBe('国务院关于印发国家职业教育改革实施方案的通知');
  });

  it('makes slugs from the pinyin table, or from the initials the configuration gives a 机关代字 (蚌 is not in the table)', () => {
    const register = issuerRegister([{ name: '蚌埠市人民政府', aliases: [], codes: ['蚌政发'], slugs: { 蚌政发: 'bzf' } }]);
    expect(numberSlug(register, parseDocumentNumber('蚌政发〔2020〕3号')!)).toBe('bzf-2020-3');
    expect(() => numberSlug(SEED_ISSUERS, parseDocumentNumber('蚌政发〔2020〕3号')!)).toThrow(/蚌/);
    expect(numberSlug(SEED_ISSUERS, parseDocumentNumber('吉政办发〔2022〕26号')!)).toBe('jzbf-2022-26');
    expect(numberSlug(register, parseDocumentNumber('国务院令第675号')!)).toBe('gwyl-675');
  });

  it('names the owner of a 机关代字 when the document is signed by another known issuer only', () => {
    const register = issuerRegister(GUOWUYUAN.issuers);
    const doc = (number: string, issuer: string) => ({ docNumber: parseDocumentNumber(number), issuers: [issuer], signature: { issuer, date: null, source: null } });
    expect(codeMismatch(register, doc('国办发〔2018〕126号', '国务院'))).toBe('国务院办公厅');
    expect(codeMismatch(register, doc('国办发〔2018〕126号', '国务院办公厅'))).toBeNull();
    expect(codeMismatch(register, doc('国办发〔2018〕126号', '欧宝体育'))).toBeNull(); // an unknown signer is issuer-unknown's
    expect(codeMismatch(register, doc('沪府办发〔2021〕19号', '国务院'))).toBeNull();
    expect(codeMismatch(SEED_ISSUERS, doc('吉政办发〔2022〕26号', '省政府'))).toBe('吉林省人民政府办公厅');
  });
});
