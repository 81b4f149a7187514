/**
 * The character ledger (issue 8.1): every non-whitespace character of a source is either published,
 * collated (the source is a copy and its text feeds the collation notes), or removed with a stated
 * reason (SourceParse.removals). Nothing may silently vanish, and nothing may be published more often
 * than the source prints it.
 *
 * It is a multiset comparison per source file, by Unicode code point, whitespace (JS `\s`: ASCII
 * spaces, TAB, NBSP, U+3000 …) ignored:
 *
 *   remainder(c) = count in the file − count in counted fields − count in removals
 *   remainder > 0 → UNACCOUNTED (lost by the adapter; fails the build for an authoritative source)
 *   remainder < 0 → INVENTED   (published more often than printed; reported)
 *
 * so that sourceChars = published + collated + Σ removed + unaccounted − invented.
 *
 * Counted fields are the printed forms a page or the API shows (src/gazette/shown.ts), each printed
 * stretch once (see `fieldsOf`): text an adapter keeps where no reader sees it is unaccounted. Derived values
 * are not counted: SourceDocument.title (printedTitle without layout spaces, or repaired from the TOC
 * where the print lost words, as in 001's 卷首语), issuers, date, kind,
 * page, the normalised parts of a DocumentNumber, an entry's docNumber (read from its text), a TOC
 * entry's title/docNumber/page (read from `printed`), and the Issue facts (id, gazette, year, number,
 * cumulative, published, frequency, issn, cn, sponsor, publisher), whose printed lines the adapter keeps
 * verbatim in SourceParse.meta or in the masthead.
 */
import { isShownFileMeta, SHOWN_ISSUE_FIELDS } from '../../gazette/shown.ts';
import type {
  Block,
  Finding,
  GazetteDocument,
  Removal,
  SourceDocument,
  SourceKind,
  SourceParse,
  SourceRole,
} from '../../gazette/model.ts';

export interface LedgerInput {
  file: string;
  text: string;
  parse: SourceParse;
  /**
   * The reconciled documents read from this file (any other is passed over). A document of this file is published when some document
   * lists it (same file, same first line) as its authoritative source, collated when listed as a copy;
   * a document listed nowhere is neither, so its characters show as unaccounted. The issue of a dump
   * is always published.
   */
  published: readonly Pick<GazetteDocument, 'sources'>[];
}

/** One place where a character is unaccounted or invented. */
export interface LedgerPlace {
  line: number;
  /** Unaccounted only: 1-based position among the line's non-whitespace characters. */
  column?: number;
  /** A few characters either side, the character in 【】. */
  context: string;
  /** Invented only: the field that publishes it, e.g. 「吉林省人民政府人事任免」 docNumber.printed. */
  field?: string;
}

export interface LedgerSample {
  char: string;
  /** How many of this character are unaccounted (or invented). */
  count: number;
  /** Where, as far as they can be told apart (at most MAX_PLACES). */
  places: LedgerPlace[];
}

/** The ledger of one source file, as written to dist/api/report.json. */
export interface LedgerEntry {
  file: string;
  /** Source kind, i.e. which adapter read the file. */
  kind: SourceKind;
  /** The file publishes an issue or at least one document: unaccounted characters fail the build. */
  authoritative: boolean;
  /** Non-whitespace characters in the file. */
  sourceChars: number;
  /** Characters in published fields (issue, authoritative documents, file metadata). */
  published: number;
  /** Characters in fields of documents that are copies: read for collation notes, not published. */
  collated: number;
  /** Removed characters by stated reason. */
  removed: Record<string, number>;
  unaccounted: number;
  invented: number;
  samples: { unaccounted: LedgerSample[]; invented: LedgerSample[] };
}

type Bucket = 'published' | 'collated';

/** A printed stretch of a parse: what the ledger counts. */
interface Field {
  bucket: Bucket;
  /** Readable path for reports. */
  name: string;
  line: number;
  text: string;
}

const MAX_PLACES = 20;
/** Window length for telling which occurrences of a character are the unaccounted ones. */
const GRAM = 4;
const CONTEXT = 8;

/** Whether a UTF-16 unit is one of the characters /\s/ matches (the ledger counts every other character). */
export function isSpaceUnit(u: number): boolean {
  if (u <= 0x20) return u === 0x20 || (u >= 0x09 && u <= 0x0d);
  if (u < 0xa0) return false;
  return u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff;
}

