import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, SourceDocument } from '../../../src/gazette/model.ts';
import { findTampering } from '../../../src/ingest/reconcile/tamper.ts';
import type { Hunk } from '../../../src/ingest/reconcile/variants.ts';
import { collate, compareCopy, comparisonForm, diff } from '../../../src/ingest/reconcile/variants.ts';
import { F000, F001, F002, handMade, seedDocument, seedParses, seedResult, witness } from './reconcile-fixtures.ts';
import { SEED_ISSUERS } from '../../support/seed-gazette.ts';

const form = (s: string, traditional = false) => comparisonForm(s, traditional).chars.join('');

/** Length of a longest common subsequence, by dynamic programming: the yardstick for the diff. */
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** b rebuilt from a and the hunks. */
function apply(a: string[], b: string[], hunks: Hunk[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const h of hunks) {
    out.push(...a.slice(i, h.aStart), ...b.slice(h.bStart, h.bEnd));
    i = h.aEnd;
  }
  return [...out, ...a.slice(i)];
}

describe('diff (Myers O(ND))', () => {
  it('finds a shortest edit script: rebuilds b, and edits = n + m − 2·LCS', () => {
    const seq = fc.array(fc.constantFrom('甲', '乙', '丙', '丁'), { maxLength: 40 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const hunks = diff(a, b)!;
        expect(apply(a, b, hunks)).toEqual(b);
        const edits = hunks.reduce((n, h) => n + (h.aEnd - h.aStart) + (h.bEnd - h.bStart), 0);
        expect(edits).toBe(a.length + b.length - 2 * lcs(a, b));
        // Hunks are in order, separated by at least one equal element.
        hunks.forEach((h, k) => k > 0 && expect(h.aStart).toBeGreaterThan(hunks[k - 1]!.aEnd));
      }),
      { numRuns: 300 },
    );
  });

  it('gives up beyond maxD', () => {
    expect(diff([...'abcdef'], [...'uvwxyz'], 5)).toBeNull();
    expect(diff([...'abcdef'], [...'abcdxf'], 2)).toEqual([{ aStart: 4, aEnd: 5, bStart: 4, bEnd: 5 }]);
    expect(diff([], [])).toEqual([]);
  });
});

describe('comparisonForm', () => {
  it('ignores typography: spaces, widths, dash glyphs, quotes, 〔〕 around a name', () => {
    expect(form('珲春 S 波段')).toBe(form('珲春S波段'));
    expect(form('(2022—2025 年)')).toBe(form('（2022-2025年）'));
    expect(form('0–6岁')).toBe(form('0—6岁'));
    expect(form('各市〔州〕政府')).toBe('各市(州)政府');
    expect(form('“1+10”')).toBe(form('"1+10"'));
    expect(form('责任单位：省科技厅；省教育厅，')).toBe('责任单位:省科技厅;省教育厅,');
  });

  it('keeps what carries meaning: 〔2022〕 of a document number, 、。 and every character', () => {
    expect(form('吉政办发〔2022〕26号')).toBe('吉政办发〔2022〕26号');
    expect(form('大校、大所。')).toBe('大校、大所。');
  });

  it('converts a Traditional text and traces each character to its printed span', () => {
    const t = comparisonForm('生態 最佳化', true);
    expect(t.chars.join('')).toBe('生态优化');
    expect(t.start).toEqual([0, 1, 3, 3]);
    expect(t.end).toEqual([1, 2, 6, 6]);
  });
});

