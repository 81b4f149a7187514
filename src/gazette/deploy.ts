/**
 * Where the built site will live, from the environment at build time (README, "Deploying").
 * SITE_URL: the public origin (canonical links, sitemap, feeds, link previews).
 * BASE_PATH: the folder the site is served from ("/" at a domain root, "/gongbao/" under a folder).
 */
import { normalizeBase } from './urls.ts';

export const SITE_URL = process.env['SITE_URL'] ?? 'https://gongbao.example.org';
export const BASE_PATH = normalizeBase(process.env['BASE_PATH'] ?? '/');
