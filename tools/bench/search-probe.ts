/**
 * Search at scale, measured in Chromium (issue 9, point 4): the built site is served by scripts/serve.ts on a
 * free port, the real search page (/search/) is opened, and queries are typed into its form.
 *
 * - page load: bytes and time of /search/ itself (HTML with its inline search data, CSS, JS);
 * - first query: from typing the query to the results shown — Pagefind's script, WASM, entry, metadata,
 *   index chunks, filters and the fragments of the shown results; bytes as served (our server does not
 *   compress: Pagefind's own files are gzip already; for HTML/JS/CSS a gzip estimate is given too);
 * - warm queries: later queries with other terms, time to results shown, and the same through Pagefind's
 *   API alone (search + data() of the first 10 results), so the UI's own cost can be told apart;
 * - both as a reader gets them by default (the newest years' shard, src/search/client/scope.ts) and with every
 *   year searched (`scope=all`, 「检索全部年份」).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { chromium, type Page, type Request } from 'playwright';
import { chromiumLaunchOptions } from '../../src/browser/chromium.ts';

export interface QueryFigure {
  query: string;
  ms: number;
  bytes: number;
  /** Same bytes with text responses gzip-compressed, as a static host would send them. */
  gzipBytes: number;
  requests: number;
  status: string;
}

interface ApiWarm {
  query: string;
  ms: number;
  search: number;
  phrase: number;
  data: number;
  results: number;
}

export interface SearchProbe {
  pageLoad: QueryFigure;
  first: QueryFigure;
  /** By kind of file: bytes of the first query. */
  firstByKind: Record<string, number>;
  warm: QueryFigure[];
  warmMedianMs: number;
  /** Pagefind alone (search, phrase search, 10 fragments fetched and decoded), warm, ms, over the primary shard. */
  apiWarm: ApiWarm[];
  apiWarmMedianMs: number;
  /** The same with every year searched (`scope=all`). */
  all: { first: QueryFigure; firstByKind: Record<string, number>; warm: QueryFigure[]; warmMedianMs: number; apiWarm: ApiWarm[]; apiWarmMedianMs: number };
  /**
   * A first query through Pagefind's API alone over every shard, in a fresh page: bytes for the search and the fragments of
   * the first n results (what a results page of n entries must load), for n = 3, 5, 10.
   */
  apiFirst: { n: number; bytes: number; ms: number; byKind: Record<string, number> }[];
}

/** tsx compiles the functions given to page.evaluate with esbuild's keepNames, which calls a `__name` helper. */
const KEEP_NAMES = 'globalThis.__name = (f) => f;';

const TEXT = /\.(html|js|mjs|css|json|svg|xml|txt)$|\/$/;

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (/\/phrase\//.test(path)) return 'exact-text index';
  if (/\.pf_fragment$/.test(path)) return 'fragments';
  if (/\.pf_index$/.test(path)) return 'index chunks';
  if (/\.pf_meta$/.test(path)) return 'metadata';
  if (/\.pf_filter$/.test(path)) return 'filters';
  if (/wasm/.test(path)) return 'wasm';
  if (/pagefind.*\.js$/.test(path)) return 'pagefind.js';
  if (/pagefind-entry\.json$/.test(path)) return 'entry';
  return 'other';
}

export class Meter {
  requests: { url: string; bytes: number; gzip: number }[] = [];
  private pending: Promise<void>[] = [];
  constructor(page: Page) {
    page.on('requestfinished', (req: Request) => {
      this.pending.push(
        (async () => {
          // A request still finishing as its page closes has no response or body to read any more.
          let body: Buffer;
          try {
            const res = await req.response();
            if (!res) return;
            body = await res.body();
          } catch {
            return;
          }
          const gzip = TEXT.test(new URL(req.url()).pathname) ? gzipSync(body).length : body.length;
          this.requests.push({ url: req.url(), bytes: body.length, gzip });
        })(),
      );
    });
  }
  async take(): Promise<{ url: string; bytes: number; gzip: number }[]> {
    await Promise.all(this.pending);
    this.pending = [];
    const out = this.requests;
    this.requests = [];
    return out;
  }
}

/** scripts/serve.ts over `siteDir` on `port`, in a process group of its own (tsx and the node it starts). */
export function serveSite(project: string, siteDir: string, port: number): ChildProcess {
  return spawn(resolve(project, 'node_modules/.bin/tsx'), [resolve(project, 'scripts/serve.ts'), resolve(siteDir)], {
    env: { ...process.env, PORT: String(port), BASE_PATH: '/' },
    stdio: 'ignore',
    detached: true,
  });
}

