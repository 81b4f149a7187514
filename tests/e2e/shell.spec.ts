import { test, expect } from './fixtures.ts';

test('home page loads with the site shell and no console error', async ({ page, guard }) => {
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('.site-title')).toHaveText('吉林省人民政府公报');
  await expect(page.getByRole('search')).toBeVisible();
  await expect(page.getByRole('link', { name: '往期公报' }).first()).toBeVisible();
  await expect(page.locator('.legal-note')).toContainText('政府公报所登文件与正式文件具有同等效力');
  await page.waitForLoadState('networkidle');
  expect(guard.consoleErrors).toEqual([]);
});

test('an unknown path gets the 404 page', async ({ page, guard }) => {
  const res = await page.goto('/no/such/page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('页面不存在（404）');
  await expect(page.getByRole('link', { name: '全文检索' })).toBeVisible();
  void guard;
});

test('the layout holds at 360 px: no horizontal page scroll', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('print media hides header, navigation and footer', async ({ page }) => {
  await page.goto('/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
});
