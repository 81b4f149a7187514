/**
 * Collation (校勘): each copy against the authoritative text.
 *
 * 1. Both documents are cut into units: header fields (title, 主送, notice, 落款 issuer, plan title), then
 *    every block of the body and of the attachments in reading order — clause text (label excluded),
 *    paragraph, table (cells joined by |), omitted note, heading, entry.
 * 2. Units are aligned by block id (ids derive from printed numbering, so 二、（三）11. is p2-s3-i11 in
 *    every copy) with a diff over the id sequences; header fields pair by name.
 * 3. Aligned units are compared character by character (Myers' O(ND) diff) in a comparison form without
 *    what is only typography: spaces of any kind, full-width vs ASCII punctuation （），：；, dash glyphs
 *    -—– (year ranges 2022-2025 = 2022—2025), curly vs straight quotes, 〔〕 vs () around a name
 *    (各市〔州〕 = 各市(州)); a Traditional copy is compared after Traditional → Simplified conversion
 *    and the regional vocabulary.
 * 4. What one side has and the other lacks is one finding, not a flood of variants: a table replaced by a
 *    「（略）」 note (`copy-omits-table`), a clause printed without its number (`copy-omits-number`), blocks
 *    missing (`copy-omits-content`) or added (`copy-adds-content`), the same text cut into other blocks
 *    (`copy-restructures`), a passage rewritten rather than copied (`copy-rewrites-preamble`,
 *    `copy-rewrites-content`). A preamble missing from a copy's body is looked for among the copy's
 *    metadata: 002 prints D2's preamble, rewritten, as its page summary.
 * 5. Every other difference is a reading (Variant), quoted as printed with a little context. tamper.ts
 *    first takes out the differences that are a replaced issuer name: those are no readings.
 */
import type { Block, Finding, SourceDocument, Table, Variant } from '../../gazette/model.ts';
import { toMatchForm } from '../../gazette/width.ts';
import type { Traced } from '../text/traditional.ts';
import { simplifyTraced, trace } from '../text/traditional.ts';
import { titleKey } from './group.ts';

/** One copy of a document as collation sees it (a witness, in textual criticism). */
export interface Witness {
  doc: SourceDocument;
  /** Compared after Traditional → Simplified conversion and the regional vocabulary. */
  traditional: boolean;
  /** Source line of a header part or a meta key: `title`, `issuer`, `addressees`, `notice`, `planTitle`, `summary` … */
  line: (part: string) => number;
}

/** A block inside a unit: units of a gap are compared joined (see `combine`). */
export interface Part {
  key: string;
  line: number;
  /** Index of its first character in the unit's comparison form. */
  at: number;
}

/** A piece of a document compared as a whole. */
export interface Unit {
  /** Block id, or the header field / meta key. */
  key: string;
  kind: Block['type'] | 'header' | 'attachment' | 'meta';
  /** As printed. */
  text: string;
  /** Comparison form; start/end point into `text`. */
  form: Traced;
  parts: Part[];
  /** A paragraph before the first clause of the body. */
  preamble: boolean;
}

/** A stretch where two sequences differ: a[aStart, aEnd) stands where b has b[bStart, bEnd). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export interface Pair {
  auth: Unit;
  copy: Unit;
  /** null: more than MAX_EDITS apart, not collated character by character. */
  hunks: Hunk[] | null;
}

export interface Comparison {
  auth: Witness;
  copy: Witness;
  pairs: Pair[];
  /** Structural differences (omissions, additions, restructuring), one each. */
  findings: Finding[];
}

/** Characters of context each side of a reading. */
const CONTEXT = 6;
/** Beyond this many edits two passages are not the same text; also bounds the diff's memory (O(D²)). */
const MAX_EDITS = 2000;
/** A passage whose differences cover more than this share (and at least REWRITE_MIN characters) is rewritten. */
const REWRITE_SHARE = 0.3;
const REWRITE_MIN = 12;
/** A metadata value standing in for a missing preamble keeps at least this share of it. */
const STAND_IN_SHARE = 0.5;

