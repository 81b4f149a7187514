/** Collection queries shared by pages: sorted issues and documents, URLs. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { documentPath, issuePath } from '../gazette/urls.ts';
import { href } from './url.ts';

export type IssueData = CollectionEntry<'issues'>['data'];
export type DocumentData = CollectionEntry<'documents'>['data'];

// Every page asks for these lists: a build sorts them once (the dev server re-reads, as content changes).
let issuesOnce: Promise<IssueData[]> | null = null;
let documentsOnce: Promise<DocumentData[]> | null = null;

export function allIssues(): Promise<IssueData[]> {
  const sorted = async () => (await getCollection('issues')).map((e) => e.data).sort((a, b) => b.year - a.year || b.number - a.number);
  return import.meta.env.PROD ? (issuesOnce ??= sorted()) : sorted();
}

export function allDocuments(): Promise<DocumentData[]> {
  const sorted = async () =>
    (await getCollection('documents')).map((e) => e.data).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
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
