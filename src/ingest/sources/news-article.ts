/**
 * News articles (003, Sina Finance): YAML front matter, then the article as raw HTML.
 *
 * The front matter becomes metadata (its `date` read as the document date when the heading has none); the HTML is read as text
 * only (html.ts). The paper's own furniture is not document text: 「原标题：…」 is metadata, the
 * 新浪财经APP QR-code box is an advertisement, 「责任编辑：…」 is the editor's credit. The document's
 * heading carries its date: 「省委省政府关于创新型省份建设的意见（2021年12月20日）」.
 */
import type { Removal, SourceParse } from '../../gazette/model.ts';
import type { BodyItem } from '../structure/clauses.ts';
import { buildBody } from '../structure/clauses.ts';
import { emptyDocument, issuersFromTitle } from '../structure/document.ts';
import { isoDate } from '../text/dates.ts';
import { findFrontMatter, frontMatterMeta } from '../text/front-matter.ts';
import { blankLines, type SourceInput, splitLines } from '../text/lines.ts';
import { takeMeta } from '../text/removals.ts';
import { dropBlock, inClass, readHtml } from '../text/html.ts';

const ORIGINAL_TITLE = /^(原标题)\s*[：:]\s*(.+)$/;
const DATED_HEADING = /^(.+?)[（(](\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[）)]$/;
const EDITOR = /^责任编辑\s*[：:]/;
/** Sina's QR-code promotion box (「海量资讯、精准解读，尽在新浪财经APP」). */
const AD_BOX = /^appendQr/;

/** RFC 2822 / ISO front-matter dates → ISO 8601 UTC without milliseconds; null when unreadable. */
function isoDateTime(s: string | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().replace('.000Z', 'Z');
}

export function parseNewsArticle(input: SourceInput): SourceParse {
  const { file } = input;
  const lines = splitLines(input.text);
  const removals: Removal[] = [];
  const fm = findFrontMatter(lines);
  const meta = fm ? frontMatterMeta(fm, removals) : {};
  // Metadata holds what the page prints; the ISO form is derived and only feeds `date`.
  const publishedAt = isoDateTime(meta['date']);

  const html = readHtml(file, fm ? blankLines(input.text, fm.lines) : input.text);
  removals.push(...html.removals);

  // The dated heading: [printed, title, date].
  let heading: RegExpExecArray | null = null;
  const items: BodyItem[] = [];
  for (const b of html.blocks) {
    if (b.kind === 'table') {
      items.push({ kind: 'table', table: b.table });
      continue;
    }
    const t = b.text;
    let m: RegExpExecArray | null;
    if (inClass(b, AD_BOX)) dropBlock(b, 'advertisement (新浪财经APP QR code)', removals);
    else if (EDITOR.test(t)) dropBlock(b, "news site's editor credit", removals);
    else if ((m = ORIGINAL_TITLE.exec(t))) takeMeta(meta, removals, b, m[1]!, m[2]!);
    else if (!heading && items.length === 0 && (m = DATED_HEADING.exec(t))) heading = m;
    else items.push({ kind: 'text', text: t, source: { file, line: b.line } });
  }

  const title = heading?.[1] ?? meta['title'] ?? '';
  const body = buildBody(items, { file });
  const first = html.blocks[0]?.line ?? 1;
  const document = {
    ...emptyDocument(file, 'news-article', title, { from: fm?.lines[0]?.line ?? first, to: lines.length }),
    printedTitle: heading?.[0] ?? title,
    issuers: issuersFromTitle(title),
    date: isoDate(heading?.[2]) ?? (publishedAt ? publishedAt.slice(0, 10) : null),
    body: body.blocks,
    meta,
  };
  return { file, kind: 'news-article', meta: {}, issue: null, documents: [document], findings: body.findings, removals };
}