/** Calls `each` with the UTF-16 offset and width (2: outside the BMP) of every non-whitespace character of `s`, in order. */
function eachChar(s: string, each: (at: number, width: 1 | 2) => void): void {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) {
        each(i++, 2);
        continue;
      }
    }
    if (!isSpaceUnit(u)) each(i, 1);
  }
}

const charAt = (s: string, at: number, width: 1 | 2): string => (width === 1 ? (s[at] ?? '') : s.slice(at, at + 2));

const chars = (s: string): string[] => {
  const out: string[] = [];
  eachChar(s, (at, width) => out.push(charAt(s, at, width)));
  return out;
};

/** How many non-whitespace characters `s` has. */
function charCount(s: string): number {
  let n = 0;
  eachChar(s, () => n++);
  return n;
}

/** Counts of the BMP units being counted (zeroed again after each count): a Map update per character is most of a count. */
const unitCounts = new Int32Array(0x10000);

/** Each non-whitespace character's count, in the order of first occurrence. */
function countChars(strings: Iterable<string>): Map<string, number> {
  const first: (number | string)[] = [];
  const astral = new Map<string, number>();
  for (const s of strings)
    eachChar(s, (at, width) => {
      if (width === 1) {
        const u = s.charCodeAt(at);
        const n = unitCounts[u] ?? 0;
        unitCounts[u] = n + 1;
        if (n === 0) first.push(u);
      } else {
        const c = s.slice(at, at + 2);
        const n = astral.get(c) ?? 0;
        if (n === 0) first.push(c);
        astral.set(c, n + 1);
      }
    });
  const m = new Map<string, number>();
  for (const k of first) {
    if (typeof k === 'string') m.set(k, astral.get(k) ?? 0);
    else {
      m.set(String.fromCharCode(k), unitCounts[k] ?? 0);
      unitCounts[k] = 0;
    }
  }
  return m;
}

/** The text of blocks in reading order, each with its field name and line. */
function blockFields(blocks: Block[], bucket: Bucket, owner: string, out: Field[]): void {
  for (const b of blocks) {
    const at = (part: string, text: string | null, line = b.source.line): void => {
      if (text) out.push({ bucket, name: `${owner} ${b.id}${part}`, line, text });
    };
    switch (b.type) {
      case 'clause':
        at('.label', b.label);
        at('.text', b.text);
        blockFields(b.children, bucket, owner, out);
        break;
      case 'table':
        at('.caption', b.table.caption, b.table.source.line);
        for (const row of [...b.table.header, ...b.table.rows])
          row.cells.forEach((cell, i) => at(`.cell(${row.source.line},${i + 1})`, cell.text, row.source.line));
        break;
      case 'entry':
        at('.printedDate', b.printedDate);
        at('.text', b.text);
        break;
      default:
        at('.text', b.text);
    }
  }
}

/**
 * Metadata keys count only when the source prints them (YAML `title:`, infobox 中文名, 发布时间; `printed`
 * is the source without whitespace, so a letter-spaced 「文　　号」 prints 文号): a key
 * the file does not contain (slug, cover.gazette, siteTimestamp) is a name the adapter chose, not source
 * text. Values always count: meta holds what the source states, so a derived value shows as invented.
 */
function metaFields(
  meta: Record<string, string>,
  bucket: Bucket,
  owner: string,
  lineOf: (key: string) => number,
  printed: string,
  out: Field[],
): void {
  for (const [key, value] of Object.entries(meta)) {
    const line = lineOf(key);
    // Letter-spaced labels (「文　　号：」) print the key too: `printed` has no whitespace.
    if (printed.includes(key.replace(/\s+/g, ''))) out.push({ bucket, name: `${owner} meta key ${key}`, line, text: key });
    if (value) out.push({ bucket, name: `${owner} meta.${key}`, line, text: value });
  }
}

