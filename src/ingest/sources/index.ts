/**
 * Entry point of the source stage: detect the kind of a source from its content, then read it with
 * that kind's adapter. Every adapter is pure: `{ file, text }` in, `SourceParse` out.
 */
import type { SourceKind, SourceParse } from '../../gazette/model.ts';
import type { SourceInput } from '../text/lines.ts';
import type { IngestGazette } from '../structure/gazette.ts';
import { parseCampusPage } from './campus-page.ts';
import { detectSourceKind } from './detect.ts';
import { parseEncyclopedia } from './encyclopedia.ts';
import { parseGazetteDump } from './gazette-dump/index.ts';
import { parseGovernmentWeb } from './government-web.ts';
import { parseMarkdown } from './markdown.ts';
import { parseNewsArticle } from './news-article.ts';
import { parseScrapedRecord } from './scraped-record.ts';

export type { SourceInput } from '../text/lines.ts';
export { detectSourceKind } from './detect.ts';

/** Only the gazette dump reads the gazette's configuration (its numbering, columns, issuers). */
const ADAPTERS: Record<SourceKind, (input: SourceInput, gazette: IngestGazette) => SourceParse> = {
  'gazette-dump': parseGazetteDump,
  'government-web': parseGovernmentWeb,
  'scraped-record': parseScrapedRecord,
  'news-article': parseNewsArticle,
  encyclopedia: parseEncyclopedia,
  'campus-page': parseCampusPage,
  markdown: parseMarkdown,
};

/**
 * Parses one source file. Throws (naming the file) when its kind cannot be recognised.
 * Removals come back in line order, whatever order the adapter found them in.
 */
export function parseSource(input: SourceInput, gazette: IngestGazette): SourceParse {
  const parse = ADAPTERS[detectSourceKind(input)](input, gazette);
  return { ...parse, removals: [...parse.removals].sort((a, b) => a.line - b.line) };
}
