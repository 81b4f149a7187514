/**
 * Which adapter reads a source: decided from the content, never from the file name, so a renamed or
 * newly added file still goes to the right parser. Unknown content is an error, not a guess.
 */
import type { SourceKind } from '../../gazette/model.ts';
import { isDateLine } from '../text/dates.ts';
import { SourceError, type SourceInput } from '../text/lines.ts';
import { findDocumentNumbers } from '../../gazette/doc-number.ts';

const FRONT_MATTER = /^\s*---\r?\n[\s\S]*?\r?\n---\s*(?:\r?\n|$)/;
const HTML_TAGS = /<(?:html|body|div|p|td|table|span)\b[^>]*>/gi;
const TIMESTAMP_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const EXPECTED =
  '应为以下之一：公报文本（前几行有「…公报」刊名和「第N期」）、抓取记录（以「-」行开始、以 yyyy-mm-dd hh:mm:ss 行结束的记录）、' +
  '百科页面（「基本介紹」和 • 信息框条目）、新闻文章（YAML 头信息加 HTML）、校园网页（「发布时间:… | 栏目:…」页头）、' +
  '政府网页（含发文字号或落款日期的 HTML）或 Markdown（头信息或「# 」标题）';

export function detectSourceKind(input: SourceInput): SourceKind {
  const { text } = input;
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const filled = lines.filter(Boolean);
  const htmlTags = text.match(HTML_TAGS)?.length ?? 0;

  const fm = FRONT_MATTER.exec(text);
  if (fm) return (text.slice(fm[0].length).match(HTML_TAGS)?.length ?? 0) >= 3 ? 'news-article' : 'markdown';
  if (/^#\s+\S/.test(filled[0] ?? '')) return 'markdown';

  const head = filled.slice(0, 20);
  // 「第4期」「第6号」: whatever a gazette's numbering (GazetteConfig.numbering), an issue is 第N期 or 第N号.
  if (head.some((l) => /公报$/.test(l)) && head.some((l) => /第\s*\d+\s*[期号]/.test(l))) return 'gazette-dump';
  if (filled[0] === '-' && filled.some((l) => TIMESTAMP_LINE.test(l))) return 'scraped-record';
  if (filled.some((l) => /^基本介[紹绍]$/.test(l)) && filled.some((l) => /^•\s*\S+?[:：]/.test(l))) return 'encyclopedia';
  if (filled.some((l) => /^发布时间[:：]\s*\d{4}-\d{1,2}-\d{1,2}.*栏目[:：]/.test(l))) return 'campus-page';
  if (htmlTags >= 3) {
    const visible = text.replace(/<[^>]*>/g, '\n').split('\n').map((l) => l.trim());
    if (findDocumentNumbers(text).length > 0 || visible.some(isDateLine)) return 'government-web';
  }
  throw new SourceError(input.file, Math.max(1, lines.findIndex(Boolean) + 1), `无法判断来源类型（共${lines.length}行）；${EXPECTED}。`);
}
