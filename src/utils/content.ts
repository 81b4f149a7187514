/** Collection queries shared by pages: sorted issues and documents, URLs. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { href } from './url.ts';

export type IssueData = CollectionEntry<'issues'>['data'];
export type DocumentData = CollectionEntry<'documents'>['data'];

export async function allIssues(): Promise<IssueData[]> {
  return (await getCollection('issues')).map((e) => e.data).sort((a, b) => b.year - a.year || b.number - a.number);
}

export async function allDocuments(): Promise<DocumentData[]> {
  return (await getCollection('documents'))
    .map((e) => e.data)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

export const issuePath = (i: Pick<IssueData, 'year' | 'number'>): string => `/issues/${i.year}/${i.number}/`;
export const documentPath = (d: Pick<DocumentData, 'id'>): string => `/documents/${d.id}/`;
export const issueUrl = (i: Pick<IssueData, 'year' | 'number'>): string => href(issuePath(i));
export const documentUrl = (d: Pick<DocumentData, 'id'>): string => href(documentPath(d));

/** 2023-02-28 → 2023年2月28日 */
export function chineseDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

export function issueLabel(i: Pick<IssueData, 'year' | 'number' | 'cumulative'>): string {
  return `${i.year}年第${i.number}期${i.cumulative ? `（复总第${i.cumulative}期）` : ''}`;
}
