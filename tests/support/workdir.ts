/**
 * An isolated working folder for a build of other content (the benchmark's archive, the rebuild tests): the
 * project's code is linked in, the content is the folder's own, so the real pipeline runs there with cwd = that
 * folder and never touches the project's content/, dist/, .cache/ or caches.
 *
 * - src/, scripts/, tools/, public/, astro.config.mjs, gongbao.config.ts (the seed gazette: a test may write
 *   another), tsconfig.json, package.json: copies (Vite and Node resolve a
 *   linked file by its real path, outside the folder: styles went missing from a build through links);
 * - node_modules/: a real folder of symlinks to the project's packages, so that the caches tools keep *inside*
 *   node_modules (Astro's content-layer store node_modules/.astro/data-store.json, Vite's .vite/) are this
 *   folder's own and not shared with the project's builds;
 * - content/editorial/: copied (for a synthetic archive only forwards.json: the seed's editorial pages and reading
 *   decisions name seed documents, and a reference to a missing document stops the build); content/sources/: the
 *   benchmark's sources; content/published-anchors.txt: copied only for the seed site (a synthetic archive has
 *   published nothing yet).
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const COPIED = ['src', 'scripts', 'tools', 'public', 'astro.config.mjs', 'gongbao.config.ts', 'tsconfig.json', 'package.json'];
/** Tool caches kept inside node_modules: never shared. */
const PRIVATE_IN_NODE_MODULES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

function link(target: string, path: string): void {
  if (isLink(path)) {
    if (readlinkSync(path) === target) return;
    unlinkSync(path);
  } else if (existsSync(path)) {
    rmSync(path, { recursive: true, force: true });
  }
  symlinkSync(target, path);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export interface WorkdirOptions {
  /** The project (default: cwd). */
  project?: string;
  /** Copy content/published-anchors.txt (the seed site). */
  anchors?: boolean;
  /** Copy the editorial pages and reading decisions (default true: the seed site). */
  editorial?: boolean;
}

/** Creates (or refreshes) the work folder; returns its absolute path. Sources are written by the caller. */
export function prepareWorkdir(work: string, opts: WorkdirOptions = {}): string {
  const project = resolve(opts.project ?? '.');
  const dir = resolve(work);
  if (dir === project || dir.startsWith(`${join(project, 'content')}`) || dir === join(project, 'dist')) {
    throw new Error(`refusing to use ${dir} as a work folder`);
  }
  mkdirSync(join(dir, 'content', 'sources'), { recursive: true });
  for (const name of COPIED) {
    const path = join(dir, name);
    // Never recurse through a link (an older work folder linked the project's own folders).
    if (isLink(path)) unlinkSync(path);
    else rmSync(path, { recursive: true, force: true });
    cpSync(join(project, name), path, { recursive: true });
  }
  const nm = join(dir, 'node_modules');
  if (isLink(nm)) unlinkSync(nm);
  mkdirSync(nm, { recursive: true });
  for (const name of readdirSync(join(project, 'node_modules'))) {
    if (PRIVATE_IN_NODE_MODULES.has(name)) continue;
    link(join(project, 'node_modules', name), join(nm, name));
  }
  rmSync(join(dir, 'content', 'editorial'), { recursive: true, force: true });
  cpSync(join(project, 'content', 'editorial'), join(dir, 'content', 'editorial'), {
    recursive: true,
    filter: (src) => opts.editorial !== false || !/\.mdx$|readings\.json$/.test(src),
  });
  // The readings collection's file must exist, empty when not copied.
  if (opts.editorial === false) writeFileSync(join(dir, 'content', 'editorial', 'readings.json'), '[]\n');
  const anchors = join(dir, 'content', 'published-anchors.txt');
  rmSync(anchors, { force: true });
  if (opts.anchors) cpSync(join(project, 'content', 'published-anchors.txt'), anchors);
  return dir;
}
