/**
 * Which copy of a document is the standard text (标准文本), by the kind of source it comes from
 * (gazette > government web copy > news copy > encyclopedia > excerpt).
 *
 * Placed between those by decision:
 * - scraped-record (rank 3): a record scraped from a government site is a government web copy at one
 *   remove — the page itself is lost (no URL, no page chrome to check), the scraper rewrote punctuation
 *   to ASCII and the site stamped its own date (000). It keeps the whole text and every header field,
 *   so it outranks edited copies, but never a page captured from the government site itself.
 * - markdown (rank 4): a third-party transcription collection (LawRefBook, Shanghai-Gov-Docs-Index):
 *   full text with front matter, but retyped and reformatted by a volunteer, with no page to check
 *   against — below the scraped record, which at least keeps the site's own layout of the header, and
 *   above a news copy, which editors cut and retitle.
 * - campus-page is the excerpt (rank 7): it quotes chosen passages only.
 */
import type { SourceDocument, SourceKind } from '../../gazette/model.ts';

/** Lower wins. */
export const AUTHORITY_RANK: Readonly<Record<SourceKind, number>> = {
  'gazette-dump': 1,
  'government-web': 2,
  'scraped-record': 3,
  markdown: 4,
  'news-article': 5,
  encyclopedia: 6,
  'campus-page': 7,
};

/** Most authoritative first; equal kinds in file order, then by position, so the choice is reproducible. */
export function byAuthority(a: SourceDocument, b: SourceDocument): number {
  return (
    AUTHORITY_RANK[a.sourceKind] - AUTHORITY_RANK[b.sourceKind] ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.span.from - b.span.from
  );
}
