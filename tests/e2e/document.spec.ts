import { test, expect } from './fixtures.ts';

const DOC = '/documents/jzbf-2022-26/';

test('a deep link lands on the clause: in the viewport, below the sticky header, highlighted', async ({ page }) => {
  await page.goto(`${DOC}#p2-s3-i11`);
  const clause = page.locator('#p2-s3-i11');
  await expect(clause).toBeInViewport();
  await expect(clause).toHaveClass(/is-targeted/);
  const headerBottom = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().bottom);
  const top = await clause.evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(headerBottom - 1);
  const bg = await clause.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe('rgba(0, 0, 0, 0)');
});

test('following an outline link moves the highlight (hashchange)', async ({ page }) => {
  await page.goto(DOC);
  await page.locator('.outline').getByRole('link', { name: '（二）营造优良科技人才生态。' }).click();
  await expect(page.locator('#p2-s2')).toHaveClass(/is-targeted/);
  await expect(page.locator('#p2-s2')).toBeInViewport();
});

test('every clause label links to its own anchor', async ({ page }) => {
  await page.goto(DOC);
  const labels = page.locator('.clause-label');
  const count = await labels.count();
  expect(count).toBe(3 + 8 + 26 + 9); // 一、–三、, （一）–（五） and three under 一、, items 1.–26., nine —— items
  for (let i = 0; i < count; i++) {
    const a = labels.nth(i);
    const target = (await a.getAttribute('href'))?.slice(1);
    expect(await a.evaluate((el, id) => el.closest('.clause')?.id === id, target)).toBe(true);
  }
});

test('the clause toolbar copies the citation, its long form and the /c/ short link, and announces each copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${DOC}#p2-s3-i11`);
  const bar = page.getByRole('toolbar');
  await expect(bar).toHaveAccessibleName('二、（三）11.');
  const clip = () => page.evaluate(() => navigator.clipboard.readText());
  await bar.getByRole('button', { name: '引用', exact: true }).click();
  expect(await clip()).toBe('《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.');
  await expect(page.getByRole('status')).toHaveText('已复制引文：《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.');
  // 26号 starts on printed page 11 of 2023年第4期 (the TOC, content/sources/001_2dbcd8b680e63142.txt:84)
  await bar.getByRole('button', { name: '引用（含出处）' }).click();
  expect(await clip()).toBe('《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.，载《吉林省人民政府公报》2023年第4期，第11页');
  await bar.getByRole('button', { name: '链接' }).click();
  const link = await clip();
  expect(link).toMatch(/\/c\/jzbf-2022-26\/p2-s3-i11\/$/);
  await expect(page.getByRole('status')).toHaveText(`已复制链接：${link}`);
  await page.goto(new URL(link).pathname);
  await expect(page).toHaveURL(/\/documents\/jzbf-2022-26\/#p2-s3-i11$/);
});

test('a dash item (——) is cited by its ordinal: 一、（二）第二项', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(DOC);
  // 「——坚持问题导向。」 is the second dash item under 一、（二） (content/sources/001_2dbcd8b680e63142.txt)
  await page.locator('#p1-s2-d2 > p').click();
  const bar = page.getByRole('toolbar');
  await expect(bar).toHaveAccessibleName('一、（二）第二项');
  await bar.getByRole('button', { name: '引用', exact: true }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）一、（二）第二项');
});

test('headings name only their text; the clause actions are one Tab stop, not two per clause', async ({ page }) => {
  await page.goto(DOC);
  await expect(page.getByRole('heading', { name: '一、总体要求', exact: true })).toHaveCount(1);
  expect(await page.locator('h2, h3, h4').evaluateAll((hs) => hs.filter((h) => h.querySelector('button')).length)).toBe(0);
  // Tab through the whole page once: every clause label, the toolbar once, nothing else per clause.
  const stops: string[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      return !el || el === document.body ? 'body' : el.classList.contains('clause-action') ? 'action' : el.classList.contains('clause-label') ? 'label' : 'other';
    });
    if (at === 'body' || (stops.length > 0 && (await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))))) break;
    stops.push(at);
  }
  expect(stops.filter((s) => s === 'label')).toHaveLength(3 + 8 + 26 + 9);
  expect(stops.filter((s) => s === 'action').length).toBeLessThanOrEqual(1);
  expect(stops.length).toBeLessThan(150);
});

