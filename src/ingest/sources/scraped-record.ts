/**
 * Scraped web records (000): one paragraph per line, records opened by a line `-` and closed by the
 * site's timestamp and issue label:
 *
 *   -  · title (wrapped) · 发文字号 · 主送机关 · notice · 落款 issuer · date · plan title · body ·
 *   2023-11-02 00:00:00 · 第4期
 *
 * The timestamp is when the site stored the page, not the document's date.
 * Everything is reported as printed — including an issuer name that is not an issuer; recognising a
 * tampered copy is the reconcile stage's job, against the list of known issuers.
 */
import type { Finding, Removal, SourceDocument, SourceParse } from '../../gazette/model.ts';
import { type Line, type SourceInput, splitLines } from '../text/lines.ts';
import { remove } from '../text/removals.ts';
import { parseOfficial } from '../structure/official.ts';

const SEPARATOR = /^-$/;
const SITE_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const ISSUE_LABEL = /^第\s*\d+\s*期$/;

export function parseScrapedRecord(input: SourceInput): SourceParse {
  const { file } = input;
  const lines = splitLines(input.text);
  const removals: Removal[] = [];
  const findings: Finding[] = [];
  const documents: SourceDocument[] = [];
  const fileMeta: Record<string, string> = {};

  const records: { from: number; lines: Line[] }[] = [];
  for (const l of lines) {
    const t = l.text.trim();
    if (SEPARATOR.test(t)) {
      remove(removals, l.line, t, 'record separator');
      records.push({ from: l.line, lines: [] });
    } else if (t) {
      if (records.length === 0) records.push({ from: l.line, lines: [] });
      records[records.length - 1]!.lines.push({ line: l.line, text: t });
    }
  }

  for (const { from, lines: record } of records) {
    const meta: Record<string, string> = {};
    // The record's tail: timestamp and issue label, in either order.
    let end = record.length;
    while (end > 0) {
      const t = record[end - 1]!.text;
      if (SITE_TIMESTAMP.test(t)) meta['siteTimestamp'] = t;
      else if (ISSUE_LABEL.test(t)) meta['issueLabel'] = t;
      else break;
      end--;
    }
    Object.assign(fileMeta, meta);
    const content = record.slice(0, end);
    if (content.length === 0) continue;
    const r = parseOfficial({
      file,
      kind: 'scraped-record',
      paras: content.map((l) => ({ kind: 'text', text: l.text, line: l.line })),
      meta,
      span: { from, to: record[record.length - 1]?.line ?? from },
    });
    documents.push(r.document);
    findings.push(...r.findings);
    removals.push(...r.removals);
  }

  return { file, kind: 'scraped-record', meta: fileMeta, issue: null, documents, findings, removals };
}
