/**
 * Stable anchors: a clause URL that worked once keeps working. The published clause URLs are committed
 * (content/published-anchors.txt); an anchor that disappears fails the build unless content/editorial/forwards.json
 * says where it went. Positional ids (…-para2) are the only ones allowed to move and are not recorded.
 */
import type { Finding, GazetteDocument } from '../../gazette/model.ts';
import { documentClauses } from '../../gazette/blocks.ts';
import { clauseAnchorPath } from '../../gazette/urls.ts';

export const ANCHORS_FILE = 'content/published-anchors.txt';
export const FORWARDS_FILE = 'content/editorial/forwards.json';

/** `/documents/<slug>/#<clause-id>` for every numbered clause of every document, sorted. */
export function publishedAnchors(documents: readonly GazetteDocument[]): string[] {
  const urls = documents.flatMap((doc) =>
    documentClauses(doc)
      .filter((c) => !/(^|-)para\d+$/.test(c.id))
      .map((c) => clauseAnchorPath(doc.id, c.id)),
  );
  return [...new Set(urls)].sort();
}

export function parseAnchorList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Recorded anchors missing from the build and not forwarded: each is a fatal `anchor-removed` finding. */
export function checkAnchors(recorded: readonly string[], current: readonly string[], forwards: Readonly<Record<string, string>>): Finding[] {
  const now = new Set(current);
  return recorded
    .map((url, i) => ({ url, line: i + 1 }))
    .filter(({ url }) => !now.has(url) && !(forwards[url] && now.has(forwards[url])))
    .map(({ url, line }) => ({
      kind: 'anchor-removed',
      severity: 'error',
      file: ANCHORS_FILE,
      line,
      message: `${url} was published before and is gone from this build.`,
      action: `build stopped: restore the clause, or record where it went in ${FORWARDS_FILE}`,
    }));
}
