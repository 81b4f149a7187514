/**
 * Writes the exact-text indexes (src/search/phrase.ts says what they hold): a shard's from the Pagefind fragments
 * of the shard just written, so that the index holds exactly the text the search page confirms a run in; the
 * older shards' one index by merging theirs.
 *
 * Pages are numbered in the order a run's results are shown (`readingOrder`): the gazette's texts before what
 * editors wrote about them, each newest first — someone pasting a sentence wants its source, not a 解读 quoting it.
 * The bucket count grows with the shard, so that one bucket stays a small download whatever the archive's size.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EDITORIAL_KINDS } from '../../gazette/editorial.ts';
import { DOC_CHUNK, PHRASE_DIR, SIGNATURE, bucketFile, bucketOf, decodePostings, docsFile, encodeBucket, fragmentText, gramsOf, type IndexedPage, type PhraseIndexInfo, type Postings } from '../phrase.ts';

/** Bytes of one bucket before gzip that the bucket count aims at. */
const BUCKET_BYTES = 12 * 1024;

export interface FragmentPage {
  id: string;
  url: string;
  date: string;
  /** An editorial page (解读, 编者按 …: its kind filter), not a text of the gazette. */
  editorial: boolean;
  text: string;
}

const EDITORIAL: ReadonlySet<string> = new Set(EDITORIAL_KINDS);

/** Documents and issues first, editorial pages after; within each, newest first, then by URL. */
export const readingOrder = (pages: readonly FragmentPage[]): FragmentPage[] =>
  [...pages].sort((a, b) => Number(a.editorial) - Number(b.editorial) || b.date.localeCompare(a.date) || a.url.localeCompare(b.url));

function readFragments(bundleDir: string): FragmentPage[] {
  const dir = join(bundleDir, 'fragment');
  const pages = readdirSync(dir)
    .filter((n) => n.endsWith('.pf_fragment'))
    .map((n) => {
      const raw = gunzipSync(readFileSync(join(dir, n))).toString('utf8');
      const f = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; meta: Record<string, string | undefined>; filters?: Record<string, string[]> };
      const editorial = (f.filters?.['kind'] ?? []).some((k) => EDITORIAL.has(k));
      return { id: n.slice(0, -'.pf_fragment'.length), url: f.url, date: f.meta['date'] ?? '', editorial, text: fragmentText(f.content) };
    });
  return readingOrder(pages);
}

/** Not compressed: gzip takes ≈ 12 % off varint lists, and its start on each of thousands of small files cost the build seconds. */
const pack = (data: Uint8Array | string): Buffer => Buffer.concat([Buffer.from(SIGNATURE), Buffer.from(data)]);

/** A file of an index as written: its data after the signature. */
function unpack(file: string): Buffer {
  const raw = readFileSync(file);
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${file} is not a file of this exact-text index's version`);
  return raw.subarray(SIGNATURE.length);
}

export interface PhraseIndexResult {
  info: PhraseIndexInfo;
  /** Trigram–page pairs indexed. */
  pairs: number;
  bytes: number;
}

/** Trigram–page pairs (given in page order) grouped by bucket, keeping their order: pairs of bucket b are from[b] … from[b + 1] - 1. */
function groupByBucket(gram: Float64Array, doc: Int32Array, buckets: number): { from: Int32Array; gram: Float64Array; doc: Int32Array } {
  const bucket = new Int32Array(gram.length);
  const from = new Int32Array(buckets + 1);
  for (let k = 0; k < gram.length; k++) {
    const b = bucketOf(gram[k] ?? 0, buckets);
    bucket[k] = b;
    from[b + 1] = (from[b + 1] ?? 0) + 1;
  }
  for (let b = 0; b < buckets; b++) from[b + 1] = (from[b + 1] ?? 0) + (from[b] ?? 0);
  const next = from.slice(0, buckets);
  const outGram = new Float64Array(gram.length);
  const outDoc = new Int32Array(gram.length);
  for (let k = 0; k < gram.length; k++) {
    const b = bucket[k] ?? 0;
    const at = next[b] ?? 0;
    next[b] = at + 1;
    outGram[at] = gram[k] ?? 0;
    outDoc[at] = doc[k] ?? 0;
  }
  return { from, gram: outGram, doc: outDoc };
}

