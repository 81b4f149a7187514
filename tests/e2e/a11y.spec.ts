import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

const PAGES = ['/', '/issues/', '/issues/2023/4/', '/documents/', '/documents/jzbf-2022-26/', '/documents/jzbf-2022-27/', '/search/', '/report/', '/no/such/page/'];

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

test('keyboard only: Tab reaches clause links and actions with a visible focus', async ({ page }) => {
  await page.goto('/documents/jzbf-2022-26/');
  const seen = new Set<string>();
  for (let i = 0; i < 200 && !(seen.has('label:p2-s3-i11') && seen.has('action:p2-s3-i11')); i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const clause = el.closest('.clause')?.id ?? '';
      const style = getComputedStyle(el);
      return { kind: el.classList.contains('clause-label') ? 'label' : el.classList.contains('clause-action') ? 'action' : 'other', clause, outline: style.outlineStyle };
    });
    if (info && info.kind !== 'other') {
      expect(info.outline).not.toBe('none');
      seen.add(`${info.kind}:${info.clause}`);
    }
  }
  expect(seen.has('label:p2-s3-i11')).toBe(true);
  expect(seen.has('action:p2-s3-i11')).toBe(true);
});
