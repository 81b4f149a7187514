// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { BASE_PATH, SITE_URL } from './src/deploy.ts';

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  // scripts/build.ts builds into a staging folder and swaps it into dist/ only when every stage passed.
  outDir: process.env.GONGBAO_OUT_DIR ?? './dist',
  // Inside the project, not node_modules/.astro: two checkouts (or the bench's work folder) never share a cache.
  cacheDir: './.cache/astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No remark/rehype plugins: the emitter writes every anchor id and table cell itself, so Astro's
  // default Markdown processor (Sätteri) is enough and ~3× faster than unified() (README, "Decisions").
  // Smart quotes would change the source text (004 prints ASCII "1+10"): publish punctuation as printed.
  markdown: { smartypants: false },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  vite: { build: { assetsInlineLimit: 0 } },
});
