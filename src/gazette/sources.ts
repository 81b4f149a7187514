/**
 * What a reader is told about where a text comes from: each kind of source by what it is (公报印刷版,
 * 网络转载本 …), never by its file name, and whether a document is the gazette's at all.
 */
import type { SourceKind } from './model.ts';

/** The name of a source in a 校勘记 or a source list: what the copy is, as an editor would call it. */
export const SOURCE_LABEL: Record<SourceKind, string> = {
  'gazette-dump': '公报印刷版',
  'government-web': '政府网站刊载本',
  'scraped-record': '网络转载本',
  'news-article': '新闻网站转载本',
  // The encyclopedia adapter reads the Traditional-character mirror (src/ingest/sources/encyclopedia.ts).
  encyclopedia: '百科繁体本',
  'campus-page': '高校网站摘编本',
  markdown: '网络文本本',
};

/** The distinct names of some sources, in order: 「网络转载本、百科繁体本」. */
export function sourceNames(kinds: readonly SourceKind[]): string {
  return [...new Set(kinds.map((k) => SOURCE_LABEL[k]))].join('、');
}

/**
 * Whether a document is the gazette's: placed in an issue, which only the gazette's own source (gazette-dump,
 * src/ingest/sources/gazette-dump/) does. A news copy, a digest or an excerpt found elsewhere has no issue.
 */
export const isFromGazette = (doc: { issue: string | null }): boolean => doc.issue !== null;

/** How lists, search filters and results name the two origins. */
export const ORIGIN_LABEL = { gazette: '公报刊登', other: '非公报文本' } as const;

export const originLabel = (doc: { issue: string | null }): string => (isFromGazette(doc) ? ORIGIN_LABEL.gazette : ORIGIN_LABEL.other);
