/**
 * Build-time data for the search page (src/pages/search.astro ships it inline as JSON):
 *
 * - `t2s`, `t2sAmbiguous`, `vocab`: a Traditional → Simplified map restricted to the characters that occur in
 *   the indexed text, plus the regional vocabulary (两岸用语, regional-vocabulary.ts) and the few OpenCC phrases
 *   that convert unlike their characters (see buildT2S). OpenCC `tw → cn`, the converter
 *   src/ingest/text/traditional.ts uses for matching; concatenated pairs (BMP, one UTF-16 unit each).
 * - `numbers`: every 发文字号 that names a document of the site (its own number, the numbers of the
 *   人事任免 entries it holds, the issue TOC), for pinning a 发文字号 query's document first.
 *
 * Everything here runs at build time; the browser gets plain data (src/search/client/query.ts uses it).
 */
import { Converter } from 'opencc-js/t2cn';
import * as t2cnPreset from 'opencc-js/preset/t2cn';
import type { Attachment, Block, DocumentNumber, TocSection } from '../gazette/model.ts';
import { REGIONAL_VOCABULARY } from '../gazette/regional-vocabulary.ts';
import { walkBlocks } from '../gazette/blocks.ts';
import type { Numbering } from '../gazette/config.ts';
import { issueLabel } from '../gazette/numbering.ts';
import type { PhraseIndexInfo } from './phrase.ts';

export interface NumberEntry {
  /** Normalised 发文字号, e.g. 吉政办发〔2022〕26号. */
  n: string;
  /** Document slug. */
  doc: string;
  /** Clause or entry id when the number names a part of the document (an 人事任免 entry), else ''. */
  anchor: string;
}

export interface SearchDocInfo {
  id: string;
  title: string;
  /** 发文字号 as normalised, or null. */
  number: string | null;
  date: string | null;
  kind: string;
  issuers: string[];
  issue: string | null;
}

/** Inline in the search page: what every query needs. */
export interface SearchData extends T2SData {
  /** Issue id → label (2023-4 → 2023年第4期（复总第888期）). */
  issues: Record<string, string>;
}

/**
 * /search-numbers.json, fetched by the search page only for a query holding a digit: the 发文字号 of the site.
 * At scale it is larger than the rest of the search page, which every load would otherwise carry (README, "Benchmark and scale").
 */
export interface NumberData {
  numbers: NumberEntry[];
  /** Documents named by `numbers`, by slug, for showing a pinned document Pagefind did not return. */
  docs: Record<string, SearchDocInfo>;
}

/** The search shards of a built site (<site>/pagefind-shards.json), written by src/search/build/pagefind.ts. */
export interface ShardManifest {
  /** Newest first; the first is the primary bundle. */
  shards: { bundle: string; years: string[]; pages: number }[];
  /** The exact-text indexes (src/search/phrase.ts): the primary shard's, then the older shards' one; absent on a site built before them. */
  phrase?: PhraseIndexInfo[];
}

export const MANIFEST = 'pagefind-shards.json';

/** What a document page publishes as text (the part inside data-pagefind-body). */
export interface IndexedDocument {
  id: string;
  title: string;
  printedTitle?: string;
  docNumber: DocumentNumber | null;
  addressees: string | null;
  notice: string | null;
  signature: { issuer: string | null; date: string | null };
  planTitle: string | null;
  body: Block[];
  attachments: Attachment[];
  date: string | null;
  kind: string;
  issuers: string[];
  issue: string | null;
}

export interface IndexedIssue {
  id: string;
  gazette: string;
  year: number;
  number: number;
  cumulative: number | null;
  sponsor: string | null;
  publisher: string | null;
  frequency: string | null;
  sections: TocSection[];
}

function blockTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of walkBlocks(blocks)) {
    switch (b.type) {
      case 'clause':
        out.push(b.label, b.text);
        break;
      case 'table':
        out.push(b.table.caption ?? '');
        for (const row of [...b.table.header, ...b.table.rows]) for (const cell of row.cells) out.push(cell.text);
        break;
      default:
        out.push(b.text);
    }
  }
  return out;
}

