/**
 * Search (issue 6) in Chromium against the built site: the query set of tests/support/search-queries.json (every
 * expectation taken from the sources, see tests/unit/search/search-queries.test.ts), then the page itself —
 * header search box, URL state, filters, sorting, exact phrase, clause links, what is indexed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { searchQueries as queries } from '../support/search-queries.ts';
import { test, expect } from './fixtures.ts';
import { normalizeBase } from '../../src/gazette/urls.ts';


const base = normalizeBase(process.env.BASE_PATH ?? '/');
/** A site path under the base path: '/documents/x/' → '/gongbao/documents/x/'. */
const site = (path: string) => `${base}${path.replace(/^\//, '')}`;

interface Card {
  /** Site path of the result, base path and hash removed. */
  path: string;
  meta: string;
  subs: string[];
}

async function waitForResults(page: Page): Promise<void> {
  await expect(page.locator('#search-status')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
}

async function cards(page: Page): Promise<Card[]> {
  return page.locator('.search-result').evaluateAll((items, b) => {
    const strip = (href: string) => {
      const u = new URL(href, location.href);
      return `/${u.pathname.slice(b.length)}`;
    };
    return items.map((li) => ({
      path: strip(li.querySelector<HTMLAnchorElement>('.search-result__title a')?.href ?? ''),
      meta: li.querySelector('.search-result__meta')?.textContent ?? '',
      subs: [...li.querySelectorAll<HTMLAnchorElement>('.search-result__clause-title')].map((a) => {
        const u = new URL(a.href);
        return `/${u.pathname.slice(b.length)}${u.hash}`;
      }),
    }));
  }, base);
}

async function search(page: Page, params: Record<string, string>): Promise<Card[]> {
  await page.goto(`${site('/search/')}?${new URLSearchParams(params).toString()}`);
  await waitForResults(page);
  return cards(page);
}

test.describe('query set', () => {
  for (const q of queries) {
    const label = `${q.kind}: ${q.q}${q.exact ? ' (exact)' : ''}${q.filters ? ` ${JSON.stringify(q.filters)}` : ''}`;
    test(label, async ({ page, guard }) => {
      const results = await search(page, { q: q.q, ...(q.exact ? { exact: '1' } : {}), ...(q.filters ?? {}) });
      const top = results.slice(0, 3).map((r) => r.path);
      for (const p of q.pages) expect(top, `${p} in the top 3`).toContain(p);
      if (q.first) expect(results[0]?.path).toBe(q.pages[0]);
      if (q.clause) {
        const card = results.find((r) => r.path === q.pages[0]);
        expect(card?.subs[0], 'the first sub-result is the expected clause').toBe(`${q.pages[0]}#${q.clause}`);
      }
      expect(guard.consoleErrors).toEqual([]);
    });
  }
});

test('the header search box on any page opens the search with the query', async ({ page, guard }) => {
  await page.goto(site('/documents/jzbf-2022-27/'));
  await page.locator('#site-search-q').fill('婚前医学检查率');
  await page.locator('#site-search-q').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await waitForResults(page);
  expect(new URL(page.url()).searchParams.get('q')).toBe('婚前医学检查率');
  await expect(page.locator('#search-q')).toHaveValue('婚前医学检查率');
  expect((await cards(page))[0]?.path).toBe('/documents/jzbf-2022-27/');
  expect(guard.consoleErrors).toEqual([]);
});

test('a result shows 发文字号, date and issue, and its clause link lands on the clause', async ({ page }) => {
  const results = await search(page, { q: '营造优良科技人才生态' });
  const card = page.locator('.search-result').first();
  expect(results[0]?.meta).toContain('吉政办发〔2022〕26号');
  expect(results[0]?.meta).toContain('2022年8月12日');
  expect(results[0]?.meta).toContain('2023年第4期');
  const clause = card.locator('.search-result__clause-title').first();
  await expect(clause).toHaveText('二、（二）营造优良科技人才生态');
  await expect(card.locator('.search-result__excerpt mark').first()).toBeVisible();
  await clause.click();
  // the link carries the words its excerpt marks (?hl=), and the clause shows them marked
  await expect(page).toHaveURL(new RegExp(`${site('/documents/jzbf-2022-26/')}\\?hl=[^#]+#p2-s2$`));
  await expect(page.locator('#p2-s2')).toBeInViewport();
  await expect(page.locator('#p2-s2 mark.search-hl').first()).toHaveText('营造优良科技人才生态');
  await expect(page.locator('mark.search-hl')).toHaveCount(await page.locator('#p2-s2 mark.search-hl').count());
});

test('「另有 N 处匹配」 opens the other matching clauses of a result', async ({ page }) => {
  await search(page, { q: '科技创新' });
  const card = page.locator('.search-result').filter({ has: page.locator('details.search-result__more') }).first();
  const more = card.locator('details.search-result__more');
  const n = Number(/另有 (\d+) 处匹配/.exec((await more.locator('summary').textContent()) ?? '')?.[1]);
  expect(n).toBeGreaterThan(0);
  const hidden = more.locator('.search-result__clause-title');
  await expect(hidden.first()).toBeHidden();
  await more.locator('summary').click();
  await expect(hidden).toHaveCount(n);
  await expect(hidden.first()).toBeVisible();
  await expect(hidden.first()).toHaveAttribute('href', /\?hl=./);
});

test('the query, filters and sort live in the URL: a search can be linked, reloaded and gone back to', async ({ page }) => {
  await page.goto(site('/search/'));
  await page.locator('#search-q').fill('科技创新');
  await page.locator('#search-q').press('Enter');
  await waitForResults(page);
  const all = await cards(page);
  expect(all.length).toBeGreaterThan(2);

  await page.locator('#search-kind').selectOption('意见');
  await expect(page).toHaveURL(/kind=%E6%84%8F%E8%A7%81/);
  await waitForResults(page);
  await expect(page.locator('.search-result')).toHaveCount(1);
  expect((await cards(page))[0]?.meta).toContain('意见');

  await page.reload();
  await waitForResults(page);
  await expect(page.locator('#search-kind')).toHaveValue('意见');
  await expect(page.locator('#search-q')).toHaveValue('科技创新');
  await expect(page.locator('.search-result')).toHaveCount(1);

  await page.goBack();
  await expect(page.locator('#search-kind')).toHaveValue('');
  await waitForResults(page);
  await expect(page.locator('.search-result')).toHaveCount(all.length);
});

test('filters by issuer, year and issue, and sorts by date', async ({ page }) => {
  const byIssuer = await search(page, { q: '科技创新', issuer: '吉林省人民政府办公厅' });
  expect(byIssuer.length).toBeGreaterThan(0);
  for (const r of byIssuer) expect(r.path).toMatch(/^\/documents\/jzb[fh]-/);

  const byYear = await search(page, { q: '科技创新', year: '2021' });
  expect(byYear.map((r) => r.path).sort()).toEqual(['/documents/2021-04-13-jb/', '/documents/2021-12-20-yj/']);

  const byIssue = await search(page, { q: '科技创新', issue: '2023-4' });
  for (const r of byIssue) expect(r.meta).toContain('2023年第4期');

  const dateOf = (meta: string) => {
    const m = /(\d{4})年(\d+)月(\d+)日/.exec(meta);
    return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : '';
  };
  const newest = (await search(page, { q: '科技创新', sort: 'date-desc' })).map((r) => dateOf(r.meta));
  expect(newest.length).toBeGreaterThan(3);
  expect(newest).toEqual([...newest].sort().reverse());
  const oldest = (await search(page, { q: '科技创新', sort: 'date-asc' })).map((r) => dateOf(r.meta));
  expect(oldest).toEqual([...oldest].sort());
  await expect(page.locator('#search-sort')).toHaveValue('date-asc');
});

test('the exact-phrase option keeps only pages holding the whole phrase', async ({ page }) => {
  // The whole result sets: the first screen shows 5 cards however many pages match, 更多结果 shows the rest.
  const all = async (params: Record<string, string>) => {
    await search(page, params);
    while (await page.locator('#search-more').isVisible()) {
      const before = await page.locator('.search-result').count();
      await page.locator('#search-more').click();
      await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(before);
    }
    return cards(page);
  };
  // four characters: not a run of text, so without the box loose matches come too (six would be a run)
  const loose = await all({ q: '创新生态' });
  const exact = await all({ q: '创新生态', exact: '1' });
  await expect(page.locator('#search-exact')).toBeChecked();
  expect(exact.length).toBeGreaterThan(0);
  expect(exact.length).toBeLessThan(loose.length);
  const marks = await page.locator('.search-result__excerpt mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) expect(mark).toContain('创新生态');
});

test('only document bodies and issue pages are indexed', async ({ page }) => {
  // Words that the header, footer, outline and provenance print on every page.
  for (const q of ['吉林省人民政府公报', '往期公报', '条款目录', '全文检索']) {
    const results = await search(page, { q });
    // Editorial pages (issue 18) are indexed too, by their body only.
    for (const r of results) expect(r.path).toMatch(/^\/(documents\/[a-z0-9-]+|issues\/\d{4}\/\d+|editorial\/[a-z0-9-]+)\/$/);
  }
  const outline = await search(page, { q: '条款目录' });
  expect(outline).toEqual([]);
});

test('the 发文字号 table is fetched for a query with a digit only', async ({ page, guard }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/search-numbers.json')) fetched.push(r.url());
  });
  expect((await search(page, { q: '残疾预防' })).length).toBeGreaterThan(0);
  expect(fetched).toEqual([]);
  const results = await search(page, { q: '吉政办发[2022]27号' });
  expect(fetched).toHaveLength(1);
  expect(results[0]?.path).toBe('/documents/jzbf-2022-27/');
  await expect(page.locator('.search-result--pinned')).toHaveCount(1);
  expect(guard.consoleErrors).toEqual([]);
});

