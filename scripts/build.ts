/**
 * npm run build — the whole site: ingest → astro build → search index → PDFs, into a staging folder
 * that replaces dist/ only when every stage passed, so a failed build never leaves a half-written dist/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { requireModernNode, run } from './lib/run.ts';
import { buildSearchIndex } from '../src/index/pagefind.ts';
import { exportPdfs } from '../src/print/render.ts';
import { documentForwarders } from '../src/render/forwarders.ts';
import { BASE_PATH, SITE_URL } from '../src/deploy.ts';
import { GAZETTE } from '../src/site.ts';
import type { GazetteDocument } from '../src/ingest/model.ts';

requireModernNode();
const staging = resolve('.cache/dist-staging');
const dist = resolve('dist');
const timings: string[] = [];

async function stage(name: string, fn: () => unknown): Promise<void> {
  const t0 = performance.now();
  await fn();
  timings.push(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

rmSync(staging, { recursive: true, force: true });
await stage('ingest', () => run('tsx', ['scripts/ingest.ts']));
await stage('astro build', () => run('astro', ['build', '--silent'], { GONGBAO_OUT_DIR: staging }));
// buildSearchIndex throws on any Pagefind error and on an index without pages.
await stage('search index', () => buildSearchIndex(staging));
// After the search index: Pagefind need not read tens of thousands of forwarding pages.
await stage('forwarders', () => {
  const dir = 'content/documents';
  let count = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(dir, name), 'utf8')) as GazetteDocument;
    for (const f of documentForwarders(doc, { site: SITE_URL, base: BASE_PATH, gazette: GAZETTE.name })) {
      const path = join(staging, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.html);
      count++;
    }
  }
  console.log(`forwarders: ${count} short-link pages`);
});
await stage('pdf', () => exportPdfs({ siteDir: staging, outDir: join(staging, 'pdf') }));

const old = resolve('.cache/dist-old');
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
console.log(`build: dist/ ready (${timings.join(' · ')})`);
