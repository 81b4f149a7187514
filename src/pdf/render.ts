/**
 * PDF export (the Playwright edge): renders a built site's issue print views and document pages to PDF.
 *
 *   <site>/pdf/<issue-id>.pdf            the issue print view (/issues/<y>/<n>/print/), two-pass TOC (toc.ts)
 *   <site>/pdf/documents/<slug>.pdf      a document page with print media (what Ctrl+P gives)
 *   <site>/pdf/manifest.json             what was written: pages, bytes, TOC page map, font findings
 *
 * Pages are served to Chromium straight from the site folder by a proxy in this process (site-proxy.ts); any
 * request that would leave the site is refused. A few pages are reused from render to render. Each PDF is cached under
 * .cache/pdf/<key>.pdf by a hash of its inputs (cache.ts), so an unchanged issue is copied, not rendered.
 */
import { stablePdf } from './dates.ts';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { chromiumLaunchOptions, resolveChromium } from '../browser/chromium.ts';
import { normalizeBase } from '../gazette/urls.ts';
import { assetHashes, cacheKey } from './cache.ts';
import { documentAnchor } from './ids.ts';
import { doubledBookmarks, readOutline } from './outline.ts';
import { plainCidFonts } from './pdf-fonts.ts';
import { LOST_GLYPHS, fontProblems, openPdf, type PdfReader } from './pdf-read.ts';
import { startSiteProxy, type SiteProxy } from './site-proxy.ts';
import { checkTocPages, documentPages, fillTocPages, readTocPages, resetTocPages, samePages } from './toc.ts';

/** The page.pdf() options of every export (part of the cache key). Page size and margins come from CSS @page. */
export const PDF_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
  displayHeaderFooter: false,
  margin: { top: '0', right: '0', bottom: '0', left: '0' },
} as const;

/** Glyphs that only @page margin boxes use (folios): loaded explicitly, or Chromium would fall back to a system font. */
const MARGIN_BOX_TEXT = '— 0123456789 —';

/** Renders until the TOC page map is stable; two renders when all is well. */
const MAX_TOC_PASSES = 4;

export interface PdfExportOptions {
  /** The built site (dist/ or the build's staging folder). */
  siteDir: string;
  /** Where PDFs go; default <siteDir>/pdf. */
  outDir?: string;
  /** Render cache; default .cache/pdf. */
  cacheDir?: string;
  /** The base path the site was built with (src/build/config.ts siteTarget). */
  base: string;
  /** Also export one PDF per document (default true). */
  documents?: boolean;
  /** Only these issue ids / document slugs (default all). */
  only?: string[];
  /** The manifest.json of an earlier build whose entries are kept for the PDFs not rendered now. */
  mergeWith?: string;
  /** Pages rendered at once (default 2: this is a 2-core machine). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface PdfResult {
  kind: 'issue' | 'document';
  id: string;
  /** Path under the output folder, e.g. 2023-4.pdf or documents/jzbf-2022-26.pdf */
  file: string;
  url: string;
  pages: number;
  bytes: number;
  /** Wall time of this PDF (rendering and checking), 0 when cached. */
  ms: number;
  /** The same, by phase (absent when cached). */
  phases?: Phases;
  cached: boolean;
  /** Renders it took (issue: 2 when the TOC map was stable at once). */
  passes: number;
  /** Issue: document slug → PDF page where it starts (the numbers in the TOC). */
  toc?: Record<string, number>;
  /** Font and glyph findings (empty when every font is embedded, extractable, not Type 3, and no glyph is lost). */
  warnings: string[];
}

interface CacheMeta {
  pages: number;
  passes: number;
  toc?: Record<string, number>;
  warnings: string[];
}

/** Where the time of one render went (ms): opening the page with its fonts, page.pdf() calls, reading the PDF back. */
export interface Phases {
  load: number;
  pdf: number;
  check: number;
}

interface SiteIndex {
  issues: { id: string; url: string }[];
  documents: { id: string; url: string }[];
}


const ORIGIN = 'http://print.gongbao.invalid';


/** Site URL path → file in the site folder (directory URLs → index.html); null outside the site. */
export function siteFile(siteDir: string, base: string, urlPath: string): string | null {
  const b = normalizeBase(base);
  const path = decodeURIComponent(urlPath);
  if (!path.startsWith(b) && `${path}/` !== b) return null;
  const rel = path.slice(b.length);
  const file = resolve(siteDir, rel);
  if (relative(resolve(siteDir), file).startsWith('..')) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : null;
}

