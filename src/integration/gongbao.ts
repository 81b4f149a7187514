/**
 * The gongbao Astro integration: `integrations: [gongbao(config)]` in astro.config.mjs, with the gazette's
 * configuration (gongbao.config.ts; schema src/gazette/config.ts). As Starlight does with its user config, it
 * validates the configuration, sets the site and base path from it, and hands it to pages and components
 * through the virtual module `virtual:gongbao/config` (read through src/site/gazette.ts), with the accent
 * colour as `virtual:gongbao/theme.css`.
 */
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import type { Plugin } from 'vite';
import { parseGazetteConfig, STYLESHEET_COLOUR, type GazetteConfig } from '../gazette/config.ts';
import { deployTarget } from '../gazette/deploy.ts';
import { EDITORIAL_HEADING_PREFIX } from '../site/editorial/refs.ts';
import { remarkEditorialRefs } from '../site/editorial/remark-refs.ts';
import { rehypeTableAlign } from '../site/editorial/rehype-table-align.ts';
import { awaitsPlan, planReady } from './await-plan.ts';

export const CONFIG_MODULE = 'virtual:gongbao/config';
export const THEME_MODULE = 'virtual:gongbao/theme.css';

/** The theme rule: none for the stylesheet's own colour, so the seed site's CSS stays as it was. */
export const themeCss = (config: GazetteConfig): string => (config.colour.toLowerCase() === STYLESHEET_COLOUR ? '' : `:root { --accent: ${config.colour}; --accent-ink: ${config.colour}; }\n`);

/** The Vite plugin serving both virtual modules (also used by vitest.config.ts, so unit tests see the seed). */
export function gazetteModules(config: GazetteConfig): Plugin {
  const modules: Record<string, string> = {
    [CONFIG_MODULE]: `export default ${JSON.stringify(config)};\n`,
    [THEME_MODULE]: themeCss(config),
  };
  return {
    name: 'gongbao:config',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') ? modules[id.slice(1)] : undefined),
  };
}

/**
 * MDX is only what editors write (content/editorial/*.mdx); document bodies come from the JSON model
 * (src/components/body/Body.astro). Our remark-gfm parses tables and footnotes (the processor's own is off, so the
 * dependency does the work); rehype-slug gives headings ids with a prefix no clause id has (p2-s3-i11); no smart
 * quotes, which would rewrite the straight quotes of Chinese text. remarkEditorialRefs stops the build at a
 * reference to a document or clause the site does not have, with the MDX file and line (once the generated
 * collections are there: planReady, src/integration/await-plan.ts).
 */
export const editorialMdx = (): AstroIntegration =>
  mdx({
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, () => remarkEditorialRefs(undefined, planReady)],
      rehypePlugins: [[rehypeSlug, { prefix: EDITORIAL_HEADING_PREFIX }], rehypeTableAlign],
      // GFM footnotes speak English by default.
      remarkRehype: { footnoteLabel: '注释', footnoteBackLabel: (i: number) => `返回注释${i + 1}所在处` },
    }),
  });

export function gongbao(input: unknown): AstroIntegration {
  const config = parseGazetteConfig(input);
  const target = deployTarget(config.site, process.env);
  return {
    name: 'gongbao',
    hooks: {
      // As Starlight does, the integration brings the integrations it needs: one entry in astro.config.mjs.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ site: target.url, base: target.base, integrations: [editorialMdx()], vite: { plugins: [gazetteModules(config)] } });
      },
      // Started before its plan (src/integration/await-plan.ts): the pages are imported, and so read the collections, only once it came.
      'astro:build:start': ({ setPrerenderer }) => {
        if (awaitsPlan)
          setPrerenderer((prerenderer) => ({
            ...prerenderer,
            setup: async () => {
              await planReady;
              await prerenderer.setup?.();
            },
          }));
      },
    },
  };
}
