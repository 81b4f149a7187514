import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/search/build/pagefind.ts';
import { postingsOf } from '../../../src/search/build/phrase-index.ts';
import { MANIFEST, type ShardManifest } from '../../../src/search/data.ts';
import { exactCandidates, exactRun } from '../../../src/search/client/exact.ts';
import { unpackSigned } from '../../../src/search/client/fragment.ts';
import { SIGNATURE, coverPositions, decodeBucket, joinSections, sections, encodeBucket, gramAt, intersect } from '../../../src/search/phrase.ts';

const root = mkdtempSync(join(tmpdir(), 'gongbao-exact-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Sentences of content/sources/001_2dbcd8b680e63142.txt:519 (2. 预防和控制慢性病致残。推广疾病预防控制机构……).
const SHARED = '推广疾病预防控制机构、医疗机构、社区卫生服务中心';
const UNIQUE = '持续开展脑卒中等高危人群筛查与干预项目';

const doc = (year: string, n: number, text: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><article data-pagefind-body>` +
  `<h1 data-pagefind-meta="title">文件${year}-${n}</h1><span hidden data-pagefind-meta="date" >${year}-0${n}-01</span>` +
  `<span hidden data-pagefind-filter="year[data-value]" data-value="${year}"></span><p>${text}</p></article></body></html>`;

describe('the exact-text index', () => {
  it('encodes and decodes bucket lists, and intersects them', () => {
    // 控 (U+63A7) before 疾 (U+75BE): trigrams ascending
    const bytes = encodeBucket({
      grams: Float64Array.of(gramAt('控制机', 0), gramAt('疾病预', 0)),
      starts: Int32Array.of(0, 2, 6),
      docs: Int32Array.of(3, 5, 0, 3, 300, 70000),
    });
    const got = decodeBucket(bytes, new Set([gramAt('控制机', 0), gramAt('疾病预', 0)]));
    expect(got.get(gramAt('疾病预', 0))).toEqual([0, 3, 300, 70000]);
    expect(got.get(gramAt('控制机', 0))).toEqual([3, 5]);
    expect(decodeBucket(bytes, new Set([gramAt('脑卒中', 0)])).size).toBe(0);
    // a bucket file holds one section per shard: a count, their lengths, then the sections
    const joined = joinSections([bytes, new Uint8Array(), Uint8Array.of(7)]);
    expect([...joined.subarray(0, 4)]).toEqual([3, bytes.length, 0, 1]);
    expect(sections(joined).map((x) => [...x])).toEqual([[...bytes], [], [7]]);
    expect(sections(joinSections([new Uint8Array(200)]))[0]?.length).toBe(200);
    expect(intersect([[0, 3, 300], [3, 5], [1, 3]])).toEqual([3]);
    // every third trigram and the one ending the run
    expect(coverPositions(10)).toEqual([0, 3, 6, 7]);
    expect(coverPositions(6)).toEqual([0, 3]);
    expect(coverPositions(2)).toEqual([]);
  });

  it('groups a bucket\'s trigram–page pairs, given in page order, into ascending trigrams with ascending pages', () => {
    const p = postingsOf(Float64Array.of(9, 4, 7, 4, 9, 4), Int32Array.of(0, 0, 1, 2, 2, 5));
    expect([...p.grams]).toEqual([4, 7, 9]);
    expect([...p.starts]).toEqual([0, 3, 4, 6]);
    expect([...p.docs]).toEqual([0, 2, 5, 1, 0, 2]);
    // trigram units high to low, each LE; count; gaps
    expect([...encodeBucket(p)]).toEqual([0, 0, 0, 0, 4, 0, 3, 0, 2, 3, 0, 0, 0, 0, 7, 0, 1, 1, 0, 0, 0, 0, 9, 0, 2, 0, 2]);
    expect(postingsOf(new Float64Array(), new Int32Array()).grams.length).toBe(0);
  });

  it('asks for a run: quoted, or six Chinese characters or more without a space', () => {
    expect(exactRun('预防和控制慢性病致残', false)).toBe('预防和控制慢性病致残');
    expect(exactRun('慢性病致残', false)).toBeNull();
    expect(exactRun('慢性病致残', true)).toBe('慢性病致残');
    expect(exactRun('预防和控制 慢性病致残', false)).toBeNull();
    expect(exactRun('推广疾病预防控制机构、医疗机构', false)).toBe('推广疾病预防控制机构、医疗机构');
  });

  it('finds the pages holding a run in every shard, newest first, from the files the build wrote', async () => {
    const dir = join(root, 'site');
    const pages: Record<string, string> = {
      'documents/a/index.html': doc('1988', 1, `${SHARED}。${UNIQUE}。`),
      'documents/b/index.html': doc('2005', 2, `${SHARED}和养老机构。`),
      'documents/c/index.html': doc('2022', 3, `推广疾病预防，控制机构、医疗机构、社区卫生服务中心。`),
      'documents/d/index.html': doc('2023', 4, `${SHARED}。`),
    };
    for (const [path, html] of Object.entries(pages)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), html);
    }
    await buildSearchIndex(dir, { maxPages: 1, primaryPages: 1 });
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as ShardManifest;
    expect(manifest.shards.map((s) => s.bundle)).toEqual(['pagefind', 'pagefind-2022', 'pagefind-2005', 'pagefind-1988']);
    // the primary shard's own index, and one over the older shards; each shard keeps its page table, not its postings
    expect(manifest.phrase?.map((p) => [p.dir, p.parts.map((x) => `${x.bundle}:${x.docs}`).join(' ')])).toEqual([
      ['pagefind', 'pagefind:1'],
      ['pagefind-older', 'pagefind-2022:1 pagefind-2005:1 pagefind-1988:1'],
    ]);
    expect(manifest.shards.filter((s) => existsSync(join(dir, s.bundle, 'phrase', 'd0.bin')) && !existsSync(join(dir, s.bundle, 'phrase', 'postings.bin'))).length).toBe(4);
    const load = async (path: string) => (await unpackSigned(new Uint8Array(readFileSync(join(dir, path))), SIGNATURE)) ?? new Uint8Array();
    const bundles = async (q: string) => (await exactCandidates(manifest, exactRun(q, false) ?? '', load))?.map((h) => h.bundle);
    // 2022 holds every trigram of the run's cover but not the run (「预防，控制」): a candidate the page drops
    // when it reads the fragment (results.ts takeBatch, tested in search-results.test.ts).
    expect(await bundles(SHARED)).toEqual(['pagefind', 'pagefind-2022', 'pagefind-2005', 'pagefind-1988']);
    expect(await bundles(UNIQUE)).toEqual(['pagefind-1988']);
    expect(await bundles('持续开展脑卒中等低危人群')).toEqual([]);
    expect(await exactCandidates({ shards: [{ bundle: 'pagefind', years: [], pages: 1 }] }, SHARED, load)).toBeNull();

    // Adding a 2005 page: only its shard is indexed again; the older index is merged from that shard's own and
    // the last one's other parts, and finds what an index built from nothing finds.
    const next = join(root, 'next');
    const again = join(next, 'documents/e/index.html');
    mkdirSync(join(again, '..'), { recursive: true });
    writeFileSync(again, doc('2005', 5, `${UNIQUE}之后。`));
    const rebuilt = await buildSearchIndex(next, { maxPages: 2, primaryPages: 1, only: ['2005'], under: [dir] });
    expect(rebuilt.indexed).toEqual(['pagefind-2005']);
    const after = JSON.parse(readFileSync(join(next, MANIFEST), 'utf8')) as ShardManifest;
    expect(after.phrase?.[1]?.parts.map((x) => `${x.bundle}:${x.docs}`).join(' ')).toBe('pagefind-2022:1 pagefind-2005:2 pagefind-1988:1');
    // Files of the new layer first, as the site is after the rebuild's move (src/build/stage-swap.ts moveInto).
    const layer = (path: string) => (existsSync(join(next, path)) ? join(next, path) : join(dir, path));
    const loadLayered = async (path: string) => (await unpackSigned(new Uint8Array(readFileSync(layer(path))), SIGNATURE)) ?? new Uint8Array();
    const urlOf = (bundle: string, id: string) => (JSON.parse(gunzipSync(readFileSync(layer(`${bundle}/fragment/${id}.pf_fragment`))).toString('utf8').slice('pagefind_dcd'.length)) as { url: string }).url;
    const pagesOf = async (q: string) => (await exactCandidates(after, exactRun(q, false) ?? '', loadLayered))?.map((h) => urlOf(h.bundle, h.id));
    expect(await pagesOf(UNIQUE)).toEqual(['/documents/e/', '/documents/a/']);
    expect(await pagesOf(SHARED)).toEqual(['/documents/d/', '/documents/c/', '/documents/b/', '/documents/a/']);
  });
});
