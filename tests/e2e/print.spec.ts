/**
 * Issue 7: every issue as a faithful, printable PDF. Checks the print view in the browser and the PDFs the
 * build wrote (dist/pdf/), read with pdfjs-dist (src/pdf/pdf-read.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LOST_GLYPHS, isA4, openPdf, type PdfReader } from '../../src/pdf/pdf-read.ts';
import { plainCidFonts } from '../../src/pdf/pdf-fonts.ts';
import { doubledBookmarks, flattenOutline, pdfLang, readOutline, type OutlineItem } from '../../src/pdf/outline.ts';
import { checkTocPages, pagesContaining, squash } from '../../src/pdf/toc.ts';
import { fullWidthPunctuation } from '../../src/gazette/width.ts';

const SITE = process.env['E2E_SITE_DIR'] ?? 'dist';
const ISSUE = '2023-4';
const PRINT_VIEW = '/issues/2023/4/print/';
const ISSUE_PDF = join(SITE, 'pdf', `${ISSUE}.pdf`);

interface ApiClause {
  id: string;
  label: string;
  level: string;
  title: string | null;
  text: string;
}
interface ApiCell {
  text: string;
  rowspan: number;
  colspan: number;
}
interface ApiDocument {
  id: string;
  title: string;
  clauses: ApiClause[];
  tables: { id: string; caption: string | null; header: ApiCell[][]; rows: { kind: string; cells: ApiCell[] }[] }[];
}

const json = <T>(path: string): T => JSON.parse(readFileSync(join(SITE, path), 'utf8')) as T;
const issueApi = () => json<{ documents: string[]; pdf: string }>(`api/issues/${ISSUE}.json`);
const documentApi = (id: string) => json<ApiDocument>(`api/documents/${id}.json`);

/** Whether the characters of `needle` occur in `hay` in order (not necessarily next to each other). */
function inOrder(hay: string, needle: string): boolean {
  let at = 0;
  for (const ch of needle) {
    at = hay.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

async function readPdf<T>(file: string, read: (pdf: PdfReader) => Promise<T>): Promise<T> {
  const pdf = await openPdf(readFileSync(file));
  try {
    return await read(pdf);
  } finally {
    await pdf.close();
  }
}

// The text of the whole issue PDF, page by page, read once per worker.
let pdfPages: Promise<string[]> | null = null;
const issuePages = (): Promise<string[]> => (pdfPages ??= readPdf(ISSUE_PDF, (pdf) => pdf.pageTexts()));

/** The TOC of the served print view: each slot's document, the number it shows, and that document's title. */
async function tocOf(page: Page) {
  return page.locator('[data-toc-page]').evaluateAll((slots) =>
    slots.map((el) => {
      const slug = (el as HTMLElement).dataset['tocPage'] ?? '';
      return {
        slug,
        shown: el.textContent?.trim() ?? '',
        title: document.getElementById(`doc-${slug}`)?.querySelector('h1')?.textContent?.trim() ?? '',
      };
    }),
  );
}

test.describe('issue print view', () => {
  test('has no site header, footer or navigation, and hides its toolbar in print', async ({ page, guard }) => {
    const res = await page.goto(PRINT_VIEW);
    expect(res?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('.site-header, .site-footer, nav, header.site-header')).toHaveCount(0);
    await expect(page.locator('.print-cover')).toContainText('吉林省人民政府公报');
    await expect(page.locator('.print-cover')).toContainText('第4期（复总第888期）');
    await expect(page.locator('.print-cover')).toContainText('2023年2月28日');
    await expect(page.locator('.print-cover')).toContainText('吉林省人民政府主办');
    await expect(page.locator('.print-toolbar')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-toolbar')).toBeHidden();
    await expect(page.locator('.skip-link')).toBeHidden();
    await page.waitForLoadState('networkidle');
    expect(guard.consoleErrors).toEqual([]);
  });

  test('holds every document of the issue once, each in its own id namespace', async ({ page }) => {
    await page.goto(PRINT_VIEW);
    for (const id of issueApi().documents) await expect(page.locator(`[id="doc-${id}"]`)).toHaveCount(1);
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicates).toEqual([]);
    // Documents in the issue's order: 人事任免 and 政务要闻 come last.
    const order = await page.locator('article.print-doc').evaluateAll((els) => els.map((e) => e.id));
    expect(order.slice(-2)).toEqual(['doc-jzgr-2023-6-7', 'doc-2023-4-zwyw']);
  });

  test('prints tables with repeating header rows and rows that are never cut', async ({ page }) => {
    await page.goto(PRINT_VIEW);
    await page.emulateMedia({ media: 'print' });
    const styles = await page.locator('.print-doc table').first().evaluate((table) => ({
      thead: getComputedStyle(table.querySelector('thead') as Element).display,
      tr: getComputedStyle(table.querySelector('tbody tr') as Element).breakInside,
    }));
    expect(styles).toEqual({ thead: 'table-header-group', tr: 'avoid' });
  });
});

test.describe('issue PDF', () => {
  test.beforeAll(() => {
    expect(existsSync(ISSUE_PDF), `${ISSUE_PDF} (written by the build's pdf stage)`).toBe(true);
  });

  test('is served where the API says, as A4, tagged, with the page title and zh-CN', async ({ page, request }) => {
    expect(issueApi().pdf).toBe(`/pdf/${ISSUE}.pdf`);
    const res = await request.get(issueApi().pdf);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const info = await readPdf(ISSUE_PDF, async (pdf) => pdf.info);
    expect(isA4(info.width, info.height), `${info.width} × ${info.height} pt`).toBe(true);
    expect(info.tagged).toBe(true);
    await page.goto(PRINT_VIEW);
    expect(info.title).toBe(await page.title());
    expect(pdfLang(readFileSync(ISSUE_PDF))).toBe('zh-CN');
    expect(info.pages).toBe((await issuePages()).length);
    const manifest = json<{ pdfs: { id: string; kind: string; pages: number }[] }>('pdf/manifest.json');
    expect(manifest.pdfs.find((p) => p.kind === 'issue' && p.id === ISSUE)?.pages).toBe(info.pages);
  });

  test('every TOC page number is the PDF page where its document starts', async ({ page }) => {
    await page.goto(PRINT_VIEW);
    const toc = await tocOf(page);
    expect(toc.length).toBeGreaterThanOrEqual(7);
    const pages = await issuePages();
    const entries = toc.map((e) => ({ slug: e.slug, title: e.title, page: Number(e.shown) }));
    for (const e of entries) {
      expect(e.page, `TOC number of ${e.slug}`).toBeGreaterThan(0);
      expect(e.page).toBeLessThanOrEqual(pages.length);
    }
    expect(checkTocPages(pages, entries)).toEqual([]);
    // Increasing with the TOC order.
    expect(entries.map((e) => e.page)).toEqual([...entries.map((e) => e.page)].sort((a, b) => a - b));
    // The TOC printed in the PDF shows the same numbers, in the same order (the folio excepted): each number
    // stands apart at the right edge, after a tab in the extracted text.
    const tocPage = pages.findIndex((p) => squash(p).includes(squash(entries[0]?.title ?? '')));
    expect(tocPage + 1).toBeLessThan(entries[0]?.page ?? 0);
    const printed = (pages[tocPage] ?? '')
      .split(/[\n\t]/)
      .map((l) => l.trim())
      .filter((l) => /^\d+$/.test(l))
      .map(Number);
    expect(printed).toEqual(entries.map((e) => e.page));
  });

  test('has a bookmark for every document and each of its 一、 parts, on the right page', async ({ page }) => {
    await page.goto(PRINT_VIEW);
    const toc = await tocOf(page);
    const outline = readOutline(readFileSync(ISSUE_PDF));
    expect(outline.length).toBeGreaterThan(0);
    expect(doubledBookmarks(outline)).toEqual([]);
    for (const e of toc) {
      const mark = outline.find((b) => squash(b.title) === squash(e.title));
      expect(mark, `bookmark for ${e.slug}`).toBeDefined();
      expect(mark?.page).toBe(Number(e.shown));
      const below: OutlineItem[] = flattenOutline(mark?.children ?? []);
      for (const part of documentApi(e.slug).clauses.filter((c) => c.level === 'part')) {
        const want = squash(`${part.label}${part.title ?? part.text}`).slice(0, 12);
        expect(
          below.some((b) => squash(b.title).startsWith(want) && (b.page ?? 0) >= Number(e.shown)),
          `bookmark for ${e.slug} ${part.label}`,
        ).toBe(true);
      }
    }
  });

  test('embeds every font, only the self-hosted serif in its real weights, with extractable text and no lost glyph', async () => {
    const fonts = await readPdf(ISSUE_PDF, (pdf) => pdf.fonts());
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, unicode: true });
      // Type 3 would be a system fallback font or a synthetic bold.
      expect(f.type, f.name).toBe('CID TrueType');
      expect(f.name, 'a system fallback font was used').toMatch(/NotoSerifSC/);
    }
    expect(new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))).toEqual(new Set(['NotoSerifSCExtraLight-Regular', 'NotoSerifSCExtraLight-Bold']));
    // The export's checks read the fonts from the dictionaries (src/pdf/pdf-fonts.ts): the same list as pdfjs's pages give.
    expect(plainCidFonts(readFileSync(ISSUE_PDF))).toEqual(fonts);
    expect((await issuePages()).join('\f')).not.toMatch(LOST_GLYPHS);
  });

  test('holds every document title and its clauses, in reading order', async () => {
    const text = squash((await issuePages()).join('\n'));
    for (const id of issueApi().documents) {
      const doc = documentApi(id);
      expect(text, `title of ${id}`).toContain(squash(doc.title));
      let at = 0;
      for (const clause of doc.clauses) {
        // The body is typeset with full-width punctuation between Chinese characters (src/site/typography.ts).
        const start = squash(fullWidthPunctuation(clause.text)).slice(0, 10);
        if (start.length < 4) continue;
        const found = text.indexOf(start, at);
        expect(found, `${id} ${clause.id} 「${start}」 after position ${at}`).toBeGreaterThanOrEqual(0);
        at = found;
      }
    }
  });

  test('tables lose and duplicate no row across pages, and repeat their header on every page', async ({ page }) => {
    await page.goto(PRINT_VIEW);
    const viewText = squash((await page.locator('.print-issue').textContent()) ?? '');
    const pages = await issuePages();
    const pdfText = squash(pages.join('\n'));
    const count = (hay: string, needle: string) => hay.split(needle).length - 1;
    let rows = 0;
    for (const id of issueApi().documents) {
      for (const table of documentApi(id).tables) {
        const header = table.header.flat().map((c) => squash(c.text)).filter((t) => t.length > 0);
        const keys: string[] = [];
        for (const row of table.rows) {
          // The row's own longest cell (not a rowspan group label: those sit in narrow columns, where the
          // text wraps within a few characters and the extracted text interleaves it with the neighbouring cells).
          const own = row.cells.filter((c) => c.rowspan === 1);
          const longest = (own.length ? own : row.cells).reduce((a, c) => (squash(c.text).length > squash(a.text).length ? c : a));
          const key = squash(longest.text).slice(0, 8);
          if (key.length < 4) continue;
          rows++;
          keys.push(key);
          expect(count(pdfText, key), `${id} ${table.id} row 「${key}」`).toBe(count(viewText, key));
        }
        // The pages the table runs over: from the page with its header and first row, row by row onwards
        // (a row's text may also occur in the running text elsewhere, so each row is looked for from the
        // previous row's page on).
        // A header cell in a narrow column wraps (「序/号」, 「2020/年」) and the extracted text interleaves it with its
        // neighbours, so a header counts as on a page when its characters occur there in order.
        let at = pages.findIndex((p) => header.every((h) => inOrder(squash(p), h)) && squash(p).includes(keys[0] ?? '')) + 1;
        expect(at, `${id} ${table.id} starts on a page with its header`).toBeGreaterThan(0);
        const tablePages = new Set<number>();
        for (const key of keys) {
          const next = pagesContaining(pages, key).find((p) => p >= at);
          expect(next, `${id} ${table.id} row 「${key}」 in order`).toBeDefined();
          at = next ?? at;
          tablePages.add(at);
        }
        for (const p of tablePages) {
          for (const h of header) expect(inOrder(squash(pages[p - 1] ?? ''), h), `${id} ${table.id} header 「${h}」 on page ${p}`).toBe(true);
        }
      }
    }
    expect(rows).toBeGreaterThan(20);
  });
});

