/**
 * Exact text first, from every year (issue 22): a query that is a run of text — quoted, or six Chinese
 * characters or more without spaces — is looked up in the exact-text indexes of every year (src/search/phrase.ts),
 * not only in the newest years' Pagefind index. What this returns are candidates, newest first; the page keeps
 * those whose fragment holds the run (src/search/client/results.ts `takeBatch`), then lists loose matches.
 * Fetching is the caller's (`load`), so this runs in unit tests on files the build wrote.
 */
import type { ShardManifest } from '../data.ts';
import { DOC_CHUNK, GRAM, bucketFile, bucketOf, coverPositions, decodeBucket, docsFile, fold, gramAt, intersect, sections } from '../phrase.ts';
import type { ScopeHit } from './scope.ts';

/** Chinese characters in a row that make a query a run of text to find exactly. */
export const RUN_CHARS = 6;

/** The folded run a query asks for exactly, or null: a quoted query, or ≥ RUN_CHARS Chinese characters and no space. */
export function exactRun(text: string, quoted: boolean): string | null {
  const run = fold(text);
  if (run.length < GRAM) return null;
  if (quoted) return run;
  if (/\s/.test(text.trim())) return null;
  return (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= RUN_CHARS ? run : null;
}

/** A file of the site under a bundle, its data after the signature (src/search/client/fragment.ts `unpackSigned`). */
export type LoadFile = (path: string) => Promise<Uint8Array>;

/**
 * Pages of every year holding every trigram of the run's cover: the primary shard's index first, then the older
 * shards' one, newest page first in each; null on a site built before the exact-text indexes (the page falls back to Pagefind).
 */
export async function exactCandidates(manifest: ShardManifest, run: string, load: LoadFile): Promise<ScopeHit[] | null> {
  if (!manifest.phrase?.length) return null;
  const grams = [...new Set(coverPositions(run.length).map((i) => gramAt(run, i)))];
  if (!grams.length) return null;
  const perIndex = await Promise.all(
    manifest.phrase.map(async (index): Promise<ScopeHit[]> => {
      const wanted = new Map<number, number[]>();
      for (const g of grams) wanted.set(bucketOf(g, index.buckets), [...(wanted.get(bucketOf(g, index.buckets)) ?? []), g]);
      const files = await Promise.all([...wanted].map(async ([b, gs]) => ({ gs: new Set(gs), parts: sections(await load(`${index.dir}/${bucketFile(b)}`)) })));
      const perPart = await Promise.all(
        index.parts.map(async ({ bundle }, part): Promise<ScopeHit[]> => {
          const found = new Map<number, number[]>();
          for (const f of files) for (const [g, docs] of decodeBucket(f.parts[part] ?? new Uint8Array(), f.gs)) found.set(g, docs);
          if (grams.some((g) => !found.has(g))) return [];
          const docs = intersect(grams.map((g) => found.get(g) ?? []));
          const chunks = [...new Set(docs.map((d) => Math.floor(d / DOC_CHUNK)))];
          const tables = new Map(await Promise.all(chunks.map(async (c) => [c, JSON.parse(new TextDecoder().decode(await load(`${bundle}/${docsFile(c)}`))) as string[]] as const)));
          return docs.flatMap((d) => {
            const id = tables.get(Math.floor(d / DOC_CHUNK))?.[d % DOC_CHUNK];
            return id ? [{ bundle, id, score: 0, words: [] }] : [];
          });
        }),
      );
      return perPart.flat();
    }),
  );
  return perIndex.flat();
}
