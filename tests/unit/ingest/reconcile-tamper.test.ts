import { describe, expect, it } from 'vitest';
import { canonicalIssuers, findIssuerNames, isKnownIssuer, unknownIssuers } from '../../../src/ingest/structure/issuers.ts';
import { reconcile } from '../../../src/ingest/reconcile/index.ts';
import { findTampering } from '../../../src/ingest/reconcile/tamper.ts';
import { compareCopy } from '../../../src/ingest/reconcile/variants.ts';
import { F000, F001, handMade, parseOf, seedResult, witness } from './reconcile-fixtures.ts';
import { SEED_ISSUERS } from '../../support/seed-gazette.ts';

describe('issuers', () => {
  it('knows the authorities of the seeds and of the corpus', () => {
    for (const name of ['吉林省人民政府', '吉林省人民政府办公厅', '中共吉林省委', '中共吉林省委办公厅', '国务院办公厅', '劳动和社会保障部', '广州市卫生健康委员会', '上海市人民政府办公厅']) {
      expect(SEED_ISSUERS.names).toContain(name);
    }
  });

  it('recognises a name as printed or in Traditional characters, never a brand', () => {
    expect(isKnownIssuer(SEED_ISSUERS, '吉林省人民政府办公厅')).toBe(true);
    expect(isKnownIssuer(SEED_ISSUERS, '吉林省人民政府辦公廳')).toBe(true);
    expect(isKnownIssuer(SEED_ISSUERS, ' 吉林省人民政府 ')).toBe(true);
    expect(isKnownIssuer(SEED_ISSUERS, '欧宝体育办公厅')).toBe(false);
    expect(isKnownIssuer(SEED_ISSUERS, '省政府')).toBe(false);
  });

  it('splits joint issuers of a 落款 and lists the unknown ones once', () => {
    const doc = handMade({ file: 'a.txt', title: 't', issuer: '中共吉林省委 吉林省人民政府' });
    expect(unknownIssuers(SEED_ISSUERS, doc)).toEqual([]);
    expect(unknownIssuers(SEED_ISSUERS, { ...doc, issuers: ['欧宝体育办公厅'], signature: { ...doc.signature, issuer: '欧宝体育办公厅' } })).toEqual(['欧宝体育办公厅']);
  });

  it('finds the longest known name at each place, none inside another', () => {
    const chars = [...'中共吉林省委吉林省人民政府办公厅印发'];
    expect(findIssuerNames(SEED_ISSUERS, chars)).toEqual([
      { start: 0, end: 6 },
      { start: 6, end: 16 },
    ]);
  });
});

