/**
 * Search figures on a built site (default dist/), measured in Chromium:
 *   tsx tools/bench/measure-search.ts [siteDir]       (PORT, default 4470; BASE_PATH as for the build)
 *
 * Prints the Pagefind bundle (files, bytes, of which index data), then for a fresh browser: bytes transferred
 * and time from pressing 检索 to the results for the first query (Pagefind's JS, worker, WebAssembly, metadata,
 * index chunks and the fragments of the results shown) and for later queries, medians over a few runs.
 * The local server does not compress; Pagefind's index files are gzip already, its JS and wasm are not.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../src/browser/chromium.ts';
import { normalizeBase } from '../../src/gazette/urls.ts';
import { describeBundle } from '../../src/search/build/pagefind.ts';

const siteDir = resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? 4470);
const base = normalizeBase(process.env.BASE_PATH ?? '/');
const origin = `http://127.0.0.1:${port}`;
const RUNS = 5;
const FIRST = '科技创新';
const LATER = ['婚前医学检查率', '吉政办发[2022]26号', '營造優良科技人才生態', '人工影响天气'];

const bundle = describeBundle(resolve(siteDir, 'pagefind'));

const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', siteDir], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((ok, fail) => {
  server.stdout.on('data', (d: Buffer) => (String(d).includes('serving') ? ok() : undefined));
  server.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
});

interface Sample {
  ms: number;
  bytes: number;
  requests: number;
  pagefindRequests: number;
}

/** Transferred bytes (headers + body as received) of the requests finished between start() and stop(). */
function meter(page: Page) {
  let on = false;
  const pending: Promise<{ bytes: number; url: string }>[] = [];
  page.on('requestfinished', (req) => {
    if (!on) return;
    pending.push(
      (async () => {
        const sizes = await req.sizes();
        // Chromium reports no body size for a worker's own script: count the body itself then.
        const body = sizes.responseBodySize || ((await (await req.response())?.body().catch(() => null))?.length ?? 0);
        return { bytes: sizes.responseHeadersSize + body, url: req.url() };
      })(),
    );
  });
  return {
    start: () => {
      on = true;
      pending.length = 0;
    },
    stop: async () => {
      on = false;
      const done = await Promise.all(pending);
      return { bytes: done.reduce((n, r) => n + r.bytes, 0), requests: done.length, pagefindRequests: done.filter((r) => r.url.includes('/pagefind/')).length };
    },
  };
}

/** Types a query into the search page's form, submits it and waits for the results; ms from submit to results. */
async function query(page: Page, q: string): Promise<number> {
  return page.evaluate(async (text) => {
    const status = document.querySelector<HTMLElement>('#search-status')!;
    const input = document.querySelector<HTMLInputElement>('#search-q')!;
    input.value = text;
    const done = new Promise<number>((ok) => {
      const seen = new MutationObserver(() => {
        if (status.dataset['state'] === 'done') {
          seen.disconnect();
          ok(performance.now());
        }
      });
      seen.observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
    });
    const t0 = performance.now();
    document.querySelector<HTMLFormElement>('#search-form')!.requestSubmit();
    return (await done) - t0;
  }, q);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const browser = await chromium.launch(chromiumLaunchOptions());
const first: Sample[] = [];
const later: Sample[] = [];
let pageBytes = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext(); // fresh cache every run
    const page = await context.newPage();
    const m = meter(page);
    m.start();
    await page.goto(`${origin}${base}search/`);
    await page.waitForLoadState('networkidle');
    pageBytes = (await m.stop()).bytes;

    m.start();
    const ms = await query(page, FIRST);
    await page.waitForLoadState('networkidle');
    first.push({ ms, ...(await m.stop()) });

    for (const q of LATER) {
      m.start();
      const t = await query(page, q);
      await page.waitForLoadState('networkidle');
      later.push({ ms: t, ...(await m.stop()) });
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const row = (name: string, s: Sample[]) =>
  `| ${name} | ${median(s.map((x) => x.ms)).toFixed(0)} ms | ${kb(median(s.map((x) => x.bytes)))} | ${median(s.map((x) => x.requests))} (${median(s.map((x) => x.pagefindRequests))} Pagefind) |`;

console.log(`Pagefind bundle in ${siteDir}/pagefind: ${bundle.pages} pages indexed, ${bundle.bundle.files} files, ${kb(bundle.bundle.bytes)}`);
console.log(`  of which index data (pf_meta, pf_index, pf_fragment, pf_filter): ${kb(bundle.bundle.indexBytes)}`);
console.log(`Search page itself (HTML, CSS, JS, fonts it asks for): ${kb(pageBytes)}`);
console.log('');
console.log(`| query (median of ${RUNS} fresh browsers) | submit → results | transferred | requests |`);
console.log('|---|---|---|---|');
console.log(row(`first: ${FIRST}`, first));
console.log(row(`later: ${LATER.join(' / ')}`, later));
for (const q of LATER) console.log(row(`  later: ${q}`, later.filter((_, i) => LATER[i % LATER.length] === q)));
