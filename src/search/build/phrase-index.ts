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
import { DOC_CHUNK, PHRASE_DIR, SIGNATURE, bucketFile, bucketOf, docsFile, encodeBucket, fragmentText, gramsOf, type PhraseIndexInfo } from '../phrase.ts';

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

const pack = (data: Uint8Array | string): Buffer =>
  gzipSync(Buffer.concat([Buffer.from(SIGNATURE), typeof data === 'string' ? Buffer.from(data) : Buffer.from(data)]), { level: 9 });

export interface PhraseIndexResult extends PhraseIndexInfo {
  /** Trigram–page pairs indexed. */
  pairs: number;
  bytes: number;
}

export function writePhraseIndex(bundleDir: string): PhraseIndexResult {
  const pages = readFragments(bundleDir);
  const grams = pages.map((p) => gramsOf(p.text));
  const pairs = grams.reduce((n, g) => n + g.length, 0);
  // ≈ 1.5 bytes per pair and 7 per distinct trigram; the distinct count is not known yet: pairs / 4 is typical.
  const estimate = pairs * 1.5 + (pairs / 4) * 7;
  let buckets = 1;
  while (estimate / buckets > BUCKET_BYTES) buckets *= 2;

  const byBucket = Array.from({ length: buckets }, () => ({ grams: [] as number[], docs: [] as number[] }));
  grams.forEach((gs, doc) => {
    for (const g of gs) {
      const b = byBucket[bucketOf(g, buckets)];
      b?.grams.push(g);
      b?.docs.push(doc);
    }
  });
  const out = join(bundleDir, PHRASE_DIR);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  const write = (file: string, data: Uint8Array | string) => {
    const packed = pack(data);
    bytes += packed.length;
    writeFileSync(join(bundleDir, file), packed);
  };
  byBucket.forEach((b, i) => {
    const lists = new Map<number, number[]>();
    b.grams.forEach((g, k) => {
      const list = lists.get(g);
      if (list) list.push(b.docs[k] ?? 0);
      else lists.set(g, [b.docs[k] ?? 0]);
    });
    write(bucketFile(i), encodeBucket([...lists].map(([gram, docs]) => ({ gram, docs }))));
  });
  for (let c = 0; c * DOC_CHUNK < pages.length; c++) write(docsFile(c), JSON.stringify(pages.slice(c * DOC_CHUNK, (c + 1) * DOC_CHUNK).map((p) => p.id)));
  return { buckets, docs: pages.length, pairs, bytes };
}
