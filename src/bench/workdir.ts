/**
 * An isolated working folder for a benchmark build (bench-out/<name>/work): the project's code is linked in,
 * the content is the benchmark's own, so the real pipeline runs there with cwd = that folder and never touches
 * the project's content/, dist/, .cache/ or caches.
 *
 * - src/, scripts/, public/, astro.config.mjs, tsconfig.json, package.json: symlinks (read-only use);
 * - node_modules/: a real folder of symlinks to the project's packages, so that the caches tools keep *inside*
 *   node_modules (Astro's content-layer store node_modules/.astro/data-store.json, Vite's .vite/) are this
 *   folder's own and not shared with the project's builds;
 * - content/editorial/: copied; content/sources/: the benchmark's sources; content/published-anchors.txt: copied
 *   only for the seed site (a synthetic archive has published nothing yet).
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Patch } from './patches.ts';

const LINKED = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
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
  /** Prototype changes: src/ is then a patched copy instead of a link (src/bench/patches.ts). */
  patches?: Patch[];
}

/** Creates (or refreshes) the work folder; returns its absolute path. Sources are written by the caller. */
export function prepareWorkdir(work: string, opts: WorkdirOptions = {}): string {
  const project = resolve(opts.project ?? '.');
  const dir = resolve(work);
  if (dir === project || dir.startsWith(`${join(project, 'content')}`) || dir === join(project, 'dist')) {
    throw new Error(`bench: refusing to use ${dir} as a work folder`);
  }
  mkdirSync(join(dir, 'content', 'sources'), { recursive: true });
  const patches = opts.patches ?? [];
  // With patches, src/ and scripts/ are copies: Node resolves a linked script's imports from its real path,
  // so scripts/ingest.ts behind a link would import the project's unpatched src/.
  const COPIED = new Set(patches.length > 0 ? ['src', 'scripts'] : []);
  for (const name of LINKED) {
    if (COPIED.has(name)) continue;
    link(join(project, name), join(dir, name));
  }
  for (const name of COPIED) {
    const path = join(dir, name);
    // Never recurse through a link: it points at the project's own folder.
    if (isLink(path)) unlinkSync(path);
    else rmSync(path, { recursive: true, force: true });
    cpSync(join(project, name), path, { recursive: true });
  }
  if (patches.length > 0) {
    for (const p of patches) {
      for (const e of p.edits) {
        const file = join(dir, e.file);
        if (e.find === '') {
          writeFileSync(file, e.replace); // a new file
          continue;
        }
        const text = readFileSync(file, 'utf8');
        if (!text.includes(e.find)) throw new Error(`bench: patch ${p.name} no longer applies to ${e.file} (text not found: ${e.find.slice(0, 80)}…)`);
        writeFileSync(file, text.replace(e.find, e.replace));
      }
    }
  }
  const nm = join(dir, 'node_modules');
  if (isLink(nm)) unlinkSync(nm);
  mkdirSync(nm, { recursive: true });
  for (const name of readdirSync(join(project, 'node_modules'))) {
    if (PRIVATE_IN_NODE_MODULES.has(name)) continue;
    link(join(project, 'node_modules', name), join(nm, name));
  }
  rmSync(join(dir, 'content', 'editorial'), { recursive: true, force: true });
  cpSync(join(project, 'content', 'editorial'), join(dir, 'content', 'editorial'), { recursive: true });
  const anchors = join(dir, 'content', 'published-anchors.txt');
  rmSync(anchors, { force: true });
  if (opts.anchors) cpSync(join(project, 'content', 'published-anchors.txt'), anchors);
  return dir;
}
