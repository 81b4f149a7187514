// @ts-check
import { defineConfig } from 'astro/config';
import { gongbao } from './src/integration/gongbao.ts';
// The gazette this site publishes (README, "Start a new gazette site"); site URL and base path come from it.
import gazette from './gongbao.config.ts';

export default defineConfig({
  integrations: [gongbao(gazette)],
  trailingSlash: 'always',
  // scripts/build.ts builds into a staging folder and swaps it into dist/ only when every stage passed.
  outDir: process.env.GONGBAO_OUT_DIR ?? './dist',
  // Inside the project, not node_modules/.astro: two checkouts (or the bench's work folder) never share a cache.
  cacheDir: './.cache/astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No Markdown is rendered: document bodies come from the JSON model (src/components/body/Body.astro).
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  vite: { build: { assetsInlineLimit: 0 } },
});
