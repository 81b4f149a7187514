/**
 * Search at scale, measured in Chromium (issue 9, point 4): the built site is served by scripts/serve.ts on a
 * free port, the real search page (/search/) is opened, and queries are typed into its form.
 *
 * - page load: bytes and time of /search/ itself (HTML with its inline search data, CSS, JS);
 * - first query: from typing the query to the results shown — Pagefind's script, WASM, entry, metadata,
 *   index chunks, filters and the fragments of the shown results; bytes as served (our server does not
 *   compress: Pagefind's own files are gzip already; for HTML/JS/CSS a gzip estimate is given too);
 * - warm queries: later queries with other terms, time to results shown, and the same through Pagefind's
 *   API alone (search + data() of the first 10 results), so the UI's own cost can be told apart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { chromium, type Page, type Request } from 'playwright';
import { chromiumLaunchOptions } from '../browser/chromium.ts';

export interface QueryFigure {
  query: string;
  ms: number;
  bytes: number;
  /** Same bytes with text responses gzip-compressed, as a static host would send them. */
  gzipBytes: number;
  requests: number;
  status: string;
}

export interface SearchProbe {
  pageLoad: QueryFigure;
  first: QueryFigure;
  /** By kind of file: bytes of the first query. */
  firstByKind: Record<string, number>;
  warm: QueryFigure[];
  warmMedianMs: number;
  /** Pagefind API alone (search + 10 × data()), warm, ms. */
  apiWarm: { query: string; ms: number; search: number; phrase: number; data: number; results: number }[];
  apiWarmMedianMs: number;
  /**
   * A first query through Pagefind's API alone, in a fresh page: bytes for the search and the fragments of
   * the first n results (what a results page of n entries must load), for n = 3, 5, 10.
   */
  apiFirst: { n: number; bytes: number; ms: number; byKind: Record<string, number> }[];
}

const TEXT = /\.(html|js|mjs|css|json|svg|xml|txt)$|\/$/;

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (/\.pf_fragment$/.test(path)) return 'fragments';
  if (/\.pf_index$/.test(path)) return 'index chunks';
  if (/\.pf_meta$/.test(path)) return 'metadata';
  if (/\.pf_filter$/.test(path)) return 'filters';
  if (/wasm/.test(path)) return 'wasm';
  if (/pagefind.*\.js$/.test(path)) return 'pagefind.js';
  if (/pagefind-entry\.json$/.test(path)) return 'entry';
  return 'other';
}

