/**
 * What the last build was made from (src/build/incremental.ts decides from it what to render again): a
 * checksum of the code and one per generated document and issue. Reads the project folder (the edge).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest, type BuildState } from './incremental.ts';

export const STATE_FILE = '.cache/build-state.json';

export const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.json')).sort();

/** Everything but content that shapes the output (the gazette's configuration too): a change here means a full build. */
function codeDigest(root: string): string {
  const files = ['astro.config.mjs', 'gongbao.config.ts', 'package-lock.json', 'tsconfig.json'].filter((f) => existsSync(join(root, f)));
  for (const dir of ['src', 'scripts', 'public', 'content/editorial']) {
    if (!existsSync(join(root, dir))) continue;
    for (const d of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (d.isFile()) files.push(join(d.parentPath.slice(root.length ? root.length + 1 : 0), d.name));
    }
  }
  return digest(files.sort().map((f) => `${f}\0${digest(readFileSync(join(root, f)))}`).join('\n'));
}

export function currentState(root = ''): BuildState {
  const sums = (dir: string) =>
    Object.fromEntries(jsonFiles(join(root, dir)).map((n) => [n.slice(0, -'.json'.length), digest(readFileSync(join(root, dir, n)))]));
  return { code: codeDigest(root), documents: sums('content/documents'), issues: sums('content/issues') };
}

export function readBuildState(root = ''): BuildState | null {
  const file = join(root, STATE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildState) : null;
}

export function writeBuildState(state: BuildState, root = ''): void {
  writeFileSync(join(root, STATE_FILE), JSON.stringify(state));
}
