/**
 * Build-time data for the search page (src/pages/search.astro ships it inline as JSON):
 *
 * - `t2s`: a Traditional → Simplified character map restricted to what the index can match — a pair T→S
 *   is kept only when S occurs in the indexed text and T does not (so a character the Simplified text
 *   itself uses, such as 著 in 显著, is never rewritten) — plus every character of the regional vocabulary.
 *   OpenCC `tw → cn`, the converter src/ingest/normalize/traditional.ts uses for matching.
 * - `vocab`: the regional vocabulary (两岸用语) of regional-vocabulary.ts, keys converted the same way, so
 *   the client applies it after character conversion exactly as traditional.ts does.
 * - `numbers`: every 发文字号 that names a document of the site (its own number, the numbers of the
 *   人事任免 entries it holds, the issue TOC), for pinning a 发文字号 query's document first.
 *
 * Everything here runs at build time; the browser gets plain data (src/index/query.ts uses it).
 */
import { Converter } from 'opencc-js/t2cn';
import type { Attachment, Block, DocumentNumber, TocSection } from '../ingest/model.ts';
import { REGIONAL_VOCABULARY } from '../ingest/normalize/regional-vocabulary.ts';
import { walkBlocks } from '../utils/blocks.ts';

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
  issue: string | null;
}

export interface SearchData {
  /** Concatenated pairs: Traditional character, Simplified character (both BMP, one UTF-16 unit each). */
  t2s: string;
  /** [regional word after character conversion, mainland word], longest first. */
  vocab: [string, string][];
  numbers: NumberEntry[];
  /** Documents named by `numbers`, by slug, for showing a pinned document Pagefind did not return. */
  docs: Record<string, SearchDocInfo>;
  /** Issue id → label (2023-4 → 2023年第4期（复总第888期）). */
  issues: Record<string, string>;
}

/** What a document page publishes as text (the part inside data-pagefind-body). */
export interface PublishedDocument {
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
  issue: string | null;
}

export interface PublishedIssue {
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
export function publishedText(doc: PublishedDocument): string {
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
export function issueText(issue: PublishedIssue): string {
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

export function buildT2S(indexedText: string): { t2s: string; vocab: [string, string][] } {
  const present = new Set(Array.from(indexedText));
  const vocabChars = new Set(REGIONAL_VOCABULARY.flatMap((w) => Array.from(w.regional)));
  let t2s = '';
  for (const [t, s] of allPairs()) {
    if (vocabChars.has(t) || (present.has(s) && !present.has(t))) t2s += t + s;
  }
  const vocab = REGIONAL_VOCABULARY.map((w) => [convert(w.regional), w.mainland] as [string, string])
    .filter(([key, mainland]) => key !== mainland)
    .sort((a, b) => b[0].length - a[0].length);
  return { t2s, vocab };
}

export function buildNumbers(docs: PublishedDocument[], issues: PublishedIssue[]): NumberEntry[] {
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

export function issueLabelOf(i: Pick<PublishedIssue, 'year' | 'number' | 'cumulative'>): string {
  return `${i.year}年第${i.number}期${i.cumulative ? `（复总第${i.cumulative}期）` : ''}`;
}

export function buildSearchData(docs: PublishedDocument[], issues: PublishedIssue[]): SearchData {
  const text = [...docs.map(publishedText), ...issues.map(issueText)].join('\n');
  const numbers = buildNumbers(docs, issues);
  const named = new Set(numbers.map((e) => e.doc));
  const info: Record<string, SearchDocInfo> = {};
  for (const d of docs) {
    if (!named.has(d.id)) continue;
    info[d.id] = { id: d.id, title: d.title, number: d.docNumber?.normalized ?? null, date: d.date, kind: d.kind, issue: d.issue };
  }
  return {
    ...buildT2S(text),
    numbers,
    docs: info,
    issues: Object.fromEntries(issues.map((i) => [i.id, issueLabelOf(i)])),
  };
}
