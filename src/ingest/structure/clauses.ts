/**
 * The clause tree shared by every source adapter: labels → levels → hierarchical ids (README, "Clause IDs").
 *
 * Level comes from the printed style (GB/T 9704 order 一、 → （一） → 1. → （1） → ①, plus —— dash items),
 * never from depth, so a document that skips a level still gets stable ids.
 *
 * Id scheme (all ASCII, segments joined by `-`, `opts.idPrefix` such as `att1` in front of every id):
 *   part 一、 p{n} · section （一） s{n} · item 1. i{n} · subitem （1） n{n} · circled ① c{n}
 *   — n is the printed number, so ids survive excerpts and page changes: 二、（三）11. → p2-s3-i11;
 *   三、23. → p3-i23;
 *   dash —— d{k} · table t{k} · unnumbered paragraph para{k} · omitted note omit{k} · heading h{k}
 *   — k is the ordinal among siblings of that kind (1-based); these are positional and are the only ids
 *   that may move when a source changes.
 */

import type { Block, ClauseBlock, ClauseLevel, Finding, OfficialLevel, SourceRef, Table } from '../../gazette/model.ts';
import { chineseToNumber, circledToNumber } from '../../gazette/numerals.ts';

export type BodyItem =
  | { kind: 'text'; text: string; source: SourceRef } // one paragraph, already layout-repaired
  | { kind: 'table'; table: Omit<Table, 'id'> } // a table parsed by someone else
  | { kind: 'omitted'; text: string; source: SourceRef } // e.g. 残疾预防主要指标(略)
  | { kind: 'heading'; text: string; source: SourceRef }; // an unnumbered heading

export interface ClauseLabel {
  /** The label as printed, trailing spaces removed: 「二、」「（三）」「(二十一)」「11.」「1．」「①」「——」. */
  label: string;
  level: OfficialLevel;
  /** Value of the label; 0 for dash items. */
  number: number;
  /** The text after the label and its spaces. */
  rest: string;
}

const CN = '[〇零一二三四五六七八九十百千]+';
const SP = '[ \\u3000\\u00A0]*';
const AR = '[0-9０-９]{1,3}';

/**
 * Label patterns, tried in order. Every label must be followed by text.
 * - part: a numeral then 、 — 「一要」「一是」「一方面」「一批」「十四五」 have no 、 and are text.
 * - item: 1–3 digits, a dot (. ．) or 、, not followed directly by a digit: 「1.5万」「3.3%」 are text,
 *   and years (「2023年」「2020 年」) have four digits and no dot. 「1. 5G基站」 (a space first) is an item.
 * - dash: exactly two of the same dash glyph (—— em dashes, ―― bars, ── box lines from PDF
 *   extraction); one dash is punctuation, three or more are rules, ASCII -- is never a label.
 */
const PATTERNS: Array<{ level: OfficialLevel; re: RegExp }> = [
  { level: 'part', re: new RegExp(`^(${CN})、${SP}`) },
  { level: 'section', re: new RegExp(`^[（(]${SP}(${CN})${SP}[）)]${SP}`) },
  { level: 'item', re: new RegExp(`^(${AR})[.．、](?![0-9０-９])${SP}`) },
  { level: 'subitem', re: new RegExp(`^[（(]${SP}(${AR})${SP}[）)]${SP}`) },
  { level: 'circled', re: new RegExp(`^([\\u2460-\\u2473])${SP}`) },
  { level: 'dash', re: new RegExp(`^(?:——|――|──)(?![—―─])${SP}`) },
];

const halfWidthDigits = (s: string): string =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * Recognises a clause label at the start of a paragraph (leading spaces, e.g. 003's U+3000 indent, ignored).
 * Returns null for text that merely starts with a number, and for 「一、二类…」 / 「一、二、三级…」, where
 * 一、 enumerates numerals rather than labelling a part.
 */
export function parseClauseLabel(text: string): ClauseLabel | null {
  const t = text.trimStart();
  for (const { level, re } of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length).trimEnd();
    if (rest === '') return null;
    const digits = m[1] ?? '';
    const number =
      level === 'dash'
        ? 0
        : level === 'circled'
          ? circledToNumber(digits)
          : level === 'item' || level === 'subitem'
            ? Number(halfWidthDigits(digits))
            : chineseToNumber(digits);
    if (number === null || (level !== 'dash' && number < 1)) return null;
    if (level === 'part' && new RegExp(`^${CN}[、类级等档]`).test(rest)) return null;
    return { label: m[0].trimEnd(), level, number, rest };
  }
  return null;
}

/** GB/T order, higher levels first; a clause nests under the nearest open clause of a smaller rank. Dash items rank last. */
const RANK: Record<OfficialLevel, number> = { part: 0, section: 1, item: 2, subitem: 3, circled: 4, dash: 5 };
const SEGMENT: Record<OfficialLevel, string> = { part: 'p', section: 's', item: 'i', subitem: 'n', circled: 'c', dash: 'd' };

