/**
 * TAB-separated tables of a PDF-to-text dump (content/sources/001, e.g. its 名单 and indicator tables).
 *
 * The dump prints one table row per line with TAB between cells. What the grid lost is put back:
 * - a row whose only cell is the first one is the table's title row → caption;
 * - a page break repeats the header row: later copies are dropped (the fragments form one table);
 * - an empty first cell continues the cell above: the leading column (领域) becomes rowspans;
 * - a 「计算方法：」/「说明：」 row belongs to the indicator row above → `kind: 'note'`, its text spanning the
 *   empty cells after it;
 * - a row that lost its empty first cell has every cell one column too far left → moved back and
 *   reported (`table-cell-shifted`);
 * - wrapped cells keep the space of the wrap (「伤害致残 防控行动」) → removed with stripLayoutSpaces.
 * Where the text cannot tell how the leading column groups the rows, the literal reading is kept and
 * the doubt is reported (`table-grouping-ambiguous`), never resolved by guessing.
 */
import type { Cell, Finding, Removal, Table, TableRow } from '../../gazette/model.ts';
import { type Line, SourceError } from '../text/lines.ts';
import { stripLayoutSpaces, toMatchForm } from '../../gazette/width.ts';

export interface TabTableOptions {
  file: string;
  /** A caption line printed above the table (not itself a TAB row), e.g. 「残疾预防主要指标」. */
  caption?: Line | null;
}

export interface TabTableRead {
  table: Omit<Table, 'id'>;
  findings: Finding[];
  removals: Removal[];
}

export const isTabRow = (text: string): boolean => text.includes('\t');

const splitCells = (text: string): string[] => text.split('\t').map(stripLayoutSpaces);

/** A title row: the first cell filled, every other cell empty (「计量发展主要指标」 + five TABs). */
export function isTitleRow(text: string): boolean {
  const [first, ...rest] = splitCells(text);
  return rest.length > 0 && Boolean(first) && rest.every((c) => c === '');
}

const NOTE = /^(?:计算方法|说明|备注|注)[：:]/;

interface RawRow {
  line: number;
  text: string;
  cells: string[];
  note: boolean;
}

/** A run of rows covered by one cell of the leading column. */
interface Group {
  label: string;
  cell: Cell;
  first: RawRow;
  rows: number;
  /** Rows further down that print the same label again (one cell whose text was repeated). */
  repeats: RawRow[];
}

const cell = (text: string, colspan = 1): Cell => ({ text, rowspan: 1, colspan });