function documentFields(d: SourceDocument, bucket: Bucket, out: Field[]): void {
  const owner = `「${d.printedTitle || d.title}」`;
  const at = (name: string, text: string | null | undefined, line = d.span.from): void => {
    if (text) out.push({ bucket, name: `${owner} ${name}`, line, text });
  };
  // Header parts have no SourceRef; `lines` has them where the adapter reports them.
  const line = (part: string): number => d.lines?.[part] ?? d.span.from;
  at('printedTitle', d.printedTitle, line('title'));
  at('docNumber.printed', d.docNumber?.printed, line('docNumber'));
  at('addressees', d.addressees, line('addressees'));
  at('notice', d.notice, line('notice'));
  at('signature.issuer', d.signature.issuer, d.signature.source?.line);
  at('signature.date', d.signature.date, d.signature.source?.line);
  at('planTitle', d.planTitle, line('planTitle'));
  // A 政府令's head (official.ts readPromulgation) is shown on the page and in the API.
  at('promulgation.order', d.promulgation?.order, line('order'));
  at('promulgation.number', d.promulgation?.number, line('orderNumber'));
  at('promulgation.sentence', d.promulgation?.sentence, line('promulgation'));
  blockFields(d.body, bucket, owner, out);
  for (const a of d.attachments) {
    at(`${a.id}.label`, a.label, a.source.line);
    at(`${a.id}.title`, a.title, a.source.line);
    blockFields(a.body, bucket, `${owner} ${a.id}`, out);
  }
}

function roleOf(d: SourceDocument, published: LedgerInput['published']): SourceRole | null {
  let role: SourceRole | null = null;
  for (const g of published)
    for (const s of g.sources)
      if (s.file === d.file && s.lines.from === d.span.from) {
        if (s.role === 'authoritative') return s.role;
        role = s.role;
      }
  return role;
}

/**
 * Every counted field of a parse, in the order the ledger charges them: issue, documents in file order,
 * file metadata, document metadata. Metadata comes last so that a derived value, not the text it was
 * derived from, is blamed for an excess.
 */
function fieldsOf(input: LedgerInput): { fields: Field[]; authoritative: boolean } {
  const { parse } = input;
  const text = input.text.replace(/\s+/g, '');
  const out: Field[] = [];
  const issue = parse.issue;
  if (issue) {
    // Issue furniture without a SourceRef is placed at line 1, like file metadata.
    const at = (name: string, t: string | null, line = 1): void => {
      if (t) out.push({ bucket: 'published', name: `issue ${name}`, line, text: t });
    };
    // Only the fields a page or the API shows (src/gazette/shown.ts) publish a character.
    for (const field of SHOWN_ISSUE_FIELDS) {
      switch (field) {
        case 'motto':
          issue.motto.forEach((m, i) => at(`motto[${i}]`, m));
          break;
        case 'sections':
          for (const s of issue.sections) {
            at('section', s.title, s.entries[0]?.source.line);
            for (const e of s.entries) at('toc entry', e.printed, e.source.line);
          }
          break;
        case 'editorialBoard':
          for (const r of issue.editorialBoard) {
            at('editorialBoard.role', r.role);
            r.names.forEach((n) => at(`editorialBoard ${r.role}`, n));
          }
          break;
        case 'masthead':
          metaFields(issue.masthead, 'published', 'issue masthead', () => 1, text, out);
          break;
        case 'captions':
          issue.captions.forEach((c, i) => at(`captions[${i}]`, c));
          break;
        case 'about':
        case 'statement':
          at(field, issue[field]);
          break;
      }
    }
  }
  const docs = parse.documents.map((d) => ({ d, role: roleOf(d, input.published) }));
  const bucketOf = (role: SourceRole | null): Bucket | null =>
    role === 'authoritative' ? 'published' : role === 'copy' ? 'collated' : null;
  for (const { d, role } of docs) {
    const bucket = bucketOf(role);
    if (bucket) documentFields(d, bucket, out);
  }
  const authoritative = issue !== null || docs.some((x) => x.role === 'authoritative');
  // File metadata an adapter also copied into a document (000's record labels) is one printed statement.
  const inDocument = (k: string, v: string): boolean => parse.documents.some((d) => d.meta[k] === v);
  // Of an authoritative source only the file metadata a page shows is published (shown.ts); a copy's is
  // read for collation whatever it is.
  const fileBucket: Bucket | null = authoritative ? 'published' : docs.some((x) => x.role === 'copy') ? 'collated' : null;
  const fileMeta = Object.fromEntries(
    Object.entries(parse.meta).filter(([k, v]) => !inDocument(k, v) && (fileBucket !== 'published' || isShownFileMeta(k))),
  );
  if (fileBucket) metaFields(fileMeta, fileBucket, 'file', () => 1, text, out);
  for (const { d, role } of docs) {
    const bucket = bucketOf(role);
    if (bucket) metaFields(d.meta, bucket, `「${d.printedTitle || d.title}」`, (k) => d.lines?.[k] ?? d.span.from, text, out);
  }
  return { fields: out, authoritative };
}