/** Sentence ends and a colon: if one comes before the first 。, the clause does not open with a heading. */
const OTHER_STOPS = /[；;！!？?：:]/;
/** Longest heading seen in the sources is 24 characters (003 （一）); D4 opens items with 37–44-character sentences. */
const MAX_TITLE = 25;
/** 「（省残联牵头…负责）」「(责任单位：…)」: a trailing responsibility note does not make a one-sentence item a heading. */
const ONLY_PARENTHETICAL = /^[（(][^（()）]*[)）]$/;

type Candidate =
  | { kind: 'whole' } // a part/section that is only a heading: 「一、总体要求」
  | { kind: 'head'; title: string } // opens with a heading sentence
  | { kind: 'sentence' } // opens with an ordinary sentence
  | { kind: 'undecided' }; // a single sentence with nothing after it: no evidence either way

/**
 * How a part/section/item opens:
 * - `whole`: a part or section without any sentence end (「一、总体要求」「（三）基本原则」);
 * - `head`: the text up to and including the first 。 when no other stop (；！？：) precedes it, it is short
 *   (≤ 25 characters, at most one comma — 「加强组织领导，强化制度保障。」), and something follows it:
 *   more than a responsibility parenthetical, or child blocks (「（二）基本原则。」 heads dash items;
 *   004's 「6.激发人才创新活力。」 heads its body paragraph);
 * - `undecided`: one sentence and nothing after it (「1. 做好宣传。（省委宣传部负责）」).
 */
function candidateOf(level: ClauseLevel, text: string, hasChildren: boolean): Candidate {
  const stop = text.indexOf('。');
  if (stop < 0) return level !== 'item' && !/[；;！!？?]/.test(text) ? { kind: 'whole' } : { kind: 'sentence' };
  const head = text.slice(0, stop + 1);
  const tail = text.slice(stop + 1).trim();
  if ((tail === '' || ONLY_PARENTHETICAL.test(tail)) && !hasChildren) return { kind: 'undecided' };
  const short = [...head].length - 1 <= MAX_TITLE && (head.match(/[，,]/g) ?? []).length <= 1;
  return short && !OTHER_STOPS.test(head) ? { kind: 'head', title: head } : { kind: 'sentence' };
}

/**
 * Sets `title` on every part/section/item (subitems, circled and dash items have none).
 * A level is printed either with headings or without them throughout a body, so a heading sentence
 * becomes a title only where at least half of that level's decided clauses open with one: D4's items
 * are plain task sentences, and its short ones (「7. 健全气象雷达和卫星遥感综合应用体系。弥补…」) must not
 * sprout titles while D2's and D3's items all have them. `whole` titles always apply.
 */
function setTitles(blocks: Block[]): void {
  const clauses: Array<{ clause: ClauseBlock; candidate: Candidate }> = [];
  const walk = (list: Block[]): void => {
    for (const b of list) {
      if (b.type !== 'clause') continue;
      if (b.level === 'part' || b.level === 'section' || b.level === 'item') {
        clauses.push({ clause: b, candidate: candidateOf(b.level, b.text, b.children.length > 0) });
      }
      walk(b.children);
    }
  };
  walk(blocks);
  const votes = new Map<ClauseLevel, number>();
  for (const { clause, candidate } of clauses) {
    const vote = candidate.kind === 'head' ? 1 : candidate.kind === 'sentence' ? -1 : 0;
    votes.set(clause.level, (votes.get(clause.level) ?? 0) + vote);
  }
  for (const { clause, candidate } of clauses) {
    if (candidate.kind === 'whole') clause.title = clause.text;
    else if (candidate.kind === 'head' && (votes.get(clause.level) ?? 0) >= 0) clause.title = candidate.title;
  }
}

/** An open container: the document root (id = idPrefix or '') or a clause. */
interface Frame {
  id: string;
  children: Block[];
  rank: number;
  counts: Record<'para' | 't' | 'd' | 'omit' | 'h', number>;
  /** Last number per level among this frame's children, for gap detection. */
  last: Map<ClauseLevel, number>;
  /** This clause's id duplicates an earlier one: collisions below it are consequences, not new findings. */
  duplicate: boolean;
}

const newFrame = (id: string, children: Block[], rank: number, duplicate: boolean): Frame => ({
  id,
  children,
  rank,
  counts: { para: 0, t: 0, d: 0, omit: 0, h: 0 },
  last: new Map(),
  duplicate,
});