/** One bucket's postings from its pairs in page order (so that each trigram's pages come out ascending). */
export function postingsOf(gram: Float64Array, doc: Int32Array): Postings {
  const distinct = gram.slice().sort();
  let n = 0;
  for (let i = 0; i < distinct.length; i++) if (n === 0 || distinct[i] !== distinct[n - 1]) distinct[n++] = distinct[i] ?? 0;
  const grams = distinct.subarray(0, n);
  const id = new Int32Array(gram.length);
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < gram.length; i++) {
    const g = gram[i] ?? 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((grams[mid] ?? 0) < g) lo = mid + 1;
      else hi = mid;
    }
    id[i] = lo;
    starts[lo + 1] = (starts[lo + 1] ?? 0) + 1;
  }
  for (let j = 0; j < n; j++) starts[j + 1] = (starts[j + 1] ?? 0) + (starts[j] ?? 0);
  const next = starts.slice(0, n);
  const docs = new Int32Array(gram.length);
  for (let i = 0; i < gram.length; i++) {
    const j = id[i] ?? 0;
    const at = next[j] ?? 0;
    next[j] = at + 1;
    docs[at] = doc[i] ?? 0;
  }
  return { grams, starts, docs };
}

/** Buckets for `pairs` trigram–page pairs (≈ 1.5 bytes a pair and 7 a distinct trigram, typically pairs / 4 of them). */
function bucketCount(pairs: number): number {
  const estimate = pairs * 1.5 + (pairs / 4) * 7;
  let buckets = 1;
  while (estimate / buckets > BUCKET_BYTES) buckets *= 2;
  return buckets;
}

/** Writes an index into `<siteDir>/<dir>/phrase/` (emptied first): `bucket(b)` for each of its buckets, then its page table. */
function writeIndex(siteDir: string, dir: string, parts: PhraseIndexInfo['parts'], buckets: number, pages: IndexedPage[], bucket: (b: number) => Postings): PhraseIndexResult {
  const out = join(siteDir, dir, PHRASE_DIR);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  let pairs = 0;
  const write = (file: string, data: Uint8Array | string) => {
    const packed = pack(data);
    bytes += packed.length;
    writeFileSync(join(siteDir, dir, file), packed);
  };
  for (let b = 0; b < buckets; b++) {
    const postings = bucket(b);
    pairs += postings.docs.length;
    write(bucketFile(b), encodeBucket(postings));
  }
  for (let c = 0; c * DOC_CHUNK < pages.length; c++) write(docsFile(c), JSON.stringify(pages.slice(c * DOC_CHUNK, (c + 1) * DOC_CHUNK)));
  return { info: { dir, parts, buckets, docs: pages.length }, pairs, bytes };
}

/** Postings whose page lists are each put in ascending order (merged parts may come in any order). */
function ascendingPages(p: Postings): Postings {
  for (let j = 0; j + 1 < p.starts.length; j++) {
    const [from, to] = [p.starts[j] ?? 0, p.starts[j + 1] ?? 0];
    for (let i = from + 1; i < to; i++) {
      if ((p.docs[i] ?? 0) < (p.docs[i - 1] ?? 0)) {
        p.docs.subarray(from, to).sort();
        break;
      }
    }
  }
  return p;
}

/** A shard's own exact-text index, in `<siteDir>/<bundle>/phrase/`, from the fragments of its Pagefind bundle. */
export function writePhraseIndex(siteDir: string, bundle: string): PhraseIndexResult {
  const pages = readFragments(join(siteDir, bundle));
  const grams = pages.map((p) => gramsOf(p.text));
  const gram = new Float64Array(grams.reduce((n, g) => n + g.length, 0));
  const doc = new Int32Array(gram.length);
  let k = 0;
  grams.forEach((gs, d) => {
    gram.set(gs, k);
    doc.fill(d, k, (k += gs.length));
  });
  const buckets = bucketCount(gram.length);
  const byBucket = groupByBucket(gram, doc, buckets);
  const of = (b: number) => [byBucket.from[b] ?? 0, byBucket.from[b + 1] ?? 0] as const;
  return writeIndex(siteDir, bundle, [{ bundle, docs: pages.length }], buckets, pages.map((p) => [0, p.id]), (b) => postingsOf(byBucket.gram.subarray(...of(b)), byBucket.doc.subarray(...of(b))));
}

/** An index to take parts from: the folder its dir is in (this build's site, or the last build's) and what the manifest says of it. */
export interface PhraseSource {
  root: string;
  index: PhraseIndexInfo;
}

/**
 * One index over the pages of `parts` (bundles, in that order), each taken from the first source holding it:
 * their trigram lists read back and renumbered, no page read again. Written into `<siteDir>/<dir>/phrase/`.
 */
