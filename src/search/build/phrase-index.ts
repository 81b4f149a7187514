/**
 * Writes the exact-text indexes (src/search/phrase.ts says what they hold): each shard's part from the Pagefind
 * fragments of the shard just written (so that the index holds exactly the text the search page confirms a run
 * in), then an index's bucket files from its parts' sections — copied, never decoded again.
 *
 * Pages are numbered in the order a run's results are shown (`readingOrder`): the gazette's texts before what
 * editors wrote about them, each newest first — someone pasting a sentence wants its source, not a 解读 quoting it.
 * The bucket count grows with the shard, so that one bucket stays a small download whatever the archive's size.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EDITORIAL_KINDS } from '../../gazette/editorial.ts';
import { DOC_CHUNK, PHRASE_DIR, SIGNATURE, bucketFile, bucketOf, docsFile, encodeBucket, fragmentText, gramsOf, joinSections, sections, type PhraseIndexInfo, type Postings } from '../phrase.ts';

/** Bytes of one bucket file that the bucket count aims at. */
const BUCKET_BYTES = 12 * 1024;
/** Trigram–page pairs of a page, to size an index before its pages are read (the bench archive's: ≈ 2,600). */
const PAIRS_PER_PAGE = 2600;

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

/** A stable counting sort by small keys: `order` lists the positions of key 0, then of key 1 …; key k's are from[k] … from[k + 1] - 1. */
function byKey(keys: Int32Array, count: number): { from: Int32Array; order: Int32Array } {
  // Plain loops: these run over millions of pairs, where a callback per element costs three times as much.
  const from = new Int32Array(count + 1);
  for (let i = 0; i < keys.length; i++) from[(keys[i] ?? 0) + 1] = (from[(keys[i] ?? 0) + 1] ?? 0) + 1;
  for (let k = 0; k < count; k++) from[k + 1] = (from[k + 1] ?? 0) + (from[k] ?? 0);
  const next = from.slice(0, count);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? 0;
    const at = next[k] ?? 0;
    next[k] = at + 1;
    order[at] = i;
  }
  return { from, order };
}

/** `values` in `order`. */
function pick<T extends Float64Array | Int32Array>(values: T, order: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i] ?? 0] ?? 0;
  return out;
}

/** Trigram–page pairs (given in page order) grouped by bucket, keeping their order: pairs of bucket b are from[b] … from[b + 1] - 1. */
function groupByBucket(gram: Float64Array, doc: Int32Array, buckets: number): { from: Int32Array; gram: Float64Array; doc: Int32Array } {
  const keys = new Int32Array(gram.length);
  for (let i = 0; i < gram.length; i++) keys[i] = bucketOf(gram[i] ?? 0, buckets);
  const { from, order } = byKey(keys, buckets);
  return { from, gram: pick(gram, order), doc: pick(doc, order) };
}

/** One bucket's postings from its pairs in page order (so that each trigram's pages come out ascending). */
export function postingsOf(gram: Float64Array, doc: Int32Array): Postings {
  const distinct = gram.slice().sort();
  let n = 0;
  for (let i = 0; i < distinct.length; i++) if (n === 0 || distinct[i] !== distinct[n - 1]) distinct[n++] = distinct[i] ?? 0;
  const grams = distinct.subarray(0, n);
  // Each pair's trigram as its rank among the distinct ones.
  const rank = new Int32Array(gram.length);
  for (let i = 0; i < gram.length; i++) {
    const g = gram[i] ?? 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((grams[mid] ?? 0) < g) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
  }
  const { from: starts, order } = byKey(rank, n);
  return { grams, starts, docs: pick(doc, order) };
}

/** Buckets for `pairs` trigram–page pairs (≈ 1.5 bytes a pair and 7 a distinct trigram, typically pairs / 4 of them). */
function bucketCount(pairs: number): number {
  const estimate = pairs * 1.5 + (pairs / 4) * 7;
  let buckets = 1;
  while (estimate / buckets > BUCKET_BYTES) buckets *= 2;
  return buckets;
}

/** Buckets for an index of `pages` pages not read yet (the older shards' index, whose parts are written apart). */
export const bucketsForPages = (pages: number): number => bucketCount(pages * PAIRS_PER_PAGE);

/** A shard's buckets as its part of an index to be assembled (`assembleIndex`), removed once it is. */
export const POSTINGS_FILE = `${PHRASE_DIR}/postings.bin`;