/** The text a document page publishes inside data-pagefind-body (header, notice, body, attachments). */
export function publishedText(doc: IndexedDocument): string {
  return [
    doc.title,
    doc.docNumber?.printed ?? '',
    doc.addressees ?? '',
    doc.notice ?? '',
    doc.signature.issuer ?? '',
    doc.signature.date ?? '',
    doc.planTitle ?? '',
    ...blockTexts(doc.body),
    ...doc.attachments.flatMap((a) => [a.label, a.title, ...blockTexts(a.body)]),
  ].join('\n');
}

/** The text an issue page publishes inside data-pagefind-body (cover facts and the TOC). */
export function issueText(issue: IndexedIssue): string {
  return [
    issue.gazette,
    issue.sponsor ?? '',
    issue.publisher ?? '',
    issue.frequency ?? '',
    ...issue.sections.flatMap((s) => [s.title, ...s.entries.flatMap((e) => [e.title, e.docNumber?.normalized ?? ''])]),
  ].join('\n');
}

const convert = Converter({ from: 'tw', to: 'cn' });

/** CJK Unified Ideographs, Extension A and the compatibility block: where Traditional characters live. */
const RANGES: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

let everyPair: [string, string][] | null = null;

/** Every BMP character OpenCC tw→cn changes into a single character, with its conversion (computed once). */
function allPairs(): [string, string][] {
  if (everyPair) return everyPair;
  const pairs: [string, string][] = [];
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const t = String.fromCharCode(cp);
      const s = convert(t);
      if (s !== t && s.length === 1) pairs.push([t, s]);
    }
  }
  everyPair = pairs;
  return pairs;
}

/** The multi-character keys of OpenCC's tw→cn phrase tables (where a phrase converts unlike its characters). */
function openccPhrases(): string[] {
  const out: string[] = [];
  const dicts = [...(t2cnPreset.from['tw'] ?? []), ...(t2cnPreset.to['cn'] ?? [])].flat();
  for (const dict of dicts) {
    const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')[0] ?? '') : dict.map(([k]) => k);
    for (const k of entries) if (Array.from(k).length > 1) out.push(k);
  }
  return out;
}

export interface T2SData {
  t2s: string;
  t2sAmbiguous: string;
  vocab: [string, string, 0 | 1][];
}

/**
 * The query-side Traditional → Simplified data for a site whose indexed text is `indexedText`:
 * - `t2s`: pairs T→S where S occurs in the text and T does not (plus every character of the regional
 *   vocabulary whose T does not occur), safe to apply to any query;
 * - `t2sAmbiguous`: pairs whose T occurs in the Simplified text too (著 in 显著, 着 in 着力): applied only to
 *   a query that holds at least one character of `t2s`, i.e. one that is written in Traditional characters;
 * - `vocab`: [key, target, always] — the regional vocabulary and OpenCC's phrases whose conversion differs
 *   from their characters' (計畫 → 计划, not 计画), keyed by the characters' conversion so they apply after it;
 *   `always` when the key does not occur in the text (so it cannot rewrite a Simplified query's words).
 */
/** The UTF-16 units that occur in `text` (a build's text is tens of megabytes: one pass, no strings made). */
function unitsIn(text: string): Uint8Array {
  const seen = new Uint8Array(0x10000);
  for (let i = 0; i < text.length; i++) seen[text.charCodeAt(i)] = 1;
  return seen;
}

/**
 * Which of `needles` (two units or longer) occur in `text`: one pass over the text, looking up each pair of
 * units among the needles' first pairs — not one scan of the whole text per needle (1,600 OpenCC phrases).
 */
