/** Walking a document's block tree: the one walker, flattened clauses, outline, citation paths. */
import type { Attachment, Block, ClauseBlock, ClauseLevel, GazetteDocument } from './model.ts';
import { numberToChinese } from './numerals.ts';

/** Every block in reading order (pre-order: a clause, then its children). */
export function* walkBlocks(blocks: Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'clause') yield* walkBlocks(block.children);
  }
}

/** Every block of a document: its body, then each attachment's (附件). */
export function allBlocks(doc: Pick<GazetteDocument, 'body' | 'attachments'>): Block[] {
  return [...walkBlocks(doc.body), ...doc.attachments.flatMap((a: Attachment) => [...walkBlocks(a.body)])];
}

export interface FlatClause {
  id: string;
  label: string;
  level: ClauseLevel;
  title: string | null;
  /**
   * The clause's own text followed by the text of its unnumbered paragraphs and omitted notes
   * (newline-separated), so the JSON API carries every word of the clause; sub-clauses are their own
   * entries and tables are listed separately.
   */
  text: string;
  /** Id of the enclosing clause, null at top level. */
  parent: string | null;
}

/** Every clause in reading order (pre-order), for the JSON API's `clauses`. */
export function flattenClauses(blocks: Block[]): FlatClause[] {
  const parentOf = new Map<ClauseBlock, string>();
  const out: FlatClause[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type !== 'clause') continue;
    for (const c of b.children) if (c.type === 'clause') parentOf.set(c, b.id);
    const own = b.children.flatMap((c) => (c.type === 'paragraph' || c.type === 'omitted' ? [c.text] : []));
    out.push({ id: b.id, label: b.label, level: b.level, title: b.title, text: [b.text, ...own].join('\n'), parent: parentOf.get(b) ?? null });
  }
  return out;
}

/** Every clause of a document: its body's, then each attachment's. */
export function documentClauses(doc: Pick<GazetteDocument, 'body' | 'attachments'>): FlatClause[] {
  return [...flattenClauses(doc.body), ...doc.attachments.flatMap((a) => flattenClauses(a.body))];
}

/** The label as a citation writes it, whatever the source's widths and spaces: 二、 （三） 11. （1） ① */
export function citationLabel(clause: Pick<ClauseBlock, 'level' | 'number' | 'label'>): string {
  switch (clause.level) {
    case 'part':
      return `${numberToChinese(clause.number)}、`;
    case 'section':
      return `（${numberToChinese(clause.number)}）`;
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
