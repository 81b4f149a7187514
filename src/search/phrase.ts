/**
 * The exact-text index beside Pagefind (issue 22): which pages of a shard hold a run of text, found from the
 * trigrams of that run, so that a pasted sentence finds its page in every year without loading Pagefind's
 * word index of every shard (README, "Search"). Shared by the build (src/search/build/phrase-index.ts writes
 * it from the shard's fragments) and the search page (src/search/client/exact.ts reads it). Pure.
 *
 * Two indexes at most: the primary shard's (dir `pagefind`, rewritten when an issue is added) and one over every
 * older shard (OLDER_DIR), so that a query reads one file per trigram in each, not one per shard (README,
 * "Build speed … sixth session"). An index covers its `parts` (shard bundles, newest first):
 * - `<dir>/phrase/<b>.bin`, b < buckets: one section per part (`sections`), each listing every trigram of that
 *   part's folded page texts whose hash falls in bucket b, with the ascending numbers of its pages holding it;
 * - `<bundle>/phrase/d<c>.bin`, in each part's own bundle: its page numbers c·DOC_CHUNK … → Pagefind fragment
 *   ids (a JSON array), newest page first.
 * Sections keep each part's own page numbers, so that merging parts, or replacing one, copies bytes.
 * Both are SIGNATURE + data, like Pagefind's own files but not compressed (src/search/build/phrase-index.ts
 * `pack`; a host may compress them as it sends them). A page holds the run only if it holds every
 * trigram of a cover of it (`coverPositions`); the search page confirms the run in the page's fragment.
 */

export const PHRASE_DIR = 'phrase';
export const GRAM = 3;
export const DOC_CHUNK = 256;
export const SIGNATURE = 'gongbao_phrase2';
/** The folder of the exact-text index over the shards older than the primary one. */
export const OLDER_DIR = 'pagefind-older';

/** What pagefind-shards.json says of an exact-text index. */
export interface PhraseIndexInfo {
  /** Its folder in the site (the primary bundle's, or OLDER_DIR). */
  dir: string;
  /** The shard bundles it covers, newest first (a bucket's sections), and how many pages each has. */
  parts: { bundle: string; docs: number }[];
  buckets: number;
}

// ——— folding: how a run is compared with the indexed text ———

/** Whitespace outside ASCII (what /\s/ matches there): NBSP, Ogham space, U+2000–200A, 2028/2029, 202F, 205F, 3000, FEFF. */
function wideSpace(code: number): boolean {
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** One character width-folded and lower-cased, '' for whitespace (a page is tens of thousands of them: no regex). */
export function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c.length === 1 && code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? '' : c.toLowerCase();
  return wideSpace(code) ? '' : code < 0x2e80 ? c.toLowerCase() : c;
}

/** Width-folded, lower-cased, without spaces: how a phrase is compared with the indexed text. */
export function fold(s: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // Chinese text (CJK and after, but not the full-width forms) folds to itself: copied in runs.
    if (code >= 0x2e80 && !(code >= 0xff01 && code <= 0xff5e) && !wideSpace(code)) continue;
    if (i > from) parts.push(s.slice(from, i));
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < s.length;
    parts.push(foldChar(pair ? s.slice(i, i + 2) : s[i] ?? ''));
    if (pair) i++;
    from = i + 1;
  }
  if (from < s.length) parts.push(s.slice(from));
  return parts.join('');
}
/** Folded text with, for each of its characters, the offset of the original character it came from. */
function folded(text: string): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  let offset = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (let k = 0; k < f.length; k++) from.push(offset);
    out += f;
    offset += c.length;
  }
  return { text: out, from };
}

/** [start, end) offsets in `text` of every occurrence of `phrase`, compared folded (widths, case, spaces). */
export function phraseOccurrences(text: string, phrase: string): [number, number][] {
  const needle = fold(phrase);
  if (!needle) return [];
  const f = folded(text);
  const out: [number, number][] = [];
  for (let i = f.text.indexOf(needle); i >= 0; i = f.text.indexOf(needle, i + needle.length)) {
    const last = f.from[i + needle.length - 1] ?? 0;
    out.push([f.from[i] ?? 0, last + (text.codePointAt(last)! > 0xffff ? 2 : 1)]);
  }
  return out;
}

/** The text of a Pagefind fragment as the index holds it: its words joined (U+200B removed), folded. */
export const fragmentText = (content: string): string => fold(content.replaceAll('\u200B', ''));

// ——— trigrams ———

/** The trigram at `i` of a folded text as one number (three UTF-16 units, 48 bits). */
export const gramAt = (s: string, i: number): number => s.charCodeAt(i) * 2 ** 32 + s.charCodeAt(i + 1) * 2 ** 16 + s.charCodeAt(i + 2);

/** The bucket of a trigram (a 32-bit mix of its units, so neighbouring characters spread). */
export function bucketOf(gram: number, buckets: number): number {
  const a = Math.floor(gram / 2 ** 32);
  const b = Math.floor(gram / 2 ** 16) & 0xffff;
  const c = gram & 0xffff;
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + 0x165667b1, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % buckets;
}

