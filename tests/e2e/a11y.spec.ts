import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

const PAGES = ['/', '/issues/', '/issues/2023/4/', '/documents/', '/documents/year/2022/', '/documents/kind/%E9%80%9A%E7%9F%A5/', '/documents/jzbf-2022-26/', '/documents/jzbf-2022-27/', '/documents/2023-4-cover/', '/search/', '/report/', '/no/such/page/'];

for (const path of PAGES) {
  test(`axe finds no violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}

test('headings are in order on the document page (no level skipped)', async ({ page }) => {
  await page.goto('/documents/jzbf-2022-26/');
  const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++) expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
});

test('keyboard only: Tab reaches a clause label, Enter chooses the clause, Tab reaches its actions; focus is visible', async ({ page }) => {
  await page.goto('/documents/jzbf-2022-26/');
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const kind = el.classList.contains('clause-label') ? 'label' : el.classList.contains('clause-action') ? 'action' : 'other';
      return { kind, clause: el.closest('.clause')?.id ?? '', href: el.getAttribute('href'), outline: getComputedStyle(el).outlineStyle };
    });
  let info = await focused();
  for (let i = 0; i < 200 && !(info?.kind === 'label' && info.href === '#p2-s3-i11'); i++) {
    await page.keyboard.press('Tab');
    info = await focused();
    if (info?.kind === 'label') expect(info.outline).not.toBe('none');
  }
  expect(info).toMatchObject({ kind: 'label', clause: 'p2-s3-i11' });
  await page.keyboard.press('Enter');
  await expect(page.locator('#p2-s3-i11')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await focused()).toMatchObject({ kind: 'action', clause: 'p2-s3-i11' });
  expect((await focused())?.outline).not.toBe('none');
  // One Tab stop: the arrow keys move inside the toolbar.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('toolbar').getByRole('button', { name: '引用', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  expect((await focused())?.kind).not.toBe('action');
});
