/**
 * Deterministic variation of Chinese text for the synthetic archive (npm run bench): a seeded PRNG and a
 * paragraph mutator that swaps Han bigrams for bigrams drawn from the real sources, so that every generated
 * paragraph is new text (the search index cannot deduplicate it) while everything the gazette-dump reader keys
 * on stays as printed: the clause label or entry date at the start, the last characters (sentence end,
 * 「…负责）」, 「…名单」), 发文字号 and TAB table rows. Pure functions.
 */

/** 32-bit FNV-1a of a string: seeds. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG in [0, 1). */
export function rng(seed: number | string): Rng {
  let a = typeof seed === 'string' ? hash32(seed) : seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, items: readonly T[]): T => {
  if (items.length === 0) throw new Error('pick: empty list');
  return items[Math.floor(r() * items.length)] as T;
};

const HAN = /\p{Script=Han}/u;
export const isHan = (c: string | undefined): boolean => c !== undefined && HAN.test(c);

/** Chinese numerals: a bigram starting with one could turn the rest of a split paragraph into a clause label. */
const NUMERAL = /[〇零一二三四五六七八九十百千两]/;

/**
 * Every distinct Han bigram of the given texts, sorted (a stable pool: the same inputs give the same archive).
 * Bigrams holding a Chinese numeral are left out (they could forge 「一、」-style labels when spliced).
 */
export function bigramPool(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const t of texts) {
    const cs = Array.from(t);
    for (let i = 0; i + 1 < cs.length; i++) {
      const a = cs[i] as string;
      const b = cs[i + 1] as string;
      if (a.length === 1 && b.length === 1 && isHan(a) && isHan(b) && !NUMERAL.test(a) && !NUMERAL.test(b)) seen.add(a + b);
    }
  }
  return [...seen].sort();
}

/**
 * What a paragraph starts with that the reader interprets: clause labels (一、 （一） 1. （1） ① ——), 附件,
 * entry dates 「2月1日 」「同日 」, and the sentence-joined forms of those.
 */
const LEADING = new RegExp(
  String.raw`^\s*(?:(?:[一二三四五六七八九十百]+[、.．]|[（(]\s*[一二三四五六七八九十百\d０-９]+\s*[)）]\s?|[\d０-９]+[.．、]\s?|[\u2460-\u2473]|——|附件\s*\d*[：:]?|\d{1,2}月\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?\s+|同日\s+|[（(](?:责任单位|省))\s*)+`,
  'u',
);

/** 发文字号 and 令 numbers in running text (their 机关代字 must keep a pinyin slug), and 《》 titles' brackets. */
const PROTECTED = /\p{Script=Han}{1,12}\s*[〔［\[【（(]\s*\d{4}\s*[〕］\]】）)]\s*第?\s*[\d\-－—–]+\s*号|\p{Script=Han}{1,12}令\s*第\s*\d+\s*号/gu;

export interface VaryOptions {
  /** Mean distance between swaps, in characters (default 14). */
  every?: number;
  /** Characters at the start kept as printed besides the label (default 3). */
  keepHead?: number;
  /** Characters at the end kept as printed (default 3). */
  keepTail?: number;
}

/**
 * Swaps Han bigrams of `text` for pool bigrams, at least one per paragraph that has room for one. Keeps the
 * leading label/date, the head and tail characters and any 发文字号; a TAB row is returned unchanged.
 */
export function varyText(text: string, r: Rng, pool: readonly string[], opts: VaryOptions = {}): string {
  if (text.includes('\t') || pool.length === 0) return text;
  const every = opts.every ?? 14;
  const chars = Array.from(text);
  const lead = LEADING.exec(text)?.[0] ?? '';
  const head = Array.from(lead).length + (opts.keepHead ?? 3);
  const tail = chars.length - (opts.keepTail ?? 3);
  const locked = new Uint8Array(chars.length);
  // Code-point offsets of protected spans.
  for (const m of text.matchAll(PROTECTED)) {
    const from = Array.from(text.slice(0, m.index)).length;
    const len = Array.from(m[0]).length;
    for (let k = Math.max(0, from - 1); k < Math.min(chars.length, from + len + 1); k++) locked[k] = 1;
  }
  const eligible: number[] = [];
  for (let i = head; i + 1 < tail; i++) {
    if (locked[i] || locked[i + 1]) continue;
    const a = chars[i];
    const b = chars[i + 1];
    if (a && b && a.length === 1 && b.length === 1 && isHan(a) && isHan(b)) eligible.push(i);
  }
  if (eligible.length === 0) return text;
  const swaps = new Set<number>();
  for (const i of eligible) if (r() < 2 / every) swaps.add(i);
  if (swaps.size === 0) swaps.add(pick(r, eligible));
  let last = -2;
  for (const i of [...swaps].sort((x, y) => x - y)) {
    if (i <= last + 1) continue; // overlapping swaps
    const bg = pick(r, pool);
    chars[i] = bg[0] as string;
    chars[i + 1] = bg[1] as string;
    last = i;
  }
  return chars.join('');
}

/**
 * Splits a long paragraph the way a PDF column break does (as in content/sources/001: 「…精神，紧」 / 「紧围绕…」): at a Han
 * character that is not a numeral, past the label and before the end, so the second part cannot open a clause.
 * Returns the paragraph unchanged when there is no such place.
 */
export function breakParagraph(text: string, r: Rng): string[] {
  const chars = Array.from(text);
  if (chars.length < 80) return [text];
  const from = Math.floor(chars.length * 0.3);
  const to = Math.floor(chars.length * 0.8);
  const start = from + Math.floor(r() * (to - from));
  for (let i = start; i < to; i++) {
    const prev = chars[i - 1];
    const c = chars[i];
    const next = chars[i + 1];
    if (isHan(prev) && isHan(c) && isHan(next) && !NUMERAL.test(c ?? '') && !NUMERAL.test(prev ?? '')) {
      return [chars.slice(0, i).join(''), chars.slice(i).join('')];
    }
  }
  return [text];
}
