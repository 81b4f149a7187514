/**
 * Browsing the document index at archive size (1,000 issues ≈ 6,000 documents): the documents grouped by
 * year (of 成文日期), kind (类别) and issuer (发文机关), each group a static page series of PAGE_SIZE entries,
 * so that no page of the index outgrows 200 KB of HTML (README, "Benchmark and scale").
 */
import type { DocumentData } from './content.ts';

/** Entries per page: a list entry is ≈ 0.5 KB of HTML, so a full page stays near 60 KB. */
export const PAGE_SIZE = 100;

export interface Group {
  /** The year, kind or issuer, as the page names it. */
  key: string;
  docs: DocumentData[];
}

/** Documents by a key each of them has zero or more of, in the order of `docs` (newest first); groups sorted by `order`. */
export function groupBy(docs: readonly DocumentData[], keys: (d: DocumentData) => string[], order: (a: string, b: string) => number): Group[] {
  const groups = new Map<string, DocumentData[]>();
  for (const d of docs) {
    for (const k of keys(d)) {
      const list = groups.get(k);
      if (list) list.push(d);
      else groups.set(k, [d]);
    }
  }
  return [...groups].map(([key, list]) => ({ key, docs: list })).sort((a, b) => order(a.key, b.key));
}

export type Facet = 'year' | 'kind' | 'issuer';

/** How a facet's page names its group: 2023年 · 类别：通知 · 发文机关：吉林省人民政府. */
export const FACET_NAME: Record<Facet, (key: string) => string> = {
  year: (k) => `${k}年`,
  kind: (k) => `类别：${k}`,
  issuer: (k) => `发文机关：${k}`,
};

type Keyed = Pick<DocumentData, 'date' | 'kind' | 'issuers'>;

/** The groups a document is listed in, by facet: the year of its 成文日期, its kind, each of its issuers. */
const FACET_KEYS: Record<Facet, (d: Keyed) => string[]> = {
  year: (d) => (d.date ? [d.date.slice(0, 4)] : []),
  kind: (d) => [d.kind],
  issuer: (d) => d.issuers,
};

/** Every group page series a document is listed in, as 'year/2023', 'kind/通知' (an incremental build renders those again). */
export const facetGroups = (d: Keyed): string[] => (Object.keys(FACET_KEYS) as Facet[]).flatMap((f) => FACET_KEYS[f](d).map((k) => `${f}/${k}`));

export const byYear = (docs: readonly DocumentData[]): Group[] => groupBy(docs, FACET_KEYS.year, (a, b) => b.localeCompare(a));
/** Kinds and issuers by how many documents they have, then by name (zh-Hans collation). */
const bySize = (groups: Group[]): Group[] => groups.sort((a, b) => b.docs.length - a.docs.length || a.key.localeCompare(b.key, 'zh-Hans-CN'));
export const byKind = (docs: readonly DocumentData[]): Group[] => bySize(groupBy(docs, FACET_KEYS.kind, () => 0));
export const byIssuer = (docs: readonly DocumentData[]): Group[] => bySize(groupBy(docs, FACET_KEYS.issuer, () => 0));

export const FACETS: Record<Facet, (docs: readonly DocumentData[]) => Group[]> = { year: byYear, kind: byKind, issuer: byIssuer };
