/**
 * Exact text at archive size (issue 22, point 1), measured in Chromium on the site's own search page:
 *
 *   tsx tools/bench/phrase-quality.ts <siteDir> [--port P] [--unique N] [--shared N] [--seed S]
 *
 * A held-out set is generated from the built site's own text (every shard's Pagefind fragments, folded as the
 * exact-text index folds them, src/search/phrase.ts): `unique` phrases of 10 Chinese characters that stand in one
 * page only, from pages of random years, and `shared` phrases standing in 10 pages or more. Each is typed into
 * the search page (default scope, as a reader does). A unique phrase passes when its page is the first result;
 * a shared one when every result of the first screen holds it. Also: bytes and time of the first such query in a
 * fresh browser, and the median time of the later ones (warm).
 * Prints one line `BENCH-RESULT {json}`; tools/bench/bench.ts runs it after the search probe.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../src/browser/chromium.ts';
import type { ShardManifest } from '../../src/search/data.ts';
import { fragmentText } from '../../src/search/phrase.ts';
import { Meter, ask, medianOf, serveSite, stopServer, waitForPort, type QueryFigure } from './search-probe.ts';
import { rng, type Rng } from './vary.ts';

const PHRASE = 10;
const HAN_RUN = new RegExp(`\\p{Script=Han}{${PHRASE}}`, 'u');

interface Page {
  url: string;
  year: string;
  text: string;
}

function pagesOf(siteDir: string): Page[] {
  const manifest = JSON.parse(readFileSync(join(siteDir, 'pagefind-shards.json'), 'utf8')) as ShardManifest;
  return manifest.shards.flatMap((s) => {
    const dir = join(siteDir, s.bundle, 'fragment');
    return readdirSync(dir).map((n) => {
      const raw = gunzipSync(readFileSync(join(dir, n))).toString('utf8');
      const f = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; filters?: Record<string, string[]>; meta: Record<string, string> };
      return { url: f.url, year: (f.meta['issue'] ?? f.meta['date'] ?? '').slice(0, 4), text: fragmentText(f.content) };
    });
  });
}

/** A window of PHRASE Chinese characters at a random place of a page, or null. */
function windowOf(r: Rng, text: string): string | null {
  for (let tries = 0; tries < 20; tries++) {
    const at = Math.floor(r() * Math.max(1, text.length - PHRASE));
    const m = HAN_RUN.exec(text.slice(at, at + 4 * PHRASE));
    if (m) return m[0];
  }
  return null;
}

export interface PhraseCase {
  phrase: string;
  kind: 'unique' | 'shared';
  year: string;
  /** Pages holding it. */
  holders: number;
  /** unique: its page; shared: – */
  page: string;
  results: string[];
  pass: boolean;
  ms: number;
  status: string;
}

export function heldOutSet(pages: Page[], o: { unique: number; shared: number; seed: string }): { phrase: string; kind: 'unique' | 'shared'; page: Page; holders: Set<string> }[] {
  const r = rng(o.seed);
  const holdersOf = (p: string) => new Set(pages.filter((x) => x.text.includes(p)).map((x) => x.url));
  const years = [...new Set(pages.map((p) => p.year))].sort();
  const out: ReturnType<typeof heldOutSet> = [];
  const seen = new Set<string>();
  for (let tries = 0; out.filter((c) => c.kind === 'unique').length < o.unique && tries < o.unique * 20; tries++) {
    const year = years[Math.floor(r() * years.length)] ?? '';
    const inYear = pages.filter((p) => p.year === year && p.url.startsWith('/documents/'));
    const page = inYear[Math.floor(r() * inYear.length)];
    const phrase = page ? windowOf(r, page.text) : null;
    if (!page || !phrase || seen.has(phrase)) continue;
    const holders = holdersOf(phrase);
    if (holders.size !== 1) continue;
    seen.add(phrase);
    out.push({ phrase, kind: 'unique', page, holders });
  }
  for (let tries = 0; out.filter((c) => c.kind === 'shared').length < o.shared && tries < o.shared * 200; tries++) {
    const page = pages[Math.floor(r() * pages.length)];
    const phrase = page ? windowOf(r, page.text) : null;
    if (!page || !phrase || seen.has(phrase)) continue;
    const holders = holdersOf(phrase);
    if (holders.size < 10) continue;
    seen.add(phrase);
    out.push({ phrase, kind: 'shared', page, holders });
  }
  return out;
}

export async function measurePhrases(siteDir: string, o: { project: string; port: number; unique: number; shared: number; seed: string }) {
  const set = heldOutSet(pagesOf(siteDir), o);
  const server = serveSite(o.project, siteDir, o.port);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await waitForPort(o.port);
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`  phrase quality: page error ${e.message}`));
    const meter = new Meter(page);
    await page.goto(`http://127.0.0.1:${o.port}/search/`, { waitUntil: 'load' });
    await meter.take();
    const cases: PhraseCase[] = [];
    let first: { figure: QueryFigure; byKind: Record<string, number> } | null = null;
    for (const c of set) {
      const asked = await ask(page, meter, c.phrase);
      first ??= asked;
      const results = await page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const screen = results.slice(0, 5);
      const pass = c.kind === 'unique' ? screen[0] === c.page.url : screen.length === Math.min(5, c.holders.size) && screen.every((u) => c.holders.has(u));
      cases.push({ phrase: c.phrase, kind: c.kind, year: c.page.year, holders: c.holders.size, page: c.page.url, results: screen, pass, ms: asked.figure.ms, status: (await page.textContent('#search-status')) ?? '' });
    }
    await context.close();
    // a shared phrase as a first query too: five fragments to read, not one
    const sharedCase = set.find((c) => c.kind === 'shared');
    let firstShared: QueryFigure | null = null;
    if (sharedCase) {
      const fresh = await browser.newContext({ locale: 'zh-CN' });
      const p2 = await fresh.newPage();
      const m2 = new Meter(p2);
      await p2.goto(`http://127.0.0.1:${o.port}/search/`, { waitUntil: 'load' });
      await m2.take();
      firstShared = (await ask(p2, m2, sharedCase.phrase)).figure;
      await fresh.close();
    }
    const of = (k: PhraseCase['kind']) => cases.filter((c) => c.kind === k);
    const rate = (cs: PhraseCase[]) => (cs.length ? cs.filter((c) => c.pass).length / cs.length : 0);
    return {
      unique: { n: of('unique').length, firstRate: rate(of('unique')), years: [...new Set(of('unique').map((c) => c.year))].length },
      shared: { n: of('shared').length, allHoldRate: rate(of('shared')), holders: of('shared').map((c) => c.holders) },
      first: first?.figure ?? null,
      firstShared,
      firstByKind: first?.byKind ?? {},
      warmMedianMs: medianOf(cases.slice(1).map((c) => c.ms)),
      failures: cases.filter((c) => !c.pass).slice(0, 10),
    };
  } finally {
    await browser.close();
    stopServer(server);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'phrase-quality.ts')) {
  const argv = process.argv.slice(2);
  const opt = (name: string, d: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? (argv[i + 1] ?? d) : d;
  };
  const result = await measurePhrases(resolve(argv[0] ?? 'dist'), {
    project: resolve('.'),
    port: Number(opt('port', '4471')),
    unique: Number(opt('unique', '40')),
    shared: Number(opt('shared', '10')),
    seed: opt('seed', 'held-out'),
  });
  console.log(`BENCH-RESULT ${JSON.stringify(result)}`);
}
