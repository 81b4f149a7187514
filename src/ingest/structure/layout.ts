/**
 * Layout-break repair for PDF-to-text dumps (content/sources/001_2dbcd8b680e63142.txt).
 *
 * A dump marks neither pages nor columns: a break shows only as a paragraph that stops mid-sentence
 * and goes on after the blank line. `repairLayout` puts such text back together, one rule at a time,
 * over consecutive text paragraphs (tables, headings and omitted-content notes are barriers), and
 * reports every repair as a Finding with the line it moved or dropped:
 *
 * 1. a paragraph that repeats the tail of the one before is dropped (`duplicate-fragment-dropped`);
 * 2. a paragraph that opens a clause, an attachment (「附件」「附件：…」) or another known block start
 *    is never joined;
 * 3. nothing is joined to a part heading such as 「一、总体要求」 or to an attachment label 「附件」;
 * 4. an orphan responsibility parenthetical 「（…按职责分工负责）」「（责任单位：…）」 goes back to the
 *    item before it (`orphan-parenthetical-attached`);
 * 5. an item that is only its title, 「5. 加强农产品和食品药品安全监管。」, takes the paragraph after it
 *    as its body (`item-body-joined`);
 * 6. a paragraph that does not end a sentence takes the next one (`layout-break-joined`).
 *
 * Before all of these, page furniture a break leaves between two paragraphs — the running head
 * 「吉林省人民政府公报　2023年第4期」, a page number 「12」「— 12 —」 — is removed with its reason
 * (`page-furniture-removed`), so the text around it joins as if it were not there.
 *
 * Joining concatenates without a separator: Chinese text has no spaces between words, so this restores
 * the line exactly as typeset.
 */
import type { ClauseLevel, Finding, Removal, Severity } from '../../gazette/model.ts';
import { isBlank, type Line } from '../text/lines.ts';
import type { BodyItem } from './clauses.ts';
import { parseClauseLabel } from './clauses.ts';