/** 「…前文【c】后文…」 around index `at` of a character array. */
function contextOf(cs: string[], at: number): string {
  return `${cs.slice(Math.max(0, at - CONTEXT), at).join('')}【${cs[at]}】${cs.slice(at + 1, at + 1 + CONTEXT).join('')}`;
}

/** The GRAM-character windows of a character array, as a lookup of the window starting at a character. */
class Windows {
  private readonly joined: string;
  /** UTF-16 offset of each character in `joined`, and its length after the last. */
  private readonly at: Int32Array;
  constructor(readonly cs: readonly string[]) {
    this.joined = cs.join('');
    this.at = new Int32Array(cs.length + 1);
    for (let i = 0; i < cs.length; i++) this.at[i + 1] = (this.at[i] ?? 0) + (cs[i]?.length ?? 0);
  }
  /** The window of GRAM characters from character `start`, or null past the ends. */
  window(start: number): string | null {
    return start >= 0 && start + GRAM <= this.cs.length ? this.joined.slice(this.at[start], this.at[start + GRAM]) : null;
  }
  set(): Set<string> {
    const set = new Set<string>();
    for (let i = 0; i + GRAM <= this.cs.length; i++) set.add(this.window(i) ?? '');
    return set;
  }
}

const grams = (cs: readonly string[]): Set<string> => new Windows(cs).set();

/** The file's non-whitespace characters with their lines. */
function sourceChars(text: string): { cs: string[]; lines: number[] } {
  const cs: string[] = [];
  const lines: number[] = [];
  let line = 1;
  let next = text.indexOf('\n');
  eachChar(text, (at, width) => {
    while (next >= 0 && next < at) [line, next] = [line + 1, text.indexOf('\n', next + 1)];
    cs.push(charAt(text, at, width));
    lines.push(line);
  });
  return { cs, lines };
}

/**
 * Where the unaccounted occurrences of each character are. Counts are exact, positions are not (a
 * multiset has none). An occurrence is taken as accounted when a removal on its line holds that
 * character, or when some GRAM-character window around it also occurs in the counted text; so a
 * character dropped from 「分类管理和服。务。」 is found by its neighbours while the thousands of
 * other 。 are not listed.
 */
function unaccountedSamples(
  src: { cs: string[]; lines: number[] },
  fields: Field[],
  removals: Removal[],
  remainder: Map<string, number>,
): LedgerSample[] {
  const wanted = new Set([...remainder].filter(([, n]) => n > 0).map(([c]) => c));
  if (wanted.size === 0) return [];
  const known = grams(fields.flatMap((f) => chars(f.text)));
  const removedOnLine = new Map<string, number>();
  for (const r of removals) for (const c of chars(r.text)) removedOnLine.set(`${r.line}:${c}`, (removedOnLine.get(`${r.line}:${c}`) ?? 0) + 1);
  const { cs, lines } = src;
  const windows = new Windows(cs);
  const placed = new Set<number>();
  cs.forEach((c, p) => {
    if (!wanted.has(c)) return;
    const key = `${lines[p]}:${c}`;
    const removed = removedOnLine.get(key) ?? 0;
    if (removed > 0) return void removedOnLine.set(key, removed - 1);
    for (let start = p - GRAM + 1; start <= p; start++) {
      const w = windows.window(start);
      if (w !== null && known.has(w)) return;
    }
    placed.add(p);
  });
  // Losses come in stretches: an occurrence whose neighbours are printed elsewhere (「：社会公用…」) is
  // still placed when its line already holds another unaccounted character.
  const flagged = new Set([...placed].map((p) => lines[p]));
  const short = new Map([...wanted].map((c) => [c, (remainder.get(c) ?? 0) - [...placed].filter((p) => cs[p] === c).length]));
  cs.forEach((c, p) => {
    const n = short.get(c) ?? 0;
    if (n > 0 && flagged.has(lines[p]) && !placed.has(p)) {
      placed.add(p);
      short.set(c, n - 1);
    }
  });
  const places = new Map<string, LedgerPlace[]>();
  const lineStart = new Map<number, number>();
  lines.forEach((l, p) => lineStart.has(l) || lineStart.set(l, p));
  for (const p of [...placed].sort((a, b) => a - b)) {
    const list = places.get(cs[p]!) ?? [];
    const line = lines[p] ?? 0;
    if (list.length < MAX_PLACES) list.push({ line, column: p - (lineStart.get(line) ?? p) + 1, context: contextOf(cs, p) });
    places.set(cs[p]!, list);
  }
  return [...wanted].map((c) => ({ char: c, count: remainder.get(c) ?? 0, places: places.get(c) ?? [] }));
}

