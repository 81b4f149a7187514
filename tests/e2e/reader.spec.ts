/**
 * Issue 19, points 2 and 3, in Chromium against the built site: page numbers say which they are (原刊页码 on the
 * pages, PDF 页码 in the PDF's TOC), and the documents the gazette did not print — the campus digest
 * (content/sources/004, 2021-04-13-jb) and the news copy of the 意见 (003, 2021-12-20-yj) — are marked as such on
 * their page, in the document index, in search and in the API, without the gazette's legal note over them.
 */
import { test, expect } from './fixtures.ts';

const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const site = (path: string) => `${base}${path.replace(/^\//, '')}`;
const NOT_GAZETTE = ['2021-04-13-jb', '2021-12-20-yj'];

test('a digest the gazette did not print is marked, and its footer does not claim the gazette', async ({ page }) => {
  await page.goto(site('/documents/2021-04-13-jb/'));
  await expect(page.locator('.doc-kicker .not-gazette')).toHaveText('非公报文本');
  await expect(page.locator('.not-gazette-note')).toContainText('文本取自高校网站摘编本');
  await expect(page.locator('.site-footer .legal-note')).toHaveCount(0);
  await expect(page.locator('.site-footer')).not.toContainText('具有同等效力');
  await expect(page.locator('.site-footer')).not.toContainText('印刷版');
});

test('a gazette document keeps the legal note and labels its printed page', async ({ page }) => {
  await page.goto(site('/documents/jzbf-2022-26/'));
  await expect(page.locator('.not-gazette, .not-gazette-note')).toHaveCount(0);
  await expect(page.locator('.site-footer .legal-note')).toHaveText('政府公报所登文件与正式文件具有同等效力。');
  // 001's TOC prints 26号 on page 11 (content/sources/001_2dbcd8b680e63142.txt, 目录).
  await expect(page.locator('.doc-kicker')).toContainText('原刊第11页');
});

test('the document index marks exactly the documents from elsewhere', async ({ page }) => {
  await page.goto(site('/documents/'));
  const marked = await page.locator('.doc-list li:has(.not-gazette) a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(marked.map((p) => p.replace(/\/$/, '').split('/').pop()).sort()).toEqual(NOT_GAZETTE);
});

test('the API says which documents are the gazette’s', async ({ request }) => {
  const index = (await (await request.get(site('/api/index.json'))).json()) as { documents: { id: string; fromGazette: boolean }[] };
  expect(index.documents.filter((d) => !d.fromGazette).map((d) => d.id).sort()).toEqual(NOT_GAZETTE);
  const yj = (await (await request.get(site('/api/documents/2021-12-20-yj.json'))).json()) as { fromGazette: boolean };
  expect(yj.fromGazette).toBe(false);
});

test('search filters by origin and marks a result the gazette did not print', async ({ page }) => {
  await page.goto(`${site('/search/')}?${new URLSearchParams({ q: '创新', origin: '非公报文本' }).toString()}`);
  await expect(page.locator('#search-status')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(page.locator('#search-origin')).toHaveValue('非公报文本');
  const results = page.locator('.search-result');
  await expect(results).not.toHaveCount(0);
  const paths = await page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const p of paths) expect(NOT_GAZETTE.some((id) => p.endsWith(`/documents/${id}/`))).toBe(true);
  for (const meta of await page.locator('.search-result__meta').allTextContents()) expect(meta).toContain('非公报文本');
});

test('the issue page gives printed pages and says the PDF’s TOC gives its own', async ({ page }) => {
  await page.goto(site('/issues/2023/4/'));
  await expect(page.locator('.toc-note')).toHaveText('页码为原刊页码（公报印刷版的页码）。');
  await expect(page.getByRole('link', { name: /下载 PDF/ })).toHaveText('下载 PDF（A4；PDF 目录所列为 PDF 页码）');
  await page.goto(site('/issues/2023/4/print/'));
  await expect(page.locator('.print-toc__note')).toContainText('目录所列为本 PDF 的页码');
  await expect(page.locator('#doc-jzbf-2022-26 .print-doc__page')).toHaveText('原刊第11页');
});