describe('collation notes of the seeds', () => {
  it('吉政办发〔2022〕26号: exactly 7 readings, all shared by 000 and 002 against 001', () => {
    expect(seedDocument('jzbf-2022-26').variants).toEqual([
      { clause: 'p1-s2-d2', authoritative: '态的重点难点问题，全力推', copy: '态的重点难点堵点问题,全力推', file: F000, line: 16, alsoIn: [F002] },
      { clause: 'p2-s2-i9', authoritative: '、大所、大企业”，分类施策', copy: '、大所、大企”,分类施策', file: F000, line: 36, alsoIn: [F002] },
      { clause: 'p2-s3-i12', authoritative: '位和承接创新能力。培育省', copy: '位和承接创新任务能力。培育省', file: F000, line: 40, alsoIn: [F002] },
      { clause: 'p2-s3-i14', authoritative: '创建国内科技新一流生态区', copy: '创建国内科技创新一流生态区', file: F000, line: 42, alsoIn: [F002] },
      { clause: 'p2-s5-i20', authoritative: '提升科研机构 and 科研人员诚信', copy: '提升科研机构和科研人员诚信', file: F000, line: 50, alsoIn: [F002] },
      { clause: 'p2-s5-i20', authoritative: '生态不断优化文化基础。（', copy: '生态不断优化的文化基础。(', file: F000, line: 50, alsoIn: [F002] },
      { clause: 'p3-i23', authoritative: '化合规尽职免于问责负面清单', copy: '化合规尽职免予问责负面清单', file: F000, line: 54, alsoIn: [F002] },
    ]);
  });

  it('吉政办发〔2022〕27号: 6 readings in the body and 1 in the 附件 member list', () => {
    const variants = seedDocument('jzbf-2022-27').variants;
    expect(variants.filter((v) => !v.clause.startsWith('att'))).toEqual([
      { clause: 'para1', authoritative: '济和社会发展的第十四个五年', copy: '济和社会发展第十四个五年', file: F000, line: 71, alsoIn: [] },
      { clause: 'p1-para1', authoritative: '贯彻预防为主方针，以基层', copy: '贯彻预防为主的方针,以基层', file: F000, line: 73, alsoIn: [] },
      { clause: 'p2-s2', authoritative: '障碍致残防控工作。', copy: '障碍致残防控行动。', file: F000, line: 81, alsoIn: [] },
      { clause: 'p2-s2-i2', authoritative: '分类管理和服。务。（省卫生', copy: '分类管理和服务。(省卫生', file: F000, line: 83, alsoIn: [] },
      { clause: 'p2-s3-i1', authoritative: '进现症地方病患者确诊病例治疗', copy: '进现症地方病病人确诊病例治疗', file: F000, line: 86, alsoIn: [] },
      { clause: 'p2-s4-i6', authoritative: '态环境与健康健康管理，减少饮', copy: '态环境与健康管理,减少饮', file: F000, line: 96, alsoIn: [] },
    ]);
    expect(variants.filter((v) => v.clause.startsWith('att'))).toEqual([
      { clause: 'att1-para10', authoritative: '省住房和城乡建设厅', copy: '省住房城乡建设厅', file: F000, line: 119, alsoIn: [] },
    ]);
  });

  it('吉政办函〔2022〕137号: 2 readings; the duplicated tail of 001 was dropped by its adapter', () => {
    expect(seedDocument('jzbh-2022-137').variants).toEqual([
      { clause: 'p3-s10-i22', authoritative: '试验考核基地建设。（责任', copy: '试验考核基地能力建设。(责任', file: F000, line: 177, alsoIn: [] },
      { clause: 'p4-s12-i30', authoritative: '大学等科研院所开展深度合作', copy: '大学等科研院校开展深度合作', file: F000, line: 188, alsoIn: [] },
    ]);
  });

  it('gives each reading one copy-variant finding on the document', () => {
    const d2 = seedDocument('jzbf-2022-26');
    const notes = d2.findings.filter((f) => f.kind === 'copy-variant');
    expect(notes.map((f) => [f.file, f.line, f.clause, f.severity])).toEqual(d2.variants.map((v) => [v.file, v.line, v.clause, 'info']));
    expect(notes[0]!.message).toBe(
      `Reads 「态的重点难点堵点问题,全力推」 where ${F001} (line 288) reads 「态的重点难点问题，全力推」; so do ${F002}.`,
    );
  });

  it('reports content one copy lacks once, not as readings', () => {
    const kinds = (id: string) =>
      seedDocument(id)
        .findings.filter((f) => f.kind.startsWith('copy-') && f.kind !== 'copy-variant')
        .map((f) => `${f.kind}@${f.file.slice(16, 19)}:${f.line}:${f.clause}`);
    // 000 prints 残疾预防主要指标(略) where 001 has the 25-indicator table.
    expect(kinds('jzbf-2022-27')).toEqual(['copy-omits-table@000:75:p1-t1']);
    // 002 has no preamble in its body; its page summary is D2's preamble rewritten.
    expect(kinds('jzbf-2022-26')).toEqual(['copy-rewrites-preamble@002:1:para1']);
    // 000's unnumbered item 51: its adapter reported number-missing on l.226, so no second finding.
    expect(kinds('jzbh-2022-137')).toEqual([]);
    expect(seedDocument('jzbh-2022-137').findings.filter((f) => f.line === 226 && f.file === F000).map((f) => f.kind)).toEqual(['number-missing']);
  });

  it('words the preamble finding for a reader', () => {
    const f = seedDocument('jzbf-2022-26').findings.find((x) => x.kind === 'copy-rewrites-preamble')!;
    expect(f.message).toBe(`para1 (${F001} line 274) is rewritten in this copy as its summary (51 of 109 characters differ), not copied.`);
    expect(f.severity).toBe('info');
  });

  it('finds no readings where a copy differs only in typography', () => {
    expect(seedResult().documents.flatMap((d) => d.variants).filter((v) => /2022-2025|0-6|珲春/.test(v.copy))).toEqual([]);
  });
});

