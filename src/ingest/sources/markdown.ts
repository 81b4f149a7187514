/**
 * Markdown copies of documents: mirrors with YAML front matter (标题/文号/发布单位/发布日期 …) and
 * LawRefBook files (`# title`, an info zone closed by `<!-- INFO END -->`, tables between
 * `<!-- TABLE -->` markers, clauses as `## 一、` headings).
 *
 * Read line by line: every non-blank line is one paragraph, as in the 公文 mirrors, where a line
 * break always ends a paragraph. Pipe tables become model Tables; `[text](url)` keeps its text.
 * Blockquotes before the title are the mirror's own notices, not document text.
 */
import type { Finding, Removal, SourceParse, Table, TableRow } from '../../gazette/model.ts';
import { chineseToNumber } from '../../gazette/numerals.ts';
import { parseDocumentNumber } from '../../gazette/doc-number.ts';
import { isoDate } from '../text/dates.ts';
import { findFrontMatter, frontMatterMeta } from '../text/front-matter.ts';
import { type Line, type SourceInput, splitLines } from '../text/lines.ts';
import { remove } from '../text/removals.ts';
import type { Para } from '../structure/official.ts';
import { parseOfficial } from '../structure/official.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
const COMMENT = /^<!--[\s\S]*?-->$/;
const INFO_END = /^<!--\s*INFO END\s*-->$/;
const TABLE_ROW = /^\|.*\|$/;
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;
const LINK = /\[([^\]]*)\]\(([^)]*)\)/g;
const DATE_ANY = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g;

/** Inline Markdown → text: links keep their text, emphasis markers go; the syntax goes to the ledger. */
function inline(l: Line, text: string, removals: Removal[]): string {
  let syntax = '';
  const out = text
    .replace(LINK, (_, label: string, url: string) => {
      syntax += ` [](${url})`;
      return label;
    })
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, (_, mark: string, inner: string) => {
      syntax += ` ${mark}${mark}`;
      return inner;
    });
  remove(removals, l.line, syntax, 'Markdown syntax');
  return out.trim();
}

function cells(row: string): string[] {
  return row
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

function pipeTable(file: string, rows: Line[], removals: Removal[]): Omit<Table, 'id'> {
  const toRow = (l: Line): TableRow => {
    remove(removals, l.line, l.text.replace(/[^|]/g, ''), 'Markdown table syntax');
    return { cells: cells(l.text).map((text) => ({ text, rowspan: 1, colspan: 1 })), kind: 'data', source: { file, line: l.line } };
  };
  const ruleAt = rows.findIndex((l) => TABLE_RULE.test(l.text.trim()));
  const rule = rows[ruleAt];
  if (rule) remove(removals, rule.line, rule.text, 'Markdown table syntax');
  const header = ruleAt > 0 ? rows.slice(0, ruleAt).map(toRow) : [];
  for (const r of header) for (const c of r.cells) c.header = true;
  const body = rows.slice(ruleAt + 1).map(toRow);
  const columns = Math.max(0, ...[...header, ...body].map((r) => r.cells.length));
  return { caption: null, header, rows: body, columns, source: { file, line: rows[0]?.line ?? 0 } };
}

export function parseMarkdown(input: SourceInput): SourceParse {
  const { file } = input;
  const lines = splitLines(input.text);
  const removals: Removal[] = [];
  const findings: Finding[] = [];
  const fm = findFrontMatter(lines);
  const meta = fm ? frontMatterMeta(fm, removals) : {};
  const fmEnd = fm ? (fm.lines[fm.lines.length - 1]?.line ?? 0) : 0;

  let title: string | null = null;
  let titleLine = 0;
  const info: Line[] = [];
  const paras: Para[] = [];
  const rest = lines.filter((l) => l.line > fmEnd);
  const infoZone = rest.some((l) => INFO_END.test(l.text.trim()));
  let inInfo = false;

  for (let i = 0; i < rest.length; i++) {
    const l = rest[i]!;
    const t = l.text.trim();
    if (!t) continue;
    let m: RegExpExecArray | null;
    if (COMMENT.test(t)) {
      remove(removals, l.line, t, 'HTML comment');
      if (INFO_END.test(t)) inInfo = false;
    } else if (TABLE_ROW.test(t)) {
      let end = i;
      while (end < rest.length && TABLE_ROW.test(rest[end]!.text.trim())) end++;
      const rows = rest.slice(i, end).map((r) => ({ line: r.line, text: r.text.trim() }));
      i = end - 1;
      paras.push({ kind: 'table', table: pipeTable(file, rows, removals), line: l.line });
    } else if ((m = HEADING.exec(t))) {
      remove(removals, l.line, m[1]!, 'Markdown syntax');
      // A closing sequence (「## 标题 ##」, or 「## #」 whose only text is it) is syntax too.
      const closing = t.slice(m[1]!.length).trim().slice(m[2]!.length).trim();
      if (closing) remove(removals, l.line, closing, 'Markdown syntax');
      const text = inline(l, m[2]!, removals);
      if (title === null && m[1] === '#') {
        title = text;
        titleLine = l.line;
        inInfo = infoZone;
        continue;
      }
      // 「## 三」: a part number printed without its 、 — kept as printed, reported.
      if (chineseToNumber(text) !== null)
        findings.push({
          kind: 'label-malformed',
          severity: 'warning',
          file,
          line: l.line,
          message: `标题「${text}」像是少了「、」的部分编号「${text}、」。`,
          action: '照印刷保留为不编号的标题；其后的文字不归入某一部分。',
        });
      paras.push({ kind: 'heading', text, line: l.line });
    } else if (t.startsWith('>') && title === null) {
      remove(removals, l.line, t, "mirror's notice (blockquote before the title)");
    } else if (inInfo) {
      // LawRefBook's info zone: the 发文字号, or a 题注 (adoption note) line.
      if (parseDocumentNumber(t)) paras.push({ kind: 'text', text: t, line: l.line });
      else info.push(l);
    } else {
      const quoted = /^>\s*/.exec(t)?.[0] ?? '';
      remove(removals, l.line, quoted, 'Markdown syntax');
      paras.push({ kind: 'text', text: inline(l, t.slice(quoted.length), removals), line: l.line });
    }
  }
  if (info.length) meta['题注'] = info.map((l) => l.text.trim()).join('\n');

  const last = lines.reduce((n, l) => (l.text.trim() ? l.line : n), 1);
  const r = parseOfficial({
    file,
    kind: 'markdown',
    paras,
    titleHint: title ?? meta['标题'] ?? null,
    meta,
    span: { from: fm?.lines[0]?.line ?? (titleLine || 1), to: last },
  });
  const document = r.document;
  // No 落款: the adoption note's last date (题注 「…2021年2月26日…通过」), then the front matter's.
  const noted = [...(meta['题注'] ?? '').matchAll(DATE_ANY)].map((d) => isoDate(d[0]));
  document.date ??= noted[noted.length - 1] ?? null;
  document.date ??= isoDate(meta['日期'] ?? meta['发布日期']);
  return {
    file,
    kind: 'markdown',
    meta: {},
    issue: null,
    documents: [document],
    findings: [...findings, ...r.findings],
    removals: [...removals, ...r.removals],
  };
}