const MATCH_CHAR = new Map<string, string>();
/** toMatchForm one character at a time, so every compared character keeps its place in the printed text. */
function matchChar(c: string): string {
  let m = MATCH_CHAR.get(c);
  if (m === undefined) {
    m = toMatchForm(c); // a space becomes '' (trimmed), everything else one character
    MATCH_CHAR.set(c, m);
  }
  return m;
}

/**
 * The comparison form of a text (see the module comment), each character traced to the printed span it
 * stands for. Unlike toMatchForm, spaces between Latin letters go too: collation ignores all spacing.
 */
export function comparisonForm(text: string, traditional: boolean): Traced {
  const t = traditional ? simplifyTraced(trace(text)) : trace(text);
  const out: Traced = { chars: [], start: [], end: [] };
  t.chars.forEach((c, i) => {
    const m = matchChar(c);
    if (!m) return;
    out.chars.push(m);
    out.start.push(t.start[i]!);
    out.end.push(t.end[i]!);
  });
  // 〔州〕 around a short name (各市〔州〕) is a parenthesis; with digits (〔2022〕) it is a document number.
  const { chars } = out;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '〔') continue;
    const close = chars.indexOf('〕', i + 1);
    if (close > i + 1 && close <= i + 5 && !chars.slice(i + 1, close).some((c) => /\d/.test(c))) {
      chars[i] = '(';
      chars[close] = ')';
    }
  }
  return out;
}

/**
 * Myers' O(ND) difference of two sequences (elements compared with ===), as hunks in order; null when
 * they are more than maxD insertions and deletions apart. Keeps one frontier per edit step (O(D²) memory).
 */
export function diff<T>(a: readonly T[], b: readonly T[], maxD: number = a.length + b.length): Hunk[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxD, n + m);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const frontiers: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        frontiers.push(v.slice(offset - d, offset + d + 1));
        return backtrack(frontiers, n, m);
      }
    }
    frontiers.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