describe('collation on hand-made copies', () => {
  const auth = handMade({
    file: 'auth.txt',
    kind: 'gazette-dump',
    title: '关于某事项的通知',
    body: ['一、总体要求', '（一）指导思想。坚持问题导向，推进各市〔州〕科技创新。', '（二）主要目标。到2025年，全省高新技术企业达到5000户。', '二、保障措施', '1. 加强组织领导。（省科技厅负责）'],
  });

  it('quotes a substantive difference with context, at the copy line', () => {
    const copy = handMade({
      file: 'copy.txt',
      kind: 'scraped-record',
      title: '关于某事项的通知',
      body: ['一、总体要求', '(一)指导思想。坚持问题导向,推进各市(州)科技创新。', '(二)主要目标。到2025年,全省高新技术企业达到6000户。', '二、保障措施', '1.加强组织领导。(省科技厅负责)'],
    });
    const cmp = compareCopy(witness(auth), witness(copy));
    const { readings, findings } = collate(cmp, new Set());
    expect(readings.map((r) => r.variant)).toEqual([
      { clause: 'p1-s2', authoritative: '技术企业达到5000户。', copy: '技术企业达到6000户。', file: 'copy.txt', line: 12, alsoIn: [] },
    ]);
    expect([...cmp.findings, ...findings]).toEqual([]);
  });

  it('reports a missing clause once, with the line before the gap', () => {
    const copy = handMade({ file: 'copy.txt', title: '关于某事项的通知', body: ['一、总体要求', '（一）指导思想。坚持问题导向，推进各市〔州〕科技创新。', '二、保障措施', '1. 加强组织领导。（省科技厅负责）'] });
    const cmp = compareCopy(witness(auth), witness(copy));
    expect(cmp.findings.map((f) => [f.kind, f.line, f.clause, f.message])).toEqual([
      ['copy-omits-content', 11, 'p1-s2', 'This copy lacks p1-s2 (auth.txt line 12).'],
    ]);
    expect(collate(cmp, new Set()).readings).toEqual([]);
  });

  it('collates a clause printed without its number against the numbered one', () => {
    const copy = handMade({ file: 'copy.txt', title: '关于某事项的通知', body: ['一、总体要求', '（一）指导思想。坚持问题导向，推进各市〔州〕科技创新。', '（二）主要目标。到2025年，全省高新技术企业达到5000户。', '二、保障措施', '加强组织领导。（省科技厅牵头负责）'] });
    const cmp = compareCopy(witness(auth), witness(copy));
    expect(cmp.findings.map((f) => [f.kind, f.line, f.clause])).toEqual([['copy-omits-number', 14, 'p2-i1']]);
    expect(collate(cmp, new Set()).readings.map((r) => [r.variant.authoritative, r.variant.copy])).toEqual([['。（省科技厅负责）', '。（省科技厅牵头负责）']]);
  });

  it('reports a copy that adds blocks', () => {
    const copy = handMade({ file: 'copy.txt', title: '关于某事项的通知', body: ['一、总体要求', '（一）指导思想。坚持问题导向，推进各市〔州〕科技创新。', '（二）主要目标。到2025年，全省高新技术企业达到5000户。', '（三）工作原则。新增的内容。', '二、保障措施', '1. 加强组织领导。（省科技厅负责）'] });
    expect(compareCopy(witness(auth), witness(copy)).findings.map((f) => [f.kind, f.line])).toEqual([['copy-adds-content', 13]]);
  });
});

