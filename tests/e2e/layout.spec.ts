/**
 * Layout on phones (360, 390 px) and a desktop (1280 px), measured with bounding boxes: one-column documents at
 * the full measure, the clause toolbar in view with targets of at least 24 × 24 px, a wide table that scrolls
 * inside its box with a hint and a first column that stays, deep links below the sticky header, a TOC that
 * wraps, no sideways scrolling of the page, the print view readable on a phone, one column on any paper.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const WIDTHS = [360, 390, 1280];
/** Documents without clauses: no outline, so no column beside the text (README, "Documents"). */
const ONE_COLUMN = ['/documents/2023-4-cover/', '/documents/2023-4-juanshouyu/', '/documents/2023-4-zwyw/', '/documents/jzgr-2023-6-7/'];

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not rendered`);
  return b;
};
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** The narrowest table cell's content box inside `scope`, in characters (em) of its own font. */
const narrowestCell = (page: Page, scope: string) =>
  page.locator(`${scope} .table-scroll td, ${scope} .table-scroll th`).evaluateAll((cells) =>
    Math.min(
      ...cells.map((c) => {
        const s = getComputedStyle(c);
        // Collapsed borders: half of each lies inside the cell's box.
        const borders = (parseFloat(s.borderLeftWidth) + parseFloat(s.borderRightWidth)) / (s.borderCollapse === 'collapse' ? 2 : 1);
        return (c.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - borders) / parseFloat(s.fontSize);
      }),
    ),
  );
const headerBottom = (page: Page) => page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().bottom);

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('one-column documents use the full measure, centred', async ({ page }) => {
      for (const path of ONE_COLUMN) {
        await page.goto(path);
        const main = await box(page, 'main');
        const body = await box(page, '.doc-body');
        // The measure is 42em (672 px at 16 px); a phone gives the text the whole width inside main's padding.
        expect(body.width, path).toBeGreaterThanOrEqual(Math.min(672, main.width - 32) - 1);
        expect(Math.abs(body.x - main.x - (main.width - body.width) / 2), path).toBeLessThanOrEqual(1);
        expect(await pageOverflow(page), path).toBeLessThanOrEqual(0);
      }
    });

    test('the clause toolbar is in view without a tap, its buttons at least 24 × 24 px, and it pushes no text', async ({ page }) => {
      await page.goto('/documents/jzbf-2022-26/');
      const bar = page.getByRole('toolbar');
      await expect(bar).toBeInViewport();
      const before = await box(page, '#p2-s3-i11');
      for (const b of await bar.getByRole('button').all()) {
        const r = await b.boundingBox();
        expect(r && r.width >= 24 && r.height >= 24).toBe(true);
        expect(r && r.y + r.height <= 800 && r.x + r.width <= width).toBe(true);
      }
      await page.locator('#p2-s3-i11 > p').click();
      await expect(bar).toHaveAccessibleName('二、（三）11.');
      // The toolbar is fixed at the foot of the window: choosing a clause moves no text.
      const after = await box(page, '#p2-s3-i11');
      expect(after.height).toBe(before.height);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });

    test('a deep link to a table lands below the sticky header; a wide table scrolls in its box with a hint and its first column stays', async ({ page }) => {
      await page.goto('/documents/jzbf-2022-27/#p1-t1');
      const table = page.locator('#p1-t1');
      await expect(table).toBeInViewport();
      expect((await box(page, '#p1-t1')).y).toBeGreaterThanOrEqual((await headerBottom(page)) - 1);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      const wide = await table.evaluate((el) => el.scrollWidth > el.clientWidth);
      // 残疾预防主要指标 is 32rem wide at least (480 px): wider than a phone's column, not than a desktop's.
      expect(wide).toBe(width < 600);
      await expect(page.locator('.table-hint')).toHaveCount(wide ? 1 : 0);
      if (!wide) return;
      await expect(page.locator('.table-hint')).toBeVisible();
      const first = page.locator('#p1-t1 thead th.col-first');
      await expect(first).toHaveText('领域');
      const left = (await box(page, '#p1-t1')).x;
      await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      // The 2025年 column comes into the box; 领域 stays at its left edge.
      const year = await box(page, '#p1-t1 thead th:last-child');
      expect(year.x + year.width).toBeLessThanOrEqual(left + (await box(page, '#p1-t1')).width + 1);
      expect(Math.abs((await box(page, '#p1-t1 thead th.col-first')).x - left)).toBeLessThanOrEqual(1);
    });

    test('a deep link to a heading lands below the sticky header', async ({ page }) => {
      await page.goto('/documents/jzbf-2022-26/#p2');
      await expect(page.locator('#p2')).toBeInViewport();
      expect((await box(page, '#p2 h2')).y).toBeGreaterThanOrEqual((await headerBottom(page)) - 1);
    });

    test('the issue TOC wraps: the 发文字号 follows the title, which keeps the width of the column', async ({ page }) => {
      await page.goto('/issues/2023/4/');
      const toc = await box(page, '.toc-entries');
      const pageNo = await box(page, '.toc-page');
      for (const t of await page.locator('.toc-title').all()) {
        const r = await t.boundingBox();
        // All of the row but the page number (2.5em) and the gap.
        expect(r && r.width).toBeGreaterThanOrEqual(toc.width - pageNo.width - 16);
      }
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });

    test('the print view is readable on this screen: no sideways page scroll, table cells two characters wide', async ({ page }) => {
      await page.goto('/issues/2023/4/print/');
      await page.evaluate(() => document.fonts.ready);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      // Before, a phone showed one character per line: every cell now holds at least two.
      expect(await narrowestCell(page, '.print-doc')).toBeGreaterThanOrEqual(1.99);
      const text = await box(page, '.print-doc .prose p');
      expect(text.width).toBeGreaterThanOrEqual(Math.min(width, 794) * 0.6);
    });

    test('table cells hold two characters before the web fonts arrive too (the fallback font is wider)', async ({ page }) => {
      // CI once measured the print view before the serif had loaded: a 序号 column of 1.8 em with its padding.
      await page.route(/\.woff2$/, (route) => route.abort());
      for (const path of ['/issues/2023/4/print/', '/documents/jzf-2022-21/', '/documents/jzbf-2022-27/']) {
        await page.goto(path);
        expect(await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length), path).toBe(0);
        expect(await narrowestCell(page, 'main'), path).toBeGreaterThanOrEqual(1.99);
      }
    });
  });
}

test('printing resets the grid on any paper: landscape A4 prints the text across the page', async ({ page }) => {
  // A4 landscape at 96 dpi is 1123 px wide: the screen grid (outline beside the text) would apply to it.
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.emulateMedia({ media: 'print' });
  await page.goto('/documents/jzbf-2022-26/');
  expect(await page.locator('.doc-layout').evaluate((el) => getComputedStyle(el).display)).toBe('block');
  const main = await box(page, 'main');
  expect((await box(page, '.doc-body')).width).toBeGreaterThanOrEqual(main.width - 1);
});
