/**
 * The gongbao Astro integration: `integrations: [gongbao(config)]` in astro.config.mjs, with the gazette's
 * configuration (gongbao.config.ts; schema src/gazette/config.ts). As Starlight does with its user config, it
 * validates the configuration, sets the site and base path from it, and hands it to pages and components
 * through the virtual module `virtual:gongbao/config` (read through src/site/gazette.ts), with the accent
 * colour as `virtual:gongbao/theme.css`.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { parseGazetteConfig, STYLESHEET_COLOUR, type GazetteConfig } from '../gazette/config.ts';
import { deployTarget } from '../gazette/deploy.ts';

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

export function gongbao(input: unknown): AstroIntegration {
  const config = parseGazetteConfig(input);
  const target = deployTarget(config.site, process.env);
  return {
    name: 'gongbao',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ site: target.url, base: target.base, vite: { plugins: [gazetteModules(config)] } });
      },
    },
  };
}
