/**
 * The one staging swap of the build: output is written into a staging folder and moved into place only once
 * every step passed, so a failed run leaves content/ and dist/ as they were. scripts/ingest.ts swaps the
 * generated collections into content/ with it, scripts/build.ts the built site into dist/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dropUnlistedBundles } from '../search/build/pagefind.ts';
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
 * Generated files into place, changing only what changed: the files whose bytes differ from the target's
 * are written to the staging folder (emptied first), and only then moved into place, with the files of the
 * `folders` that `files` no longer holds removed. Unchanged files keep their modification times (the build
 * state and Astro's content loaders read them); a run that fails while staging leaves the targets as they were.
 */
export function syncStaged(staging: string, files: ReadonlyArray<{ path: string; content: string }>, folders: readonly string[]): { written: number; removed: number } {
  rmSync(staging, { recursive: true, force: true });
  // Each file's bytes made in one buffer, grown as needed: a buffer per file is mostly allocation.
  let scratch = Buffer.alloc(0);
  const changed = files.filter((f) => {
    if (!existsSync(f.path)) return true;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: the whole text fits, and the write counts its bytes.
    if (scratch.length < 3 * f.content.length) scratch = Buffer.allocUnsafe(Math.max(3 * f.content.length, 2 * scratch.length));
    const size = scratch.write(f.content);
    return statSync(f.path).size !== size || !readFileSync(f.path).equals(scratch.subarray(0, size));
  });
  writeStaged(staging, changed);
  const wanted = new Set(files.map((f) => join(f.path)));
  const stale = folders.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((d) => !d.isDirectory())
          .map((d) => join(d.parentPath, d.name))
          .filter((path) => !wanted.has(path))
      : [],
  );
  for (const dir of folders) mkdirSync(dir, { recursive: true });
  for (const f of changed) {
    mkdirSync(dirname(f.path), { recursive: true });
    renameSync(join(staging, f.path), f.path);
  }
  for (const path of stale) rmSync(path, { force: true });
  rmSync(staging, { recursive: true, force: true });
  return { written: changed.length, removed: stale.length };
}

/**
 * An incremental build's swap: every file of `from` moves into `into` (search bundles as whole folders), then
 * bundles the search manifest lists no more (as a shard or an exact-text index) are dropped.
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
  dropUnlistedBundles(into, manifest);
}

/**
 * The parts of a split Astro build into one folder (src/build/build.ts astroParts): what `into` lacks moves in
 * from `from` (a whole folder at once where `into` has none of it); what both hold — the pages every part
 * renders — stays as `into` has it. Then `from` is removed.
 */
export function mergeInto(from: string, into: string): void {
  const merge = (rel: string): void => {
    for (const d of readdirSync(join(from, rel), { withFileTypes: true })) {
      const path = join(rel, d.name);
      if (!existsSync(join(into, path))) renameSync(join(from, path), join(into, path));
      else if (d.isDirectory()) merge(path);
    }
  };
  merge('');
  rmSync(from, { recursive: true, force: true });
}