test('a Traditional query says what it searched for', async ({ page }) => {
  await search(page, { q: '科技創新' });
  await expect(page.locator('#search-status')).toContainText('已按简体「科技创新」检索');
});

test('an empty query asks for one; an unknown one says nothing was found; a partial match says so', async ({ page }) => {
  await page.goto(site('/search/'));
  await expect(page.locator('#search-status')).toContainText('请输入检索词');
  await search(page, { q: 'zzyzx' });
  await expect(page.locator('#search-status')).toContainText('没有找到');
  await expect(page.locator('.search-result')).toHaveCount(0);
  // 量子 occurs (量子关联成像系统), 量子弦论 does not
  await search(page, { q: '量子弦论' });
  await expect(page.locator('#search-status')).toContainText('没有完整出现「量子弦论」的内容');
  // a run of six characters is looked up exactly in every year first; the loose matches after it are marked
  await search(page, { q: '量子引力弦论' });
  await expect(page.locator('#search-status')).toHaveText('全部年份中没有原文含「量子引力弦论」的文件；以下 1 个结果只含其中部分词语。');
  await expect(page.locator('.search-result--loose .search-result__badge')).toHaveText('部分词语匹配');
});

test('axe finds no violation on a results page, pinned result and sub-results included', async ({ page }) => {
  await search(page, { q: '吉政办发2022 26' });
  await expect(page.locator('.search-result--pinned')).toHaveCount(1);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});