export function occurringIn(text: string, needles: Iterable<string>): Set<string> {
  const byStart = new Map<number, string[]>();
  // Units that start a needle: most of the text's units do not, and skip the map.
  const starts = new Uint8Array(0x10000);
  for (const n of new Set(needles)) {
    if (n.length < 2) continue;
    const key = n.charCodeAt(0) * 0x10000 + n.charCodeAt(1);
    byStart.set(key, [...(byStart.get(key) ?? []), n]);
    starts[n.charCodeAt(0)] = 1;
  }
  const found = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    if (starts[text.charCodeAt(i)] === 0) continue;
    const candidates = byStart.get(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
    if (candidates) for (const n of candidates) if (!found.has(n) && text.startsWith(n, i)) found.add(n);
  }
  return found;
}

export function buildT2S(indexedText: string): T2SData {
  const units = unitsIn(indexedText);
  const has = (c: string) => c.length === 1 && units[c.charCodeAt(0)] === 1;
  const vocabChars = new Set(REGIONAL_VOCABULARY.flatMap((w) => Array.from(w.regional)));
  let t2s = '';
  let t2sAmbiguous = '';
  const full = new Map<string, string>();
  for (const [t, s] of allPairs()) {
    if (has(t)) {
      if (!has(s)) continue;
      t2sAmbiguous += t + s;
    } else if (has(s) || vocabChars.has(t)) {
      t2s += t + s;
    } else continue;
    full.set(t, s);
  }
  const perChar = (w: string) => Array.from(w, (c) => full.get(c) ?? c).join('');
  const regional = REGIONAL_VOCABULARY.map((w) => [perChar(w.regional), w.mainland] as const);
  const phrases = openccPhrases().map((p) => [perChar(p), convert(p)] as const);
  const occurs = occurringIn(indexedText, [...regional, ...phrases].flatMap(([key, target]) => [key, target]));
  const vocab = new Map<string, [string, string, 0 | 1]>();
  const add = (key: string, target: string) => {
    if (key === target || vocab.has(key)) return;
    vocab.set(key, [key, target, occurs.has(key) ? 0 : 1]);
  };
  for (const [key, target] of regional) add(key, target);
  for (const [key, target] of phrases) if (occurs.has(target)) add(key, target);
  return { t2s, t2sAmbiguous, vocab: [...vocab.values()].sort((a, b) => b[0].length - a[0].length) };
}

export function buildNumbers(docs: IndexedDocument[], issues: IndexedIssue[]): NumberEntry[] {
  const seen = new Set<string>();
  const out: NumberEntry[] = [];
  const add = (n: string | undefined, doc: string | null, anchor = '') => {
    if (!n || !doc || seen.has(n)) return;
    seen.add(n);
    out.push({ n, doc, anchor });
  };
  // A document's own number first, so it wins over an entry or TOC line carrying the same number.
  for (const d of docs) add(d.docNumber?.normalized, d.id);
  for (const d of docs) {
    for (const b of walkBlocks(d.body)) if (b.type === 'entry') add(b.docNumber?.normalized, d.id, b.id);
  }
  for (const i of issues) for (const s of i.sections) for (const e of s.entries) add(e.docNumber?.normalized, e.document);
  return out;
}

/** `numbering`: the gazette's (GazetteConfig.numbering), for the issue labels. */
export function buildSearchData(docs: IndexedDocument[], issues: IndexedIssue[], numbering: Numbering): SearchData {
  const text = [...docs.map(publishedText), ...issues.map(issueText)].join('\n');
  return {
    ...buildT2S(text),
    issues: Object.fromEntries(issues.map((i) => [i.id, issueLabel(i, numbering)])),
  };
}

export function buildNumberData(docs: IndexedDocument[], issues: IndexedIssue[]): NumberData {
  const numbers = buildNumbers(docs, issues);
  const named = new Set(numbers.map((e) => e.doc));
  const info: Record<string, SearchDocInfo> = {};
  for (const d of docs) {
    if (!named.has(d.id)) continue;
    info[d.id] = {
      id: d.id,
      title: d.title,
      number: d.docNumber?.normalized ?? null,
      date: d.date,
      kind: d.kind,
      issuers: d.issuers,
      issue: d.issue,
    };
  }
  return { numbers, docs: info };
}