/**
 * Which fields publish the invented characters. Each field, longest first (a short cell 「3」 must not
 * take a stretch a whole paragraph needs), claims the stretch of the file that prints its text verbatim,
 * unclaimed and nearest its line. The excess of each character is then blamed on: (1) characters of
 * unclaimed fields that the file never prints in that context (a slug, an ISO date, a joiner 、 between
 * list items); then (2) fields whose text the file prints but another field already claimed (the TOC's
 * 发文字号 copied into a header); then (3) the rest of the unclaimed fields (text the source interrupts
 * with markup, so it is never verbatim). Within a tier, fields charged later (metadata) are blamed first.
 */
function inventedSamples(src: { cs: string[]; lines: number[] }, fields: Field[], remainder: Map<string, number>): LedgerSample[] {
  const excess = new Map([...remainder].filter(([, n]) => n < 0).map(([c, n]) => [c, -n]));
  if (excess.size === 0) return [];
  const haystack = src.cs.join('');
  // UTF-16 offset → source line (a character outside the BMP takes two offsets).
  const lineAt = src.cs.flatMap((c, i) => (c.length === 2 ? [src.lines[i]!, src.lines[i]!] : [src.lines[i]!]));
  const claimed = new Uint8Array(haystack.length);
  const printed = grams(src.cs);
  const blame: { c: string; i: number; cs: string[]; f: Field; tier: number; order: number }[] = [];
  const byLength = fields.map((f, order) => ({ f, order, cs: chars(f.text) })).sort((a, b) => b.cs.length - a.cs.length);
  for (const { f, order, cs } of byLength) {
    const needle = cs.join('');
    let best = -1;
    let found = false;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      found = true;
      if (claimed.subarray(at, at + needle.length).includes(1)) continue;
      if (best < 0 || Math.abs((lineAt[at] ?? 0) - f.line) < Math.abs((lineAt[best] ?? 0) - f.line)) best = at;
    }
    if (best >= 0) {
      claimed.fill(1, best, best + needle.length);
      continue;
    }
    const windows = new Windows(cs);
    cs.forEach((c, i) => {
      if (!excess.has(c)) return;
      const inContext = Array.from({ length: GRAM }, (_, k) => windows.window(i - k)).some((w) => w !== null && printed.has(w));
      blame.push({ c, i, cs, f, tier: found ? 2 : inContext ? 3 : 1, order });
    });
  }
  const samples = new Map<string, LedgerSample>();
  for (const { c, i, cs, f } of blame.sort((x, y) => x.tier - y.tier || y.order - x.order || x.i - y.i)) {
    const left = excess.get(c) ?? 0;
    if (left === 0) continue;
    excess.set(c, left - 1);
    const s = samples.get(c) ?? { char: c, count: -(remainder.get(c) ?? 0), places: [] };
    if (s.places.length < MAX_PLACES) s.places.push({ line: f.line, context: contextOf(cs, i), field: f.name });
    samples.set(c, s);
  }
  for (const [c, left] of excess) if (left > 0 && !samples.has(c)) samples.set(c, { char: c, count: -(remainder.get(c) ?? 0), places: [] });
  return [...samples.values()];
}