describe('tampering in the seeds (000: 吉林省人民政府 → a brand name, 9 places)', () => {
  const { documents, findings } = seedResult();
  const tampered = findings.filter((f) => f.kind === 'issuer-tampered');

  it('reports each place once, as severe, at its line in 000', () => {
    expect(tampered.map((f) => [f.file, f.line, f.severity, f.document, f.clause])).toEqual([
      [F000, 2, 'severe', 'jzbf-2022-26', ''], // title
      [F000, 8, 'severe', 'jzbf-2022-26', ''], // 落款
      [F000, 11, 'severe', 'jzbf-2022-26', 'para1'], // 《中共吉林省委 欧宝体育关于创新型省份建设的意见》
      [F000, 61, 'severe', 'jzbf-2022-27', ''],
      [F000, 67, 'severe', 'jzbf-2022-27', ''],
      [F000, 131, 'severe', 'jzbh-2022-137', ''],
      [F000, 138, 'severe', 'jzbh-2022-137', ''],
      [F000, 142, 'severe', 'jzbh-2022-137', 'para1'], // 结合《 欧宝体育关于推进气象强省建设…》
      [F000, 148, 'severe', 'jzbh-2022-137', 'p1-s2-i3'], // 中国气象局 欧宝体育人工影响天气联合开放实验室
    ]);
  });

  it('names the known authority and the substitute in plain words', () => {
    expect(tampered.find((f) => f.line === 8)!.message).toBe(
      `「欧宝体育办公厅」出现在 ${F001} 印作发文机关「吉林省人民政府办公厅」的位置：发文机关的名称被换成了不是发文机关的文字。`,
    );
    expect(tampered.find((f) => f.line === 148)!.message).toContain('「欧宝体育」出现在');
    expect(tampered[0]!.action).toBe(
      '该副本不用于发布的正文、发文机关或标题；替换进去的文字不列为校勘记。',
    );
  });

  it('never publishes the tampered copy, its issuer or its title', () => {
    for (const id of ['jzbf-2022-26', 'jzbf-2022-27', 'jzbh-2022-137']) {
      const d = documents.find((x) => x.id === id)!;
      expect(d.sources.find((s) => s.file === F000)?.role).toBe('copy');
      expect(d.issuers).toEqual(['吉林省人民政府办公厅']);
      expect(d.title.startsWith('吉林省人民政府办公厅关于印发')).toBe(true);
      expect(d.findings.filter((f) => f.kind === 'issuer-tampered').length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(documents.flatMap((d) => d.variants))).not.toContain('欧宝');
    expect(findings.filter((f) => f.kind === 'issuer-unknown' && f.file === F000)).toEqual([]);
  });
});

describe('tampering on hand-made copies', () => {
  const auth = handMade({
    file: 'auth.txt',
    kind: 'gazette-dump',
    title: '吉林省人民政府关于某事项的通知',
    issuer: '吉林省人民政府',
    body: ['为贯彻落实《中共吉林省委 吉林省人民政府关于某工作的意见》，特制定本方案。', '一、总体要求', '（一）由吉林省人民政府统筹推进。'],
  });
  const copyWith = (line: string) =>
    handMade({
      file: 'copy.txt',
      kind: 'scraped-record',
      title: '吉林省人民政府关于某事项的通知',
      issuer: '吉林省人民政府',
      body: ['为贯彻落实《中共吉林省委 吉林省人民政府关于某工作的意见》，特制定本方案。', '一、总体要求', line],
    });
  const places = (line: string) => findTampering(compareCopy(witness(auth), witness(copyWith(line))).pairs, SEED_ISSUERS).places;

  it('catches a replacement by any name that is no issuer', () => {
    expect(places('（一）由某某娱乐统筹推进。')).toEqual([{ side: 'copy', line: 12, clause: 'p1-s1', name: '吉林省人民政府', substitute: '某某娱乐' }]);
  });

  it('takes an abbreviation, another known issuer or a one-character slip for a reading, not tampering', () => {
    expect(places('（一）由省政府统筹推进。')).toEqual([]);
    expect(places('（一）由吉林省人民政府办公厅统筹推进。')).toEqual([]);
    expect(places('（一）由吉林省人民政付统筹推进。')).toEqual([]);
    expect(places('（一）由统筹推进。')).toEqual([]);
  });

  it('publishes the next copy when the better-ranked one is shown tampered', () => {
    // The gazette's 落款 is intact, but its body lost the name; the web copy keeps it.
    const gazette = handMade({ file: 'g.txt', kind: 'gazette-dump', title: '吉林省人民政府关于某事项的通知', number: '吉政发〔2022〕9号', issuer: '吉林省人民政府', body: ['一、总体要求', '（一）由某某娱乐统筹推进。'] });
    const web = handMade({ file: 'w.txt', kind: 'government-web', title: '吉林省人民政府关于某事项的通知', number: '吉政发〔2022〕9号', issuer: '吉林省人民政府', body: ['一、总体要求', '（一）由吉林省人民政府统筹推进。'] });
    const { documents, findings } = reconcile([parseOf(gazette), parseOf(web)], SEED_ISSUERS);
    expect(documents.map((d) => d.sources.map((s) => `${s.file}:${s.role}`))).toEqual([['w.txt:authoritative', 'g.txt:copy']]);
    expect(findings.map((f) => [f.kind, f.file, f.line, f.severity])).toEqual([
      ['authority-skipped', 'g.txt', 4, 'warning'],
      ['issuer-tampered', 'g.txt', 11, 'severe'],
    ]);
  });

  it('does not take a copy whose 落款 names no known issuer as authoritative', () => {
    const gazette = handMade({ file: 'g.txt', kind: 'gazette-dump', title: '某某娱乐关于某事项的通知', number: '吉政发〔2022〕9号', issuer: '某某娱乐', body: ['一、总体要求'] });
    const web = handMade({ file: 'w.txt', kind: 'government-web', title: '吉林省人民政府关于某事项的通知', number: '吉政发〔2022〕9号', issuer: '吉林省人民政府', body: ['一、总体要求'] });
    const { documents, findings } = reconcile([parseOf(gazette), parseOf(web)], SEED_ISSUERS);
    expect(documents[0]!.sources[0]).toEqual({ file: 'w.txt', role: 'authoritative', kind: 'government-web', lines: { from: 1, to: 11 }, meta: {}, sha256: null });
    expect(documents[0]!.issuers).toEqual(['吉林省人民政府']);
    expect(findings.map((f) => [f.kind, f.file, f.line])).toEqual([
      ['authority-skipped', 'g.txt', 4],
      ['issuer-tampered', 'g.txt', 1],
      ['issuer-tampered', 'g.txt', 4],
    ]);
  });
});

describe('issuer aliases', () => {
  it('expands this gazette’s short forms to full names and keeps order', () => {
    expect(canonicalIssuers(SEED_ISSUERS, ['省委省政府'])).toEqual(['中共吉林省委', '吉林省人民政府']);
    expect(canonicalIssuers(SEED_ISSUERS, ['吉林省人民政府', '省政府'])).toEqual(['吉林省人民政府']);
    expect(canonicalIssuers(SEED_ISSUERS, ['欧宝体育'])).toEqual(['欧宝体育']);
  });
});
