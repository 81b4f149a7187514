/**
 * Whole builds of the seed site in work folders (tests/support/workdir.ts: the project's code, their own content,
 * caches and dist/), through scripts/build.ts exactly as a user runs it:
 *
 * - determinism: a cold build in another folder gives a dist/ byte-identical to the project's (which
 *   `npm test` has just built): no time stamp, random id or absolute path in any file, PDFs included; that
 *   build renders its pages in two Astro processes (GONGBAO_ASTRO_PARTS, src/build/build.ts astroParts), the
 *   project's in one, so the split is checked too;
 * - incremental: a build of the seeds without two of them, then those two added and
 *   `npm run build -- --incremental`, gives the same dist/ as the full build of all of them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareWorkdir } from '../support/workdir.ts';

const project = resolve('.');
const root = resolve('.cache/test-builds');
const SOURCES = join(project, 'content/sources');
/** Held back, then added: a scraped copy of 26号 (new variants in an existing document) and the news article (a new document citing it). */
const LATER = readdirSync(SOURCES).filter((n) => /^00[23]_/.test(n));

function build(work: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(join(work, 'node_modules/.bin/tsx'), ['scripts/build.ts', ...args], {
    cwd: work,
    env: { ...process.env, ...env, PATH: `${join(project, 'node_modules/.bin')}${delimiter}${process.env['PATH'] ?? ''}` },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build in ${work} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A work folder with these seeds; `anchors`: with the project's record of published clause URLs. */
function workWith(name: string, sources: string[], anchors = true): string {
  const work = prepareWorkdir(join(root, name), { anchors });
  for (const dir of ['content/sources', 'dist', '.cache']) rmSync(join(work, dir), { recursive: true, force: true });
  mkdirSync(join(work, 'content/sources'), { recursive: true });
  for (const n of sources) cpSync(join(SOURCES, n), join(work, 'content/sources', n));
  return work;
}

/** Every file of a dist/ with its checksum. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const path = join(d.parentPath, d.name);
    out.set(path.slice(dir.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => `${p}: ${a.has(p) ? (b.has(p) ? 'differs' : 'only in the first') : 'only in the second'}`);
}

let full: Map<string, string>;
/** The incremental work folder's first build, without LATER. */
let withoutLater: Map<string, string>;

beforeAll(() => {
  const work = workWith('full', readdirSync(SOURCES));
  const log = build(work, [], { GONGBAO_ASTRO_PARTS: '2' });
  expect(existsSync(join(work, '.cache/astro-part1')), `the build did not split its pages:\n${log}`).toBe(true);
  full = tree(join(work, 'dist'));
});

describe('builds of the seed site', () => {
  it('are byte-identical: a cold build elsewhere gives the project’s dist/', () => {
    expect(existsSync(join(project, 'dist/index.html')), 'run npm run build first').toBe(true);
    expect(full.size).toBeGreaterThan(300);
    expect([...full.keys()].filter((p) => p.endsWith('.pdf')).length).toBe(11);
    expect(differences(tree(join(project, 'dist')), full)).toEqual([]);
  });

  it('an incremental build after adding sources gives the full build’s dist/', () => {
    expect(LATER).toHaveLength(2);
    // Without the record of published clause URLs: the held-back news article's are rightly missing at first.
    const work = workWith('incremental', readdirSync(SOURCES).filter((n) => !LATER.includes(n)), false);
    build(work);
    const before = tree(join(work, 'dist'));
    withoutLater = before;
    for (const n of LATER) cpSync(join(SOURCES, n), join(work, 'content/sources', n));
    const log = build(work, ['--incremental']);
    // 4 report pages: the two new sources and the two whose findings name 26号, which the scraped copy changed.
    expect(log).toMatch(/^build: incremental — 2 document\(s\), 1 issue\(s\), 7 index group\(s\), 4 report page\(s\), search years 2021, 2023$/m);
    const after = tree(join(work, 'dist'));
    // The added sources changed something (the news article is a new page), and the result is the full build.
    expect(differences(before, after).length).toBeGreaterThan(10);
    expect(differences(after, full)).toEqual([]);
  });

  it('an incremental build with nothing changed renders no document and leaves dist/ as it was', () => {
    const work = join(root, 'incremental');
    const log = build(work, ['--incremental']);
    expect(log).toMatch(/^build: incremental — 0 document\(s\), 0 issue\(s\), 0 index group\(s\), 0 report page\(s\), search years none$/m);
    expect(differences(tree(join(work, 'dist')), full)).toEqual([]);
  });

  it('an incremental build that turns out full (a source removed) stops the Astro process it started and builds in full', () => {
    const work = join(root, 'incremental');
    for (const n of LATER) rmSync(join(work, 'content/sources', n));
    const log = build(work, ['--incremental']);
    expect(log).toMatch(/^build: full \(\d+ page\(s\) removed/m);
    expect(differences(tree(join(work, 'dist')), withoutLater)).toEqual([]);
  });
});
