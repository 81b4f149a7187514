/**
 * The one staging swap of the build: output is written into a staging folder and moved into place only once
 * every step passed, so a failed run leaves content/ and dist/ as they were. scripts/ingest.ts swaps the
 * generated collections into content/ with it, scripts/build.ts the built site into dist/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MANIFEST, type ShardManifest } from '../search/data.ts';

/** Writes files (paths relative to `staging`) into a staging folder emptied first. */
export function writeStaged(staging: string, files: ReadonlyArray<{ path: string; content: string }>): void {
  rmSync(staging, { recursive: true, force: true });
  for (const f of files) {
    const path = join(staging, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
}

/**
 * Replaces each target (a folder or a file) by its staged copy, whole: the target is moved aside, the staged
 * copy renamed into its place, and only then is the old one removed.
 */
export function swapIn(moves: ReadonlyArray<{ staged: string; target: string }>): void {
  for (const { staged, target } of moves) {
    const old = `${staged}.old`;
    rmSync(old, { recursive: true, force: true });
    if (existsSync(target)) renameSync(target, old);
    renameSync(staged, target);
    rmSync(old, { recursive: true, force: true });
  }
}

/**
 * An incremental build's swap: every file of `from` moves into `into` (search bundles as whole folders), then
 * bundles no shard of the search manifest lists any more are dropped.
 */
export function moveInto(from: string, into: string): void {
  const move = (rel: string): void => {
    for (const d of readdirSync(join(from, rel), { withFileTypes: true })) {
      const path = join(rel, d.name);
      const bundle = rel === '' && d.isDirectory() && /^pagefind(?:-|$)/.test(d.name);
      if (d.isDirectory() && !bundle) {
        move(path);
        continue;
      }
      if (bundle) rmSync(join(into, path), { recursive: true, force: true });
      mkdirSync(dirname(join(into, path)), { recursive: true });
      renameSync(join(from, path), join(into, path));
    }
  };
  move('');
  const manifest = JSON.parse(readFileSync(join(into, MANIFEST), 'utf8')) as ShardManifest;
  const listed = new Set(manifest.shards.map((s) => s.bundle));
  for (const name of readdirSync(into)) if (/^pagefind-\d{4}/.test(name) && !listed.has(name)) rmSync(join(into, name), { recursive: true, force: true });
}
