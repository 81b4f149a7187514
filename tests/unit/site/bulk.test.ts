import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bulkFiles, gzipText, type Gzip } from '../../../src/site/export/bulk.ts';
import { cachedGzip } from '../../../src/site/export/gzip-cache.ts';

const docs = [
  { id: 'b', date: '2022-03-01', issue: '2022-5' },
  { id: 'a', date: null, issue: '2022-4' },
  { id: 'c', date: '2023-01-09', issue: null },
  { id: 'none', date: null, issue: null },
];

/** A gzip that counts its calls, for the cache to avoid. */
function counting(): { gzip: Gzip; calls: number[] } {
  const calls: number[] = [];
  return { calls, gzip: (text, year) => (calls.push(year), gzipText(text, year)) };
}

describe('bulk files', () => {
  it('one gzipped NDJSON file per year, documents sorted by id, a document without date or issue in none', () => {
    const files = bulkFiles(docs, (d) => ({ id: d.id }));
    expect(files.map((f) => [f.year, f.documents])).toEqual([[2022, 2], [2023, 1]]);
    expect(gunzipSync(files[0]!.bytes).toString('utf8')).toBe('{"id":"a"}\n{"id":"b"}\n');
  });

  it('the gzip cache gives the same bytes, compresses only the years whose text changed, and remakes a damaged entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-bulk-'));
    const plain = bulkFiles(docs, (d) => ({ id: d.id }));
    const cold = counting();
    expect(bulkFiles(docs, (d) => ({ id: d.id }), cachedGzip(dir, cold.gzip))).toEqual(plain);
    expect(cold.calls).toEqual([2022, 2023]);

    const warm = counting();
    const changed = docs.map((d) => (d.id === 'c' ? { ...d, id: 'c2' } : d));
    const files = bulkFiles(changed, (d) => ({ id: d.id }), cachedGzip(dir, warm.gzip));
    expect(warm.calls).toEqual([2023]);
    expect(files).toEqual(bulkFiles(changed, (d) => ({ id: d.id })));

    // A damaged file (here: cut short) is not served; it is compressed again.
    const gz = join(dir, '2022.ndjson.gz');
    writeFileSync(gz, readFileSync(gz).subarray(0, 10));
    const repaired = counting();
    expect(bulkFiles(changed, (d) => ({ id: d.id }), cachedGzip(dir, repaired.gzip))).toEqual(files);
    expect(repaired.calls).toEqual([2022]);
  });
});
