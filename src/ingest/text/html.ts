/**
 * Hostile HTML → plain text blocks and model tables.
 *
 * Nothing of the markup survives: the result is text only, so scripts, event handlers (on*), javascript:
 * URLs, iframes and styles cannot reach a page — they are dropped by construction, not filtered by a
 * list of bad attributes. Anchors keep their text, so a stock-quote link inside 「长春高新区」 leaves the
 * word whole. Every source character that is not block text is accounted for in `removals` with a reason
 * (markup, comment, script, style, hidden element, image …), so the character ledger stays exact.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, RootContent } from 'hast';
import type { Cell, Removal, Table, TableRow } from '../../gazette/model.ts';
import { lineLocator } from './lines.ts';
import { stripLayoutSpaces } from '../../gazette/width.ts';

/** Source text a block took from one line: what the ledger needs if an adapter drops the block. */
export interface TextPart {
  line: number;
  text: string;
}

interface BlockBase {
  line: number;
  /** Enclosing elements, outermost first (the block's own element last). */
  ancestors: Element[];
  parts: TextPart[];
}

export interface HtmlParagraph extends BlockBase {
  kind: 'text';
  text: string;
}

export interface HtmlTable extends BlockBase {
  kind: 'table';
  table: Omit<Table, 'id'>;
  /** Source line of each cell's text (a row may span several lines). */
  cellLines: Map<Cell, number>;
}

export type HtmlBlock = HtmlParagraph | HtmlTable;

export interface HtmlRead {
  blocks: HtmlBlock[];
  /** Markup and dropped content, one entry per line and reason. */
  removals: Removal[];
}

/** Elements whose content is never text of the page. */
const DROPPED: Record<string, string> = {
  script: 'script',
  style: 'style',
  noscript: 'script fallback (noscript)',
  iframe: 'embedded frame (iframe)',
  frame: 'embedded frame (iframe)',
  object: 'embedded object',
  embed: 'embedded object',
  template: 'template',
  svg: 'inline graphic (svg)',
  canvas: 'inline graphic (canvas)',
  img: 'image not republished (hotlinked)',
  picture: 'image not republished (hotlinked)',
  video: 'media not republished',
  audio: 'media not republished',
  select: 'form control',
  textarea: 'form control',
  button: 'form control',
};

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'title', 'ul', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'table',
]);

const REASON_MARKUP = 'HTML markup';
const REASON_COMMENT = 'HTML comment';
const REASON_HIDDEN = 'hidden element (display:none)';
const REASON_ENTITY = 'HTML character reference (decoded)';
const CHARACTER_REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi;
const TAG = /<[^>]*>/g;

const isHidden = (el: Element): boolean => {
  const style = el.properties['style'];
  const hidden = el.properties['hidden'];
  return (hidden != null && hidden !== false) || (typeof style === 'string' && /display\s*:\s*none/i.test(style));
};

const startOf = (n: { position?: { start: { offset?: number | undefined } } | undefined }): number | undefined =>
  n.position?.start.offset;
const endOf = (n: { position?: { end: { offset?: number | undefined } } | undefined }): number | undefined =>
  n.position?.end.offset;

/** Paragraph text: HTML whitespace collapses (NBSP counts as a space), edges lose U+3000 indents too. */
const clean = (s: string): string => s.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();

function hasDescendant(el: Element, tag: string): boolean {
  return el.children.some((c) => c.type === 'element' && (c.tagName === tag || hasDescendant(c, tag)));
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot')
      for (const r of c.children) if (r.type === 'element' && r.tagName === 'tr') rows.push(r);
  }
  return rows;
}

const cellsOf = (row: Element): Element[] =>
  row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));

/**
 * A table used for page layout rather than data: it wraps another table, or it has one cell per row
 * (gov.cn puts the whole article in one <td>). Its cells are read as ordinary flow.
 */
function isLayoutTable(table: Element): boolean {
  const rows = rowsOf(table);
  return hasDescendant(table, 'table') || rows.every((r) => cellsOf(r).length <= 1);
}

