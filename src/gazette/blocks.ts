/** Walking a document's block tree: the one walker, flattened clauses, outline, citation paths. */
import type { Attachment, Block, ClauseBlock, ClauseLevel, GazetteDocument, TextLink } from './model.ts';
import { DIVISION_LEVELS } from './model.ts';
import { toChinese } from './numerals.ts';

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

/**
 * The label as a citation writes it, whatever the source's widths and spaces: 二、 （三） 11. （1） ①;
 * for a legal norm 第三章 第十二条 第十二条之一 第二款 第（三）项 第1目.
 */
export function citationLabel(clause: Pick<ClauseBlock, 'level' | 'number' | 'label' | 'sub'>): string {
  const n = toChinese(clause.number);
  switch (clause.level) {
    case 'bian':
      return `第${n}编`;
    case 'zhang':
      return `第${n}章`;
    case 'jie':
      return `第${n}节`;
    case 'tiao':
      return `第${n}条${clause.sub ? `之${toChinese(clause.sub)}` : ''}`;
    case 'kuan':
      return `第${n}款`;
    case 'xiang':
      return `第（${n}）项`;
    case 'mu':
      return `第${clause.number}目`;
    case 'part':
      return `${n}、`;
    case 'section':
      return `（${n}）`;
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

/** The text a clause opens with: its own, or its first 款's when a 条 of several 款 has none of its own. */
export function openingText(c: ClauseBlock): string {
  const first = c.children[0];
  return c.text === '' && first?.type === 'clause' ? first.text : c.text;
}

function titleOf(c: ClauseBlock): string {
  const t = c.title ?? openingText(c);
  return t.length > 28 ? `${t.slice(0, 26)}…` : t;
}

/**
 * Every clause with its citation path (「二、（三）11.」, 「第十二条第二款第（三）项」), for the outline,
 * copy-citation and clause pages. An article is cited without its 编 章 节 (第十二条, not 第三章第十二条),
 * so a division's path is its own and starts no prefix for what lies inside it.
 */
export function outline(blocks: Block[], prefix = ''): OutlineNode[] {
  return blocks.flatMap((b) => {
    if (b.type !== 'clause') return [];
    const path = `${prefix}${citationLabel(b)}`;
    const inner = DIVISION_LEVELS.has(b.level) ? '' : path;
    return [{ id: b.id, label: citationLabel(b), title: titleOf(b), level: b.level, path, children: outline(b.children, inner) }];
  });
}

export function flatOutline(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flatOutline(n.children)]);
}

/** The work a clause belongs to: an 印发 notice's clauses are those of the attached plan. */
export function citedWork(doc: Pick<GazetteDocument, 'title' | 'planTitle'>): string {
  return (doc.planTitle ?? doc.title).replace(/^《|》$/g, '');
}

/**
 * 《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11.; a 规章 published by a 政府令
 * is cited by its title alone, as the law is: 《上海市不动产登记若干规定》第三条第（二）项.
 */
export function citation(doc: Pick<GazetteDocument, 'title' | 'planTitle' | 'docNumber' | 'promulgation'>, path = ''): string {
  const number = doc.docNumber && !doc.promulgation ? `（${doc.docNumber.normalized}）` : '';
  return `《${citedWork(doc)}》${number}${path}`;
}

/** A text cut at its links, from offset `from` on: plain stretches and linked ones, in order. */
export function linkPieces(text: string, refs: TextLink[] = [], from = 0): Array<{ text: string; link: TextLink | null }> {
  const out: Array<{ text: string; link: TextLink | null }> = [];
  let at = from;
  for (const r of refs) {
    if (r.at < at) continue;
    if (r.at > at) out.push({ text: text.slice(at, r.at), link: null });
    out.push({ text: text.slice(r.at, r.at + r.length), link: r });
    at = r.at + r.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), link: null });
  return out;
}

/** The id itself, or its nearest enclosing id that `has` accepts (p8-s25-para1 → p8-s25, block ids nest by '-'); '' if none. */
export function enclosingId(id: string, has: (id: string) => boolean): string {
  let at = id;
  while (at && !has(at)) at = at.includes('-') ? at.replace(/-[^-]+$/, '') : '';
  return at;
}
