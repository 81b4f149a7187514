/**
 * The home page and the document index at archive size: the latest issue's cover facts and TOC with printed
 * pages, the cover story, the newest documents, the years, search; the index by year, kind and issuer.
 */
import { test, expect } from './fixtures.ts';

test('the home page shows issue 2023/4: cover facts, its TOC with printed pages, the cover story, newest documents, years, search', async ({ page }) => {
  await page.goto('/');
  const latest = page.locator('.home-latest');
  await expect(latest.getByRole('heading', { level: 2 })).toHaveText('最新一期：2023年第4期（复总第888期）');
  await expect(latest.locator('.issue-facts')).toContainText('2023年2月28日');
  await expect(latest.locator('.issue-facts')).toContainText('ISSN 1009-1818');
  // The printed TOC (content/sources/001_2dbcd8b680e63142.txt:73–103)
  await expect(latest.locator('.toc-section h4')).toHaveText(['卷首语', '省政府文件', '省政府办公厅文件', '人事任免', '政务要闻']);
  await expect(latest.locator('.toc-page')).toHaveText(['1', '4', '11', '22', '31', '39', '39']);
  await expect(latest.locator('.toc-entry a')).toHaveCount(7);
  // The cover story is in no TOC: the home page links it.
  const cover = page.locator('.home-cover a');
  await expect(cover).toHaveText('韩俊到长春市调研时强调 加快推进产业数字化改造 打造振兴突破新引擎');
  await expect(page.locator('.home-cover__lead')).toContainText('2月14日');
  await expect(page.getByRole('region', { name: '最新文件' }).locator('.doc-list li')).toHaveCount(10);
  await expect(page.getByRole('link', { name: '2023年各期' })).toHaveAttribute('href', '/issues/#y2023');
  await expect(page.getByRole('link', { name: '2021年文件' })).toHaveAttribute('href', '/documents/year/2021/');
  await cover.click();
  await expect(page).toHaveURL(/\/documents\/2023-4-cover\/$/);
  await page.goto('/');
  await page.getByLabel('全文检索').fill('科技创新');
  await page.getByLabel('全文检索').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E7%A7%91%E6%8A%80%E5%88%9B%E6%96%B0$/);
});

test('the document index browses by year, kind and issuer: static pages whose URL is the filter', async ({ page }) => {
  await page.goto('/documents/');
  await expect(page.locator('.facet[data-facet="year"]').getByRole('link')).toHaveText(['2023年', '2022年', '2021年']);
  await page.locator('.facet[data-facet="kind"]').getByRole('link', { name: '通知' }).click();
  await expect(page).toHaveURL('/documents/kind/%E9%80%9A%E7%9F%A5/');
  await expect(page.locator('h1')).toHaveText('类别：通知');
  await expect(page.locator('.doc-list li')).toHaveCount(4);
  // No page links for a group that fits on one page.
  await expect(page.locator('.pager')).toHaveCount(0);
  await page.goto('/documents/issuer/%E5%90%89%E6%9E%97%E7%9C%81%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C%E5%8A%9E%E5%85%AC%E5%8E%85/');
  await expect(page.locator('.doc-list li a')).toHaveCount(3);
  await page.goto('/documents/year/2022/');
  await expect(page.locator('.doc-list li')).toHaveCount(4);
  // Inside a year, the kind and issuer menus narrow the list and keep the choice in the URL.
  await page.getByLabel('发文机关').selectOption('吉林省人民政府');
  await expect(page.locator('.doc-list li:visible')).toHaveCount(1);
  await expect(page).toHaveURL(/\/documents\/year\/2022\/\?issuer=/);
});

test('an issue without neighbours has no 前后期 navigation', async ({ page }) => {
  await page.goto('/issues/2023/4/');
  await expect(page.getByRole('navigation', { name: '前后期' })).toHaveCount(0);
});