/**
 * Builds the block tree of a body (or of an attachment, with `idPrefix: 'att1'`).
 *
 * Nesting: a numbered clause closes every open clause of its own or a lower rank and becomes a child
 * of the nearest one above (so 23. directly under 三、 is p3-i23). A dash item is a child of the innermost
 * numbered clause and closes the previous dash item. Paragraphs, tables and omitted notes go into the
 * innermost open clause, dash items included; before the first clause (the preamble) they are top-level.
 * An unnumbered heading closes all clauses and is top-level.
 *
 * Findings (file: the item's source file, or `opts.file` when that is empty):
 * - `number-gap` (info): a number that neither follows its previous sibling, nor restarts at 1, nor
 *   continues the run of its level across parents (D1's （三） under 二、 continues （二） under 一、).
 *   Excerpts (004) do this legitimately, so it is information only.
 * - `duplicate-clause-id` (error): a label repeated under the same parent. The clause is kept in place
 *   with the same id — nothing is renamed or dropped, so no text is lost and no link silently points
 *   elsewhere; the build fails on the error. One finding per repeated label, not per descendant.
 */
export function buildBody(items: BodyItem[], opts: { idPrefix?: string; file?: string } = {}): { blocks: Block[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const root = newFrame(opts.idPrefix ?? '', [], -1, false);
  const stack: Frame[] = [root];
  const seen = new Set<string>();
  const lastOfLevel = new Map<ClauseLevel, number>();
  const top = (): Frame => stack[stack.length - 1] ?? root;
  const childId = (frame: Frame, segment: string): string => (frame.id === '' ? segment : `${frame.id}-${segment}`);
  const positional = (frame: Frame, kind: keyof Frame['counts']): string => childId(frame, `${kind}${++frame.counts[kind]}`);
  const report = (kind: string, severity: Finding['severity'], source: SourceRef, clause: string, message: string, action: string) =>
    findings.push({ kind, severity, file: source.file || (opts.file ?? ''), line: source.line, message, action, clause });

  for (const item of items) {
    // A block that is only whitespace once its source syntax is read (an empty link line, a bare 「>」) holds nothing.
    if (item.kind !== 'table' && item.text.trim() === '') continue;
    if (item.kind === 'table') {
      const frame = top();
      const id = positional(frame, 't');
      frame.children.push({ type: 'table', id, source: item.table.source, table: { ...item.table, id } });
      continue;
    }
    if (item.kind === 'omitted') {
      const frame = top();
      frame.children.push({ type: 'omitted', id: positional(frame, 'omit'), source: item.source, text: item.text });
      continue;
    }
    if (item.kind === 'heading') {
      stack.length = 1;
      root.children.push({ type: 'heading', id: positional(root, 'h'), source: item.source, text: item.text });
      continue;
    }

    const parsed = parseClauseLabel(item.text);
    if (!parsed) {
      const frame = top();
      frame.children.push({ type: 'paragraph', id: positional(frame, 'para'), source: item.source, text: item.text.trim() });
      continue;
    }

    const rank = RANK[parsed.level];
    // A dash item closes only dash items; a numbered clause closes everything of its rank or below.
    while (stack.length > 1 && top().rank >= rank) stack.pop();
    const parent = top();
    const id =
      parsed.level === 'dash' ? positional(parent, 'd') : childId(parent, `${SEGMENT[parsed.level]}${parsed.number}`);

    const duplicate = seen.has(id);
    if (parsed.level !== 'dash') {
      // Accept the next number, a restart at 1 under a new parent, or a run-on across parents.
      const previous = parent.last.get(parsed.level);
      const runOn = lastOfLevel.get(parsed.level);
      const expected = previous !== undefined ? [previous + 1] : runOn !== undefined ? [1, runOn + 1] : [1];
      if (!duplicate && !expected.includes(parsed.number)) {
        report(
          'number-gap',
          'info',
          item.source,
          id,
          `「${parsed.label}」 comes where number ${expected.join(' or ')} was expected; excerpts and omissions do this.`,
          'reported only',
        );
      }
      parent.last.set(parsed.level, parsed.number);
      lastOfLevel.set(parsed.level, parsed.number);
    }

    if (duplicate && !parent.duplicate) {
      report(
        'duplicate-clause-id',
        'error',
        item.source,
        id,
        `The label 「${parsed.label}」 occurs twice at the same place in the numbering, so two clauses would share the anchor #${id}.`,
        'kept both clauses with the same id; the build fails until the source or an editorial decision resolves it',
      );
    }
    seen.add(id);

    const clause: ClauseBlock = {
      type: 'clause',
      id,
      source: item.source,
      label: parsed.label,
      level: parsed.level,
      number: parsed.number,
      title: null,
      text: parsed.rest,
      children: [],
    };
    parent.children.push(clause);
    stack.push(newFrame(id, clause.children, rank, duplicate || parent.duplicate));
  }

  setTitles(root.children);
  return { blocks: root.children, findings };
}