/** Ends the server's group; one that already ended (a failed start) is no error, so that the first failure is the one reported. */
export function stopServer(server: ChildProcess): void {
  try {
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

export function waitForPort(port: number, timeoutMs = 20000): Promise<void> {
  const t0 = Date.now();
  return new Promise((ok, fail) => {
    const tryOnce = (): void => {
      const s = createConnection({ port, host: '127.0.0.1' }, () => {
        s.end();
        ok();
      });
      s.on('error', () => {
        if (Date.now() - t0 > timeoutMs) fail(new Error(`server on port ${port} did not start`));
        else setTimeout(tryOnce, 200);
      });
    };
    tryOnce();
  });
}

export const medianOf = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export interface ProbeOptions {
  siteDir: string;
  /** The project (scripts/serve.ts and node_modules/.bin/tsx are taken from there). */
  project: string;
  port?: number;
  first?: string;
  warm?: string[];
}

/** Bytes by kind of file (index chunks, fragments…). */
export function byKind(rs: { url: string; bytes: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rs) out[kindOf(r.url)] = (out[kindOf(r.url)] ?? 0) + r.bytes;
  return out;
}

const sum = (rs: { bytes: number; gzip: number }[]) => ({ bytes: rs.reduce((n, r) => n + r.bytes, 0), gzipBytes: rs.reduce((n, r) => n + r.gzip, 0) });

/** A query typed into the search form; timed inside the page, from the submit to the status line reporting results. */
export async function ask(page: Page, meter: Meter, q: string): Promise<{ figure: QueryFigure; byKind: Record<string, number> }> {
  const ms = await page.evaluate(async (query) => {
    const status = document.querySelector('#search-status') as HTMLElement;
    const input = document.querySelector('#search-q') as HTMLInputElement;
    const form = document.querySelector('#search-form') as HTMLFormElement;
    status.textContent = '';
    status.dataset['state'] = '';
    input.value = query;
    const t = performance.now();
    // done: results, none, or an error (its text is reported as the status)
    const done = new Promise<number>((ok) => {
      const obs = new MutationObserver(() => {
        if (status.dataset['state'] === 'done') {
          obs.disconnect();
          ok(performance.now() - t);
        }
      });
      obs.observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
    });
    form.requestSubmit();
    return Promise.race([done, new Promise<number>((ok) => setTimeout(() => ok(-1), 30_000))]);
  }, q);
  await page.waitForLoadState('networkidle');
  const rs = await meter.take();
  const status = (await page.textContent('#search-status')) ?? '';
  return { figure: { query: q, ms: Math.round(ms), ...sum(rs), requests: rs.length, status: status.slice(0, 40) }, byKind: byKind(rs) };
}

/**
 * Pagefind alone, warm, with one instance per shard as the page makes them (src/search/client/page.ts): the plain
 * search, the exact phrase search the page runs beside it, and the fragments of the first 10 results fetched
 * and decoded as the page does (src/search/client/fragment.ts), so the UI's own cost can be told apart.
 */
async function apiWarmOver(page: Page, bundles: string[], queries: string[]): Promise<ApiWarm[]> {
  return page.evaluate(
    async ([bs, qs]) => {
      type Result = { id: string; score: number };
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      // as the page does: the first instance loads Pagefind's WASM alone (src/search/client/page.ts says why)
      type Instance = { search: (term: string) => Promise<{ results: Result[] }> };
      const shards: { b: string; pf: Instance }[] = [];
      for (const b of bs) {
        const pf = pagefind.createInstance({ basePath: `/${b}/`, baseUrl: '/' });
        if (!shards.length) await pf.search('');
        shards.push({ b, pf });
      }
      const search = async (term: string) =>
        (await Promise.all(shards.map(async ({ b, pf }) => (await pf.search(term)).results.map((r) => ({ ...r, b }))))).flat().sort((x, y) => y.score - x.score);
      const fragment = async (url: string) => {
        const res = await fetch(url);
        return JSON.parse((await new Response(res.body!.pipeThrough(new DecompressionStream('gzip'))).text()).slice(12)) as unknown;
      };
      await search(qs[0] ?? ''); // warms the instances: loading them is the first query's figure, not this one's
      const out = [];
      for (const query of qs) {
        const t0 = performance.now();
        const s = await search(query);
        const t1 = performance.now();
        await search(`"${query}"`);
        const t2 = performance.now();
        await Promise.all(s.slice(0, 10).map((r) => fragment(`/${r.b}/fragment/${r.id}.pf_fragment`)));
        const t3 = performance.now();
        out.push({ query, ms: Math.round(t3 - t0), search: Math.round(t1 - t0), phrase: Math.round(t2 - t1), data: Math.round(t3 - t2), results: s.length });
      }
      return out;
    },
    [bundles, queries] as const,
  );
}

export async function probeSearch(opts: ProbeOptions): Promise<SearchProbe> {
  const port = opts.port ?? 4470;
  const project = resolve(opts.project);
  const server = serveSite(project, opts.siteDir, port);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const firstQuery = opts.first ?? '科技创新';
  const warmQueries = opts.warm ?? ['残疾预防', '营商环境', '气象灾害', '职业教育', '住房保障'];
  const apiQueries = ['科技创新', '残疾预防', '营商环境', '数字经济', '安全生产'];
  try {
    await waitForPort(port);
    const origin = `http://127.0.0.1:${port}`;
    const manifest = (await (await fetch(`${origin}/pagefind-shards.json`)).json()) as { shards: { bundle: string }[] };

    /** A fresh reader: the search page loaded, a first query, then warm ones, then Pagefind alone. */
    const session = async (query: string) => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`  search probe: page error ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') console.error(`  search probe: console ${m.text()}`);
      });
      const meter = new Meter(page);
      const t0 = performance.now();
      await page.goto(`${origin}/search/${query}`, { waitUntil: 'load' });
      const loadMs = performance.now() - t0;
      const loaded = await meter.take();
      const pageLoad: QueryFigure = { query: '(page load)', ms: Math.round(loadMs), ...sum(loaded), requests: loaded.length, status: '' };
      const first = await ask(page, meter, firstQuery);
      const warm: QueryFigure[] = [];
      for (const q of warmQueries) warm.push((await ask(page, meter, q)).figure);
      await context.close();
      return { pageLoad, first: first.figure, firstByKind: first.byKind, warm, warmMedianMs: medianOf(warm.map((w) => w.ms)) };
    };
    const api = async (bundles: string[]) => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      await context.addInitScript({ content: KEEP_NAMES });
      const page = await context.newPage();
      // The search page (its CSP allows Pagefind's WASM); with no query it loads no Pagefind file.
      await page.goto(`${origin}/search/`, { waitUntil: 'load' });
      const out = await apiWarmOver(page, bundles, apiQueries);
      await context.close();
      return { apiWarm: out, apiWarmMedianMs: medianOf(out.map((w) => w.ms)) };
    };

    const byDefault = await session('');
    const everyYear = await session('?scope=all');
    const bundles = manifest.shards.map((s) => s.bundle);

    const apiFirst: SearchProbe['apiFirst'] = [];
    for (const n of [3, 5, 10]) try {
      const fresh = await browser.newContext({ locale: 'zh-CN' });
      await fresh.addInitScript({ content: KEEP_NAMES });
      const p2 = await fresh.newPage();
      const m2 = new Meter(p2);
      await p2.goto(`${origin}/search/`, { waitUntil: 'load' });
      await m2.take();
      const ms = await p2.evaluate(
        async ([query, count, bs]) => {
          const t = performance.now();
          const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
          const instances: { b: string; pf: { search: (term: string) => Promise<{ results: { id: string; score: number }[] }> } }[] = [];
          for (const b of bs) {
            const pf = pagefind.createInstance({ basePath: `/${b}/`, baseUrl: '/' });
            if (!instances.length) await pf.search('');
            instances.push({ b, pf });
          }
          const found = await Promise.all(
            instances.map(async ({ b, pf }) => (await pf.search(query)).results.map((r) => ({ ...r, b }))),
          );
          const top = found.flat().sort((x, y) => y.score - x.score).slice(0, count);
          await Promise.all(top.map(async (r) => new Response((await fetch(`/${r.b}/fragment/${r.id}.pf_fragment`)).body!.pipeThrough(new DecompressionStream('gzip'))).text()));
          return performance.now() - t;
        },
        [firstQuery, n, bundles] as const,
      );
      await p2.waitForLoadState('networkidle');
      const rs = await m2.take();
      apiFirst.push({ n, bytes: rs.reduce((a, r) => a + r.bytes, 0), ms: Math.round(ms), byKind: byKind(rs) });
      await fresh.close();
    } catch (err) {
      apiFirst.push({ n, bytes: -1, ms: -1, byKind: { error: String(err).length } });
    }
    return {
      ...byDefault,
      ...(await api(bundles.slice(0, 1))),
      all: { first: everyYear.first, firstByKind: everyYear.firstByKind, warm: everyYear.warm, warmMedianMs: everyYear.warmMedianMs, ...(await api(bundles)) },
      apiFirst,
    };
  } finally {
    await browser.close();
    stopServer(server);
  }
}
