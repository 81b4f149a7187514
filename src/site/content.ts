/** What pages read: sorted issues and documents as published (src/site/collections.ts reads them), URLs. */
import { getCollection } from 'astro:content';
import { allBlocks } from '../gazette/blocks.ts';
import { collationReading } from '../gazette/collation.ts';
import { SOURCE_LABEL, sourceNames } from '../gazette/sources.ts';
import { documentPath, issuePath } from '../gazette/urls.ts';
import { findDocument } from './editorial/refs.ts';
import { readDocuments, readIssues, type DocumentEntry, type IssueEntry } from './collections.ts';
import { applyReadings, type DecidedReading, type ReadingDecision } from './readings.ts';
import { href } from './url.ts';

export type IssueData = IssueEntry;
/** A document as the site publishes it: the editors' reading decisions applied, each kept in `readings`. */
export type DocumentData = DocumentEntry & { readings: DecidedReading[] };

// Every page asks for these lists: a build sorts them once (the dev server re-reads, as content changes).
let issuesOnce: Promise<IssueData[]> | null = null;
let documentsOnce: Promise<DocumentData[]> | null = null;

export function allIssues(): Promise<IssueData[]> {
  const sorted = async () => readIssues().sort((a, b) => b.year - a.year || b.number - a.number);
  return import.meta.env.PROD ? (issuesOnce ??= sorted()) : sorted();
}

export function allDocuments(): Promise<DocumentData[]> {
  const sorted = async () => {
    const docs = readDocuments();
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

let titlesOnce: Promise<Map<string, string>> | null = null;
/** Each document's title by its id (a page names the documents it cites and that cite it). */
export function documentTitles(): Promise<Map<string, string>> {
  const titles = async () => new Map((await allDocuments()).map((d) => [d.id, d.title]));
  return import.meta.env.PROD ? (titlesOnce ??= titles()) : titles();
}

/** One 校勘记 as a reader reads it: the standard text's phrase, the copies by what they are, and their reading. */
export interface CollationLine {
  /** The block it stands at ('' for the title and header). */
  clause: string;
  standard: string;
  copy: string;
  /** 「网络转载本、百科繁体本」 */
  copies: string;
  /** What the standard text is: 「公报印刷版」 when the gazette's own print. */
  authority: string;
}

type Collated = Pick<DocumentData, 'variants' | 'sources' | 'body' | 'attachments'>;

/** Every 校勘记 of a document, in the order of its variants (src/gazette/collation.ts gives the whole phrases). */
export function collationLines(doc: Collated): CollationLine[] {
  const texts = new Map<string, string>();
  for (const b of allBlocks(doc)) if ('text' in b) texts.set(b.id, b.text);
  const kindOf = new Map(doc.sources.map((s) => [s.file, s.kind]));
  const standard = doc.sources.find((s) => s.role === 'authoritative');
  return doc.variants.map((v) => {
    const reading = collationReading(texts.get(v.clause) ?? '', v);
    const kinds = [v.file, ...v.alsoIn].flatMap((f) => kindOf.get(f) ?? []);
    return { clause: v.clause, ...reading, copies: sourceNames(kinds), authority: standard ? SOURCE_LABEL[standard.kind] : '' };
  });
}

/** A document's collation notes (校勘记), by the id of the block they stand at. */
export function collationNotes(doc: Collated): ReadonlyMap<string, CollationLine[]> {
  const notes = new Map<string, CollationLine[]>();
  for (const line of collationLines(doc)) if (line.clause) notes.set(line.clause, [...(notes.get(line.clause) ?? []), line]);
  return notes;
}

export const issueUrl = (i: Pick<IssueData, 'year' | 'number'>): string => href(issuePath(i));
export const documentUrl = (d: Pick<DocumentData, 'id'>): string => href(documentPath(d.id));