/**
 * Start offsets of trigrams covering a run of `length` units: every third, and the last one (ending at the
 * run's end). A page holding the run holds all of them; few pages hold them all without it.
 */
export function coverPositions(length: number): number[] {
  if (length < GRAM) return [];
  const out: number[] = [];
  for (let i = 0; i + GRAM <= length; i += GRAM) out.push(i);
  if ((out.at(-1) ?? 0) !== length - GRAM) out.push(length - GRAM);
  return out;
}

/** The distinct trigrams of a folded text, ascending. */
export function gramsOf(text: string): Float64Array {
  const all = new Float64Array(Math.max(0, text.length - GRAM + 1));
  for (let i = 0; i < all.length; i++) all[i] = gramAt(text, i);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i] ?? 0;
  return all.subarray(0, n);
}

// ——— bucket files ———

/** A bucket's trigrams, ascending and distinct, and the pages holding trigram j: docs[starts[j]] … docs[starts[j + 1] - 1], ascending. */
export interface Postings {
  grams: Float64Array;
  starts: Int32Array;
  docs: Int32Array;
}

/** Writes `n` as a varint (7 bits a byte, low first) at `o`; returns the offset after it. */
function putVarint(out: Uint8Array, o: number, n: number): number {
  while (n >= 0x80) {
    out[o++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  out[o++] = n;
  return o;
}

/** A bucket: entries by ascending trigram; each 6 bytes of trigram (3 × uint16 LE), a varint count, varint gaps. */
export function encodeBucket({ grams, starts, docs }: Postings): Uint8Array {
  // at most 6 + 5 bytes a trigram and 5 a page
  const out = new Uint8Array(grams.length * 11 + docs.length * 5);
  let o = 0;
  const varint = (n: number): void => void (o = putVarint(out, o, n));
  const unit = (u: number): void => {
    out[o++] = u & 0xff;
    out[o++] = u >>> 8;
  };
  for (let j = 0; j < grams.length; j++) {
    const gram = grams[j] ?? 0;
    unit(Math.floor(gram / 2 ** 32));
    unit(Math.floor(gram / 2 ** 16) & 0xffff);
    unit(gram & 0xffff);
    const from = starts[j] ?? 0;
    const to = starts[j + 1] ?? from;
    varint(to - from);
    let last = 0;
    for (let k = from; k < to; k++) {
      const d = docs[k] ?? 0;
      varint(d - last);
      last = d;
    }
  }
  return out.subarray(0, o);
}

/** A cursor over a bucket's bytes: trigrams (three uint16 LE) and varints. */
function bucketReader(bytes: Uint8Array) {
  let i = 0;
  const unit = (k: number) => (bytes[i + k] ?? 0) | ((bytes[i + k + 1] ?? 0) << 8);
  return {
    offset: (): number => i,
    more: (): boolean => i + 6 <= bytes.length,
    gram: (): number => {
      const gram = unit(0) * 2 ** 32 + unit(2) * 2 ** 16 + unit(4);
      i += 6;
      return gram;
    },
    varint: (): number => {
      let n = 0;
      let shift = 0;
      for (;;) {
        const byte = bytes[i++] ?? 0;
        n += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) return n;
        shift += 7;
      }
    },
    skipVarint: (): void => {
      while ((bytes[i++] ?? 0) >= 0x80);
    },
  };
}

/** The page lists of the `wanted` trigrams in a bucket (a trigram missing from it: no page holds it). */
export function decodeBucket(bytes: Uint8Array, wanted: ReadonlySet<number>): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const r = bucketReader(bytes);
  while (r.more() && found.size < wanted.size) {
    const gram = r.gram();
    const count = r.varint();
    if (wanted.has(gram)) {
      const docs: number[] = [];
      let d = 0;
      for (let k = 0; k < count; k++) docs.push((d += r.varint()));
      found.set(gram, docs);
    } else {
      for (let k = 0; k < count; k++) r.skipVarint();
    }
  }
  return found;
}

/** Sections of a bucket file: a varint count, a varint byte length each, then the sections one after the other. */
export function joinSections(parts: readonly Uint8Array[]): Uint8Array {
  const head = new Uint8Array(5 * (parts.length + 1));
  let o = putVarint(head, 0, parts.length);
  for (const s of parts) o = putVarint(head, o, s.length);
  const out = new Uint8Array(o + parts.reduce((n, s) => n + s.length, 0));
  out.set(head.subarray(0, o));
  for (const s of parts) {
    out.set(s, o);
    o += s.length;
  }
  return out;
}

/** `joinSections`' inverse. */
export function sections(bytes: Uint8Array): Uint8Array[] {
  const r = bucketReader(bytes);
  const lengths = Array.from({ length: r.varint() }, () => r.varint());
  let i = r.offset();
  return lengths.map((n) => bytes.subarray(i, (i += n)));
}

/** Pages in every list (each ascending), ascending. */
export function intersect(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const sets = rest.map((l) => new Set(l));
  return (first ?? []).filter((d) => sets.every((s) => s.has(d)));
}

export const bucketFile = (b: number): string => `${PHRASE_DIR}/${b}.bin`;
export const docsFile = (chunk: number): string => `${PHRASE_DIR}/d${chunk}.bin`;
