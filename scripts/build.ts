/**
 * npm run build — the whole site: ingest → astro build → search index → PDFs, into a staging folder
 * that replaces dist/ only when every stage passed, so a failed build never leaves a half-written dist/.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { requireModernNode, run } from './lib/run.ts';
import { buildSearchIndex } from '../src/index/pagefind.ts';

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
await stage('search index', async () => {
  const { pages } = await buildSearchIndex(staging);
  if (pages === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing?');
});

const old = resolve('.cache/dist-old');
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
console.log(`build: dist/ ready (${timings.join(' · ')})`);
