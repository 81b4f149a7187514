/**
 * Where the built site will live: the gazette's configured site (GazetteConfig.site), unless the environment
 * of the build says otherwise (README, "Deploying").
 * SITE_URL: the public origin (canonical links, sitemap, feeds, link previews).
 * BASE_PATH: the folder the site is served from ("/" at a domain root, "/gongbao/" under a folder).
 */
import type { GazetteConfig } from './config.ts';
import { normalizeBase } from './urls.ts';

export interface DeployTarget {
  url: string;
  base: string;
}

export function deployTarget(site: GazetteConfig['site'], env: Readonly<Record<string, string | undefined>>): DeployTarget {
  return { url: env['SITE_URL'] ?? site.url, base: normalizeBase(env['BASE_PATH'] ?? site.base) };
}
