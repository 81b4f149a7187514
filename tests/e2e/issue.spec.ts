import { test, expect } from './fixtures.ts';

test('the issue page shows the cover facts and the TOC with printed pages, each entry linked', async ({ page }) => {
  await page.goto('/issues/2023/4/');
  await expect(page.locator('h1')).toHaveText('2023年第4期（复总第888期）');
  await expect(page.locator('.issue-facts')).toContainText('2023年2月28日');
  await expect(page.locator('.issue-facts')).toContainText('ISSN 1009-1818');
  await expect(page.locator('.issue-facts')).toContainText('CN 22-1416/D');
  await expect(page.locator('.toc-section h3')).toHaveText(['卷首语', '省政府文件', '省政府办公厅文件', '人事任免', '政务要闻']);
  await expect(page.locator('.toc-page')).toHaveText(['1', '4', '11', '22', '31', '39', '39']);
  const links = page.locator('.toc-entry a');
  await expect(links).toHaveCount(7);
  await links.nth(2).click();
  await expect(page).toHaveURL(/\/documents\/jzbf-2022-26\/$/);
  await expect(page.locator('.doc-number')).toHaveText('吉政办发〔2022〕26号');
});

test('the archive lists the issue by year', async ({ page }) => {
  await page.goto('/issues/');
  await expect(page.getByRole('heading', { name: '2023年' })).toBeVisible();
  await page.getByRole('link', { name: '2023年第4期（复总第888期）' }).click();
  await expect(page).toHaveURL(/\/issues\/2023\/4\/$/);
});

test('the issue API lists sections, entries, pages and documents', async ({ request }) => {
  const issue = await (await request.get('/api/issues/2023-4.json')).json();
  expect(issue).toMatchObject({ id: '2023-4', year: 2023, number: 4, cumulative: 888, published: '2023-02-28', pdf: '/pdf/2023-4.pdf' });
  const entries = issue.sections.flatMap((s: { entries: Array<{ page: number; docNumber: string | null; document: string }> }) => s.entries);
  expect(entries.map((e: { page: number }) => e.page)).toEqual([1, 4, 11, 22, 31, 39, 39]);
  expect(entries.map((e: { document: string }) => e.document)).toEqual([
    '2023-4-juanshouyu',
    'jzf-2022-21',
    'jzbf-2022-26',
    'jzbf-2022-27',
    'jzbh-2022-137',
    'jzgr-2023-6-7',
    '2023-4-zwyw',
  ]);
});

test('the document index filters by kind and issuer without a server, and keeps the filter in the URL', async ({ page }) => {
  await page.goto('/documents/');
  await expect(page.locator('.doc-list li')).toHaveCount(10);
  await page.getByLabel('发文机关').selectOption('吉林省人民政府办公厅');
  await expect(page.locator('.doc-list li:visible')).toHaveCount(3);
  await page.getByLabel('类别').selectOption('意见');
  await expect(page.locator('.doc-list li:visible')).toHaveCount(0);
  await page.getByLabel('发文机关').selectOption('');
  await expect(page.locator('.doc-list li:visible')).toHaveCount(1);
  await expect(page.locator('.doc-list li:visible a')).toHaveText('省委省政府关于创新型省份建设的意见');
  await expect(page).toHaveURL(/\?kind=%E6%84%8F%E8%A7%81$/);
  await page.reload();
  await expect(page.locator('.doc-list li:visible')).toHaveCount(1);
});
