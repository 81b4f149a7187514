/**
 * Withholding (issue 20, issue 14.7): a source the ingest cannot publish cleanly is left out with an
 * error naming file and line, the rest is published; a copy never takes the page of a document the
 * gazette printed unless an editor records it (content/editorial/copies.json), and the tampered scrape
 * 000 never does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runIngest, type SourceFile } from '../../../src/ingest/pipeline.ts';
import type { CopyDecision } from '../../../src/ingest/reconcile/printed.ts';
import { SEED } from '../../support/seed-gazette.ts';

const ROOT = new URL('../../../', import.meta.url);
const F000 = 'content/sources/000_0e00a8da3e3bc271.txt';
const F001 = 'content/sources/001_2dbcd8b680e63142.txt';
const F002 = 'content/sources/002_51f41672fcbbe418.txt';
const seeds: SourceFile[] = readdirSync(new URL('content/sources', ROOT)).map((n) => ({ file: `content/sources/${n}`, bytes: readFileSync(new URL(`content/sources/${n}`, ROOT)) }));
const dump = readFileSync(new URL(F001, ROOT), 'utf8').split('\n');
const withDump = (lines: string[]): SourceFile[] => seeds.map((s) => (s.file === F001 ? { file: F001, bytes: Buffer.from(lines.join('\n')) } : s));
const kinds = (r: ReturnType<typeof runIngest>, ...ks: string[]) => r.findings.filter((f) => ks.includes(f.kind)).map((f) => [f.kind, f.file, f.line]);
// The published text, issuer and title (collation notes may quote a copy's reading).
const tampered = (r: ReturnType<typeof runIngest>) =>
  r.documents.filter((d) => JSON.stringify([d.title, d.printedTitle, d.issuers, d.signature, d.body, d.attachments]).includes('欧宝体育')).map((d) => d.id);

describe('withholding', () => {
  it('withholds nothing of the seed', () => {
    const r = runIngest(seeds, { gazette: SEED });
    expect(r.withheld).toEqual([]);
    expect(kinds(r, 'source-withheld', 'copy-withheld', 'issuer-unverified')).toEqual([]);
    expect(r.documents).toHaveLength(10);
  });

  // 001 l.5 is the cover's 吉林省人民政府公报: with a U+FEFF inside, the dump is no gazette any more.
  const unreadable = withDump(dump.map((l, i) => (i === 4 ? '吉林省人民\uFEFF政府公报' : l)));

  it('an unreadable gazette: an error at its cover, its copies (000, 002) not published in its place, the rest published', () => {
    const r = runIngest(unreadable, { gazette: SEED });
    expect(kinds(r, 'source-unreadable')).toEqual([['source-unreadable', F001, 5]]);
    // 26号: 002 (its plan, whose title 001 prints on l.83–84) outranks 000, shown tampered beside it; 000's
    // 27号 and 137号 name 「欧宝体育办公厅」 as their issuer (000 l.68, l.139).
    expect(kinds(r, 'copy-withheld')).toEqual([['copy-withheld', F001, 84]]);
    expect(kinds(r, 'issuer-unverified')).toEqual([
      ['issuer-unverified', F000, 68],
      ['issuer-unverified', F000, 139],
    ]);
    expect(tampered(r)).toEqual([]);
    expect(r.documents.flatMap((d) => d.sources.filter((s) => s.role === 'authoritative').map((s) => s.file)).sort()).toEqual([
      'content/sources/003_49b82304a1133bd7.txt',
      'content/sources/004_e163b0431eceb10c.txt',
    ]);
    expect(r.withheld.map((d) => [d.id, d.sources[0]!.file])).toEqual([
      ['jzbf-2022-26', F002],
      ['jzbf-2022-27', F000],
      ['jzbh-2022-137', F000],
    ]);
  });

  it('an editor may publish the Traditional mirror in the gazette’s place, never the tampered scrape', () => {
    const first = runIngest(unreadable, { gazette: SEED });
    const mirror = first.withheld.find((d) => d.sources[0]!.file === F002)!;
    const scrape = first.withheld.find((d) => d.sources[0]!.file === F000)!; // 27号
    const decisions: CopyDecision[] = [
      { document: mirror.id, file: F002, reason: '公报原件缺损，暂以繁体镜像发布' },
      { document: scrape.id, file: F000, reason: '试图发布被篡改的抓取记录' },
    ];
    const r = runIngest(unreadable, { gazette: SEED, copyDecisions: decisions });
    expect(r.documents.map((d) => d.id)).toContain(mirror.id);
    expect(kinds(r, 'copy-published-by-decision')).toEqual([['copy-published-by-decision', F002, mirror.sources[0]!.lines.from]]);
    expect(r.documents.map((d) => d.id)).not.toContain(scrape.id);
    expect(tampered(r)).toEqual([]);
  });

  // 001 l.415 is 27号's date 「2022 年 8 月 12 日」 below its 落款 (l.413): issue 20 saw 000 serve /documents/jzbf-2022-27/.
  it('a lost date line: an error at its place, 001 withheld, and no copy serves 27号', () => {
    expect([dump[412], dump[414]]).toEqual(['吉林省人民政府办公厅', '2022 年 8 月 12 日']);
    const r = runIngest(withDump(dump.filter((_, i) => i !== 414)), { gazette: SEED });
    expect(kinds(r, 'header-unread')).toEqual([['header-unread', F001, 414]]);
    // The TOC entry's title is printed on l.406 (l.405 blank): the first of the two errors.
    expect(kinds(r, 'toc-unresolved')).toEqual([['toc-unresolved', F001, 406]]);
    expect(kinds(r, 'source-withheld')).toEqual([['source-withheld', F001, 406]]);
    expect(kinds(r, 'issuer-unverified')).toEqual([['issuer-unverified', F000, 68]]);
    expect(r.documents.map((d) => d.id)).not.toContain('jzbf-2022-27');
    expect(tampered(r)).toEqual([]);
    expect(r.issues).toEqual([]);
  });
});
