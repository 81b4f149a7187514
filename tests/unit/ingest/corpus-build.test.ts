/**
 * Every corpus fixture, dropped into content/sources beside the seed, builds (issue 20): the pipeline
 * accounts for each of its characters and withholds nothing — no source, no document, no copy. The
 * Guangzhou 特困人员 page used to stop the ingest on its letter-spaced label 「文　　号：」 (line 613).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runIngest, type SourceFile } from '../../../src/ingest/pipeline.ts';
import { SEED } from '../../support/seed-gazette.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (dir: string): SourceFile[] =>
  readdirSync(new URL(dir, ROOT))
    .filter((n) => !n.startsWith('.'))
    .map((n) => ({ file: `content/sources/${n}`, bytes: readFileSync(new URL(`${dir}/${n}`, ROOT)) }));
const seeds = read('content/sources');
const corpus = read('tests/fixtures/corpus');

describe('each corpus fixture builds beside the seed', () => {
  // Eight web pages and Markdown notices, and five LawRefBook 法规/规章 (issue 14).
  it('has the thirteen fixtures', () => expect(corpus).toHaveLength(13));

  it.each(corpus.map((c) => [c.file, c] as const))('%s: no unaccounted character, nothing withheld', (_, file) => {
    const r = runIngest([...seeds, file], { gazette: SEED });
    expect(r.ledger.map((l) => [l.file, l.unaccounted]).filter(([, n]) => n !== 0)).toEqual([]);
    expect(r.withheld.map((d) => d.id)).toEqual([]);
    expect(r.findings.filter((f) => ['source-withheld', 'copy-withheld', 'source-unreadable'].includes(f.kind))).toEqual([]);
    // The fixture's own document is published beside the seed's ten.
    expect(r.documents.filter((d) => d.sources.some((s) => s.file === file.file && s.role === 'authoritative'))).toHaveLength(1);
    expect(r.documents).toHaveLength(11);
  });
});
