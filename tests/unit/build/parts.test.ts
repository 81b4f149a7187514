/** A full build split over several Astro processes: which part renders what, how many parts, and the merge. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroParts, SPLIT_FROM } from '../../../src/build/build.ts';
import { mergeInto } from '../../../src/build/stage-swap.ts';
import { parsePart, partOf } from '../../../src/site/only.ts';

describe('partOf', () => {
  it('puts a key in the same part every time, and 6,000 document ids about evenly in two', () => {
    expect(partOf('2023-4-jzbf-2022-26', 2)).toBe(partOf('2023-4-jzbf-2022-26', 2));
    const ids = Array.from({ length: 6000 }, (_, i) => `${1981 + Math.floor(i / 144)}-${(i % 24) + 1}-doc${i % 6}`);
    const inFirst = ids.filter((id) => partOf(id, 2) === 0).length;
    expect(inFirst).toBeGreaterThan(2700);
    expect(inFirst).toBeLessThan(3300);
    expect(new Set(ids.map((id) => partOf(id, 3)))).toEqual(new Set([0, 1, 2]));
  });
});

describe('parsePart', () => {
  it('reads k/n and refuses anything else', () => {
    expect(parsePart('1/2')).toEqual({ index: 1, of: 2 });
    for (const bad of ['2/2', '0/0', '1', 'a/b', '-1/2']) expect(() => parsePart(bad)).toThrow(/GONGBAO_PART/);
  });
});

describe('astroParts', () => {
  it('splits from SPLIT_FROM documents, one part per core, at most two; GONGBAO_ASTRO_PARTS sets it', () => {
    expect(astroParts(SPLIT_FROM - 1, {})).toBe(1);
    expect(astroParts(SPLIT_FROM, {})).toBe(Math.min(2, availableParallelism()));
    expect(astroParts(17, { GONGBAO_ASTRO_PARTS: '2' })).toBe(2);
    expect(() => astroParts(17, { GONGBAO_ASTRO_PARTS: '0' })).toThrow(/GONGBAO_ASTRO_PARTS/);
  });
});

describe('mergeInto', () => {
  it('moves in what the folder lacks, whole folders at once, keeps what both hold as the folder has it, and removes the part', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongbao-merge-'));
    const [into, from] = [join(root, 'site'), join(root, 'part1')];
    const put = (path: string, text: string) => (mkdirSync(join(path, '..'), { recursive: true }), writeFileSync(path, text));
    put(join(into, 'index.html'), 'home of part 0');
    put(join(into, 'documents/a/index.html'), 'a');
    put(join(from, 'index.html'), 'home of part 1');
    put(join(from, 'documents/b/index.html'), 'b');
    put(join(from, 'api/documents/b.json'), '{}');
    mergeInto(from, into);
    expect(readFileSync(join(into, 'index.html'), 'utf8')).toBe('home of part 0');
    expect(readFileSync(join(into, 'documents/a/index.html'), 'utf8')).toBe('a');
    expect(readFileSync(join(into, 'documents/b/index.html'), 'utf8')).toBe('b');
    expect(readFileSync(join(into, 'api/documents/b.json'), 'utf8')).toBe('{}');
    expect(existsSync(from)).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});
