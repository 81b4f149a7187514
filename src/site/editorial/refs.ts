/**
 * What an editorial page (content/editorial/*.mdx) may point at: a document by 发文字号 or slug, one of its
 * clauses, a list of documents, an issue. Pure: the MDX check (remark-refs.ts) and the components
 * (src/components/editorial/) resolve references the same way, so what the check passes renders.
 */
import { citation, flatOutline, outline, walkBlocks } from '../../gazette/blocks.ts';
import { parseDocumentNumber } from '../../gazette/doc-number.ts';
import type { ClauseBlock, GazetteDocument } from '../../gazette/model.ts';

/** Heading ids of editorial bodies start with this; no clause, paragraph or table id does (p2-s3-i11, p4). */
export const EDITORIAL_HEADING_PREFIX = 'ed-';

/** A document as the collection gives it (its kind a plain string). */
export type RefDocument = Pick<GazetteDocument, 'id' | 'title' | 'planTitle' | 'docNumber' | 'body' | 'attachments' | 'issuers' | 'date' | 'issue'> & { kind: string };

/** The components editors use, and the attributes that name something the site must have. */
export const EDITORIAL_COMPONENTS = ['Cite', 'Quote', 'DocCard', 'DocList', 'IssueFacts'] as const;
export type EditorialComponent = (typeof EDITORIAL_COMPONENTS)[number];

/** 吉政办发〔2022〕26号, 吉政办发[2022]26号 or jzbf-2022-26 → the document. */
export function findDocument<D extends RefDocument>(docs: readonly D[], ref: string): D | null {
  const bySlug = docs.find((d) => d.id === ref);
  if (bySlug) return bySlug;
  const number = parseDocumentNumber(ref);
  return number ? (docs.find((d) => d.docNumber?.normalized === number.normalized) ?? null) : null;
}

export interface ClauseRef {
  clause: ClauseBlock;
  /** Citation path: 二、（三）11. */
  path: string;
}

export function findClause(doc: RefDocument, id: string): ClauseRef | null {
  const trees = [doc.body, ...doc.attachments.map((a) => a.body)];
  for (const blocks of trees) {
    const node = flatOutline(outline(blocks)).find((n) => n.id === id);
    if (!node) continue;
    for (const b of walkBlocks(blocks)) if (b.type === 'clause' && b.id === id) return { clause: b, path: node.path };
  }
  return null;
}

/** 《吉林省科技创新生态优化工程实施方案》（吉政办发〔2022〕26号）二、（三）11. */
export const citeText = (doc: RefDocument, clause: ClauseRef | null): string => citation(doc, clause?.path ?? '');

export interface ListFilter {
  kind?: string | undefined;
  issuer?: string | undefined;
  year?: string | undefined;
  /** Words separated by spaces; a document is listed when its title holds any of them. */
  match?: string | undefined;
}

/** The documents a 专题 lists, oldest first (how a subject grew). */
export function listDocuments<D extends RefDocument>(docs: readonly D[], f: ListFilter): D[] {
  const words = (f.match ?? '').split(/\s+/).filter(Boolean);
  return docs
    .filter((d) => (!f.kind || d.kind === f.kind) && (!f.issuer || d.issuers.includes(f.issuer)) && (!f.year || d.date?.startsWith(f.year)))
    .filter((d) => words.length === 0 || words.some((w) => d.title.includes(w)))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}

/**
 * Why a reference cannot be rendered, in Chinese, or null when it can: the attributes of one component
 * (or the front matter's document / clause). Issues are checked against `issues` (their ids, e.g. 2023-4).
 */
export function referenceProblem(
  docs: readonly RefDocument[],
  issues: readonly string[],
  component: EditorialComponent | 'front matter',
  attrs: Readonly<Record<string, string | undefined>>,
): string | null {
  if (component === 'DocList') {
    const filter = { kind: attrs['kind'], issuer: attrs['issuer'], year: attrs['year'], match: attrs['match'] };
    return listDocuments(docs, filter).length === 0 ? `没有符合条件的文件（${JSON.stringify(filter)}），列表将是空的` : null;
  }
  if (component === 'IssueFacts') {
    const issue = attrs['issue'];
    if (!issue) return '缺少 issue（期次，如 2023-4）';
    return issues.includes(issue) ? null : `本站没有期次 ${issue}`;
  }
  const ref = attrs['doc'];
  if (!ref) return component === 'front matter' ? null : '缺少 doc（发文字号或文件标识）';
  const doc = findDocument(docs, ref);
  if (!doc) return `本站没有「${ref}」这份文件（按发文字号或文件标识查找）`;
  const clause = attrs['clause'];
  if (clause && !findClause(doc, clause)) return `《${doc.title}》没有条款 ${clause}`;
  if (component === 'Quote' && !clause) return 'Quote 须指明 clause（引用的条款）';
  return null;
}
