/**
 * The editorial layer as pages read it: the pieces editors wrote (content/editorial/*.mdx), joined to the
 * documents they belong to. The reading decisions are applied where the documents are read (../content.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sourceNames } from '../../gazette/sources.ts';
import { editorialPath } from '../../gazette/urls.ts';
import { allDocuments, type DocumentData } from '../content.ts';
import { findClause, findDocument, type ClauseRef } from './refs.ts';
import type { DecidedReading } from '../readings.ts';
import { href } from '../url.ts';

export type EditorialEntry = CollectionEntry<'editorial'>;

let editorialOnce: Promise<EditorialEntry[]> | null = null;

/** Newest first, then by id. */
export function allEditorial(): Promise<EditorialEntry[]> {
  const sorted = async () => (await getCollection('editorial')).sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
  return import.meta.env.PROD ? (editorialOnce ??= sorted()) : sorted();
}

export const editorialUrl = (e: Pick<EditorialEntry, 'id'>): string => href(editorialPath(e.id));

/** The document an entry belongs to (its front matter names it by 发文字号 or slug). */
export async function documentOf(e: EditorialEntry): Promise<DocumentData | null> {
  return e.data.document ? findDocument(await allDocuments(), e.data.document) : null;
}

/** 解读, 编者按 and 更正 of one document. */
export async function editorialFor(doc: Pick<DocumentData, 'id'>): Promise<EditorialEntry[]> {
  const docs = await allDocuments();
  return (await allEditorial()).filter((e) => e.data.document && findDocument(docs, e.data.document)?.id === doc.id);
}

/**
 * What the editors say at one block of a document page: a decided reading (with the copies it follows, named
 * by what they are: 「网络转载本、百科繁体本」), or a 更正 of that clause.
 */
export type BlockNote =
  | { kind: 'reading'; reading: DecidedReading; copies: string }
  | { kind: 'correction'; title: string; url: string; summary: string };

export function blockNotes(doc: Pick<DocumentData, 'readings' | 'sources'>, corrections: readonly EditorialEntry[]): ReadonlyMap<string, BlockNote[]> {
  const notes = new Map<string, BlockNote[]>();
  const add = (id: string, note: BlockNote) => notes.set(id, [...(notes.get(id) ?? []), note]);
  const kindOf = new Map(doc.sources.map((s) => [s.file, s.kind]));
  for (const reading of doc.readings) add(reading.clause, { kind: 'reading', reading, copies: sourceNames(reading.copies.flatMap((f) => kindOf.get(f) ?? [])) });
  for (const e of corrections) {
    if (e.data.kind === '更正' && e.data.clause) add(e.data.clause, { kind: 'correction', title: e.data.title, url: editorialUrl(e), summary: e.data.summary });
  }
  return notes;
}

/**
 * A component's document and clause, as published (decided readings applied). The MDX check has stopped the
 * build with file and line before any page renders; this throw is the same stop for a render that skipped it.
 */
export async function resolveRef(ref: string, clauseId?: string): Promise<{ doc: DocumentData; clause: ClauseRef | null }> {
  const doc = findDocument(await allDocuments(), ref);
  if (!doc) throw new Error(`编辑部文章引用有误：本站没有「${ref}」这份文件`);
  const clause = clauseId ? findClause(doc, clauseId) : null;
  if (clauseId && !clause) throw new Error(`编辑部文章引用有误：《${doc.title}》没有条款 ${clauseId}`);
  return { doc, clause };
}
