/**
 * The build report for editors (src/site/report.ts) on the seed: findings sorted into decisions, repairs and
 * information; the report paged by source, the source with most decisions first; each finding placed at its clause.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/ingest/emit/report.ts';
import { bucketOf, todoOf } from '../../../src/gazette/findings.ts';
import { findingPlace, reportListPath, reportPage, sourceReports } from '../../../src/site/report.ts';
import { seed, seedDocument } from './seed.ts';

const report = buildReport(seed());
const rows = sourceReports(report);

describe('the seed report, by source', () => {
  it('lists the five sources, those with decisions first: 001 (the gazette dump, 3), then 000 (1)', () => {
    expect(rows.map((r) => [r.file.slice(16, 19), r.counts.decide])).toEqual([['001', 3], ['000', 1], ['002', 0], ['003', 0], ['004', 0]]);
    expect(rows[0]?.path).toBe('/report/001_2dbcd8b680e63142/');
  });

  it('needs a decision exactly where the text cannot settle it', () => {
    const decide = rows.flatMap((r) => r.findings).filter((f) => bucketOf(f) === 'decide').map((f) => f.kind).sort();
    expect(decide).toEqual(['number-missing', 'table-grouping-ambiguous', 'table-grouping-ambiguous', 'title-incomplete']);
    // A tampered copy that is never used is severe, but no one has to decide anything: information.
    const tampered = report.files.flatMap((f) => f.findings).filter((f) => f.kind === 'issuer-tampered');
    expect(tampered).toHaveLength(9);
    for (const f of tampered) expect(bucketOf(f)).toBe('info');
  });

  it('says what to do in Chinese, and where the decision goes', () => {
    const f = rows[0]!.findings.find((x) => x.kind === 'title-incomplete')!;
    expect(todoOf(f)).toBe('对照印刷版，确认标题取目录所印的写法是否正确。这类决定还没有记录文件：请把决定告知技术人员。');
    expect(todoOf({ ...f, kind: 'copy-withheld', severity: 'error' })).toContain('记在 content/editorial/copies.json');
  });
});

describe('pages and places', () => {
  it('pages the list of sources, /report/ first', () => {
    const many = Array.from({ length: 250 }, (_, i) => i);
    expect(reportPage(many, 1)).toEqual({ rows: many.slice(0, 100), pages: 3 });
    expect(reportPage(many, 3).rows).toHaveLength(50);
    expect([reportListPath(1), reportListPath(2)]).toEqual(['/report/', '/report/list/2/']);
  });

  it('places a finding at its clause by the printed label, or the nearest block the page has', () => {
    const doc = seedDocument('jzbf-2022-26');
    const f = { kind: 'x', severity: 'info' as const, file: 'f', line: 1, message: '', action: '', document: doc.id };
    expect(findingPlace({ ...f, clause: 'p2-s3-i11' }, doc)).toEqual({ text: '《吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知》二、（三）11.', anchor: 'p2-s3-i11' });
    expect(findingPlace({ ...f, clause: 'p2-s3-i11-para9' }, doc)?.anchor).toBe('p2-s3-i11');
    expect(findingPlace(f, undefined)).toBeNull();
  });
});
