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

/** Where a published document comes from: its standard text's file and first line. */
export interface AnchorSource {
  file: string;
  line: number;
}

/**
 * Recorded anchors missing from the build and not forwarded: each is a fatal `anchor-removed` finding. It
 * names the source of the anchor's document where the build still has it (`sourceOf`), so the damaged
 * source is found there, and the line of the anchor list in the message; else the anchor list's line.
 */
export function checkAnchors(
  recorded: readonly string[],
  current: readonly string[],
  forwards: Readonly<Record<string, string>>,
  sourceOf: (document: string) => AnchorSource | null = () => null,
): Finding[] {
  const now = new Set(current);
  return recorded
    .map((url, i) => ({ url, line: i + 1 }))
    .filter(({ url }) => !now.has(url) && !(forwards[url] && now.has(forwards[url])))
    .map(({ url, line }) => {
      const source = sourceOf(/^\/documents\/([^/]+)\//.exec(url)?.[1] ?? '');
      return {
        kind: 'anchor-removed',
        severity: 'error',
        file: source?.file ?? ANCHORS_FILE,
        line: source?.line ?? line,
        message: source
          ? `${url}（记录于 ${ANCHORS_FILE} 第${line}行）曾经发布，本次生成中已不存在；该文件现由 ${source.file} 第${source.line}行起的文本发布，请检查其中对应的条款。`
          : `${url} 曾经发布，本次生成中已不存在。`,
        action: `生成停止：恢复该条款，或在 ${FORWARDS_FILE} 记录它的新位置`,
      };
    });
}
