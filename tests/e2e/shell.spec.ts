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

// Every glyph has a self-hosted face to fall back on (fonts.css): in each element that holds text, the
// self-hosted family comes before any generic family (serif, monospace …, which are system fonts). In print,
// it comes first. A machine without CJK fonts then still shows and prints every character.
for (const media of ['screen', 'print'] as const) {
  test(`every text falls back on the self-hosted font before a system font (${media})`, async ({ page }) => {
    const offenders: string[] = [];
    for (const path of ['/', '/documents/jzbf-2022-26/', '/issues/2023/4/', '/issues/2023/4/print/', '/search/?q=科技创新', '/report/']) {
      await page.goto(path);
      await page.emulateMedia({ media });
      const found = await page.evaluate((printing) => {
        const generic = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace']);
        const bad = new Set<string>();
        for (const el of document.querySelectorAll('body, body *')) {
          if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
          const stack = getComputedStyle(el).fontFamily.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
          const own = stack.indexOf('Gongbao Serif');
          const firstGeneric = stack.findIndex((f) => generic.has(f));
          if (own < 0 || (firstGeneric >= 0 && firstGeneric < own) || (printing && own !== 0)) bad.add(`${el.tagName.toLowerCase()}: ${stack.join(', ')}`);
        }
        return [...bad];
      }, media === 'print');
      offenders.push(...found.map((f) => `${path} ${f}`));
    }
    expect(offenders).toEqual([]);
  });
}