/** The value that occurs most often (first one on ties), or null for an empty list. */
function mode(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * Moves a row's cells right by `by` columns when its last `by` cells are empty, i.e. when the row
 * lost leading empty cells in extraction.
 */
function shiftRight(cells: string[], by: number): string[] | null {
  if (by <= 0 || cells.slice(cells.length - by).some((c) => c !== '')) return null;
  return [...Array<string>(by).fill(''), ...cells.slice(0, cells.length - by)];
}

const quote = (s: string): string => `「${s}」`;

export function parseTabTable(lines: Line[], opts: TabTableOptions): TabTableRead {
  const findings: Finding[] = [];
  const removals: Removal[] = [];
  const columns = Math.max(...lines.map((l) => l.text.split('\t').length));
  const pad = (cells: string[]): string[] => [...cells, ...Array<string>(columns - cells.length).fill('')];
  const rows: RawRow[] = lines.map((l) => {
    const cells = pad(splitCells(l.text));
    return { line: l.line, text: l.text.trim(), cells, note: NOTE.test(cells.find((c) => c !== '') ?? '') };
  });

  let caption = opts.caption ? stripLayoutSpaces(opts.caption.text) : null;
  const first = lines[0];
  if (!caption && first && isTitleRow(first.text)) {
    caption = rows.shift()?.cells[0] ?? null;
  }
  const headerRow = rows.shift();
  if (!headerRow) throw new SourceError(opts.file ?? '', lines[0]?.line ?? 1, 'TAB 表格缺少表头行');
  const headerKey = toMatchForm(headerRow.cells.join('|'));
  const column0 = headerRow.cells[0] ?? '';

  const body: RawRow[] = [];
  for (const row of rows) {
    if (toMatchForm(row.cells.join('|')) !== headerKey) {
      body.push(row);
      continue;
    }
    removals.push({ line: row.line, text: row.text, reason: 'table header repeated after a page break' });
    findings.push({
      kind: 'table-header-repeated',
      severity: 'info',
      file: opts.file,
      line: row.line,
      message: `The header row of table ${quote(caption ?? '')} is printed again on l.${row.line}, where the table goes on after a page break.`,
      action: 'fragments merged into one table; repeated header dropped',
    });
  }

  // Shifted rows: a note row whose text sits left of where the other notes sit, or a data row whose
  // last column is empty where (almost) every other data row has a value.
  const noteColumn = mode(body.filter((r) => r.note).map((r) => r.cells.findIndex((c) => c !== '')));
  const dataRows = body.filter((r) => !r.note);
  const lastFilled = dataRows.filter((r) => r.cells[columns - 1] !== '').length;
  const valueExpected = lastFilled > 1 && lastFilled >= 0.8 * dataRows.length;
  for (const row of body) {
    const by = row.note
      ? (noteColumn ?? 0) - row.cells.findIndex((c) => c !== '')
      : valueExpected && row.cells[0] !== '' && row.cells[columns - 1] === ''
        ? columns - 1 - row.cells.findLastIndex((c) => c !== '')
        : 0;
    const shifted = shiftRight(row.cells, by);
    if (!shifted) continue;
    findings.push({
      kind: 'table-cell-shifted',
      severity: 'warning',
      file: opts.file,
      line: row.line,
      message: `表格${quote(caption ?? '')}第${row.line}行缺了空着的${quote(column0)}格，因此${quote(row.cells.find((c) => c !== '') ?? '')}及其后各格向左错了${by}列。`,
      action: `各格右移${by}列`,
    });
    row.cells = shifted;
  }

  // The leading column groups rows when some of its cells are empty (merged with the cell above).
  const grouping = body.some((r, i) => i > 0 && r.cells[0] === '');
  const groups: Group[] = [];
  const tableRows: TableRow[] = body.map((row) => {
    let rest = row.cells;
    const cells: Cell[] = [];
    const open = groups.at(-1);
    // An empty cell continues the group above; so does the same label printed again in the next row:
    // 27号's 「疾病致残防控行动」 on three adjacent rows (001 l.459, 463, 465) is one cell.
    const repeated = open !== undefined && row.cells[0] === open.label && open.label !== '';
    if (grouping && (row.cells[0] === '' || repeated) && open) {
      open.cell.rowspan += 1;
      open.rows += 1;
      if (repeated) {
        open.repeats.push(row);
        removals.push({ line: row.line, text: open.label, reason: 'label printed again in a grouping column: published once, as the merged cell' });
      }
      rest = row.cells.slice(1);
    } else if (grouping) {
      const group: Group = { label: row.cells[0] ?? '', cell: cell(row.cells[0] ?? ''), first: row, rows: 1, repeats: [] };
      groups.push(group);
      cells.push(group.cell);
      rest = row.cells.slice(1);
    }
    if (row.note) {
      // The note spans the empty cells after it: they are layout, not values.
      const at = rest.findIndex((c) => c !== '');
      const after = rest.slice(at + 1);
      const span = after.findIndex((c) => c !== '');
      const width = span === -1 ? after.length + 1 : span + 1;
      cells.push(...rest.slice(0, at).map((t) => cell(t)), cell(rest[at] ?? '', width), ...rest.slice(at + width).map((t) => cell(t)));
    } else {
      cells.push(...rest.map((t) => cell(t)));
    }
    return { cells, kind: row.note ? 'note' : 'data', source: { file: opts.file, line: row.line } };
  });

  findings.push(...groupingDoubts(groups, column0, opts.file));

  return {
    table: {
      caption,
      header: [
        {
          cells: headerRow.cells.map((t) => ({ ...cell(t), header: true })),
          kind: 'data',
          source: { file: opts.file, line: headerRow.line },
        },
      ],
      rows: tableRows,
      columns,
      source: { file: opts.file, line: opts.caption?.line ?? lines[0]?.line ?? 0 },
    },
    findings,
    removals,
  };
}

/**
 * Two patterns where the leading column's text cannot tell which rows a cell covers:
 * - a label that covers a single row, directly followed by another label: a merged cell's text is
 *   printed on its first rows, so the two may be one wrapped label (「科学技术」+「支撑保障」);
 * - the same label printed again on following rows: they are merged into one cell, but one label printed
 *   several times leaves where its group begins uncertain (「疾病致残防控行动」 on 新生儿听力筛查率,
 *   which reads like the group above).
 */
function groupingDoubts(groups: Group[], column: string, file: string): Finding[] {
  const doubts: Finding[] = [];
  groups.forEach((g, i) => {
    const next = groups[i + 1];
    const prev = groups[i - 1];
    if (g.rows === 1 && next) {
      doubts.push({
        kind: 'table-grouping-ambiguous',
        severity: 'warning',
        file,
        line: g.first.line,
        message:
          `${quote(column)}列的${quote(g.label)}（第${g.first.line}行）只占一行，下一行（第${next.first.line}行）起是${quote(next.label)}：` +
          `照字面是两组，${quote(g.label)}（1行）和${quote(next.label)}（${next.rows}行）；也可能是折行的一个格子` +
          `${quote(g.label + next.label)}，共${1 + next.rows}行。文字无法判断，请核对印刷版。`,
        action: '照印刷分作两格',
      });
    }
    if (g.repeats.length > 0) {
      const run = [g.first, ...g.repeats];
      const above = prev ? `，也可能属于上面的${quote(prev.label)}` : '';
      doubts.push({
        kind: 'table-grouping-ambiguous',
        severity: 'warning',
        file,
        line: g.first.line,
        message:
          `${quote(column)}列的${quote(g.label)}印了${run.length}次（${run.map((r) => `第${r.line}行`).join('、')}），像是一个格子的文字重复印出，` +
          `因此文字无法判断这一组从哪里开始：第${g.first.line}行（${quote(g.first.cells[1] ?? '')}……）起的各行可能属于它${above}。请核对印刷版。`,
        action: `合为一个格子，共${g.rows}行；这一组从哪里开始只作报告，不作猜测`,
      });
    }
  });
  return doubts;
}

/**
 * A list set in several columns (the 成员单位名单 of an attachment): read down the first column, then
 * the next, as the other copies list it. Each entry keeps the line it was printed on.
 */
export function readColumnMajor(lines: Line[]): Line[] {
  const rows = lines.map((l) => ({ line: l.line, cells: splitCells(l.text) }));
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  const out: Line[] = [];
  for (let c = 0; c < columns; c++) {
    for (const r of rows) {
      const text = r.cells[c];
      if (text) out.push({ line: r.line, text });
    }
  }
  return out;
}
