/**
 * Search over a year-sharded index (src/search/client/scope.ts), in Chromium: the seed site re-indexed with one
 * newest year in the primary shard (2023: 9 pages) and 2021 in pagefind-2021/ (2 pages), served on its own
 * port by playwright.config.ts. What a search reads, what it says it searched, and the ways to older years.
 */
import type { Page, Request } from '@playwright/test';
import { shardedPort } from '../../playwright.config.ts';
import { test, expect } from './fixtures.ts';
import { normalizeBase } from '../../src/gazette/urls.ts';

const base = normalizeBase(process.env.BASE_PATH ?? '/');
test.use({ baseURL: `http://127.0.0.1:${shardedPort}` });

/** Bundles the page fetched index files from: pagefind, pagefind-2021. */
function bundlesRead(page: Page): Set<string> {
  const read = new Set<string>();
  page.on('request', (req: Request) => {
    const m = /\/(pagefind(?:-\d{4}(?:-\d{4})?)?)\/(?:index|fragment|filter|pagefind\.[^/]*\.pf_meta)/.exec(new URL(req.url()).pathname);
    if (m?.[1]) read.add(m[1]);
  });
  return read;
}

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${base}search/${query}`);
  await expect(page.locator('#search-status')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
}

const resultPaths = (page: Page) =>
  page.locator('.search-result__title a').evaluateAll((as, b) => as.map((a) => `/${new URL((a as HTMLAnchorElement).href).pathname.slice(b.length)}`), base);
const count = async (page: Page) => Number(/找到 (\d+) 个结果/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1] ?? NaN);

test('a query with a first screen of results in the newest year reads only that shard, and says so', async ({ page, guard }) => {
  const read = bundlesRead(page);
  await open(page, '?q=发展');
  const scope = page.locator('#search-scope');
  await expect(scope).toBeVisible();
  await expect(scope).toHaveText('检索范围：2023年 · 检索全部年份（2021、2023年）');
  expect(await count(page)).toBeGreaterThanOrEqual(5);
  expect([...read]).toEqual(['pagefind']);
  expect(guard.consoleErrors).toEqual([]);
});

test('「检索全部年份」 searches every shard, keeps that choice for the next query, and can be undone', async ({ page, guard }) => {
  const read = bundlesRead(page);
  await open(page, '?q=发展');
  const newest = await count(page);
  await page.getByRole('link', { name: '检索全部年份（2021、2023年）' }).click();
  await expect(page).toHaveURL(/[?&]scope=all(&|$)/);
  await expect(page.locator('#search-scope')).toHaveText('检索范围：2021、2023年（全部年份） · 只检索最近年份（2023年）');
  // both 2021 pages hold 发展 (the seeds' 简报 and 意见)
  await expect.poll(() => count(page)).toBe(newest + 2);
  expect(read.has('pagefind-2021')).toBe(true);

  await page.getByRole('link', { name: '只检索最近年份（2023年）' }).click();
  await expect(page).not.toHaveURL(/scope=/);
  await expect(page.locator('#search-scope')).toHaveText('检索范围：2023年 · 检索全部年份（2021、2023年）');
  await expect.poll(() => count(page)).toBe(newest);

  // A new query from the form stays in every year.
  await page.getByRole('link', { name: '检索全部年份（2021、2023年）' }).click();
  await page.locator('#search-q').fill('创新型省份');
  await page.locator('#search-q').press('Enter');
  await expect(page).toHaveURL(/[?&]scope=all(&|$)/);
  await expect(page.locator('#search-scope')).toContainText('（全部年份）');
  await expect.poll(() => resultPaths(page)).toContain('/documents/2021-12-20-yj/');
  expect(guard.consoleErrors).toEqual([]);
});

test('a term too rare in the newest year is searched in every year by itself', async ({ page, guard }) => {
  // 规划建议 stands only in the 2021 简报 (content/sources/004_e163b0431eceb10c.txt), and is too short to be a run
  await open(page, '?q=规划建议');
  await expect(page.locator('#search-scope')).toHaveText('检索范围：2021、2023年（全部年份）。2023年不足 5 个结果，已扩大到全部年份');
  expect((await resultPaths(page))[0]).toBe('/documents/2021-04-13-jb/');
  expect(guard.consoleErrors).toEqual([]);
});

test('a run of text is found exactly in every year, before loose matches, without a word index of the old years', async ({ page, guard }) => {
  const read: string[] = [];
  page.on('request', (req: Request) => read.push(new URL(req.url()).pathname.slice(base.length)));
  // 《吉林市国民经济和社会发展第十四个五年规划建议》: the 2021 简报's title (content/sources/004_e163b0431eceb10c.txt)
  await open(page, '?q=十四个五年规划建议');
  await expect(page.locator('#search-status')).toHaveText('「十四个五年规划建议」原文见于 1 个文件（检索全部年份）。');
  expect(await resultPaths(page)).toEqual(['/documents/2021-04-13-jb/']);
  // the exact-text indexes and the 2021 page's fragment, no Pagefind file of any shard
  expect(read.filter((f) => /^pagefind[^/]*\/(index|filter|wasm|pagefind\.)/.test(f))).toEqual([]);
  // loose matches when asked for, marked, over the newest year
  await page.getByRole('button', { name: '显示只含部分词语的结果' }).click();
  await expect(page.locator('#search-status')).toContainText('「十四个五年规划建议」原文见于 1 个文件（检索全部年份）；其后');
  await expect(page.locator('.search-result').first()).not.toHaveClass(/search-result--loose/);
  await expect(page.locator('.search-result--loose').first()).toContainText('部分词语匹配');
  await expect(page.locator('#search-scope')).toHaveText('原文检索全部年份；部分词语检索范围：2023年 · 检索全部年份（2021、2023年）');
  // the older years' exact-text index (one for every shard before the newest), then of the 2021 shard only its
  // page table and the fragment
  expect(read.some((f) => f.startsWith('pagefind-older/phrase/'))).toBe(true);
  expect(read).toContain('pagefind-2021/phrase/d0.bin');
  expect(read.filter((f) => f.startsWith('pagefind-2021/') && !/^pagefind-2021\/(phrase\/d\d+\.bin|fragment\/)/.test(f))).toEqual([]);
  expect(guard.consoleErrors).toEqual([]);
});

test('a year filter reads the shards of that year', async ({ page, guard }) => {
  const read = bundlesRead(page);
  await open(page, '?q=发展&year=2021');
  await expect(page.locator('#search-scope')).toHaveText('检索范围：2021年');
  expect(read.has('pagefind-2021')).toBe(true);
  expect((await resultPaths(page)).sort()).toEqual(['/documents/2021-04-13-jb/', '/documents/2021-12-20-yj/']);
  expect(guard.consoleErrors).toEqual([]);
});

test('a 发文字号 of the newest year reads only its shard; the pinned document still comes first', async ({ page, guard }) => {
  const read = bundlesRead(page);
  await open(page, '?q=吉政办发〔2022〕26号');
  expect((await resultPaths(page))[0]).toBe('/documents/jzbf-2022-26/');
  await expect(page.locator('#search-scope')).toHaveText('检索范围：2023年');
  expect(read.has('pagefind-2021')).toBe(false);
  expect(guard.consoleErrors).toEqual([]);
});
