/**
 * Prototype (issue 9): the search index split into shards of consecutive years, each a separate Pagefind
 * index, merged in the browser with `pagefind.mergeIndex()`. What it changes against src/index/pagefind.ts:
 *
 * - only the pages that carry `data-pagefind-body` are given to Pagefind (documents/<slug>/ and
 *   issues/<y>/<n>/), by path, with their HTML — not the whole folder, whose tens of thousands of /c/ and /n/
 *   forwarder pages Pagefind would otherwise read and parse only to find nothing to index;
 * - one index per shard, built one after the other and closed in between, so the peak memory is that of the
 *   largest shard, not of the whole archive (Pagefind holds the whole index in memory: ≈ 0.8 GB + 2–3 MB per
 *   long Chinese page, DESIGN.md §10);
 * - the shard of the newest year is the primary index, written to pagefind/ (where pagefind.js is loaded
 *   from); the others to pagefind-<from>[-<to>]/; pagefind/shards.json lists the bundles to merge, newest
 *   first. Merged instances share the primary's WASM (Pagefind loads it once), so a shard costs its entry,
 *   its metadata and, per query, its own index chunks.
 * - a rebuild can index just the shards whose years changed (`only`).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface SplitOptions {
  /** Most pages in one shard (years are never split); default 1500. */
  maxPages?: number;
  /**
   * The newest this many years always form the primary shard on their own (default 0: no such rule), so that
   * adding an issue re-indexes a small shard however large the closed shards are.
   */
  currentYears?: number;
  /** Years to re-index (their shards); default all. */
  only?: string[];
  /** Where the generated collections are (for each document's year); default content/documents. */
  documentsDir?: string;
}

export interface Shard {
  /** Bundle folder under the site, e.g. pagefind/ or pagefind-2010-2014/ */
  bundle: string;
  years: string[];
  pages: number;
}

export interface SplitResult {
  pages: number;
  shards: Shard[];
  /** Shards (re)indexed in this run. */
  indexed: number;
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Indexed pages by year: issues/<y>/<n>/index.html by path, documents/<slug>/index.html by its issue (else date). */
export function pagesByYear(siteDir: string, documentsDir = 'content/documents'): Map<string, string[]> {
  const byYear = new Map<string, string[]>();
  const add = (year: string, file: string) => byYear.set(year, [...(byYear.get(year) ?? []), file]);
  const issues = join(siteDir, 'issues');
  if (existsSync(issues)) {
    for (const y of readdirSync(issues).filter((n) => /^\d{4}$/.test(n))) {
      for (const n of readdirSync(join(issues, y))) {
        if (existsSync(join(issues, y, n, 'index.html'))) add(y, `issues/${y}/${n}/index.html`);
      }
    }
  }
  for (const name of readdirSync(documentsDir).filter((n) => n.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(documentsDir, name), 'utf8')) as { id: string; issue: string | null; date: string | null };
    const file = `documents/${doc.id}/index.html`;
    if (!existsSync(join(siteDir, file))) continue;
    add(/^(\d{4})/.exec(doc.issue ?? doc.date ?? '')?.[1] ?? '0000', file);
  }
  for (const files of byYear.values()) files.sort();
  return byYear;
}

/** Consecutive years packed into shards of at most maxPages (a year larger than that is a shard alone). */
export function planShards(byYear: Map<string, string[]>, maxPages: number, currentYears = 0): Shard[] {
  const all = [...byYear.keys()].sort();
  const split = currentYears > 0 ? Math.max(0, all.length - currentYears) : all.length;
  const years = all.slice(0, split);
  const shards: Shard[] = [];
  let current: Shard | null = null;
  for (const y of years) {
    const n = byYear.get(y)?.length ?? 0;
    if (!current || current.pages + n > maxPages) {
      current = { bundle: '', years: [], pages: 0 };
      shards.push(current);
    }
    current.years.push(y);
    current.pages += n;
  }
  if (split < all.length) {
    const recent = all.slice(split);
    shards.push({ bundle: '', years: recent, pages: recent.reduce((n, y) => n + (byYear.get(y)?.length ?? 0), 0) });
  }
  shards.forEach((s, i) => {
    const range = s.years.length === 1 ? s.years[0] : `${s.years[0]}-${s.years.at(-1)}`;
    s.bundle = i === shards.length - 1 ? 'pagefind' : `pagefind-${range}`;
  });
  return shards;
}

export async function buildSplitSearchIndex(siteDir: string, opts: SplitOptions = {}): Promise<SplitResult> {
  const byYear = pagesByYear(siteDir, opts.documentsDir);
  const shards = planShards(byYear, opts.maxPages ?? 1500, opts.currentYears ?? 0);
  // A rebuild keeps the shard plan of the previous build when it still covers the same years.
  const only = opts.only ? new Set(opts.only) : null;
  let indexed = 0;
  for (const shard of shards) {
    const out = join(siteDir, shard.bundle);
    if (only && !shard.years.some((y) => only.has(y)) && existsSync(join(out, 'pagefind-entry.json'))) continue;
    try {
      const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      check('createIndex', created.errors);
      const index = created.index;
      if (!index) throw new Error('Pagefind createIndex returned no index');
      for (const y of shard.years) {
        for (const file of byYear.get(y) ?? []) {
          const added = await index.addHTMLFile({ sourcePath: file, content: readFileSync(join(siteDir, file), 'utf8') });
          check(`addHTMLFile ${file}`, added.errors);
        }
      }
      rmSync(out, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: out });
      check('writeFiles', written.errors);
      indexed++;
    } finally {
      await pagefind.close();
    }
  }
  // Stale bundles of an earlier plan.
  const keep = new Set(shards.map((s) => s.bundle));
  for (const name of readdirSync(siteDir)) if (/^pagefind-\d{4}/.test(name) && !keep.has(name)) rmSync(join(siteDir, name), { recursive: true, force: true });
  const manifest = { shards: shards.map((s) => ({ bundle: `/${s.bundle}/`, years: s.years, pages: s.pages })).reverse() };
  writeFileSync(join(siteDir, 'pagefind', 'shards.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return { pages: shards.reduce((n, s) => n + s.pages, 0), shards, indexed };
}

/** The plain single index of src/index/pagefind.ts, but given only the pages that carry data-pagefind-body. */
export async function buildSingleIndexByPath(siteDir: string, documentsDir = 'content/documents'): Promise<{ pages: number }> {
  const byYear = pagesByYear(siteDir, documentsDir);
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index');
    let pages = 0;
    for (const files of byYear.values()) {
      for (const file of files) {
        check(`addHTMLFile ${file}`, (await index.addHTMLFile({ sourcePath: file, content: readFileSync(join(siteDir, file), 'utf8') })).errors);
        pages++;
      }
    }
    rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
    check('writeFiles', (await index.writeFiles({ outputPath: join(siteDir, 'pagefind') })).errors);
    return { pages };
  } finally {
    await pagefind.close();
  }
}
