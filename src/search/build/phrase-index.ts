/**
 * Writes a shard's exact-text index (src/search/phrase.ts says what it holds) from the Pagefind fragments of
 * the shard just written, so that the index holds exactly the text the search page confirms a run in.
 *
 * Pages are numbered in the order a run's results are shown (`readingOrder`): the gazette's texts before what
 * editors wrote about them, each newest first — someone pasting a sentence wants its source, not a 解读 quoting it.
 * The bucket count grows with the shard, so that one bucket stays a small download whatever the archive's size.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EDITORIAL_KINDS } from '../../gazette/editorial.ts';
import { DOC_CHUNK, PHRASE_DIR, SIGNATURE, bucketFile, bucketOf, docsFile, encodeBucket, fragmentText, gramsOf, type PhraseIndexInfo, type Postings } from '../phrase.ts';

/** Bytes of one bucket before gzip that the bucket count aims at. */
const BUCKET_BYTES = 6 * 1024;

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

const pack = (data: Uint8Array | string): Buffer => gzipSync(Buffer.concat([Buffer.from(SIGNATURE), Buffer.from(data)]), { level: 9 });

export interface PhraseIndexResult extends PhraseIndexInfo {
  /** Trigram–page pairs indexed. */
  pairs: number;
  bytes: number;
}

/** Trigram–page pairs grouped by bucket (pairs of bucket b: from[b] … from[b + 1] - 1), each bucket's in page order. */
function pairsByBucket(grams: readonly Float64Array[], buckets: number): { from: Int32Array; gram: Float64Array; doc: Int32Array } {
  const pairs = grams.reduce((n, g) => n + g.length, 0);
  const bucket = new Int32Array(pairs);
  const from = new Int32Array(buckets + 1);
  let k = 0;
  for (const gs of grams) {
    for (const g of gs) {
      const b = bucketOf(g, buckets);
      bucket[k++] = b;
      from[b + 1] = (from[b + 1] ?? 0) + 1;
    }
  }
  for (let b = 0; b < buckets; b++) from[b + 1] = (from[b + 1] ?? 0) + (from[b] ?? 0);
  const next = from.slice(0, buckets);
  const gram = new Float64Array(pairs);
  const doc = new Int32Array(pairs);
  k = 0;
  grams.forEach((gs, d) => {
    for (const g of gs) {
      const b = bucket[k++] ?? 0;
      const at = next[b] ?? 0;
      next[b] = at + 1;
      gram[at] = g;
      doc[at] = d;
    }
  });
  return { from, gram, doc };
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

export function writePhraseIndex(bundleDir: string): PhraseIndexResult {
  const pages = readFragments(bundleDir);
  const grams = pages.map((p) => gramsOf(p.text));
  const pairs = grams.reduce((n, g) => n + g.length, 0);
  // ≈ 1.5 bytes per pair and 7 per distinct trigram; the distinct count is not known yet: pairs / 4 is typical.
  const estimate = pairs * 1.5 + (pairs / 4) * 7;
  let buckets = 1;
  while (estimate / buckets > BUCKET_BYTES) buckets *= 2;

  const out = join(bundleDir, PHRASE_DIR);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  const write = (file: string, data: Uint8Array | string) => {
    const packed = pack(data);
    bytes += packed.length;
    writeFileSync(join(bundleDir, file), packed);
  };
  const byBucket = pairsByBucket(grams, buckets);
  for (let b = 0; b < buckets; b++) {
    const [from, to] = [byBucket.from[b] ?? 0, byBucket.from[b + 1] ?? 0];
    write(bucketFile(b), encodeBucket(postingsOf(byBucket.gram.subarray(from, to), byBucket.doc.subarray(from, to))));
  }
  for (let c = 0; c * DOC_CHUNK < pages.length; c++) write(docsFile(c), JSON.stringify(pages.slice(c * DOC_CHUNK, (c + 1) * DOC_CHUNK).map((p) => p.id)));
  return { buckets, docs: pages.length, pairs, bytes };
}