test.describe('document pages', () => {
  test('print from the browser without navigation or UI chrome, and link their PDF', async ({ page, request }) => {
    await page.goto('/documents/jzbf-2022-26/');
    const pdfLink = page.locator('a[href$="/pdf/documents/jzbf-2022-26.pdf"]');
    await expect(pdfLink).toBeVisible();
    const res = await request.get((await pdfLink.getAttribute('href')) ?? '');
    expect(res.status()).toBe(200);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.site-footer', 'nav', '.no-print', 'button']) {
      for (const el of await page.locator(chrome).all()) await expect(el).toBeHidden();
    }
    await expect(page.locator('h1')).toBeVisible();
  });

  test('the issue page links its print view and its PDF', async ({ page }) => {
    await page.goto('/issues/2023/4/');
    await expect(page.locator(`a[href$="${PRINT_VIEW}"]`)).toBeVisible();
    await expect(page.locator(`a[href$="/pdf/${ISSUE}.pdf"]`)).toBeVisible();
  });

  test('every document has its own PDF with embedded, extractable fonts, only the self-hosted serif', async () => {
    const index = json<{ documents: { id: string; title: string }[] }>('api/index.json');
    for (const d of index.documents) {
      const file = join(SITE, 'pdf', 'documents', `${d.id}.pdf`);
      expect(existsSync(file), file).toBe(true);
      const [fonts, firstPages] = await readPdf(file, async (pdf) => [await pdf.fonts(), await pdf.pageTexts({ first: 1, last: 2 })] as const);
      expect(fonts.length, d.id).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded || !f.unicode || f.type !== 'CID TrueType' || !/NotoSerifSC/.test(f.name)), d.id).toEqual([]);
      // A document's PDF is its page printed: the title as the page typesets it (src/site/typography.ts).
      expect(squash(firstPages.join('\n')), d.id).toContain(squash(fullWidthPunctuation(d.title)));
    }
  });
});
