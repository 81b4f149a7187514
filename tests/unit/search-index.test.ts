import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/index/pagefind.ts';

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
    expect(result.urls).toEqual(['/documents/a/']);
    expect(result.bundle.indexBytes).toBeGreaterThan(0);
  }, 30_000);
});
