import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bulkFiles, gzipText, keptYears, type Gzip } from '../../../src/site/export/bulk.ts';
import { sha256Hex } from '../../../src/gazette/hash.ts';
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
  return { calls, gzip: async (text, year) => (calls.push(year), gzipText(text, year)) };
}

describe('bulk files', () => {
  it('one gzipped NDJSON file per year, documents sorted by id, a document without date or issue in none', async () => {
    const files = await bulkFiles(docs, (d) => ({ id: d.id }));
    expect(files.map((f) => [f.year, f.documents])).toEqual([[2022, 2], [2023, 1]]);
    expect(gunzipSync(files[0]!.bytes).toString('utf8')).toBe('{"id":"a"}\n{"id":"b"}\n');
  });

  it('the gzip cache gives the same bytes, compresses only the years whose text changed, and remakes a damaged entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-bulk-'));
    const plain = await bulkFiles(docs, (d) => ({ id: d.id }));
    const cold = counting();
    expect(await bulkFiles(docs, (d) => ({ id: d.id }), cachedGzip(dir, cold.gzip))).toEqual(plain);
    expect(cold.calls).toEqual([2022, 2023]);

    const warm = counting();
    const changed = docs.map((d) => (d.id === 'c' ? { ...d, id: 'c2' } : d));
    const files = await bulkFiles(changed, (d) => ({ id: d.id }), cachedGzip(dir, warm.gzip));
    expect(warm.calls).toEqual([2023]);
    expect(files).toEqual(await bulkFiles(changed, (d) => ({ id: d.id })));

    // A damaged file (here: cut short) is not served; it is compressed again.
    const gz = join(dir, '2022.ndjson.gz');
    writeFileSync(gz, readFileSync(gz).subarray(0, 10));
    const repaired = counting();
    expect(await bulkFiles(changed, (d) => ({ id: d.id }), cachedGzip(dir, repaired.gzip))).toEqual(files);
    expect(repaired.calls).toEqual([2022]);
  });

  it('an incremental build keeps the last build’s bytes of a year whose documents are not rendered again, with their count and hash', async () => {
    const last = await bulkFiles(docs, (d) => ({ id: d.id }));
    const listed = last.map((b) => ({ year: b.year, documents: b.documents, sha256: b.sha256 }));
    const read = (year: number) => last.find((b) => b.year === year)?.bytes ?? null;
    const made = counting();
    // 'c' (2023) is rendered again: 2023 is made, 2022 read back.
    expect(await bulkFiles(docs, (d) => ({ id: d.id }), made.gzip, keptYears(listed, read, (id) => id === 'c'))).toEqual(last);
    expect(made.calls).toEqual([2023]);
    // 2022 lost a document (it moved to 2023, so it is rendered again; 2022's count differs): both are made.
    const moved = docs.map((d) => (d.id === 'a' ? { ...d, issue: '2023-1' } : d));
    const both = counting();
    await bulkFiles(moved, (d) => ({ id: d.id }), both.gzip, keptYears(listed, read, (id) => id === 'a'));
    expect(both.calls).toEqual([2022, 2023]);
    // Bytes that do not match the listed hash are not served.
    const damaged = counting();
    await bulkFiles(docs, (d) => ({ id: d.id }), damaged.gzip, keptYears(listed, (year) => (year === 2022 ? new Uint8Array([1, 2, 3]) : read(year)), () => false));
    expect(damaged.calls).toEqual([2022]);
    expect(sha256Hex(last[1]!.bytes)).toBe(listed[1]!.sha256);
  });
});
