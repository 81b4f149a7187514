import { test, expect } from './fixtures.ts';

test('a clause short link forwards to the anchor and previews the clause', async ({ page, request }) => {
  const html = await (await request.get('/c/jzbf-2022-26/p2-s3-i11/')).text();
  expect(html).toContain('<meta property="og:title" content="《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.">');
  expect(html).toMatch(/<meta property="og:description" content="二、（三）11\.突显关键技术要素。/);
  await page.goto('/c/jzbf-2022-26/p2-s3-i11/');
  await expect(page).toHaveURL(/\/documents\/jzbf-2022-26\/#p2-s3-i11$/);
  await expect(page.locator('#p2-s3-i11')).toBeInViewport();
});

test('a 发文字号 page forwards to its document', async ({ page }) => {
  await page.goto(`/n/${encodeURIComponent('吉政办发〔2022〕27号')}/`);
  await expect(page).toHaveURL(/\/documents\/jzbf-2022-27\/$/);
  await page.goto(`/n/${encodeURIComponent('吉政办发[2022]26号')}/`);
  await expect(page).toHaveURL(/\/documents\/jzbf-2022-26\/$/);
});

test('sitemap and Atom feed parse and list every document', async ({ page, request }) => {
  const index = await (await request.get('/api/index.json')).json();
  const ids: string[] = index.documents.map((d: { id: string }) => d.id);
  expect(ids.length).toBe(10);
  await page.goto('/');
  const parsed = await page.evaluate(async () => {
    const parse = async (url: string) => new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
    const sitemap = await parse('/sitemap.xml');
    const feed = await parse('/feed.xml');
    return {
      errors: sitemap.getElementsByTagName('parsererror').length + feed.getElementsByTagName('parsererror').length,
      locs: [...sitemap.getElementsByTagName('loc')].map((n) => n.textContent ?? ''),
      entries: [...feed.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('id')[0]?.textContent ?? ''),
    };
  });
  expect(parsed.errors).toBe(0);
  for (const id of ids) {
    expect(parsed.locs.some((l) => l.endsWith(`/documents/${id}/`))).toBe(true);
    expect(parsed.entries.some((l) => l.endsWith(`/documents/${id}/`))).toBe(true);
  }
});

test('document pages carry canonical links, descriptions and Legislation JSON-LD', async ({ page }) => {
  await page.goto('/documents/jzbf-2022-27/');
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', /\/documents\/jzbf-2022-27\/$/);
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /^吉政办发〔2022〕27号 /);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld).toMatchObject({ '@type': 'Legislation', legislationIdentifier: '吉政办发〔2022〕27号', legislationDate: '2022-08-12' });
});

test('the build report lists every severe finding and a character ledger with nothing unaccounted', async ({ page, request }) => {
  const report = await (await request.get('/api/report.json')).json();
  const ledger = report.ledger as Array<{ file: string; authoritative: boolean; unaccounted: number; sourceChars: number }>;
  expect(ledger.map((l) => l.file.replace(/^.*\//, '').slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  for (const l of ledger) expect(l.unaccounted, l.file).toBe(0);
  expect(report.counts.bySeverity.severe).toBe(9);
  // The report is paged by source (issue 19): the first page opens with the decisions and lists the sources,
  // the one with most decisions first — 001, the gazette's dump, with nothing unaccounted.
  await page.goto('/report/');
  await expect(page.locator('#report-decide')).toHaveText('需要编辑决定（4）');
  await expect(page.locator('tbody tr').first()).toContainText('gazette-dump');
  await expect(page.locator('tbody tr').first().locator('td').last()).toHaveText('0');
  // The nine severe findings (issuer-tampered) are all the scraped record's (000), on its page.
  await page.locator('tbody tr', { hasText: '000_0e00a8da3e3bc271' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/report\/000_0e00a8da3e3bc271\/$/);
  await expect(page.locator('.finding--severe')).toHaveCount(9);
});
