/**
 * The parse and ledger caches (src/ingest/pipeline.ts ParseCache, LedgerCache; stored by src/build/ingest-cache.ts):
 * the emitted collections are byte-identical with and without them — cold, warm, and warm after one source
 * changed (against a run without caches over the changed set) — and a warm run parses only what changed.
 * The in-memory caches here store entries as the build does (encodeEntry/decodeEntry), so each hit is a copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry } from '../../../src/build/ingest-cache.ts';
import { emitCollections, type EmittedFile } from '../../../src/ingest/emit/collections.ts';
import { runIngest, type SourceFile } from '../../../src/ingest/pipeline.ts';
import { SEED } from '../../support/seed-gazette.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (dir: string): SourceFile[] =>
  readdirSync(new URL(dir, ROOT))
    .filter((n) => !n.startsWith('.'))
    .map((n) => ({ file: `${dir}/${n}`, bytes: readFileSync(new URL(`${dir}/${n}`, ROOT)) }));
const SOURCES = [...read('content/sources'), ...read('tests/fixtures/corpus')];

function store<T>() {
  const entries = new Map<string, Buffer>();
  const counts = { hits: 0, misses: 0, sets: 0 };
  return {
    counts,
    get: (key: string): T | undefined => {
      const entry = entries.get(key);
      const value = entry ? decodeEntry<T>(entry) : undefined;
      counts[value ? 'hits' : 'misses']++;
      return value;
    },
    set: (key: string, value: T): void => {
      counts.sets++;
      entries.set(key, encodeEntry(value));
    },
    reset: () => Object.assign(counts, { hits: 0, misses: 0, sets: 0 }),
  };
}

const caches = () => ({ parseCache: store<never>(), ledgerCache: store<never>() });
const emit = (files: SourceFile[], c?: ReturnType<typeof caches>): EmittedFile[] => emitCollections(runIngest(files, { gazette: SEED, ...c }));

describe('the ingest caches', () => {
  const cold = emit(SOURCES);
  const c = caches();

  it('a first run with empty caches fills them and emits the same bytes as a run without caches', () => {
    expect(emit(SOURCES, c)).toEqual(cold);
    expect(c.parseCache.counts).toEqual({ hits: 0, misses: SOURCES.length, sets: SOURCES.length });
    expect(c.ledgerCache.counts).toEqual({ hits: 0, misses: SOURCES.length, sets: SOURCES.length });
  });

  it('a warm run reads every source from the cache and emits the same bytes', () => {
    c.parseCache.reset();
    c.ledgerCache.reset();
    expect(emit(SOURCES, c)).toEqual(cold);
    expect(c.parseCache.counts).toEqual({ hits: SOURCES.length, misses: 0, sets: 0 });
    expect(c.ledgerCache.counts).toEqual({ hits: SOURCES.length, misses: 0, sets: 0 });
  });

  it('after one source changed, a warm run parses that one again and emits what a run without caches emits', () => {
    const changed = SOURCES.map((s) =>
      s.file.endsWith('003_49b82304a1133bd7.txt') ? { ...s, bytes: Buffer.from(Buffer.from(s.bytes).toString('utf8').replace('吉林省', '吉林省 ')) } : s,
    );
    expect(changed.filter((s, i) => s !== SOURCES[i])).toHaveLength(1);
    const expected = emit(changed);
    expect(expected).not.toEqual(cold);
    c.parseCache.reset();
    c.ledgerCache.reset();
    expect(emit(changed, c)).toEqual(expected);
    expect(c.parseCache.counts).toEqual({ hits: SOURCES.length - 1, misses: 1, sets: 1 });
    // Only 003's ledger is counted again: no other source's published documents list it differently.
    expect(c.ledgerCache.counts).toEqual({ hits: SOURCES.length - 1, misses: 1, sets: 1 });
  });

  it('one more source (the same bytes under a new name) is parsed; the rest comes from the cache', () => {
    const more = [...SOURCES, { file: 'content/sources/005_copy_of_003.txt', bytes: SOURCES.find((s) => s.file.endsWith('003_49b82304a1133bd7.txt'))!.bytes }];
    c.parseCache.reset();
    expect(emit(more, c)).toEqual(emit(more));
    // 003's entry of the first run is still there: only the new name is parsed.
    expect(c.parseCache.counts).toEqual({ hits: SOURCES.length, misses: 1, sets: 1 });
  });
});
