/**
 * The editorial layer (issue 18) in Chromium against the built site: the 解读 of 吉政办发〔2022〕26号 compiled from
 * MDX (GFM table and footnote, slugged headings), its link back, the document page with the 解读 listed, the
 * decided reading 和 of 二、（五）20. with its note and the 更正 at that clause, and search with the 解读 filter.
 */
import { test, expect } from './fixtures.ts';

const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const site = (path: string) => `${base}${path.replace(/^\//, '')}`;
const JIEDU = site('/editorial/jiedu-jzbf-2022-26/');
const DOC = site('/documents/jzbf-2022-26/');

test('the 解读 renders from MDX: headings with ed- ids, a GFM table of clause citations, a footnote', async ({ page, guard }) => {
  await page.goto(JIEDU);
  await expect(page.locator('h1')).toHaveText('读懂吉林省科技创新生态优化工程：五个生态、二十六条措施');
  const body = page.locator('.editorial-body');
  await expect(body.locator('h2').first()).toHaveAttribute('id', 'ed-总体要求五个更具');
  // No id in the editorial body can be a clause anchor (p2-s3-i11 …): headings ed-, GFM footnotes user-content-.
  const ids = await body.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.length).toBeGreaterThan(3);
  for (const id of ids) expect(id).toMatch(/^(ed-|user-content-|footnote-label$)/);
  const table = body.locator('table');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tbody tr').first().locator('a.cite')).toHaveText('《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（一）');
  await expect(body.locator('[data-footnotes]')).toContainText('其余四个生态的目标只有定性表述');
  // <Quote> reads the clause from the model, with the decided reading: 001:384 prints 「科研机构 and 科研人员」.
  await expect(body.locator('.quote blockquote').last()).toContainText('提升科研机构和科研人员诚信意识');
  expect(guard.consoleErrors).toEqual([]);
});

test('the 解读 links back to its document, which lists it', async ({ page }) => {
  await page.goto(JIEDU);
  await page.locator('.editorial-of a').click();
  await expect(page).toHaveURL(new RegExp(`${DOC}$`));
  const listed = page.locator('.doc-editorial').getByRole('link', { name: '读懂吉林省科技创新生态优化工程：五个生态、二十六条措施' });
  await expect(listed).toHaveAttribute('href', JIEDU);
  await expect(page.locator('.doc-editorial')).toContainText('编者按');
});

test('二、（五）20. reads 和, with the decision note on the printed 「and」 and the 更正 at that clause', async ({ page }) => {
  await page.goto(DOC);
  const clause = page.locator('#p2-s5-i20');
  // content/sources/001_2dbcd8b680e63142.txt:384 prints 「提升科研机构 and 科研人员诚信意识」; 000:50 and 002:49 print 和.
  await expect(clause.locator('> p')).toContainText('提升科研机构和科研人员诚信意识');
  await expect(clause.locator('> p')).not.toContainText(' and ');
  const decision = clause.locator('> .editorial-note--reading');
  await expect(decision).toContainText('标准文本印作「科研机构 and 科研人员」，本站作「科研机构和科研人员」（网络转载本、百科繁体本相同）');
  const correction = clause.locator('> .editorial-note--correction a');
  await expect(correction).toHaveAttribute('href', site('/editorial/gengzheng-jzbf-2022-26-p2-s5-i20/'));
  // The settled collation note is gone; the undecided one of the same clause (优化的文化基础) stays.
  await expect(clause.locator('> .collation')).toHaveCount(1);
  await expect(clause.locator('> .collation')).toContainText('生态不断优化的文化基础');
  await correction.click();
  await expect(page.locator('.editorial-of a')).toHaveAttribute('href', `${DOC}#p2-s5-i20`);
});

test('search finds the 解读 with the 解读 filter, and the 更正 with its own', async ({ page }) => {
  await page.goto(`${site('/search/')}?${new URLSearchParams({ q: '科技创新生态', kind: '解读' }).toString()}`);
  await expect(page.locator('#search-status')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(page.locator('#search-kind')).toHaveValue('解读');
  const results = page.locator('.search-result__title a');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveAttribute('href', JIEDU);

  await page.goto(`${site('/search/')}?${new URLSearchParams({ q: '更正', kind: '更正' }).toString()}`);
  await expect(page.locator('#search-status')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(page.locator('.search-result__title a')).toHaveCount(1);
  await expect(page.locator('.search-result__title a').first()).toHaveAttribute('href', site('/editorial/gengzheng-jzbf-2022-26-p2-s5-i20/'));
});