export function buildLedger(input: LedgerInput): LedgerEntry {
  const { fields, authoritative } = fieldsOf(input);
  const source = countChars([input.text]);
  const removedChars = countChars(input.parse.removals.map((r) => r.text));
  const counted = countChars(fields.map((f) => f.text));

  const removed: Record<string, number> = {};
  for (const r of input.parse.removals) removed[r.reason] = (removed[r.reason] ?? 0) + charCount(r.text);
  const total = (bucket: Bucket): number => fields.filter((f) => f.bucket === bucket).reduce((n, f) => n + charCount(f.text), 0);

  const remainder = new Map<string, number>();
  for (const c of new Set([...source.keys(), ...removedChars.keys(), ...counted.keys()]))
    remainder.set(c, (source.get(c) ?? 0) - (removedChars.get(c) ?? 0) - (counted.get(c) ?? 0));
  const sum = (sign: 1 | -1): number => [...remainder.values()].reduce((n, r) => n + Math.max(0, sign * r), 0);

  const src = sourceChars(input.text);
  const bySourceOrder = (a: LedgerSample, b: LedgerSample): number => (a.places[0]?.line ?? 0) - (b.places[0]?.line ?? 0);
  return {
    file: input.file,
    kind: input.parse.kind,
    authoritative,
    sourceChars: src.cs.length,
    published: total('published'),
    collated: total('collated'),
    removed: Object.fromEntries(Object.entries(removed).sort(([a], [b]) => a.localeCompare(b))),
    unaccounted: sum(1),
    invented: sum(-1),
    samples: {
      unaccounted: unaccountedSamples(src, fields, input.parse.removals, remainder).sort(bySourceOrder),
      invented: inventedSamples(src, fields, remainder).sort(bySourceOrder),
    },
  };
}

/**
 * The ledger as findings, one per source line (unaccounted) or per field (invented), naming the adapter
 * so its owner can fix it. Unaccounted characters of an authoritative source are `ledger-unaccounted`
 * errors, which withhold the source (check/withhold.ts); of a copy, `ledger-unaccounted-copy` warnings: a copy only feeds
 * collation notes, which then miss those characters.
 */
export function ledgerFindings(entry: LedgerEntry): Finding[] {
  const adapter = `${entry.kind} 适配器`;
  const group = (samples: LedgerSample[], key: (p: LedgerPlace) => string) => {
    const groups = new Map<string, { place: LedgerPlace; chars: { c: string; column: number }[] }>();
    for (const s of samples)
      for (const p of s.places) {
        const g = groups.get(key(p)) ?? { place: p, chars: [] };
        g.chars.push({ c: s.char, column: p.column ?? 0 });
        groups.set(key(p), g);
      }
    return [...groups.values()].map((g) => ({ place: g.place, chars: g.chars.sort((a, b) => a.column - b.column).map((x) => x.c) }));
  };
  const lost = group(entry.samples.unaccounted, (p) => String(p.line)).map(
    ({ place, chars: cs }): Finding => ({
      kind: entry.authoritative ? 'ledger-unaccounted' : 'ledger-unaccounted-copy',
      severity: entry.authoritative ? 'error' : 'warning',
      file: entry.file,
      line: place.line,
      message: `第${place.line}行的「${cs.join('')}」（${place.context}）既没有发布在任何页面或 API 中，${adapter}也没有说明删除理由。`,
      action: entry.authoritative ? '本来源暂不公布，直至适配器发布这些文字或记录删除理由' : '已报告；校勘记无法覆盖这些字符',
    }),
  );
  const unplaced = entry.samples.unaccounted.filter((s) => s.places.length === 0);
  if (unplaced.length)
    lost.push({
      kind: entry.authoritative ? 'ledger-unaccounted' : 'ledger-unaccounted-copy',
      severity: entry.authoritative ? 'error' : 'warning',
      file: entry.file,
      line: 1,
      message: `${adapter}在文件某处丢失了 ${unplaced.map((s) => `「${s.char}」×${s.count}`).join(' ')}（每一处的上下文都已发布，无法确定位置）。`,
      action: entry.authoritative ? '本来源暂不公布，直至适配器发布这些文字或记录删除理由' : '已报告',
    });
  const extra = group(entry.samples.invented, (p) => p.field ?? '').map(
    ({ place, chars: cs }): Finding => ({
      kind: 'ledger-invented',
      severity: 'warning',
      file: entry.file,
      line: place.line,
      message: `${adapter}在 ${place.field} 中发布的「${cs.join('')}」比来源印出的次数多（${place.context}）。`,
      action: '已报告；派生值不应放在印出字段中，重复的片段应删除',
    }),
  );
  return [...lost, ...extra];
}
