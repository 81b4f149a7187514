/**
 * The ledgers on two cores (src/build/ledgers.ts): a child process makes every second missing ledger, and the
 * entries are those one process makes, in the order of the jobs; the cache is read first and gets every
 * entry made, and a few misses are made without a child.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeLedgers } from '../../../src/build/ledgers.ts';
import type { LedgerEntry } from '../../../src/ingest/check/ledger.ts';
import { ledgerOf, readAndReconcile, type SourceFile } from '../../../src/ingest/pipeline.ts';
import { SEED } from '../../support/seed-gazette.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (dir: string): SourceFile[] =>
  readdirSync(new URL(dir, ROOT))
    .filter((n) => !n.startsWith('.'))
    .map((n) => ({ file: `${dir}/${n}`, bytes: readFileSync(new URL(`${dir}/${n}`, ROOT)) }));
const jobs = readAndReconcile([...read('content/sources'), ...read('tests/fixtures/corpus')], { gazette: SEED }).ledgerJobs;
const alone = jobs.map((job) => ledgerOf(job, undefined));

function cache(entries = new Map<string, LedgerEntry>()) {
  const log: string[] = [];
  return { entries, log, get: (key: string) => (log.push(`get ${key}`), entries.get(key)), set: (key: string, e: LedgerEntry) => (log.push(`set ${key}`), entries.set(key, e)) };
}

describe('the ledgers on two cores', () => {
  it('are the ledgers one process makes, in order, every one put in the cache', async () => {
    expect(jobs.length).toBeGreaterThan(10);
    expect(alone.some((e) => e.unaccounted > 0 || e.invented > 0)).toBe(true);
    const c = cache();
    expect(await makeLedgers(jobs, c, 1)).toEqual(alone);
    expect([...c.entries.keys()].sort()).toEqual(jobs.map((j) => j.key).sort());
    expect(c.log.filter((l) => l.startsWith('get'))).toHaveLength(jobs.length);
  });

  it('takes what the cache holds and makes the rest', async () => {
    const held = new Map(jobs.slice(0, 3).map((j, i) => [j.key, alone[i] as LedgerEntry]));
    const c = cache(held);
    expect(await makeLedgers(jobs, c, 1)).toEqual(alone);
    expect(c.log.filter((l) => l.startsWith('set'))).toHaveLength(jobs.length - 3);
    expect(await makeLedgers(jobs, undefined)).toEqual(alone);
  });
});
