/**
 * Legal norms in Chromium (src/ingest/structure/legal-norm.ts, README "Clause IDs"): the seed site beside two
 * LawRefBook regulations, built without PDFs and served on its own port (tests/support/legal-site.ts,
 * playwright.config.ts). Deep links to a 条 and a 项, the legal citation form, short links, references as links.
 */
import type { Locator, Page } from '@playwright/test';
import { legalPort } from '../../playwright.config.ts';
import { test, expect } from './fixtures.ts';

test.use({ baseURL: `http://127.0.0.1:${legalPort}` });

/** tests/fixtures/corpus/lawrefbook_shanghai_real_estate_registration_md.txt */
const REAL_ESTATE = '/documents/2020-11-27-gd/';
/** tests/fixtures/corpus/lawrefbook_beijing_food_safety_regulation_md.txt */
const FOOD_SAFETY = '/documents/2012-12-27-tl/';

async function expectLanded(page: Page, clause: Locator): Promise<void> {
  await expect(clause).toBeInViewport();
  await expect(clause).toHaveClass(/is-targeted/);
  const headerBottom = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().bottom);
  const top = await clause.evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(headerBottom - 1);
}

/** The citation the clause toolbar copies, once it names the clause at `path`. */
async function citation(page: Page, path: string): Promise<string> {
  const bar = page.getByRole('toolbar');
  await expect(bar).toHaveAccessibleName(path);
  await bar.getByRole('button', { name: '引用', exact: true }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a deep link to a 条 and to a 项 lands in view; copy citation gives the legal form', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // 第三条 (l.15) and its 项 （二） (l.19)
  await page.goto(`${REAL_ESTATE}#t3`);
  await expectLanded(page, page.locator('#t3'));
  await expect(page.locator('#t3 > p > .clause-label')).toHaveText('第三条');
  await page.goto(`${REAL_ESTATE}#t3-x2`);
  await expectLanded(page, page.locator('#t3-x2'));
  await expect(page.locator('#t3-x2')).toContainText('（二）房屋等建筑物、构筑物所有权；');
  expect(await citation(page, '第三条第（二）项')).toBe('《上海市不动产登记若干规定》第三条第（二）项');
  // 第五条 has three 款 (l.41–45): 第X条第X款 for its second, 第X条 for the article itself
  await page.goto(`${REAL_ESTATE}#t5-k2`);
  await expectLanded(page, page.locator('#t5-k2'));
  // The clause toolbar stands first in the chosen clause: the 款's text is its paragraph.
  await expect(page.locator('#t5-k2 > p')).toHaveText(/^不动产登记机构应当按照有关法律、法规、规章和本市不动产登记技术规范的要求/);
  expect(await citation(page, '第五条第二款')).toBe('《上海市不动产登记若干规定》第五条第二款');
  await page.goto(`${REAL_ESTATE}#t5`);
  expect(await citation(page, '第五条')).toBe('《上海市不动产登记若干规定》第五条');
});

test('a 条 of several 款: its toolbar stands first in the 条, a 款 chosen takes it to the 款', async ({ page }) => {
  await page.goto(`${REAL_ESTATE}#t5`);
  const bar = page.getByRole('toolbar');
  await expect(bar).toHaveAccessibleName('第五条');
  await expect(page.locator('#t5 > [role="toolbar"]')).toHaveCount(1);
  // The 条's label heads its first 款 (l.41): 「第五条」 links to the 条
  await expect(page.locator('#t5-k1 > p > a.clause-label[href="#t5"]')).toHaveText('第五条');
  await page.locator('#t5-k2 > p').click();
  await expect(bar).toHaveAccessibleName('第五条第二款');
  await expect(page.locator('#t5-k2 > [role="toolbar"]')).toHaveCount(1);
  await expect(page.getByRole('toolbar')).toHaveCount(1);
});

test('the short link of an article forwards to its anchor', async ({ page, request }) => {
  const html = await (await request.get('/c/2020-11-27-gd/t3/')).text();
  expect(html).toContain('<title>《上海市不动产登记若干规定》第三条</title>');
  await page.goto('/c/2020-11-27-gd/t3/');
  await expect(page).toHaveURL(/\/documents\/2020-11-27-gd\/#t3$/);
  await expect(page.locator('#t3')).toBeInViewport();
});

test('in-document references are links that land on their anchors', async ({ page }) => {
  // 「本条例第十一条」 in 第十二条第二款 (l.59)
  await page.goto(FOOD_SAFETY);
  const ref = page.locator('#t12-k2 a.ref');
  await expect(ref).toHaveText('本条例第十一条');
  await ref.click();
  await expect(page).toHaveURL(/#t11$/);
  await expectLanded(page, page.locator('#t11'));
  // 「前款」 in 第十四条第二款 (l.95) is its 第一款
  await page.goto(REAL_ESTATE);
  const previous = page.locator('#t14-k2 a.ref');
  await expect(previous).toHaveText('前款');
  await previous.click();
  await expect(page).toHaveURL(/#t14-k1$/);
  await expectLanded(page, page.locator('#t14-k1'));
});