export function mergePhraseIndexes(siteDir: string, dir: string, parts: readonly string[], sources: readonly PhraseSource[]): PhraseIndexResult {
  const outParts: PhraseIndexInfo['parts'] = [];
  const pages: IndexedPage[] = [];
  // Per source: its page number → the merged one, or -1 for a page not taken.
  const maps = sources.map((s) => new Int32Array(s.index.docs).fill(-1));
  const tables = sources.map((s) => Array.from({ length: Math.ceil(s.index.docs / DOC_CHUNK) }, (_, c) => JSON.parse(unpack(join(s.root, s.index.dir, docsFile(c))).toString('utf8')) as IndexedPage[]).flat());
  for (const bundle of parts) {
    const si = sources.findIndex((s) => s.index.parts.some((p) => p.bundle === bundle));
    const source = sources[si];
    if (!source) throw new Error(`no exact-text index holds the pages of ${bundle}`);
    const part = source.index.parts.findIndex((p) => p.bundle === bundle);
    const offset = source.index.parts.slice(0, part).reduce((n, p) => n + p.docs, 0);
    const docs = source.index.parts[part]?.docs ?? 0;
    for (let k = 0; k < docs; k++) {
      (maps[si] as Int32Array)[offset + k] = pages.length;
      pages.push([outParts.length, tables[si]?.[offset + k]?.[1] ?? '']);
    }
    outParts.push({ bundle, docs });
  }
  // Each source's buckets with its pages renumbered, those not taken dropped.
  const decoded = sources.map((s, si) => Array.from({ length: s.index.buckets }, (_, b) => renumber(decodePostings(unpack(join(s.root, s.index.dir, bucketFile(b)))), maps[si] as Int32Array)));
  const pairs = decoded.reduce((n, bs) => bs.reduce((m, p) => m + p.docs.length, n), 0);
  // At least each source's bucket count (all powers of 2): merged bucket c then draws on bucket c mod b of a source with b.
  const buckets = Math.max(bucketCount(pairs), ...sources.map((s) => s.index.buckets));
  const target = decoded.map((bs) => bs.map((p) => Int32Array.from(p.grams, (g) => bucketOf(g, buckets))));
  return writeIndex(siteDir, dir, outParts, buckets, pages, (c) => mergeBucket(c, sources.map((s, si) => [decoded[si]?.[c % s.index.buckets] as Postings, target[si]?.[c % s.index.buckets] as Int32Array] as const)));
}

/** Postings with each page renumbered by `map` (-1: not taken, dropped), and trigrams left without a page dropped. */
function renumber(p: Postings, map: Int32Array): Postings {
  const grams: number[] = [];
  const starts: number[] = [0];
  const docs: number[] = [];
  for (let j = 0; j < p.grams.length; j++) {
    for (let i = p.starts[j] ?? 0; i < (p.starts[j + 1] ?? 0); i++) {
      const d = map[p.docs[i] ?? 0] ?? -1;
      if (d >= 0) docs.push(d);
    }
    if (docs.length > (starts.at(-1) ?? 0)) {
      grams.push(p.grams[j] ?? 0);
      starts.push(docs.length);
    }
  }
  return { grams: Float64Array.from(grams), starts: Int32Array.from(starts), docs: Int32Array.from(docs) };
}

/**
 * Merged bucket `c` from a bucket of each source: their trigrams that fall in bucket c (`target`), each with its
 * pages in source order, then put in ascending order where the sources' pages interleave.
 */
function mergeBucket(c: number, lists: readonly (readonly [Postings, Int32Array])[]): Postings {
  const found: number[] = [];
  for (const [p, target] of lists) for (let j = 0; j < target.length; j++) if (target[j] === c) found.push(p.grams[j] ?? 0);
  const all = Float64Array.from(found).sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (n === 0 || all[i] !== all[n - 1]) all[n++] = all[i] ?? 0;
  const grams = all.subarray(0, n);
  // Where each list's trigrams of bucket c stand among `grams` (both ascending: one walk per list).
  const places = lists.map(([p, target]) => {
    const at = new Int32Array(target.length).fill(-1);
    let q = 0;
    for (let j = 0; j < target.length; j++) {
      if (target[j] !== c) continue;
      while ((grams[q] ?? 0) < (p.grams[j] ?? 0)) q++;
      at[j] = q;
    }
    return at;
  });
  const starts = new Int32Array(n + 1);
  lists.forEach(([p], l) => {
    const at = places[l] as Int32Array;
    for (let j = 0; j < at.length; j++) if ((at[j] ?? -1) >= 0) starts[(at[j] ?? 0) + 1] = (starts[(at[j] ?? 0) + 1] ?? 0) + (p.starts[j + 1] ?? 0) - (p.starts[j] ?? 0);
  });
  for (let k = 0; k < n; k++) starts[k + 1] = (starts[k + 1] ?? 0) + (starts[k] ?? 0);
  const next = starts.slice(0, n);
  const docs = new Int32Array(starts[n] ?? 0);
  lists.forEach(([p], l) => {
    const at = places[l] as Int32Array;
    for (let j = 0; j < at.length; j++) {
      const q = at[j] ?? -1;
      if (q < 0) continue;
      const [from, to] = [p.starts[j] ?? 0, p.starts[j + 1] ?? 0];
      docs.set(p.docs.subarray(from, to), next[q] ?? 0);
      next[q] = (next[q] ?? 0) + to - from;
    }
  });
  return ascendingPages({ grams, starts, docs });
}

