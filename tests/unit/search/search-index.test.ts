import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fragmentFromBytes, pageOf } from '../../../src/search/client/fragment.ts';
import { buildSearchIndex, describeSearchIndex, planShards, shardYear } from '../../../src/search/build/pagefind.ts';
import { subResults } from '../../../src/search/client/query.ts';

const root = mkdtempSync(join(tmpdir(), 'gongbao-search-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function site(name: string, pages: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('buildSearchIndex', () => {
  it('fails on a site with no HTML page', async () => {
    await expect(buildSearchIndex(site('empty', {}))).rejects.toThrow(/indexed no page/);
  });

  it('fails on a site whose only page is ignored as a whole', async () => {
    const dir = site('ignored', { 'index.html': page('<main data-pagefind-ignore="all"><h1>公报</h1><p>正文</p></main>') });
    await expect(buildSearchIndex(dir)).rejects.toThrow(/indexed no page in .*\(1 HTML files read\)/);
  });

  it('indexes only the pages with data-pagefind-body, with filters, metadata and clause anchors', async () => {
    const dir = site('ok', {
      'index.html': page('<nav>往期公报</nav><h1>吉林省人民政府公报</h1>'),
      'documents/a/index.html': page(
        `<nav>导航</nav><article data-pagefind-body><h1 data-pagefind-meta="title">关于印发某方案的通知</h1>
         <span hidden data-pagefind-filter="kind[data-value]" data-value="通知"></span>
         <span hidden data-pagefind-sort="date[data-value]" data-pagefind-meta="date[data-value]" data-value="2022-08-12"></span>
         <nav data-pagefind-ignore>条款目录</nav>
         <section id="p1" data-pagefind-title="一、总体要求"><h2 id="x">一、总体要求</h2><p>科技创新生态。</p></section></article>`,
      ),
    });
    const result = await buildSearchIndex(dir);
    expect(result.pages).toBe(1);
    expect(result.files).toBe(2);
    const described = describeSearchIndex(dir);
    expect(described.pages).toBe(1);
    expect(described.urls).toEqual(['/documents/a/']);
    expect(described.bundle.indexBytes).toBeGreaterThan(0);

    // The page's fragment as the search page reads it (src/search/client/fragment.ts): Pagefind's words, U+200B apart.
    const fragments = readdirSync(join(dir, 'pagefind', 'fragment'));
    expect(fragments).toHaveLength(1);
    const file = new Uint8Array(readFileSync(join(dir, 'pagefind', 'fragment', fragments[0] ?? '')));
    const fragment = await fragmentFromBytes(file);
    expect(fragment.url).toBe('/documents/a/');
    expect(fragment.meta).toEqual({ title: '关于印发某方案的通知', date: '2022-08-12' });
    expect(fragment.content.split('\u200B').join('')).toBe('关于印发某方案的通知. 一、总体要求. 科技创新生态。');
    expect(fragment.anchors.filter((a) => a.title)).toEqual([{ element: 'section', id: 'p1', text: '', title: '一、总体要求', location: expect.any(Number) }]);
    // the same bytes sent already decoded by a host
    expect(await fragmentFromBytes(new Uint8Array(gunzipSync(file)))).toEqual(fragment);
    await expect(fragmentFromBytes(new Uint8Array(gzipSync('{"url":"/x/"}')), 'x.pf_fragment')).rejects.toThrow('x.pf_fragment is not a Pagefind fragment');

    const words = fragment.content.split('\u200B');
    const hit = pageOf(fragment, [words.indexOf('科技'), words.indexOf('创新')], '/gongbao/');
    expect(hit.url).toBe('/gongbao/documents/a/');
    expect(subResults(hit, { query: '科技创新' }).map((r) => [r.url, r.excerpt.filter((e) => e.mark).map((e) => e.text)])).toEqual([['/gongbao/documents/a/#p1', ['科技创新']]]);
  }, 30_000);
});

