// @ts-check
import { defineConfig } from 'astro/config';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gongbao } from './src/integration/gongbao.ts';

// The gazette this site publishes (README, "Start a new gazette site"): gongbao.config.ts, or the file GONGBAO_CONFIG
// names (src/build/config.ts reads the same one for the ingest). Site URL and base path come from it.
const { default: gazette } = await import(/* @vite-ignore */ pathToFileURL(resolve(process.env.GONGBAO_CONFIG ?? 'gongbao.config.ts')).href);

export default defineConfig({
  trailingSlash: 'always',
  // scripts/build.ts builds into a staging folder and swaps it into dist/ only when every stage passed.
  outDir: process.env.GONGBAO_OUT_DIR ?? './dist',
  // Inside the project, not node_modules/.astro: two checkouts (or the bench's work folder) never share a cache;
  // nor do the Astro processes of one split build (src/build/build.ts astroParts).
  cacheDir: process.env.GONGBAO_ASTRO_CACHE ?? './.cache/astro',
  // Several pages at once: rendering one page waits for the files of the last to be written (README, "Benchmark and scale").
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Everything else — the gazette's configuration, site and base, the editorial MDX — is inside the integration.
  integrations: [gongbao(gazette)],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  vite: { build: { assetsInlineLimit: 0 } },
});