/** What writing a shard's part gave. */
export interface ShardPart {
  bundle: string;
  docs: number;
  buckets: number;
}

/**
 * A shard's part of an exact-text index, from the fragments of its Pagefind bundle: its page table
 * (`<bundle>/phrase/d<c>.bin`, served) and its `buckets` buckets (POSTINGS_FILE: little-endian uint32 offsets of
 * each bucket, then the buckets), by default as many as suit the shard alone.
 */
export function writeShardPart(siteDir: string, bundle: string, buckets?: number): ShardPart {
  const pages = readFragments(join(siteDir, bundle));
  const grams = pages.map((p) => gramsOf(p.text));
  const gram = new Float64Array(grams.reduce((n, g) => n + g.length, 0));
  const doc = new Int32Array(gram.length);
  let k = 0;
  grams.forEach((gs, d) => {
    gram.set(gs, k);
    doc.fill(d, k, (k += gs.length));
  });
  const count = buckets ?? bucketCount(gram.length);
  const byBucket = groupByBucket(gram, doc, count);
  const encoded = Array.from({ length: count }, (_, b) => {
    const [from, to] = [byBucket.from[b] ?? 0, byBucket.from[b + 1] ?? 0];
    return encodeBucket(postingsOf(byBucket.gram.subarray(from, to), byBucket.doc.subarray(from, to)));
  });
  const offsets = new Uint32Array(count + 1);
  encoded.forEach((e, b) => (offsets[b + 1] = (offsets[b] ?? 0) + e.length));
  const out = join(siteDir, bundle, PHRASE_DIR);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(siteDir, bundle, POSTINGS_FILE), Buffer.concat([Buffer.from(offsets.buffer), ...encoded]));
  for (let c = 0; c * DOC_CHUNK < pages.length; c++) writeFileSync(join(siteDir, bundle, docsFile(c)), pack(JSON.stringify(pages.slice(c * DOC_CHUNK, (c + 1) * DOC_CHUNK).map((p) => p.id))));
  return { bundle, docs: pages.length, buckets: count };
}

/** Where a part's sections are read from: its shard's POSTINGS_FILE (under `root`), or an index already built (its `part`). */
export type PartSource = { root: string; shard: string } | { root: string; index: PhraseIndexInfo; part: number };

/** Bucket b's section of a part, for each b < buckets. */
function sectionsOf(source: PartSource, buckets: number): (b: number) => Uint8Array {
  if ('index' in source) {
    if (source.index.buckets !== buckets) throw new Error(`${source.index.dir}: ${source.index.buckets} buckets, not the ${buckets} of the index it goes into`);
    // Read at once: the index being assembled may be this very one, rewritten in place.
    const all = Array.from({ length: buckets }, (_, b) => sections(unpack(join(source.root, source.index.dir, bucketFile(b))))[source.part] ?? new Uint8Array());
    return (b) => all[b] ?? new Uint8Array();
  }
  const file = readFileSync(join(source.root, source.shard, POSTINGS_FILE));
  const offsets = new Uint32Array(file.buffer.slice(file.byteOffset, file.byteOffset + 4 * (buckets + 1)));
  if ((offsets[buckets] ?? 0) + 4 * (buckets + 1) !== file.length) throw new Error(`${source.shard}/${POSTINGS_FILE} was not written with ${buckets} buckets`);
  return (b) => file.subarray(4 * (buckets + 1) + (offsets[b] ?? 0), 4 * (buckets + 1) + (offsets[b + 1] ?? 0));
}

/** An index's bucket files, `<siteDir>/<dir>/phrase/<b>.bin` (those of an earlier one removed first), from its parts' sections in order. */
export function assembleIndex(siteDir: string, dir: string, buckets: number, parts: readonly { bundle: string; docs: number; source: PartSource }[]): PhraseIndexInfo {
  const readers = parts.map((p) => sectionsOf(p.source, buckets));
  const out = join(siteDir, dir, PHRASE_DIR);
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (/^\d+\.bin$/.test(name)) rmSync(join(out, name));
  for (let b = 0; b < buckets; b++) writeFileSync(join(siteDir, dir, bucketFile(b)), pack(joinSections(readers.map((r) => r(b)))));
  return { dir, parts: parts.map(({ bundle, docs }) => ({ bundle, docs })), buckets };
}
