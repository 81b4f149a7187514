/** Walking a document's block tree for rendering: outline, tables, citation paths. */
import type { Attachment, Block, ClauseBlock, GazetteDocument, Table } from './model.ts';

export function* walkBlocks(blocks: Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'clause') yield* walkBlocks(block.children);
  }
}

export function allBlocks(doc: Pick<GazetteDocument, 'body' | 'attachments'>): Block[] {
  return [...walkBlocks(doc.body), ...doc.attachments.flatMap((a: Attachment) => [...walkBlocks(a.body)])];
}

export function findTable(doc: Pick<GazetteDocument, 'body' | 'attachments'>, id: string): Table | null {
  for (const block of allBlocks(doc)) if (block.type === 'table' && block.id === id) return block.table;
  return null;
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 21 → 二十一 (up to 99: clause numbers). */
export function toChinese(n: number): string {
  if (n < 10) return CN[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN[tens] ?? '')}十${ones ? (CN[ones] ?? '') : ''}`;
}

/** The label as a citation writes it, whatever the source's widths and spaces: 二、 （三） 11. （1） ① */
export function citationLabel(clause: Pick<ClauseBlock, 'level' | 'number' | 'label'>): string {
  switch (clause.level) {
    case 'part':
      return `${toChinese(clause.number)}、`;
    case 'section':
      return `（${toChinese(clause.number)}）`;
    case 'item':
      return `${clause.number}.`;
    case 'subitem':
      return `（${clause.number}）`;
    default:
      return clause.label.trim();
  }
}

export interface OutlineNode {
  id: string;
  label: string;
  title: string;
  level: ClauseBlock['level'];
  path: string;
  children: OutlineNode[];
}

function titleOf(c: ClauseBlock): string {
  const t = c.title ?? c.text;
  return t.length > 28 ? `${t.slice(0, 26)}…` : t;
}

/** Every clause with its citation path (「二、（三）11.」), for the outline, copy-citation and clause pages. */
export function outline(blocks: Block[], prefix = ''): OutlineNode[] {
  return blocks.flatMap((b) => {
    if (b.type !== 'clause') return [];
    const path = `${prefix}${citationLabel(b)}`;
    return [{ id: b.id, label: citationLabel(b), title: titleOf(b), level: b.level, path, children: outline(b.children, path) }];
  });
}

export function flatOutline(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flatOutline(n.children)]);
}

/** The work a clause belongs to: an 印发 notice's clauses are those of the attached plan. */
export function citedWork(doc: Pick<GazetteDocument, 'title' | 'planTitle'>): string {
  return (doc.planTitle ?? doc.title).replace(/^《|》$/g, '');
}

/** 《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11. */
export function citation(doc: Pick<GazetteDocument, 'title' | 'planTitle' | 'docNumber'>, path = ''): string {
  const number = doc.docNumber ? `（${doc.docNumber.normalized}）` : '';
  return `《${citedWork(doc)}》${number}${path}`;
}