/** Runs of consecutive non-blank lines: a PDF dump separates paragraphs (and TOC entries) by a blank line. */
export function lineBlocks(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const l of lines) {
    if (isBlank(l.text)) {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push({ line: l.line, text: l.text.trim() });
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

type TextItem = Extract<BodyItem, { kind: 'text' }>;

export interface LayoutOptions {
  file: string;
  /** Paragraph starts that are never joined besides clause labels, e.g. the dates of 政务要闻 entries. */
  isBlockStart?: (text: string) => boolean;
}

export interface LayoutRepair {
  items: BodyItem[];
  findings: Finding[];
  removals: Removal[];
}

type Repair = 'duplicate-fragment-dropped' | 'orphan-parenthetical-attached' | 'item-body-joined' | 'layout-break-joined';

const SEVERITY: Record<Repair, Severity> = {
  'duplicate-fragment-dropped': 'warning',
  'orphan-parenthetical-attached': 'info',
  'item-body-joined': 'info',
  'layout-break-joined': 'info',
};

/** Shorter repeats (「同日」, 「（略）」) can be legitimate text, not an extraction echo. */
const MIN_DUPLICATE = 10;

/** Levels whose title-only paragraph cannot stand alone; a section 「（二）基本原则。」 can (its body is a list). */
const ITEM_LEVELS: ReadonlySet<ClauseLevel> = new Set(['item', 'subitem', 'circled']);

/** Brackets of both widths: the dump opens with （ and closes with ) after a break (l.342, 372 …). */
const OPEN = /[（(]/g;
const CLOSE = /[）)]/g;

/** 「附件」「附件2」 heading an attachment, 「附件：…」 referring to one: known block starts. */
const ATTACHMENT = /^附件\s*\d*(?:[：:]|$)/;
const ATTACHMENT_LABEL = /^附件\s*\d*$/;

const RESPONSIBILITY = /^[（(][\s\S]*(?:负责|责任单位)[\s\S]*[）)]$/;

/** Does the paragraph end a sentence? Closing quotes are looked through; a balanced closing bracket ends an item. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (/[。！？；：…!?;:]$/.test(t.replace(/[”’」』]+$/, ''))) return true;
  return /[）)]$/.test(t) && (t.match(OPEN)?.length ?? 0) === (t.match(CLOSE)?.length ?? 0);
}

function repairFor(prev: string, next: string, isBlockStart: (text: string) => boolean): Repair | null {
  if (next.length >= MIN_DUPLICATE && prev.endsWith(next)) return 'duplicate-fragment-dropped';
  if (parseClauseLabel(next) || ATTACHMENT.test(next) || isBlockStart(next)) return null;
  const label = parseClauseLabel(prev);
  if ((label?.level === 'part' && !/[。；，,;]/.test(label.rest)) || ATTACHMENT_LABEL.test(prev)) return null;
  if (RESPONSIBILITY.test(next)) return 'orphan-parenthetical-attached';
  if (label && ITEM_LEVELS.has(label.level) && /^[^。]+。$/.test(label.rest.trim())) return 'item-body-joined';
  return endsSentence(prev) ? null : 'layout-break-joined';
}

const head = (s: string): string => [...s].slice(0, 8).join('');
const tail = (s: string): string => [...s].slice(-8).join('');

function describe(repair: Repair, prev: TextItem, next: TextItem): { message: string; action: string } {
  const at = `第${next.source.line}行`;
  switch (repair) {
    case 'duplicate-fragment-dropped':
      return {
        message: `${at}重复了第${prev.source.line}行起那一段的最后${[...next.text].length}个字（「…${tail(next.text)}」）：文字提取时的重复。`,
        action: '已去掉',
      };
    case 'orphan-parenthetical-attached':
      return {
        message: `责任单位说明「${head(next.text)}…」（${at}）在分页后单独成行，属于第${prev.source.line}行起的那一项。`,
        action: '已归入上一项',
      };
    case 'item-body-joined':
      return {
        message: `「${head(prev.text)}…」一项（第${prev.source.line}行）只印了标题，正文接在${at}。`,
        action: '已接上',
      };
    case 'layout-break-joined':
      return {
        message: `第${prev.source.line}行起的一段在句中断开（「…${tail(prev.text)}」），接续在${at}（「${head(next.text)}…」）：分页或分栏所致。`,
        action: '已接上',
      };
  }
}

function finding(repair: Repair, prev: TextItem, next: TextItem, file: string): Finding {
  return {
    kind: repair,
    severity: SEVERITY[repair],
    file,
    line: next.source.line,
    ...describe(repair, prev, next),
  };
}

/** A running head: a gazette's name and its issue, 「吉林省人民政府公报　2023年第4期」「国务院公报　2019年第6号」. */
const RUNNING_HEAD = /^\S{2,30}公报[\s\u3000]*\d{4}\s*年\s*第\s*\d{1,3}\s*[期号]$/;
/** A page number on its own: 「12」「— 12 —」「-12-」「第12页」. */
const PAGE_NUMBER = /^(?:[-—－–]\s*\d{1,4}\s*[-—－–]|\d{1,4}|第\s*\d{1,4}\s*页)$/;

/** The reason a paragraph is page furniture, or null. */
export function furnitureReason(text: string): string | null {
  const t = text.trim();
  if (RUNNING_HEAD.test(t)) return 'running head at a page break (page furniture)';
  if (PAGE_NUMBER.test(t)) return 'page number at a page break (page furniture)';
  return null;
}

export function repairLayout(items: BodyItem[], opts: LayoutOptions): LayoutRepair {
  const isBlockStart = opts.isBlockStart ?? (() => false);
  const out: BodyItem[] = [];
  const findings: Finding[] = [];
  const removals: Removal[] = [];
  for (const item of items) {
    const furniture = item.kind === 'text' ? furnitureReason(item.text) : null;
    if (item.kind === 'text' && furniture) {
      removals.push({ line: item.source.line, text: item.text, reason: furniture });
      findings.push({
        kind: 'page-furniture-removed',
        severity: 'info',
        file: opts.file,
        line: item.source.line,
        message: `第${item.source.line}行「${item.text.trim()}」是分页处的${furniture.startsWith('running') ? '书眉' : '页码'}，不是正文。`,
        action: '删除；前后文字按分页续接',
      });
      continue;
    }
    const prev = out.at(-1);
    if (item.kind === 'text' && prev?.kind === 'text') {
      const repair = repairFor(prev.text, item.text, isBlockStart);
      if (repair) {
        findings.push(finding(repair, prev, item, opts.file));
        if (repair === 'duplicate-fragment-dropped') {
          removals.push({ line: item.source.line, text: item.text, reason: 'extraction echo: repeats the end of the paragraph before' });
        } else {
          out[out.length - 1] = { ...prev, text: prev.text + item.text };
        }
        continue;
      }
    }
    out.push(item);
  }
  return { items: out, findings, removals };
}
