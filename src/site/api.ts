/** The JSON API (README, "What the build publishes"), built from the same collections as the pages. */
import { allBlocks, documentClauses } from '../gazette/blocks.ts';
import { issueLabel } from './gazette.ts';
import { isFromGazette } from '../gazette/sources.ts';
import { documentPath, issuePath, issuePdfPath } from '../gazette/urls.ts';
import type { DocumentData, IssueData } from './content.ts';
import { href } from './url.ts';
import type { DocumentApi, IssueApi } from '../gazette/schema.ts';
import { textSha256 } from './export/text.ts';

export function documentSummary(d: DocumentData) {
  return {
    id: d.id,
    title: d.title,
    url: href(documentPath(d.id)),
    docNumber: d.docNumber?.normalized ?? null,
    issuers: d.issuers,
    date: d.date,
    issue: d.issue,
    fromGazette: isFromGazette(d),
  };
}

export function issueSummary(i: IssueData) {
  return { id: i.id, title: `${i.gazette} ${issueLabel({ ...i, cumulative: null })}`, url: href(issuePath(i)), year: i.year, number: i.number };
}

export function documentApi(d: DocumentData): DocumentApi {
  const tables = allBlocks(d).flatMap((b) => (b.type === 'table' ? [b] : []));
  const clauses = documentClauses(d);
  const clauseIds = new Set(clauses.map((c) => c.id));
  // A table's id is its clause's id plus -t<k>, -tab<k> in a legal norm (src/ingest/structure/clauses.ts); a table outside any clause has no parent.
  const parentOf = (tableId: string): string | null => {
    const parent = tableId.replace(/-?(?:tab|t)\d+$/, '');
    return clauseIds.has(parent) ? parent : null;
  };
  return {
    ...documentSummary(d),
    printedTitle: d.title === d.printedTitle ? undefined : d.printedTitle,
    docNumberPrinted: d.docNumber?.printed ?? null,
    addressees: d.addressees,
    signature: { issuer: d.signature.issuer, date: d.signature.date },
    kind: d.kind,
    planTitle: d.planTitle,
    // 政府令: 令 number, promulgation sentence, signatory, 公布日期 and 施行日期 (null for any other kind).
    promulgation: d.promulgation ?? null,
    page: d.page,
    clauses,
    tables: tables.map((t) => ({
      id: t.table.id,
      caption: t.table.caption,
      clause: parentOf(t.id),
      header: t.table.header.map((r) => r.cells.map(({ text, rowspan, colspan }) => ({ text, rowspan, colspan }))),
      rows: t.table.rows.map((r) => ({ kind: r.kind, cells: r.cells.map(({ text, rowspan, colspan }) => ({ text, rowspan, colspan })) })),
    })),
    citations: d.citations.map((c) => ({ title: c.title, docNumber: c.docNumber?.normalized ?? null, target: c.target, clause: c.clause })),
    citedBy: d.citedBy,
    variants: d.variants,
    readings: d.readings.map(({ clause, printed, decided, reason, editor, date, copies }) => ({ clause, printed, decided, reason, editor, date, copies })),
    /** The source's own metadata as printed (front matter, infobox, page header), src/gazette/shown.ts. */
    meta: d.meta,
    findings: d.findings.map(({ kind, severity, file, line, message }) => ({ kind, severity, file, line, message })),
    ...documentContent(d),
  };
}

/**
 * What the API carries beyond the summary and the flat clauses (issue 21): the whole body as a tree,
 * attachments with their bodies, each source with its printed metadata and checksum, the inferred
 * 发文字号 marked as such, and the checksum of the canonical text.
 */
export function documentContent(d: DocumentData) {
  return {
    notice: d.notice,
    docNumberInferred: d.inferredDocNumber ? { ...d.inferredDocNumber, inferred: true as const } : null,
    sources: d.sources,
    body: d.body,
    attachments: d.attachments,
    textSha256: textSha256(d),
  };
}

/** Issue furniture that is metadata, not document text: 编委会, 题注 ①–⑦, 编辑出版 block, 简介, the inside cover's statement. */
export function issueFurniture(i: IssueData) {
  return { publisher: i.publisher, motto: i.motto, editorialBoard: i.editorialBoard, masthead: i.masthead, captions: i.captions, about: i.about, statement: i.statement };
}

export function issueApi(i: IssueData): IssueApi {
  return {
    ...issueSummary(i),
    cumulative: i.cumulative,
    published: i.published,
    frequency: i.frequency,
    issn: i.issn,
    cn: i.cn,
    sponsor: i.sponsor,
    sections: i.sections.map((s) => ({
      title: s.title,
      entries: s.entries.map((e) => ({ title: e.title, docNumber: e.docNumber?.normalized ?? null, page: e.page, document: e.document })),
    })),
    documents: i.documents,
    pdf: href(issuePdfPath(i.id)),
    findings: i.findings.map(({ kind, severity, file, line, message }) => ({ kind, severity, file, line, message })),
    ...issueFurniture(i),
  };
}

export const jsonResponse = (data: unknown): Response =>
  new Response(`${JSON.stringify(data, null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
