// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { EDITORIAL_HEADING_PREFIX } from './src/site/editorial/refs.ts';
import { remarkEditorialRefs } from './src/site/editorial/remark-refs.ts';
import { rehypeTableAlign } from './src/site/editorial/rehype-table-align.ts';
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
  // Inside the project, not node_modules/.astro: two checkouts (or the bench's work folder) never share a cache.
  cacheDir: './.cache/astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Document bodies come from the JSON model (src/components/body/Body.astro); MDX is only what editors write
  // (content/editorial/*.mdx). Our remark-gfm parses its tables and footnotes (the processor's own is off, so
  // the dependency does the work); rehype-slug gives headings ids with a prefix no clause id has (p2-s3-i11);
  // no smart quotes, which would rewrite the straight quotes of Chinese text. remarkEditorialRefs stops the
  // build at a reference to a document or clause the site does not have, with the MDX file and line.
  integrations: [
    gongbao(gazette),
    mdx({
      processor: unified({
        gfm: false,
        smartypants: false,
        remarkPlugins: [remarkGfm, remarkEditorialRefs],
        rehypePlugins: [[rehypeSlug, { prefix: EDITORIAL_HEADING_PREFIX }], rehypeTableAlign],
        // GFM footnotes speak English by default.
        remarkRehype: { footnoteLabel: '注释', footnoteBackLabel: (/** @type {number} */ i) => `返回注释${i + 1}所在处` },
      }),
    }),
  ],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  vite: { build: { assetsInlineLimit: 0 } },
});