describe('search shards', () => {
  it('files a page under its issue’s year, else its date’s year', () => {
    expect(shardYear('<span hidden data-pagefind-filter="year[data-value]" data-value="2022"></span><span hidden data-pagefind-filter="issue[data-value]" data-pagefind-meta="issue[data-value]" data-value="2023-4"></span>')).toBe('2023');
    expect(shardYear('<span hidden data-pagefind-filter="year[data-value]" data-value="2021"></span>')).toBe('2021');
    expect(shardYear('<p>no filters</p>')).toBe('0000');
  });

  it('packs older years into shards of at most maxPages, the newest years that fit primaryPages into the primary shard', () => {
    const perYear = new Map([
      ['2018', 150],
      ['2019', 170],
      ['2020', 160],
      ['2021', 500],
      ['2022', 170],
      ['2023', 20],
    ]);
    expect(planShards(perYear, 400, 200)).toEqual([
      { bundle: 'pagefind-2018-2019', years: ['2018', '2019'], pages: 320 },
      { bundle: 'pagefind-2020', years: ['2020'], pages: 160 },
      { bundle: 'pagefind-2021', years: ['2021'], pages: 500 },
      { bundle: 'pagefind', years: ['2022', '2023'], pages: 190 },
    ]);
    // 2023 and 2022 together are 190 pages: over a budget of 189, 2022 goes to the older shards.
    expect(planShards(perYear, 400, 189).slice(-2)).toEqual([
      { bundle: 'pagefind-2022', years: ['2022'], pages: 170 },
      { bundle: 'pagefind', years: ['2023'], pages: 20 },
    ]);
    // The newest year is the primary shard even when it alone is over the budget.
    expect(planShards(new Map([['2022', 170], ['2023', 500]]), 400, 200)).toEqual([
      { bundle: 'pagefind-2022', years: ['2022'], pages: 170 },
      { bundle: 'pagefind', years: ['2023'], pages: 500 },
    ]);
    expect(planShards(new Map([['2023', 11]]), 3000, 200)).toEqual([{ bundle: 'pagefind', years: ['2023'], pages: 11 }]);
  });

  it('writes one bundle per shard and a manifest, and re-indexes only the shards of the years asked for', async () => {
    const doc = (year: string, text: string) =>
      page(`<article data-pagefind-body><h1>${text}</h1><span hidden data-pagefind-filter="year[data-value]" data-value="${year}"></span><p>${text}正文。</p></article>`);
    const dir = site('shards', { 'documents/a/index.html': doc('2021', '甲文件'), 'documents/b/index.html': doc('2022', '乙文件'), 'documents/c/index.html': doc('2023', '丙文件') });
    const first = await buildSearchIndex(dir, { maxPages: 10, primaryPages: 1 });
    expect(first.shards.map((s) => s.bundle)).toEqual(['pagefind-2021-2022', 'pagefind']);
    expect(first.indexed).toEqual(['pagefind-2021-2022', 'pagefind']);
    expect(describeSearchIndex(dir).urls).toEqual(['/documents/a/', '/documents/b/', '/documents/c/']);
    expect(JSON.parse(readFileSync(join(dir, 'pagefind-shards.json'), 'utf8'))).toEqual({
      shards: [
        { bundle: 'pagefind', years: ['2023'], pages: 1 },
        { bundle: 'pagefind-2021-2022', years: ['2021', '2022'], pages: 2 },
      ],
      phrase: [
        { dir: 'pagefind', parts: [{ bundle: 'pagefind', docs: 1 }], buckets: 1 },
        // sized before its pages are read: ≈ 2,600 trigram–page pairs a page (phrase-index.ts bucketsForPages)
        { dir: 'pagefind-older', parts: [{ bundle: 'pagefind-2021-2022', docs: 2 }], buckets: 2 },
      ],
    });
    const older = readFileSync(join(dir, 'pagefind-older', 'phrase', '0.bin'));
    const again = await buildSearchIndex(dir, { maxPages: 10, primaryPages: 1, only: ['2023'] });
    expect(again.indexed).toEqual(['pagefind']);
    expect(existsSync(join(dir, 'pagefind-2021-2022', 'pagefind-entry.json'))).toBe(true);
    // the older shards' index is kept as it was
    expect(readFileSync(join(dir, 'pagefind-older', 'phrase', '0.bin')).equals(older)).toBe(true);
    expect(again.pages).toBe(3);
    // a rebuild's layers: the shard just indexed here, the kept one under it
    const layer = site('shards-layer', {});
    cpSync(join(dir, 'pagefind'), join(layer, 'pagefind'), { recursive: true });
    cpSync(join(dir, 'pagefind-shards.json'), join(layer, 'pagefind-shards.json'));
    expect(describeSearchIndex(layer, [dir]).urls).toEqual(['/documents/a/', '/documents/b/', '/documents/c/']);
    expect(() => describeSearchIndex(join(root, 'empty'))).toThrow(/no pagefind-shards.json in /);
  }, 60_000);

  it('an incremental run takes the last build’s pages from the record of its very manifest, and reads them again otherwise', async () => {
    const doc = (year: string, text: string) =>
      page(`<article data-pagefind-body><h1>${text}</h1><span hidden data-pagefind-filter="year[data-value]" data-value="${year}"></span><p>${text}正文。</p></article>`);
    const dist = site('recorded', { 'documents/a/index.html': doc('2021', '甲文件'), 'documents/b/index.html': doc('2022', '乙文件'), 'documents/c/index.html': doc('2023', '丙文件') });
    const pagesFile = join(root, 'recorded-cache', 'search-pages.json');
    expect((await buildSearchIndex(dist, { maxPages: 10, primaryPages: 1, pagesFile })).files).toBe(3);
    expect(JSON.parse(readFileSync(pagesFile, 'utf8')).pages).toEqual({ 'documents/a/index.html': '2021', 'documents/b/index.html': '2022', 'documents/c/index.html': '2023' });
    const staging = site('recorded-staging', { 'documents/c/index.html': doc('2023', '丙文件改') });
    const incremental = await buildSearchIndex(staging, { maxPages: 10, primaryPages: 1, only: ['2023'], under: [dist], pagesFile });
    // Only the page just rendered was read; the index still holds all three.
    expect([incremental.files, incremental.indexed, incremental.pages]).toEqual([1, ['pagefind'], 3]);
    // A record of another manifest (the last build's was rewritten since): every page is read.
    writeFileSync(join(dist, 'pagefind-shards.json'), `${readFileSync(join(dist, 'pagefind-shards.json'), 'utf8')} `);
    rmSync(join(staging, 'pagefind-shards.json'));
    expect((await buildSearchIndex(staging, { maxPages: 10, primaryPages: 1, only: ['2023'], under: [dist], pagesFile })).files).toBe(3);
  }, 60_000);

  it('writes the same bytes whether the shards are indexed one after the other here or two at once in child processes', async () => {
    const doc = (year: string, text: string) =>
      page(`<article data-pagefind-body><h1>${text}</h1><span hidden data-pagefind-filter="year[data-value]" data-value="${year}"></span><p>${text}正文。</p></article>`);
    const pages = { 'documents/a/index.html': doc('2020', '甲文件'), 'documents/b/index.html': doc('2021', '乙文件'), 'documents/c/index.html': doc('2022', '丙文件') };
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name))
        .sort()
        .map((f) => [f.slice(dir.length), readFileSync(f).toString('base64')]);
    const serial = site('serial', pages);
    const parallel = site('parallel', pages);
    const one = await buildSearchIndex(serial, { maxPages: 1, primaryPages: 1, parallel: 1 });
    const two = await buildSearchIndex(parallel, { maxPages: 1, primaryPages: 1, parallel: 2 });
    expect(two.shards).toEqual(one.shards);
    expect(one.indexed).toEqual(['pagefind-2020', 'pagefind-2021', 'pagefind']);
    expect(files(parallel)).toEqual(files(serial));
  }, 60_000);

  it('writes the same bundle from pages in one folder as from pages spread over a rebuild’s layers, and leaves no folder of pages behind', async () => {
    const doc = (year: string, text: string) =>
      page(`<article data-pagefind-body><h1>${text}</h1><span hidden data-pagefind-filter="year[data-value]" data-value="${year}"></span><p>${text}正文。</p></article>`);
    const all = { 'documents/a/index.html': doc('2022', '甲文件'), 'documents/b/index.html': doc('2022', '乙文件'), 'documents/c/index.html': doc('2023', '丙文件') };
    const whole = site('whole', all);
    const under = site('under', { 'documents/a/index.html': all['documents/a/index.html'], 'documents/c/index.html': doc('2023', '丙文件旧') });
    const staging = site('staging', { 'documents/b/index.html': all['documents/b/index.html'], 'documents/c/index.html': all['documents/c/index.html'] });
    await buildSearchIndex(whole, { primaryPages: 10 });
    await buildSearchIndex(staging, { primaryPages: 10, under: [under] });
    const bundle = (dir: string) =>
      readdirSync(join(dir, 'pagefind'), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name))
        .sort()
        .map((f) => [f.slice(dir.length), readFileSync(f).toString('base64')]);
    expect(bundle(staging)).toEqual(bundle(whole));
    expect(readdirSync(root).filter((d) => d.includes('-pagefind-'))).toEqual([]);
  }, 60_000);
});