const span = (v: unknown): number => {
  const n = typeof v === 'number' ? v : Number.parseInt(String(v ?? ''), 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
};

/** Number of columns of the full grid, honouring rowspans from earlier rows. */
function gridColumns(rows: { cells: Cell[] }[]): number {
  const carried: number[] = [];
  let columns = 0;
  for (const row of rows) {
    let col = 0;
    for (const cell of row.cells) {
      while ((carried[col] ?? 0) > 0) col++;
      for (let k = 0; k < cell.colspan; k++) carried[col + k] = cell.rowspan;
      col += cell.colspan;
    }
    while ((carried[col] ?? 0) > 0) col++;
    columns = Math.max(columns, col);
    for (let k = 0; k < carried.length; k++) carried[k] = Math.max(0, (carried[k] ?? 0) - 1);
  }
  return columns;
}

/** No <th>/<thead>: a first row of short labels over at least two more rows is the header. */
function looksLikeHeader(cells: Cell[], rowCount: number): boolean {
  return (
    rowCount >= 3 &&
    cells.length > 1 &&
    cells.every((c) => c.rowspan === 1 && c.text !== '' && c.text.replace(/\s/g, '').length <= 10)
  );
}

export function readHtml(file: string, text: string): HtmlRead {
  const tree = fromHtml(text);
  const lineOf = lineLocator(text);
  // Per offset: 0 = markup, 1 = published text, 2.. = index into `reasons` + 2.
  const mark = new Uint16Array(text.length);
  const reasons: string[] = [];
  const reasonCode = (r: string): number => {
    let i = reasons.indexOf(r);
    if (i < 0) i = reasons.push(r) - 1;
    return i + 2;
  };
  const markRange = (from: number | undefined, to: number | undefined, code: number): void => {
    if (from === undefined || to === undefined) return;
    for (let i = from; i < to; i++) if (mark[i] === 0) mark[i] = code;
  };

  const blocks: HtmlBlock[] = [];
  const stack: Element[] = [];

  // The paragraph being collected.
  let buf = '';
  let parts: TextPart[] = [];
  let at: Element[] | null = null;
  const flush = (): void => {
    const t = clean(buf);
    if (t && at) blocks.push({ kind: 'text', text: t, line: parts[0]?.line ?? 0, ancestors: at, parts });
    buf = '';
    parts = [];
    at = null;
  };

  /** Comments and elements that are never page text: their whole range goes to the ledger. */
  const skipped = (n: RootContent | ElementContent): boolean => {
    const reason =
      n.type === 'comment' ? REASON_COMMENT : n.type === 'element' ? (DROPPED[n.tagName] ?? (isHidden(n) ? REASON_HIDDEN : null)) : null;
    if (reason === null) return false;
    markRange(startOf(n), endOf(n), reasonCode(reason));
    return true;
  };

  /** Take a text node: publish its characters, account for character references. */
  const takeText = (value: string, from: number | undefined, to: number | undefined, sink: (v: string) => void): TextPart[] => {
    sink(value);
    if (from === undefined || to === undefined) return [];
    const raw = text.slice(from, to);
    const entity = reasonCode(REASON_ENTITY);
    for (const m of raw.matchAll(CHARACTER_REFERENCE)) {
      const s = from + (m.index ?? 0);
      for (let i = s; i < s + m[0].length; i++) mark[i] = entity;
    }
    // The parser merges text across tags it ignores (a stray <tbody> outside a table): those stay markup.
    const ignored = [...raw.matchAll(TAG)].map((t) => [from + (t.index ?? 0), from + (t.index ?? 0) + t[0].length] as const);
    for (let i = from; i < to; i++) if (mark[i] === 0 && !ignored.some(([a, b]) => i >= a && i < b)) mark[i] = 1;
    // The source characters per line, for the ledger if the block is dropped: character references
    // and ignored tags are already accounted for above.
    const startLine = lineOf(from);
    return raw
      .replace(TAG, ' ')
      .replace(CHARACTER_REFERENCE, ' ')
      .split('\n')
      .map((t, i) => ({ line: startLine + i, text: t.trim() }))
      .filter((p) => p.text !== '');
  };

  /** Text of a table cell: its paragraphs joined by newlines; a vertical label (one character per line) joined. */
  const cellText = (cell: Element, cellParts: TextPart[]): string => {
    const paras: string[] = [];
    let cur = '';
    const walkCell = (n: ElementContent): void => {
      if (n.type === 'text') {
        cellParts.push(...takeText(n.value, startOf(n), endOf(n), (v) => (cur += v)));
        return;
      }
      if (skipped(n) || n.type !== 'element') return;
      const block = BLOCK.has(n.tagName) || n.tagName === 'br';
      if (block) {
        paras.push(clean(cur));
        cur = '';
      }
      for (const c of n.children) walkCell(c);
      if (block) {
        paras.push(clean(cur));
        cur = '';
      }
    };
    for (const c of cell.children) walkCell(c);
    paras.push(clean(cur));
    const lines = paras.filter(Boolean).map((p) => stripLayoutSpaces(p));
    return lines.every((l) => [...l].length === 1) ? lines.join('') : lines.join('\n');
  };

  const readTable = (table: Element): void => {
    const rows: TableRow[] = [];
    const headerRows = new Set<Element>();
    const tableParts: TextPart[] = [];
    const cellLines = new Map<Cell, number>();
    for (const c of table.children)
      if (c.type === 'element' && c.tagName === 'thead')
        for (const r of c.children) if (r.type === 'element' && r.tagName === 'tr') headerRows.add(r);
    const rowEls = rowsOf(table);
    for (const tr of rowEls) {
      const cells: Cell[] = cellsOf(tr).map((td) => {
        const before = tableParts.length;
        const cell: Cell = {
          text: cellText(td, tableParts),
          rowspan: span(td.properties['rowSpan']),
          colspan: span(td.properties['colSpan']),
        };
        if (td.tagName === 'th') cell.header = true;
        cellLines.set(cell, tableParts[before]?.line ?? lineOf(startOf(td) ?? 0));
        return cell;
      });
      if (cells.length > 0 && cells.every((c) => c.header)) headerRows.add(tr);
      rows.push({ cells, kind: 'data', source: { file, line: lineOf(startOf(tr) ?? 0) } });
    }
    const columns = gridColumns(rows);
    // A first row that is one cell across the whole grid is the table's title (「附件1\n…指标体系」).
    const top = rows[0];
    const caption = top && top.cells.length === 1 && top.cells[0]!.colspan === columns && columns > 1 ? top.cells[0]!.text : null;
    const rest = caption === null ? rows : rows.slice(1);
    const restEls = caption === null ? rowEls : rowEls.slice(1);
    let header = rest.filter((_, i) => headerRows.has(restEls[i]!));
    let body = rest.filter((_, i) => !headerRows.has(restEls[i]!));
    const first = body[0];
    if (header.length === 0 && first && looksLikeHeader(first.cells, rest.length)) {
      for (const c of first.cells) c.header = true;
      header = [first];
      body = body.slice(1);
    }
    const line = lineOf(startOf(table) ?? 0);
    blocks.push({
      kind: 'table',
      table: { caption, header, rows: body, columns, source: { file, line } },
      line,
      ancestors: [...stack, table],
      parts: tableParts,
      cellLines,
    });
  };

  const walk = (n: RootContent | ElementContent): void => {
    if (n.type === 'text') {
      const got = takeText(n.value, startOf(n), endOf(n), (v) => (buf += v));
      if (!at && n.value.trim()) at = [...stack];
      parts.push(...got);
      return;
    }
    if (skipped(n) || n.type !== 'element') return;
    if (n.tagName === 'table' && !isLayoutTable(n)) {
      flush();
      readTable(n);
      return;
    }
    const block = BLOCK.has(n.tagName) || n.tagName === 'br';
    if (block) flush();
    stack.push(n);
    for (const c of n.children) walk(c);
    stack.pop();
    if (block) flush();
  };

  for (const c of tree.children) walk(c);
  flush();

  const removals: Removal[] = [];
  // One entry per line and reason; runs of the same reason on a line are joined by a space.
  let line = 1;
  const pending = new Map<string, string>();
  const emit = (): void => {
    for (const [reason, t] of pending) if (t.trim()) removals.push({ line, text: t.trim(), reason });
    pending.clear();
  };
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      emit();
      line++;
      prev = -1;
      continue;
    }
    const m = mark[i]!;
    if (m === 1 || /\s/.test(ch)) {
      prev = -1;
      continue;
    }
    const reason = m === 0 ? REASON_MARKUP : reasons[m - 2]!;
    const sofar = pending.get(reason) ?? '';
    pending.set(reason, prev === m ? sofar + ch : `${sofar} ${ch}`);
    prev = m;
  }
  emit();
  return { blocks, removals };
}

/** The per-line removals for a block an adapter decides not to publish. */
export function dropBlock(block: HtmlBlock, reason: string, removals: Removal[]): void {
  for (const p of block.parts) if (p.text.trim()) removals.push({ line: p.line, text: p.text.trim(), reason });
}

const classesOf = (el: Element): string[] => {
  const c = el.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
};

/** Whether the block sits in an element with one of these classes (site-specific page furniture). */
export const inClass = (block: HtmlBlock, re: RegExp): boolean =>
  block.ancestors.some((el) => classesOf(el).some((c) => re.test(c)));

/** The block's own element: the nearest enclosing <p>, <li>, <td>, <h1> … */
export const ownTag = (block: HtmlBlock): string =>
  block.ancestors.findLast((el) => BLOCK.has(el.tagName))?.tagName ?? '';