/** Typographic noise: another width, dash glyph or quote style, stray spaces of any kind. */
function noisy(text: string, random: () => number): string {
  const swaps: Record<string, string[]> = {
    '（': ['('],
    '(': ['（'],
    '）': [')'],
    ')': ['）'],
    '，': [','],
    ',': ['，'],
    '：': [':'],
    ':': ['：'],
    '；': [';'],
    ';': ['；'],
    '—': ['-', '–', '－'],
    '-': ['—', '–'],
    '“': ['"'],
    '”': ['"'],
    '0': ['０'],
    '5': ['５'],
  };
  const spaces = [' ', '\u3000', '\u00A0', '\t'];
  let out = '';
  for (const c of text.replace(/\(州\)/g, '〔州〕')) {
    const alt = swaps[c];
    out += alt && random() < 0.5 ? alt[Math.floor(random() * alt.length)] : c;
    if (random() < 0.05) out += spaces[Math.floor(random() * spaces.length)];
  }
  return out;
}

function noisyBlocks(blocks: Block[], random: () => number): Block[] {
  return blocks.map((b) => {
    if (b.type === 'clause') return { ...b, text: noisy(b.text, random), children: noisyBlocks(b.children, random) };
    if (b.type === 'table') return { ...b, table: { ...b.table, rows: b.table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, text: noisy(c.text, random) })) })) } };
    return { ...b, text: noisy(b.text, random) };
  });
}

/** mulberry32: a small seeded generator, so fast-check can replay a failing case from its seed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('typographic differences are never readings (property)', () => {
  const docs = seedParses()[1]!.documents;
  // D2 (dash items, mixed punctuation) and D3 (the table) as printed in 001.
  const samples = [docs[3]!, docs[4]!];

  it('a copy with other widths, dashes, quotes and spaces collates to nothing', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1), (seed, which) => {
        const original = samples[which]!;
        const random = seeded(seed);
        const copy: SourceDocument = {
          ...original,
          file: 'noisy.txt',
          sourceKind: 'scraped-record',
          title: noisy(original.title, random),
          addressees: original.addressees && noisy(original.addressees, random),
          notice: original.notice && noisy(original.notice, random),
          planTitle: original.planTitle && noisy(original.planTitle, random),
          body: noisyBlocks(original.body, random),
          attachments: original.attachments.map((a) => ({ ...a, title: noisy(a.title, random), body: noisyBlocks(a.body, random) })),
        };
        const cmp = compareCopy(witness(original), witness(copy));
        const { readings, findings } = collate(cmp, findTampering(cmp.pairs, SEED_ISSUERS).hunks);
        expect(readings).toEqual([]);
        expect([...cmp.findings, ...findings]).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