test('the header shows number, issuer, date; the notice and signature; provenance lists sources and variants', async ({ page }) => {
  await page.goto(DOC);
  await expect(page.locator('h1')).toHaveText('吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知');
  await expect(page.locator('.doc-facts')).toContainText('吉林省人民政府办公厅');
  await expect(page.locator('.doc-facts')).toContainText('2022年8月12日');
  await expect(page.locator('.addressees')).toContainText('各市（州）人民政府');
  // Sources by what they are, never by file name (issue 19): 001 the gazette's dump, 000 the scraped record, 002 the encyclopedia.
  await expect(page.locator('.provenance .sources li')).toHaveText(['标准文本（公布所据）：公报印刷版', '校勘参考：网络转载本', '校勘参考：百科繁体本']);
  await expect(page.locator('.variants li')).toHaveCount(7);
  await expect(page.locator('.variants')).toContainText('重点难点问题');
  // …and each collation note (校勘记) is shown at the clause where the copies differ
  // (7 variants: the 3 an editor decided (content/editorial/readings.json) show as decision notes instead)
  await expect(page.locator('.collation__note')).toHaveCount(4);
  await expect(page.locator('.editorial-note--reading')).toHaveCount(3);
  // The whole phrase, not the window 「态的重点难点问题，全力推」: 001:288 against 000:16 and 002 (issue 19).
  await expect(page.locator('#p1-s2-d2 > .collation')).toHaveText('校「影响科技创新生态的重点难点问题」，网络转载本、百科繁体本作「影响科技创新生态的重点难点堵点问题」，以公报印刷版为准。');
  // Clause references by their printed label; the processing log is in the build report, not here.
  await expect(page.locator('.variants li').first().locator('a')).toHaveText('一、（二）第二项');
  await expect(page.locator('.finding')).toHaveCount(0);
  await expect(page.locator('.provenance').getByRole('link', { name: '构建报告' })).toHaveAttribute('href', /\/report\/001_2dbcd8b680e63142\/$/);
  // the tampered brand never appears as issuer or text outside the provenance notes
  const outside = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelector('#provenance')?.remove();
    return clone.textContent ?? '';
  });
  expect(outside).not.toContain('欧宝');
});

test('tables are real tables with merged cells and scroll inside themselves on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/documents/jzf-2022-21/');
  const table = page.locator('table', { has: page.locator('caption', { hasText: '计量发展主要指标' }) });
  await expect(table.locator('thead th')).toHaveText(['领域', '序号', '指标', '2020年', '2025年', '属性']);
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(table.locator('[rowspan="3"]')).toHaveText('法制监督');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('works without JavaScript: text and anchors are there', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(`${DOC}#p3-i23`);
  await expect(page.locator('#p3-i23')).toBeInViewport();
  await expect(page.locator('#p3-i23')).toContainText('加强组织领导');
  await context.close();
});

test('政务要闻 lists its 19 dated entries and 人事任免 its two appointments, each with its printed date', async ({ page }) => {
  await page.goto('/documents/2023-4-zwyw/');
  const entries = page.locator('.entry');
  await expect(entries).toHaveCount(19);
  await expect(entries.first()).toHaveAttribute('data-date', '2023-02-01');
  await expect(entries.first().locator('strong')).toHaveText('2月1日');
  await expect(entries.nth(1).locator('strong')).toHaveText('同日');
  await expect(entries.nth(1)).toHaveAttribute('data-date', '2023-02-01');
  await page.goto('/documents/jzgr-2023-6-7/');
  await expect(page.locator('.entry')).toHaveCount(2);
  await expect(page.locator('.entry').nth(1)).toContainText('2月13日 省政府决定，聘任李德山为省政府参事，聘期按有关规定执行。（吉政干任〔2023〕7号）');
});

test('the outline is open on a wide screen and folded on a phone', async ({ page }) => {
  await page.goto(DOC);
  await expect(page.locator('.outline details')).toHaveAttribute('open', '');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(DOC);
  await expect(page.locator('.outline details')).not.toHaveAttribute('open', '');
  await page.locator('.outline summary').click();
  await expect(page.locator('.outline').getByRole('link', { name: '三、组织保障' })).toBeVisible();
});
