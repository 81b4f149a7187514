/**
 * Which adapter reads a source: decided from the content, never from the file name, so a renamed or
 * newly added file still goes to the right parser. Unknown content is an error, not a guess.
 */
import type { SourceKind } from '../../gazette/model.ts';
import type { SourceInput } from '../text/common.ts';
import { isDateLine } from '../text/common.ts';
import { findDocumentNumbers } from '../../gazette/doc-number.ts';

const FRONT_MATTER = /^\s*---\r?\n[\s\S]*?\r?\n---\s*(?:\r?\n|$)/;
const HTML_TAGS = /<(?:html|body|div|p|td|table|span)\b[^>]*>/gi;
const TIMESTAMP_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const EXPECTED =
  'expected a gazette issue dump (a …公报 masthead and 第N期 in the first lines), a scraped record ' +
  '(records opened by a line "-" and closed by a yyyy-mm-dd hh:mm:ss line), an encyclopedia page ' +
  '(基本介紹 and • infobox bullets), a news article (YAML front matter followed by HTML), a campus page ' +
  '(发布时间:… | 栏目:… header), a government web page (HTML with a 发文字号 or a dated 落款) or Markdown ' +
  '(front matter or a "# " title)';

export function detectSourceKind(input: SourceInput): SourceKind {
  const { text } = input;
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const filled = lines.filter(Boolean);
  const htmlTags = text.match(HTML_TAGS)?.length ?? 0;

  const fm = FRONT_MATTER.exec(text);
  if (fm) return (text.slice(fm[0].length).match(HTML_TAGS)?.length ?? 0) >= 3 ? 'news-article' : 'markdown';
  if (/^#\s+\S/.test(filled[0] ?? '')) return 'markdown';

  const head = filled.slice(0, 20);
  if (head.some((l) => /公报$/.test(l)) && head.some((l) => /第\s*\d+\s*期/.test(l))) return 'gazette-dump';
  if (filled[0] === '-' && filled.some((l) => TIMESTAMP_LINE.test(l))) return 'scraped-record';
  if (filled.some((l) => /^基本介[紹绍]$/.test(l)) && filled.some((l) => /^•\s*\S+?[:：]/.test(l))) return 'encyclopedia';
  if (filled.some((l) => /^发布时间[:：]\s*\d{4}-\d{1,2}-\d{1,2}.*栏目[:：]/.test(l))) return 'campus-page';
  if (htmlTags >= 3) {
    const visible = text.replace(/<[^>]*>/g, '\n').split('\n').map((l) => l.trim());
    if (findDocumentNumbers(text).length > 0 || visible.some(isDateLine)) return 'government-web';
  }
  throw new Error(`${input.file}: cannot tell what kind of source this is; ${EXPECTED}.`);
}
