/**
 * The gazette a build is for: gongbao.config.ts at the project root (the folder the build runs in), or the file
 * GONGBAO_CONFIG names; read by the ingest, the short links and the PDFs. astro.config.mjs reads the same file
 * for the integration.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseGazetteConfig, type GazetteConfig } from '../gazette/config.ts';
import { deployTarget, type DeployTarget } from '../gazette/deploy.ts';

export const CONFIG_FILE = 'gongbao.config.ts';

/** The configuration of the site in `root` (default: the working folder), validated. */
export async function loadGazette(root = '.'): Promise<GazetteConfig> {
  const file = resolve(root, process.env['GONGBAO_CONFIG'] ?? CONFIG_FILE);
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return parseGazetteConfig(mod.default);
}

/** Its origin and base path, as the environment of this build may override them. */
export const siteTarget = (config: GazetteConfig): DeployTarget => deployTarget(config.site, process.env);
