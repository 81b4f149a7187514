/** Collection queries shared by pages: sorted issues and documents as published, URLs. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { documentPath, issuePath } from '../gazette/urls.ts';
import { findDocument } from './editorial/refs.ts';
import { applyReadings, type DecidedReading, type ReadingDecision } from './readings.ts';
import { href } from './url.ts';

export type IssueData = CollectionEntry<'issues'>['data'];
/** A document as the site publishes it: the editors' reading decisions applied, each kept in `readings`. */
export type DocumentData = CollectionEntry<'documents'>['data'] & { readings: DecidedReading[] };

// Every page asks for these lists: a build sorts them once (the dev server re-reads, as content changes).
let issuesOnce: Promise<IssueData[]> | null = null;
let documentsOnce: Promise<DocumentData[]> | null = null;

export function allIssues(): Promise<IssueData[]> {
  const sorted = async () => (await getCollection('issues')).map((e) => e.data).sort((a, b) => b.year - a.year || b.number - a.number);
  return import.meta.env.PROD ? (issuesOnce ??= sorted()) : sorted();
}

export function allDocuments(): Promise<DocumentData[]> {
  const sorted = async () => {
    const docs = (await getCollection('documents')).map((e) => e.data);
    const decisions = new Map<string, ReadingDecision[]>();
    for (const { data: r } of await getCollection('readings')) {
      const doc = findDocument(docs, r.document);
      if (!doc) throw new Error(`content/editorial/readings.json（${r.id}）：本站没有「${r.document}」这份文件`);
      decisions.set(doc.id, [...(decisions.get(doc.id) ?? []), r]);
    }
    return docs
      .map((d): DocumentData => {
        const { doc, readings } = applyReadings(d, decisions.get(d.id) ?? []);
        return { ...doc, readings };
      })
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
  };
  return import.meta.env.PROD ? (documentsOnce ??= sorted()) : sorted();
}

/** A document's collation notes (校勘记), by the id of the block they stand at. */
export function collationNotes(doc: Pick<DocumentData, 'variants'>): ReadonlyMap<string, DocumentData['variants']> {
  const notes = new Map<string, DocumentData['variants']>();
  for (const v of doc.variants) if (v.clause) notes.set(v.clause, [...(notes.get(v.clause) ?? []), v]);
  return notes;
}

export const issueUrl = (i: Pick<IssueData, 'year' | 'number'>): string => href(issuePath(i));
export const documentUrl = (d: Pick<DocumentData, 'id'>): string => href(documentPath(d.id));
