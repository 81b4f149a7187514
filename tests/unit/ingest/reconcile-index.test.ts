import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../src/ingest/reconcile/index.ts';
import { F000, F001, F002, F003, F004, handMade, parseOf, seedResult } from './reconcile-fixtures.ts';
import { SEED_ISSUERS } from '../../support/seed-gazette.ts';

describe('reconcile on the seeds', () => {
  const { documents, findings } = seedResult();

  it('publishes 10 documents with ids from the 发文字号, the adapter, or date and kind', () => {
    expect(documents.map((d) => [d.id, d.issue, d.docNumber?.normalized ?? null])).toEqual([
      ['2023-4-cover', '2023-4', null],
      ['2023-4-juanshouyu', '2023-4', null],
      ['jzf-2022-21', '2023-4', '吉政发〔2022〕21号'],
      ['jzbf-2022-26', '2023-4', '吉政办发〔2022〕26号'],
      ['jzbf-2022-27', '2023-4', '吉政办发〔2022〕27号'],
      ['jzbh-2022-137', '2023-4', '吉政办函〔2022〕137号'],
      ['jzgr-2023-6-7', '2023-4', '吉政干任〔2023〕6-7号'],
      ['2023-4-zwyw', '2023-4', null],
      ['2021-12-20-yj', null, null], // 003: 省委省政府关于创新型省份建设的意见
      ['2021-04-13-jb', null, null], // 004: 简报
    ]);
  });

  it('names the authoritative copy and the copies of each document', () => {
    // What each source prints about itself travels with it (reconcile/index.ts): 002's infobox, 004's 栏目.
    const meta = (id: string, file: string) => documents.find((d) => d.id === id)?.sources.find((s) => s.file === file)?.meta;
    expect(meta('jzbf-2022-26', F002)).toMatchObject({ 中文名: '吉林省科技創新生態最佳化工程實施方案', 頒布時間: '2022年8月12日', 發布單位: '吉林省人民政府辦公廳' });
    expect(meta('2021-04-13-jb', F004)).toMatchObject({ 栏目: '决策参考', publisher: '北华大学' });
    expect(meta('jzbf-2022-26', F000)).toEqual({ issueLabel: '第4期', siteTimestamp: '2023-11-02 00:00:00' });
    // reconcile alone has no bytes to hash: the pipeline passes them in (tests/unit/ingest/pipeline tests).
    expect(documents.every((d) => d.sources.every((s) => s.sha256 === null))).toBe(true);
    const sources = Object.fromEntries(documents.map((d) => [d.id, d.sources.map(({ meta: _m, sha256: _h, ...s }) => s)]));
    expect(sources['jzbf-2022-26']).toEqual([
      { file: F001, role: 'authoritative', kind: 'gazette-dump', lines: { from: 261, to: 404 } },
      { file: F000, role: 'copy', kind: 'scraped-record', lines: { from: 1, to: 59 } },
      { file: F002, role: 'copy', kind: 'encyclopedia', lines: { from: 1, to: 62 } },
    ]);
    expect(sources['jzbf-2022-27']!.map((s) => `${s.file}:${s.role}`)).toEqual([`${F001}:authoritative`, `${F000}:copy`]);
    expect(sources['jzbh-2022-137']!.map((s) => `${s.file}:${s.role}`)).toEqual([`${F001}:authoritative`, `${F000}:copy`]);
    expect(sources['2021-12-20-yj']).toEqual([{ file: F003, role: 'authoritative', kind: 'news-article', lines: { from: 2, to: 125 } }]);
    expect(sources['2021-04-13-jb']!.map((s) => s.file)).toEqual([F004]);
  });

  it('counts 7 / 7 (6 in the body + 1 in the 附件) / 2 collation notes', () => {
    expect(documents.map((d) => d.variants.length)).toEqual([0, 0, 0, 7, 7, 2, 0, 0, 0, 0]);
  });

  it('attaches every finding about a copy to its document, and keeps issue-level findings apart', () => {
    const at = (file: string, line: number, kind: string) => findings.find((f) => f.file === file && f.line === line && f.kind === kind);
    expect(at(F000, 107, 'glued-label')?.document).toBe('jzbf-2022-27');
    expect(at(F001, 798, 'duplicate-fragment-dropped')?.document).toBe('jzbh-2022-137');
    expect(at(F001, 90, 'toc-repaired')?.document).toBeUndefined();
    for (const d of documents) expect(d.findings).toEqual(findings.filter((f) => f.document === d.id));
  });

  it('publishes 003 省委省政府 under the full names of both authorities, without an issuer-unknown warning', () => {
    expect(findings.filter((f) => f.kind === 'issuer-unknown')).toEqual([]);
    expect(documents.find((d) => d.id === '2021-12-20-yj')?.issuers).toEqual(['中共吉林省委', '吉林省人民政府']);
  });

  it('reports no conflicts, collisions or ties among the seeds', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('ids and conflicts on hand-made documents', () => {
  it('gives a second document claiming a taken 发文字号 the suffix -b, with an error on it', () => {
    const a = handMade({ file: 'a.txt', kind: 'gazette-dump', title: '吉林省人民政府关于甲事项的通知', number: '吉政发〔2022〕5号', issuer: '吉林省人民政府' });
    const b = handMade({ file: 'b.txt', kind: 'government-web', title: '吉林省人民政府关于乙事项的通知', number: '吉政发〔2022〕5号', issuer: '吉林省人民政府' });
    const { documents, findings } = reconcile([parseOf(b), parseOf(a)], SEED_ISSUERS);
    expect(documents.map((d) => [d.id, d.title])).toEqual([
      ['jzf-2022-5', '吉林省人民政府关于甲事项的通知'],
      ['jzf-2022-5-b', '吉林省人民政府关于乙事项的通知'],
    ]);
    expect(findings.map((f) => [f.kind, f.severity, f.file, f.document])).toEqual([['doc-number-conflict', 'error', 'b.txt', 'jzf-2022-5-b']]);
  });

  it('turns a slug collision between different documents into an error, never an overwrite', () => {
    const a = handMade({ file: 'a.txt', title: '关于甲的意见', date: '2021-12-20', issuer: '国务院' });
    const b = handMade({ file: 'b.txt', title: '关于乙的意见', date: '2021-12-20', issuer: '国务院' });
    const { documents, findings } = reconcile([parseOf(a), parseOf(b)], SEED_ISSUERS);
    expect(documents.map((d) => d.id)).toEqual(['2021-12-20-yj', '2021-12-20-yj-b']);
    expect(findings).toEqual([
      {
        kind: 'slug-collision',
        severity: 'error',
        file: 'b.txt',
        line: 1,
        message: '「关于乙的意见」将得到标识 2021-12-20-yj，但另一份文件已经用了这个标识。',
        action: '以 2021-12-20-yj-b 发布（若也已被占用则顺延）；请给其中一份指定可区分的标识（front matter 的 slug）或改正其元数据。',
        document: '2021-12-20-yj-b',
      },
    ]);
  });

  it('falls back from an unmappable 机关代字 to the adapter slug, then to date and kind', () => {
    const odd = handMade({ file: 'a.txt', title: '关于丁的通知', number: '鑫政发〔2022〕1号', date: '2022-03-01', issuer: '国务院' });
    const { documents, findings } = reconcile([parseOf(odd)], SEED_ISSUERS);
    expect(documents[0]!.id).toBe('2022-03-01-tz');
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['slug-unmapped', 'error']]);
    const withSlug = { ...odd, slug: 'xzf-2022-1' };
    expect(reconcile([parseOf(withSlug)], SEED_ISSUERS).documents[0]!.id).toBe('xzf-2022-1');
    const undated = handMade({ file: 'c.txt', title: '工作简报', issuer: '国务院' });
    expect(reconcile([parseOf(undated)], SEED_ISSUERS).documents[0]!.id).toBe('undated-jb');
  });

  it('reports two copies of equal authority and publishes the first by file order', () => {
    const a = handMade({ file: 'a.txt', title: '国务院关于戊的通知', number: '国发〔2019〕4号', issuer: '国务院' });
    const b = handMade({ file: 'b.txt', title: '国务院关于戊的通知', number: '国发〔2019〕4号', issuer: '国务院' });
    const { documents, findings } = reconcile([parseOf(b), parseOf(a)], SEED_ISSUERS);
    expect(documents.map((d) => d.sources.map((s) => `${s.file}:${s.role}`))).toEqual([['a.txt:authoritative', 'b.txt:copy']]);
    expect(documents[0]!.id).toBe('gf-2019-4');
    expect(findings.map((f) => [f.kind, f.severity, f.file])).toEqual([['authority-tie', 'warning', 'b.txt']]);
  });

  it('takes the 发文字号 from an untampered copy when the authoritative copy prints none', () => {
    const news = handMade({ file: 'n.txt', kind: 'news-article', title: '国务院关于己的通知', issuer: '国务院', date: '2019-01-01' });
    const record = handMade({ file: 'r.txt', kind: 'encyclopedia', title: '国务院关于己的通知', number: '国发〔2019〕7号', issuer: '国务院' });
    const { documents } = reconcile([parseOf(news), parseOf(record)], SEED_ISSUERS);
    expect(documents.map((d) => [d.id, d.docNumber?.normalized, d.sources[0]!.file])).toEqual([['gf-2019-7', '国发〔2019〕7号', 'n.txt']]);
  });
});