/** Walks the frontiers back from (n, m), collecting single edits, and joins adjacent ones into hunks. */
function backtrack(frontiers: Int32Array[], n: number, m: number): Hunk[] {
  const edits: Hunk[] = [];
  let x = n;
  let y = m;
  for (let d = frontiers.length - 1; d > 0; d--) {
    const prev = frontiers[d - 1]!; // k from -(d-1) to d-1, at index k + d - 1
    const k = x - y;
    const down = k === -d || (k !== d && prev[k - 1 + d - 1]! < prev[k + 1 + d - 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[prevK + d - 1]!;
    const prevY = prevX - prevK;
    // down: b[prevY] was inserted; right: a[prevX] was deleted. The snake after it needs no record.
    edits.push(down ? { aStart: prevX, aEnd: prevX, bStart: prevY, bEnd: prevY + 1 } : { aStart: prevX, aEnd: prevX + 1, bStart: prevY, bEnd: prevY });
    x = prevX;
    y = prevY;
  }
  return mergeHunks(edits.reverse(), 0);
}

/** Joins hunks separated by at most `gap` equal elements: 「患者」→「病人」 is one reading, not two. */
function mergeHunks(hunks: Hunk[], gap: number): Hunk[] {
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    if (last && h.aStart - last.aEnd <= gap && h.bStart - last.bEnd <= gap) {
      last.aEnd = h.aEnd;
      last.bEnd = h.bEnd;
    } else out.push({ ...h });
  }
  return out;
}

/** Characters a set of hunks touches: the larger side of each. */
const changedChars = (hunks: readonly Hunk[]): number =>
  hunks.reduce((n, h) => n + Math.max(h.aEnd - h.aStart, h.bEnd - h.bStart), 0);

function unit(w: Witness, key: string, kind: Unit['kind'], text: string, line: number, preamble = false): Unit {
  return { key, kind, text, form: comparisonForm(text, w.traditional), parts: [{ key, line, at: 0 }], preamble };
}

/** Units joined into one passage (a gap compared as a whole); parts keep each block's key and line. */
function combine(units: readonly Unit[]): Unit {
  if (units.length === 1) return units[0]!;
  const form: Traced = { chars: [], start: [], end: [] };
  const parts: Part[] = [];
  let text = '';
  for (const u of units) {
    if (text) text += '\n';
    const shift = text.length;
    parts.push(...u.parts.map((p) => ({ ...p, at: p.at + form.chars.length })));
    form.chars.push(...u.form.chars);
    form.start.push(...u.form.start.map((s) => s + shift));
    form.end.push(...u.form.end.map((e) => e + shift));
    text += u.text;
  }
  return { key: units[0]!.key, kind: units[0]!.kind, text, form, parts, preamble: units.every((u) => u.preamble) };
}

const tableText = (t: Table): string =>
  [t.caption ?? '', ...[...t.header, ...t.rows].map((r) => r.cells.map((c) => c.text).join('|'))].join('\n');

function blockUnits(w: Witness, blocks: readonly Block[], out: Unit[], top: boolean): void {
  let beforeClause = top;
  for (const b of blocks) {
    if (b.type === 'clause') beforeClause = false;
    const text = b.type === 'table' ? tableText(b.table) : b.type === 'entry' ? [b.printedDate, b.text].filter(Boolean).join(' ') : b.text;
    out.push(unit(w, b.id, b.type, text, b.source.line, beforeClause && b.type === 'paragraph'));
    if (b.type === 'clause') blockUnits(w, b.children, out, false);
  }
}

/** Body and attachments in reading order. */
function contentUnits(w: Witness): Unit[] {
  const out: Unit[] = [];
  blockUnits(w, w.doc.body, out, true);
  for (const a of w.doc.attachments) {
    out.push(unit(w, a.id, 'attachment', a.title, a.source.line));
    blockUnits(w, a.body, out, false);
  }
  return out;
}

/** Header fields present in the copy; `planOnly`: the copy is the attached plan alone, its title the plan title. */
function headerUnits(w: Witness, planOnly: boolean): Unit[] {
  const d = w.doc;
  const fields: Array<[string, string | null]> = [
    [planOnly ? 'planTitle' : 'title', d.title],
    ['addressees', d.addressees],
    ['notice', d.notice],
    ['issuer', d.signature.issuer],
    ['planTitle', d.planTitle],
  ];
  return fields.flatMap(([key, text]) => (text ? [unit(w, key, 'header', text, w.line(key))] : []));
}

/**
 * Hunks joined across a single equal character, then trimmed of what both sides share at their ends:
 * 吉林省人民政府人工 against 欧宝体育人工 may align the 人 of 人民 with the 人 of 人工; joined and trimmed,
 * the reading is 吉林省人民政府 → 欧宝体育.
 */
function readingHunks(a: readonly string[], b: readonly string[], hunks: Hunk[]): Hunk[] {
  return mergeHunks(hunks, 1).map((h) => {
    while (h.aEnd > h.aStart && h.bEnd > h.bStart && a[h.aEnd - 1] === b[h.bEnd - 1]) {
      h.aEnd--;
      h.bEnd--;
    }
    while (h.aEnd > h.aStart && h.bEnd > h.bStart && a[h.aStart] === b[h.bStart]) {
      h.aStart++;
      h.bStart++;
    }
    return h;
  });
}

function pairOf(auth: Unit, copy: Unit): Pair {
  const hunks = diff(auth.form.chars, copy.form.chars, MAX_EDITS);
  return { auth, copy, hunks: hunks && readingHunks(auth.form.chars, copy.form.chars, hunks) };
}

const sizeOf = (p: Pair): number => Math.max(p.auth.form.chars.length, p.copy.form.chars.length);

/** More changed than copied: reported as one finding instead of readings. */
const isRewrite = (p: Pair, hunks: readonly Hunk[] | null): boolean =>
  hunks === null || (changedChars(hunks) > REWRITE_SHARE * sizeOf(p) && changedChars(hunks) >= REWRITE_MIN);

const keyList = (units: readonly Unit[]): string => {
  const keys = units.map((u) => u.key);
  return keys.length > 5 ? `${keys.slice(0, 5).join(', ')} … (${keys.length})` : keys.join(', ');
};

/** The metadata value of a copy that keeps most of a passage the copy's body lacks. */
function standIn(passage: Unit, w: Witness): Unit | null {
  let best: { u: Unit; kept: number } | null = null;
  for (const [key, value] of Object.entries(w.doc.meta)) {
    const u = unit(w, key, 'meta', value, w.line(key));
    const hunks = diff(passage.form.chars, u.form.chars, MAX_EDITS);
    if (!hunks) continue;
    const kept = passage.form.chars.length - hunks.reduce((n, h) => n + h.aEnd - h.aStart, 0);
    if (kept >= STAND_IN_SHARE * passage.form.chars.length && kept > (best?.kept ?? 0)) best = { u, kept };
  }
  return best?.u ?? null;
}

/** Aligns a copy with the authoritative text: pairs to collate, and the structural differences. */
export function compareCopy(auth: Witness, copy: Witness): Comparison {
  const pairs: Pair[] = [];
  const findings: Finding[] = [];
  const note = (kind: string, line: number, clause: string, message: string, action: string): void => {
    findings.push({ kind, severity: 'info', file: copy.doc.file, line, message, action, clause });
  };
  const authAt = (u: Unit): string => `${auth.doc.file} line ${u.parts[0]!.line}`;

  const planOnly = copy.doc.planTitle === null && !!auth.doc.planTitle && titleKey(copy.doc.title, copy.traditional) === titleKey(auth.doc.planTitle, auth.traditional);
  const copyHeader = new Map(headerUnits(copy, planOnly).map((u) => [u.key, u]));
  for (const a of headerUnits(auth, false)) {
    const c = copyHeader.get(a.key);
    if (c) pairs.push(pairOf(a, c));
  }

  const gap = (as: Unit[], cs: Unit[], before: number): void => {
    // A 「（略）」 note where the authoritative copy has a table: 000's 残疾预防主要指标(略).
    const tables = as.filter((u) => u.kind === 'table');
    const notes = cs.filter((u) => u.kind === 'omitted');
    const replaced = Math.min(tables.length, notes.length);
    for (let i = 0; i < replaced; i++) {
      const [t, n] = [tables[i]!, notes[i]!];
      const caption = t.text.split('\n')[0];
      note(
        'copy-omits-table',
        n.parts[0]!.line,
        t.key,
        `This copy prints 「${n.text}」 where the authoritative copy has the table ${t.key}${caption ? ` 「${caption}」` : ''} (${authAt(t)}).`,
        'Reported once; the table is published from the authoritative copy.',
      );
    }
    const restA = as.filter((u) => !tables.slice(0, replaced).includes(u));
    const restC = cs.filter((u) => !notes.slice(0, replaced).includes(u));

    if (restA.length > 0 && restC.length > 0) {
      // Compared as one passage; collate reports it once if it turns out rewritten.
      const pair = pairOf(combine(restA), combine(restC));
      pairs.push(pair);
      const [a, c] = [restA[0]!, restC[0]!];
      if (isRewrite(pair, pair.hunks)) return;
      const line = c.parts[0]!.line;
      if (restA.length === 1 && restC.length === 1 && a.kind === 'clause' && c.kind !== 'clause') {
        note('copy-omits-number', line, a.key, `This copy prints clause ${a.key} (${authAt(a)}) without its number.`, 'Reported; the text is collated with the numbered clause.');
      } else if (restA.length !== 1 || restC.length !== 1 || a.kind !== c.kind) {
        note('copy-restructures', line, a.key, `This copy cuts ${keyList(restA)} (${authAt(a)}) into other blocks: ${keyList(restC)}.`, 'Reported; the text is collated as one passage.');
      }
    } else if (restA.length > 0) {
      const passage = combine(restA);
      const summary = passage.preamble ? standIn(passage, copy) : null;
      if (summary) pairs.push(pairOf(passage, summary));
      else note('copy-omits-content', before, restA[0]!.key, `This copy lacks ${keyList(restA)} (${authAt(restA[0]!)}).`, 'Reported once; published from the authoritative copy.');
    } else if (restC.length > 0) {
      note('copy-adds-content', restC[0]!.parts[0]!.line, '', `This copy has text the authoritative copy lacks: ${keyList(restC)}.`, 'Reported once; not published.');
    }
  };

  const as = contentUnits(auth);
  const cs = contentUnits(copy);
  // Without a limit the diff always has a result.
  const hunks = diff(as.map((u) => u.key), cs.map((u) => u.key))!;
  let i = 0;
  let j = 0;
  for (const h of [...hunks, { aStart: as.length, aEnd: as.length, bStart: cs.length, bEnd: cs.length }]) {
    while (i < h.aStart) pairs.push(pairOf(as[i++]!, cs[j++]!));
    if (h.aEnd > h.aStart || h.bEnd > h.bStart) gap(as.slice(h.aStart, h.aEnd), cs.slice(h.bStart, h.bEnd), cs[h.bStart - 1]?.parts[0]!.line ?? copy.doc.span.from);
    i = h.aEnd;
    j = h.bEnd;
  }
  return { auth, copy, pairs, findings };
}

/** The part of a unit a character belongs to. */
export function partAt(u: Unit, at: number): Part {
  let found = u.parts[0]!;
  for (const p of u.parts) if (p.at <= at) found = p;
  return found;
}

/** The printed text of [from, to) with `context` characters each side, whitespace runs as one space. */
export function quote(u: Unit, from: number, to: number, context = CONTEXT): string {
  const a = Math.max(0, from - context);
  const b = Math.min(u.form.chars.length, to + context);
  if (a >= b) return '';
  return u.text.slice(u.form.start[a], u.form.end[b - 1]).replace(/\s+/g, ' ').trim();
}

export interface Reading {
  /** Same key = same reading of the same place: copies that share it make one Variant with alsoIn. */
  key: string;
  variant: Variant;
  /** Line of the authoritative text, for the message. */
  authLine: number;
}

/**
 * Readings of one copy, and a finding for each passage rewritten beyond collation. `excluded` are the
 * hunks tamper.ts has claimed.
 */
export function collate(cmp: Comparison, excluded: ReadonlySet<Hunk>): { readings: Reading[]; findings: Finding[] } {
  const readings: Reading[] = [];
  const findings: Finding[] = [];
  for (const p of cmp.pairs) {
    const hunks = p.hunks && p.hunks.filter((h) => !excluded.has(h));
    if (hunks && hunks.length === 0) continue;
    if (isRewrite(p, hunks)) {
      const changed = hunks ? `${changedChars(hunks)} of ${sizeOf(p)} characters differ` : 'too different to align';
      findings.push({
        kind: p.auth.preamble ? 'copy-rewrites-preamble' : 'copy-rewrites-content',
        severity: 'info',
        file: cmp.copy.doc.file,
        line: p.copy.parts[0]!.line,
        message: `${p.auth.key} (${cmp.auth.doc.file} line ${p.auth.parts[0]!.line}) is rewritten in this copy${p.copy.kind === 'meta' ? ` as its ${p.copy.key}` : ''} (${changed}), not copied.`,
        action: 'Reported once; not collated character by character.',
        clause: p.auth.kind === 'header' ? '' : p.auth.key,
      });
      continue;
    }
    for (const h of hunks!) {
      const clause = p.auth.kind === 'header' ? '' : partAt(p.auth, h.aStart).key;
      readings.push({
        key: [p.auth.key, h.aStart, h.aEnd, p.copy.form.chars.slice(h.bStart, h.bEnd).join('')].join('\u0000'),
        authLine: partAt(p.auth, h.aStart).line,
        variant: {
          clause,
          authoritative: quote(p.auth, h.aStart, h.aEnd),
          copy: quote(p.copy, h.bStart, h.bEnd),
          file: cmp.copy.doc.file,
          line: partAt(p.copy, h.bStart).line,
          alsoIn: [],
        },
      });
    }
  }
  return { readings, findings };
}
