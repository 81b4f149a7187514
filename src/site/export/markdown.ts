/**
 * A document as clean Markdown (GFM), the form Chinese legal collections such as LawRefBook keep:
 * the title as `#`, heading clauses as headings with their clause id (`## 一、总体要求 {#p1}`), other
 * clauses and blocks as paragraphs led by an `<a id>` anchor, tables as GFM tables (a merged cell is
 * repeated in each row it covers: GFM has no rowspan). All source text is escaped: it is hostile.
 */
import type { Block, Table } from '../../gazette/model.ts';
import { clauseGap, plain, type TextSource } from './text.ts';

export interface MarkdownSource extends TextSource {
  attachments: (TextSource['attachments'][number] & { id: string })[];
  docNumber: string | null;
  docNumberInferred: string | null;
}

/** Markdown and HTML syntax characters, a list marker at the start, line breaks: escaped or flattened. */
export function escapeMarkdown(s: string): string {
  return plain(s)
    .replace(/[\\`*_{}[\]<>#|~!&]/g, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}

const DEPTH: Partial<Record<string, number>> = { part: 2, section: 3, item: 4 };

function grid(table: Table): string[][] {
  // Expand rowspan/colspan into a full grid so every GFM row has every column.
  const out: string[][] = [];
  const rows = [...table.header, ...table.rows];
  rows.forEach((row, r) => {
    out[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (out[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) (out[r + dr] ??= [])[c + dc] = escapeMarkdown(cell.text);
      c += cell.colspan;
    }
  });
  return out.slice(0, rows.length).map((cells) => Array.from({ length: table.columns }, (_, i) => cells[i] ?? ''));
}

function tableMarkdown(table: Table): string[] {
  const cells = grid(table);
  const head = table.header.length > 0 ? cells.slice(0, 1) : [Array.from({ length: table.columns }, () => '')];
  const body = cells.slice(table.header.length > 0 ? table.header.length : 0);
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [
    ...(table.caption ? [`**${escapeMarkdown(table.caption)}**`, ''] : []),
    line(head[0]!),
    line(head[0]!.map(() => '---')),
    ...cells.slice(1, table.header.length).map(line),
    ...body.map(line),
  ];
}

const anchor = (id: string) => `<a id="${id.replace(/[^A-Za-z0-9_-]/g, '')}"></a>`;

function blocks(list: Block[], out: string[]): void {
  for (const b of list) {
    if (b.type === 'clause') {
      const depth = DEPTH[b.level];
      const text = `${escapeMarkdown(b.label)}${clauseGap(b.label, b.text)}${escapeMarkdown(b.text)}`;
      const isHeading = depth !== undefined && b.title !== null && b.title === b.text && !/[。；]$/.test(b.text);
      out.push(isHeading ? `${'#'.repeat(depth)} ${text} {#${b.id}}` : `${anchor(b.id)}${text}`, '');
      blocks(b.children, out);
    } else if (b.type === 'table') out.push(anchor(b.id), '', ...tableMarkdown(b.table), '');
    else if (b.type === 'entry') out.push(`${anchor(b.id)}${b.printedDate ? `**${escapeMarkdown(b.printedDate)}** ` : ''}${escapeMarkdown(b.text)}`, '');
    else if (b.type === 'heading') out.push(`## ${escapeMarkdown(b.text)} {#${b.id}}`, '');
    else if (plain(b.text)) out.push(`${anchor(b.id)}${escapeMarkdown(b.text)}`, '');
  }
}

export function documentMarkdown(doc: MarkdownSource): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  if (doc.docNumber) out.push(escapeMarkdown(doc.docNumber), '');
  else if (doc.docNumberInferred) out.push(`（发文字号据引用推定：${escapeMarkdown(doc.docNumberInferred)}）`, '');
  if (doc.addressees || doc.notice) {
    for (const t of [doc.addressees, doc.notice]) if (t) out.push(escapeMarkdown(t), '');
    for (const t of [doc.signature.issuer, doc.signature.date]) if (t) out.push(`<p align="right">${escapeMarkdown(t)}</p>`, '');
  }
  if (doc.planTitle) out.push(`## ${escapeMarkdown(doc.planTitle)}`, '');
  blocks(doc.body, out);
  for (const a of doc.attachments) {
    out.push(`## ${escapeMarkdown(a.label)} ${escapeMarkdown(a.title)} {#${a.id}}`, '');
    blocks(a.body, out);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