function browserStamp(): string {
  const exe = resolveChromium().executablePath;
  const st = statSync(exe);
  let playwright = '?';
  try {
    playwright = (createRequire(import.meta.url)('playwright/package.json') as { version: string }).version;
  } catch {
    // the version is only part of the cache key
  }
  return `${exe} ${st.size} ${st.mtimeMs} playwright ${playwright}`;
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

class Printer {
  private browser: Browser | null = null;
  private context: BrowserContext | null = null;
  private proxy: SiteProxy | null = null;
  readonly problems: string[] = [];
  /** Time it took to start the browser (ms), once a page was opened. */
  launchMs = 0;
  /** Pages between renders: a page is navigated to the next view, so its renderer keeps the fonts it decoded. */
  private readonly idle: Page[] = [];
  /** The view each page shows (what its console errors are reported under). */
  private readonly showing = new Map<Page, string>();

  constructor(
    private readonly siteDir: string,
    private readonly base: string,
  ) {}

  private starting: Promise<BrowserContext> | null = null;

  /** Starts the browser once (concurrent callers share the start); render times are taken after it. */
  ready(): Promise<BrowserContext> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<BrowserContext> {
    const t0 = performance.now();
    this.proxy = await startSiteProxy({ origin: ORIGIN, fileOf: (path) => siteFile(this.siteDir, this.base, path), problems: this.problems });
    this.browser = await chromium.launch({ ...chromiumLaunchOptions(), proxy: { server: this.proxy.server } });
    this.launchMs = Math.round(performance.now() - t0);
    this.context = await this.browser.newContext({ locale: 'zh-CN', javaScriptEnabled: true });
    // The proxy refuses them; the pages' own are findings.
    this.context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== ORIGIN && url.protocol !== 'data:') this.problems.push(`blocked a request that leaves the site: ${url.href}`);
    });
    return this.context;
  }

  private async newPage(): Promise<Page> {
    const page = await (await this.ready()).newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.problems.push(`${this.showing.get(page) ?? ''}: console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.problems.push(`${this.showing.get(page) ?? ''}: ${err.message}`));
    await page.emulateMedia({ media: 'print' });
    return page;
  }

  /** Opens a site page with print media and every font it needs loaded; hand it back with done(). */
  async open(urlPath: string): Promise<Page> {
    const page = this.idle.pop() ?? (await this.newPage());
    this.showing.set(page, urlPath);
    try {
      const res = await page.goto(`${ORIGIN}${urlPath}`, { waitUntil: 'load' });
      if (!res || res.status() !== 200) throw new Error(`${urlPath}: status ${res?.status() ?? 'none'}`);
      // Playwright does not wait for web fonts. Lay out, ask for the folio glyphs (margin boxes are
      // laid out only while printing), then wait until no font is loading.
      await page.evaluate(async (marginText) => {
        void document.body.offsetHeight;
        await Promise.all(['400', '700'].map((w) => document.fonts.load(`${w} 16pt "Gongbao Serif"`, marginText)));
        for (let i = 0; i < 20; i++) {
          await document.fonts.ready;
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          if (document.fonts.status === 'loaded') break;
        }
      }, MARGIN_BOX_TEXT);
    } catch (err) {
      await this.done(page, false);
      throw err;
    }
    return page;
  }

  /** A page back after its render: kept for the next one, or closed when the render failed. */
  async done(page: Page, ok: boolean): Promise<void> {
    this.showing.delete(page);
    if (ok) this.idle.push(page);
    else await page.close();
  }

  async close(): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    await this.browser?.close();
    await this.proxy?.close();
    this.browser = null;
    this.context = null;
    this.proxy = null;
    this.starting = null;
    this.idle.length = 0;
  }
}

/** Font and text findings of a rendered PDF (`pages`: its text, page by page). */
async function inspect(reader: PdfReader, pdf: Buffer, pages: readonly string[]): Promise<string[]> {
  // Read from the font dictionaries when they are all as they should be; pdfjs's page by page reading otherwise.
  const warnings = fontProblems(plainCidFonts(pdf) ?? (await reader.fonts()));
  const lost = pages.join('\n').match(new RegExp(LOST_GLYPHS, 'gu'));
  if (lost) warnings.push(`extracted text holds ${lost.length} lost glyph(s) (${[...new Set(lost)].join(' ')})`);
  for (const t of doubledBookmarks(readOutline(pdf))) warnings.push(`bookmark with a doubled title (a Chromium quirk with wrapped headings): 「${t}」`);
  return warnings;
}

/** Renders an issue print view twice or more until the TOC page numbers are those of the PDF. */
async function renderIssue(printer: Printer, urlPath: string, html: string): Promise<CacheMeta & { pdf: Buffer; phases: Phases }> {
  const slugs = readTocPages(html).map((s) => s.slug);
  const phases: Phases = { load: 0, pdf: 0, check: 0 };
  let t = performance.now();
  const lap = (phase: keyof Phases) => {
    const now = performance.now();
    phases[phase] += now - t;
    t = now;
  };
  const page = await printer.open(urlPath);
  lap('load');
  // A failed render's page is not reused.
  let ok = false;
  try {
    let toc: Record<string, number> | null = null;
    for (let pass = 1; pass <= MAX_TOC_PASSES; pass++) {
      if (toc) {
        await page.evaluate((pages) => {
          for (const el of document.querySelectorAll<HTMLElement>('[data-toc-page]')) {
            const n = pages[el.dataset['tocPage'] ?? ''];
            if (n !== undefined) el.textContent = String(n);
          }
        }, toc);
      }
      const pdf = stablePdf(await page.pdf(PDF_OPTIONS));
      lap('pdf');
      const reader = await openPdf(pdf);
      try {
        const found = documentPages(await reader.destinations(), slugs);
        lap('check');
        if (toc && samePages(found, toc)) {
          // Stable: this render carries the numbers it was measured with. Check them against the text too.
          const titles = await page.evaluate(
            (ids) => ids.map((id) => document.getElementById(id)?.querySelector('h1, h2')?.textContent?.trim() ?? ''),
            slugs.map(documentAnchor),
          );
          const pages = await reader.pageTexts();
          const problems = checkTocPages(
            pages,
            slugs.map((slug, i) => ({ slug, title: titles[i] ?? '', page: toc?.[slug] ?? 0 })),
          );
          if (problems.length > 0) throw new Error(`${urlPath}: TOC page numbers do not match the PDF:\n  ${problems.join('\n  ')}`);
          const result = { pdf, pages: reader.info.pages, passes: pass, toc, warnings: await inspect(reader, pdf, pages), phases };
          lap('check');
          ok = true;
          return result;
        }
        toc = found;
      } finally {
        await reader.close();
      }
    }
    throw new Error(`${urlPath}: TOC page numbers did not settle after ${MAX_TOC_PASSES} renders`);
  } finally {
    await printer.done(page, ok);
  }
}

async function renderPage(printer: Printer, urlPath: string): Promise<CacheMeta & { pdf: Buffer; phases: Phases }> {
  const t0 = performance.now();
  const page = await printer.open(urlPath);
  const t1 = performance.now();
  let pdf: Buffer;
  let ok = false;
  try {
    pdf = stablePdf(await page.pdf(PDF_OPTIONS));
    ok = true;
  } finally {
    await printer.done(page, ok);
  }
  const t2 = performance.now();
  const reader = await openPdf(pdf);
  try {
    const meta = { pdf, pages: reader.info.pages, passes: 1, warnings: await inspect(reader, pdf, await reader.pageTexts()) };
    return { ...meta, phases: { load: t1 - t0, pdf: t2 - t1, check: performance.now() - t2 } };
  } finally {
    await reader.close();
  }
}

/** Removes cache entries not used for 30 days (every hit refreshes an entry's time). */
function pruneCache(cacheDir: string): void {
  const limit = Date.now() - 30 * 24 * 3600 * 1000;
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (statSync(path).mtimeMs < limit) rmSync(path, { force: true });
  }
}

export async function exportPdfs(options: PdfExportOptions): Promise<PdfResult[]> {
  const siteDir = resolve(options.siteDir);
  const outDir = resolve(options.outDir ?? join(siteDir, 'pdf'));
  const cacheDir = resolve(options.cacheDir ?? '.cache/pdf');
  const base = normalizeBase(options.base);
  const log = options.log ?? ((line: string) => console.log(line));
  const indexFile = join(siteDir, 'api', 'index.json');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: build the site first (astro build).`);
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as SiteIndex;
  const wanted = (id: string) => !options.only || options.only.includes(id);

  mkdirSync(join(outDir, 'documents'), { recursive: true });
  mkdirSync(cacheDir, { recursive: true });

  const printer = new Printer(siteDir, base);
  const memo = new Map<string, string>();
  const readAsset = (url: string): Uint8Array | null => {
    const file = siteFile(siteDir, base, url);
    return file ? readFileSync(file) : null;
  };
  let browser: string | null = null;
  const results: PdfResult[] = [];

  interface Job {
    kind: 'issue' | 'document';
    id: string;
    url: string;
    file: string;
  }
  const jobs: Job[] = [
    ...index.issues.filter((i) => wanted(i.id)).map((i) => ({ kind: 'issue' as const, id: i.id, url: `${i.url.replace(/\/?$/, '/')}print/`, file: `${i.id}.pdf` })),
    ...(options.documents === false ? [] : index.documents.filter((d) => wanted(d.id)).map((d) => ({ kind: 'document' as const, id: d.id, url: d.url, file: `documents/${d.id}.pdf` }))),
  ];

  const run = async (job: Job): Promise<void> => {
    const htmlFile = siteFile(siteDir, base, job.url);
    if (!htmlFile) throw new Error(`${job.url}: no such page in ${siteDir}`);
    const html = readFileSync(htmlFile, 'utf8');
    const canonical = job.kind === 'issue' ? resetTocPages(html) : html;
    browser ??= browserStamp();
    const key = cacheKey({ kind: job.kind, html: canonical, assets: assetHashes(canonical, readAsset, memo), browser, options: { PDF_OPTIONS, MARGIN_BOX_TEXT } });
    const cachedPdf = join(cacheDir, `${key}.pdf`);
    const cachedMeta = join(cacheDir, `${key}.json`);
    const target = join(outDir, job.file);
    mkdirSync(dirname(target), { recursive: true });
    const hit = existsSync(cachedPdf) && existsSync(cachedMeta);
    if (!hit) await printer.ready();
    const t0 = performance.now();
    let meta: CacheMeta;
    let phases: Phases | undefined;
    let cached = false;
    if (hit) {
      meta = JSON.parse(readFileSync(cachedMeta, 'utf8')) as CacheMeta;
      copyFileSync(cachedPdf, target);
      const now = new Date();
      utimesSync(cachedPdf, now, now);
      utimesSync(cachedMeta, now, now);
      cached = true;
    } else {
      const rendered = job.kind === 'issue' ? await renderIssue(printer, job.url, canonical) : await renderPage(printer, job.url);
      const { pdf, phases: p, ...rest } = rendered;
      meta = rest;
      phases = { load: Math.round(p.load), pdf: Math.round(p.pdf), check: Math.round(p.check) };
      writeFileSync(target, pdf);
      // The PDF before its meta: an entry counts as cached only when both are there.
      writeFileSync(cachedPdf, pdf);
      writeFileSync(cachedMeta, `${JSON.stringify(meta)}\n`);
    }
    // The print view shows the same numbers as its PDF (screen, browser print and PDF agree).
    if (job.kind === 'issue' && meta.toc) writeFileSync(htmlFile, fillTocPages(html, meta.toc));
    const ms = cached ? 0 : Math.round(performance.now() - t0);
    const bytes = statSync(target).size;
    const result: PdfResult = { kind: job.kind, id: job.id, file: job.file, url: job.url, pages: meta.pages, bytes, ms, cached, passes: meta.passes, warnings: meta.warnings, ...(meta.toc ? { toc: meta.toc } : {}), ...(phases ? { phases } : {}) };
    results.push(result);
    const size = `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    const how = phases
      ? `rendered in ${ms} ms (${meta.passes} pass${meta.passes > 1 ? 'es' : ''}; load ${phases.load} · page.pdf ${phases.pdf} · checks ${phases.check} ms)`
      : 'cached';
    log(`pdf ${job.file}: ${how}, ${meta.pages} pages, ${size}`);
    for (const w of meta.warnings) log(`  warning: ${w}`);
  };

  try {
    // One queue, a few pages at a time: issues first (the slow, two-pass ones), documents beside and after them.
    await pool(jobs, options.concurrency ?? 2, run);
  } finally {
    await printer.close();
  }
  if (printer.launchMs) log(`pdf: Chromium started in ${printer.launchMs} ms (not counted in the render times above)`);
  for (const p of new Set(printer.problems)) log(`  warning: ${p}`);
  pruneCache(cacheDir);

  const order = (r: Pick<PdfResult, 'kind' | 'id'>) => `${r.kind === 'issue' ? 0 : 1} ${r.id}`;
  results.sort((a, b) => order(a).localeCompare(order(b)));
  type Entry = Omit<PdfResult, 'ms' | 'cached' | 'phases'>;
  const fresh: Entry[] = results.map(({ ms: _ms, cached: _c, phases: _p, ...r }) => r);
  // An incremental build renders a few PDFs: the last build's entries for the others stay listed.
  const kept = options.mergeWith && existsSync(options.mergeWith) ? (JSON.parse(readFileSync(options.mergeWith, 'utf8')) as { pdfs: Entry[] }).pdfs : [];
  const pdfs = [...kept.filter((k) => !fresh.some((r) => r.kind === k.kind && r.id === k.id)), ...fresh].sort((a, b) => order(a).localeCompare(order(b)));
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ generated: 'scripts/pdf.ts', pdfs }, null, 1)}\n`);
  return results;
}