class Meter {
  requests: { url: string; bytes: number; gzip: number }[] = [];
  private pending: Promise<void>[] = [];
  constructor(page: Page) {
    page.on('requestfinished', (req: Request) => {
      this.pending.push(
        (async () => {
          const res = await req.response();
          if (!res) return;
          let body: Buffer;
          try {
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

function waitForPort(port: number, timeoutMs = 20000): Promise<void> {
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

const medianOf = (xs: number[]): number => {
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

export async function probeSearch(opts: ProbeOptions): Promise<SearchProbe> {
  const port = opts.port ?? 4470;
  const project = resolve(opts.project);
  const server: ChildProcess = spawn(resolve(project, 'node_modules/.bin/tsx'), [resolve(project, 'scripts/serve.ts'), resolve(opts.siteDir)], {
    env: { ...process.env, PORT: String(port), BASE_PATH: '/' },
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await waitForPort(port);
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const meter = new Meter(page);
    const origin = `http://127.0.0.1:${port}`;
    const sum = (rs: { bytes: number; gzip: number }[]) => ({ bytes: rs.reduce((n, r) => n + r.bytes, 0), gzip: rs.reduce((n, r) => n + r.gzip, 0) });

    const t0 = performance.now();
    await page.goto(`${origin}/search/`, { waitUntil: 'load' });
    const loadMs = performance.now() - t0;
    const loaded = await meter.take();
    const pageLoad: QueryFigure = { query: '(page load)', ms: Math.round(loadMs), ...pick(sum(loaded)), requests: loaded.length, status: '' };

    // A query typed into the form; timed inside the page, from the submit to the status line reporting results.
    const ask = async (q: string): Promise<QueryFigure> => {
      const ms = await page.evaluate(async (query) => {
        const status = document.querySelector('#search-status') as HTMLElement;
        const input = document.querySelector('#search-q') as HTMLInputElement;
        const form = document.querySelector('#search-form') as HTMLFormElement;
        status.textContent = '';
        input.value = query;
        const t = performance.now();
        const done = new Promise<number>((ok) => {
          const obs = new MutationObserver(() => {
            if (/^(找到|没有)/.test(status.textContent ?? '')) {
              obs.disconnect();
              ok(performance.now() - t);
            }
          });
          obs.observe(status, { childList: true, characterData: true, subtree: true });
        });
        form.requestSubmit();
        return done;
      }, q);
      await page.waitForLoadState('networkidle');
      const rs = await meter.take();
      const status = (await page.textContent('#search-status')) ?? '';
      return { query: q, ms: Math.round(ms), ...pick(sum(rs)), requests: rs.length, status: status.slice(0, 40), byKind: rs } as QueryFigure & { byKind: typeof rs };
    };

    // The page merges the search shards itself on its first query (src/scripts/search.ts): that counts.
    const firstQ = (await ask(opts.first ?? '科技创新')) as QueryFigure & { byKind?: { url: string; bytes: number }[] };
    const firstByKind: Record<string, number> = {};
    for (const r of firstQ.byKind ?? []) firstByKind[kindOf(r.url)] = (firstByKind[kindOf(r.url)] ?? 0) + r.bytes;
    delete firstQ.byKind;
    const warm: QueryFigure[] = [];
    for (const q of opts.warm ?? ['残疾预防', '营商环境', '气象灾害', '职业教育', '住房保障']) {
      const f = (await ask(q)) as QueryFigure & { byKind?: unknown };
      delete f.byKind;
      warm.push(f);
    }

    // Pagefind alone, warm (the module the page imported is the same instance): the plain search, the exact
    // phrase search the page runs beside it, and the fragments of the first 10 results.
    const apiWarm: SearchProbe['apiWarm'] = [];
    for (const q of ['科技创新', '残疾预防', '营商环境', '数字经济', '安全生产']) {
      const r = await page.evaluate(async (query) => {
        const url = '/pagefind/pagefind.js';
        const pf = await import(/* @vite-ignore */ url);
        const t0 = performance.now();
        const s = await pf.search(query);
        const t1 = performance.now();
        await pf.search(`"${query}"`);
        const t2 = performance.now();
        await Promise.all(s.results.slice(0, 10).map((x: { data: () => Promise<unknown> }) => x.data()));
        const t3 = performance.now();
        return { ms: t3 - t0, search: t1 - t0, phrase: t2 - t1, data: t3 - t2, results: s.results.length as number };
      }, q);
      apiWarm.push({ query: q, ms: Math.round(r.ms), search: Math.round(r.search), phrase: Math.round(r.phrase), data: Math.round(r.data), results: r.results });
    }
    await meter.take();

    const apiFirst: SearchProbe['apiFirst'] = [];
    for (const n of [3, 5, 10]) try {
      const fresh = await browser.newContext({ locale: 'zh-CN' });
      const p2 = await fresh.newPage();
      const m2 = new Meter(p2);
      // The search page (its CSP allows Pagefind's WASM); with no query it loads no Pagefind file.
      await p2.goto(`${origin}/search/`, { waitUntil: 'load' });
      await m2.take();
      const ms = await p2.evaluate(
        async ([query, count]) => {
          const t = performance.now();
          const url = '/pagefind/pagefind.js';
          const pf = await import(/* @vite-ignore */ url);
          await pf.options({ baseUrl: '/' });
          const res = await fetch('/pagefind-shards.json');
          if (res.ok) {
            const manifest = (await res.json()) as { shards: { bundle: string }[] };
            await Promise.all(manifest.shards.slice(1).map((s) => pf.mergeIndex(`/${s.bundle}/`)));
          }
          const r = await pf.search(query);
          await Promise.all(r.results.slice(0, count).map((x: { data: () => Promise<unknown> }) => x.data()));
          return performance.now() - t;
        },
        [opts.first ?? '科技创新', n] as const,
      );
      await p2.waitForLoadState('networkidle');
      const rs = await m2.take();
      const byKind: Record<string, number> = {};
      for (const r of rs) byKind[kindOf(r.url)] = (byKind[kindOf(r.url)] ?? 0) + r.bytes;
      apiFirst.push({ n, bytes: rs.reduce((a, r) => a + r.bytes, 0), ms: Math.round(ms), byKind });
      await fresh.close();
    } catch (err) {
      apiFirst.push({ n, bytes: -1, ms: -1, byKind: { error: String(err).length } });
    }
    return {
      apiFirst,
      pageLoad,
      first: firstQ,
      firstByKind,
      warm,
      warmMedianMs: medianOf(warm.map((w) => w.ms)),
      apiWarm,
      apiWarmMedianMs: medianOf(apiWarm.map((w) => w.ms)),
    };
  } finally {
    await browser.close();
    // The server is tsx and the node it starts: end the group this probe created.
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  }
}

function pick(x: { bytes: number; gzip: number }): { bytes: number; gzipBytes: number } {
  return { bytes: x.bytes, gzipBytes: x.gzip };
}
