/**
 * Adapter for a PDF-to-text dump of a whole gazette issue, cover to back cover (content/sources/001_2dbcd8b680e63142.txt):
 * one paragraph per line, paragraphs separated by a blank line, tables as TAB rows, no running heads
 * and no page numbers.
 *
 * Regions are found by what they say, never by line number:
 *   cover (…公报, 第N期, …主办, then the cover story) · 卷首语 (its pinyin header JUANSHOUYU) ·
 *   inside cover (the gazette name again, then 目录 … 编辑委员会 … 编辑出版) ·
 *   official documents (a title block followed by a 发文字号 line) · 人事任免 (a …人事任免 heading,
 *   entries ending in their number) · 政务要闻 (no heading: the first dated entry without a number) ·
 *   photo captions (①…) · the back-cover …简介.
 *
 * Official documents go through the shared official-document reader after their body has been
 * layout-repaired and their TAB tables parsed; the issue's own columns (cover story, 卷首语, 任免,
 * 要闻) are structured here. The TOC is matched to the documents at the end, which gives them their
 * printed page, the 任免 its number, and every document its slug.
 */
import type { Block, DocumentKind, EntryBlock, Finding, Issue, Removal, SourceDocument, SourceParse, TocEntry, TocSection } from '../../../gazette/model.ts';
import { emptyDocument } from '../../structure/document.ts';
import { isDateLine } from '../../text/dates.ts';
import { isBlank, type Line, SourceError, type SourceInput, splitLines } from '../../text/lines.ts';
import { leftover, remove } from '../../text/removals.ts';
import type { Para } from '../../structure/official.ts';
import { isOrderHeading, parseOfficial } from '../../structure/official.ts';
import { parseArticleLabel, parseDivisionHeading } from '../../structure/legal-norm.ts';
import type { BodyItem } from '../../structure/clauses.ts';
import { buildBody, parseClauseLabel } from '../../structure/clauses.ts';
import { parseDocumentNumber } from '../../../gazette/doc-number.ts';
import { isTabRow, isTitleRow, parseTabTable, readColumnMajor } from '../../structure/tab-table.ts';
import type { InsideCover, IssueFacts, MetaRead } from './issue-meta.ts';
import { emptyFacts, isCaptionLine, isPinyinHeader, isTocHeading, matchTocEntry, parseAbout, parseInsideCover, readFacts } from './issue-meta.ts';
import { endsSentence, lineBlocks, repairLayout } from '../../structure/layout.ts';
import { isKnownIssuer, numberSlug, type IssuerRegister } from '../../structure/issuers.ts';
import type { IngestGazette } from '../../structure/gazette.ts';
import type { GazetteConfig } from '../../../gazette/config.ts';
import { stripLayoutSpaces, toMatchForm } from '../../../gazette/width.ts';

const KIND = 'gazette-dump' as const;

/** 「2月1日 …」「2月14日至15日 …」「同日 …」: an entry of 人事任免 or 政务要闻. */
const ENTRY = /^(\d{1,2})月(\d{1,2})日(?:至(?:\d{1,2}月)?\d{1,2}日)?(?=\s)|^同日(?=\s)/;
/** The number closing a 任免 entry: 「（吉政干任〔2023〕6号）」. */
const NUMBER_TAIL = /[（(]([^（()）]+号)[）)]$/;
const APPOINTMENTS = /\S人事任免$/;
const ABOUT = /简介$/;
const JUANSHOUYU = /^(?:JUANSHOUYU|卷首语)$/;
/** A table caption printed above the TAB rows: short, unpunctuated, unnumbered (「残疾预防主要指标」). */
const CAPTION = /^[^，。、；：,;:！？!?]{2,40}$/;
/** A 名单 set in columns is a list read down the columns, not a table (a member list). */
const LIST_TITLE = /名单$/;

/** Slug endings of the issue's own columns (no 发文字号 → issue and kind, src/gazette/doc-number.ts). */
const COLUMN_SLUG: Partial<Record<DocumentKind, string>> = { 封面: 'cover', 卷首语: 'juanshouyu', 任免: 'rsrm', 要闻: 'zwyw' };
/** 政务要闻 prints no heading: the column's name is its title, and nothing is its printed title. */
const NEWS_TITLE = '政务要闻';

type RegionName = 'cover' | 'juanshouyu' | 'insideCover' | 'document' | 'appointments' | 'news' | 'captions' | 'about';

interface Region {
  name: RegionName;
  lines: Line[];
}

/** A document of the issue with what was found while reading it. */
interface Read {
  doc: SourceDocument;
  findings: Finding[];
  /** Lines the title is printed on. */
  titleLines: { from: number; to: number };
}

const trimmed = (lines: Line[]): Line[] => lines.filter((l) => !isBlank(l.text)).map((l) => ({ line: l.line, text: l.text.trim() }));
const spanOf = (lines: Line[]): { from: number; to: number } => {
  const filled = trimmed(lines);
  return { from: filled[0]?.line ?? 0, to: filled.at(-1)?.line ?? 0 };
};
const textItem = (file: string, l: Line): BodyItem => ({ kind: 'text', text: l.text.trim(), source: { file, line: l.line } });

/** Cuts the dump into regions by content; each region runs up to the next one's first line. */
function findRegions(lines: Line[], file: string): Region[] {
  const text = (i: number): string => lines[i]?.text.trim() ?? '';
  const find = (test: (t: string) => boolean, from = 0, to = lines.length): number => {
    for (let i = Math.max(0, from); i < to; i++) if (test(text(i))) return i;
    return -1;
  };
  const first = find((t) => t !== '');
  const toc = find(isTocHeading);
  if (toc < 0) throw new SourceError(file, Math.max(1, first + 1), '公报文本没有「目录」行，无法找到内封和目录（封面从本行开始）');
  const juan = find((t) => JUANSHOUYU.test(t), 0, toc);
  // The inside cover opens with the gazette name again, the last time it is printed before 目录.
  let inside = toc;
  for (let i = toc - 1; i > Math.max(juan, first); i--) {
    if (text(i) === text(first)) {
      inside = i;
      break;
    }
  }

  const starts: Array<{ name: RegionName; at: number }> = [
    { name: 'cover', at: 0 },
    { name: 'insideCover', at: inside },
  ];
  if (juan >= 0) starts.push({ name: 'juanshouyu', at: juan });

  // An official document: the block of lines right before a line that is nothing but a 发文字号,
  // or a 政府令 from its 「…人民政府令」 line (a 令 prints no 发文字号, only 「第 301 号」).
  let last = toc;
  for (let i = toc + 1; i < lines.length; i++) {
    if (isOrderHeading(text(i))) {
      starts.push({ name: 'document', at: i });
      last = i;
      continue;
    }
    if (!parseDocumentNumber(text(i))) continue;
    let start = i - 1;
    while (start > last && text(start) === '') start--;
    while (start - 1 > last && text(start - 1) !== '') start--;
    starts.push({ name: 'document', at: start });
    last = i;
  }
  const appointments = find((t) => APPOINTMENTS.test(t), last + 1);
  if (appointments >= 0) starts.push({ name: 'appointments', at: appointments });
  const news = find((t) => ENTRY.test(t) && !NUMBER_TAIL.test(t), Math.max(appointments, last) + 1);
  if (news >= 0) starts.push({ name: 'news', at: news });
  const captions = find(isCaptionLine, Math.max(news, appointments, last) + 1);
  if (captions >= 0) starts.push({ name: 'captions', at: captions });
  const about = find((t) => ABOUT.test(t), Math.max(captions, news, appointments, last) + 1);
  if (about >= 0) starts.push({ name: 'about', at: about });

  starts.sort((a, b) => a.at - b.at);
  return starts.map((s, k) => ({ name: s.name, lines: lines.slice(s.at, starts[k + 1]?.at ?? lines.length) }));
}

/** 第X条 and 第X章 open a paragraph of a legal norm: a page break never joins them to the text before. */
const isLegalStart = (t: string): boolean => parseArticleLabel(t) !== null || parseDivisionHeading(t) !== null;

/** Layout repair, then the clause tree (cover story, 卷首语). */
function structure(items: BodyItem[], file: string, removals: Removal[]): { blocks: Block[]; findings: Finding[] } {
  const repaired = repairLayout(items, { file });
  removals.push(...repaired.removals);
  const built = buildBody(repaired.items, { file });
  return { blocks: built.blocks, findings: [...repaired.findings, ...built.findings] };
}

/** Cover story: the title lines that end no sentence (kicker and main title, joined by a space), then the text. */
function readCoverStory(story: Line[], file: string, removals: Removal[]): Read | null {
  const blocks = lineBlocks(story);
  const titleBlocks: Line[][] = [];
  while (blocks[0] && !endsSentence(blocks[0].map((l) => l.text).join(''))) titleBlocks.push(blocks.shift() ?? []);
  if (titleBlocks.length === 0 && blocks.length === 0) return null;
  const title = titleBlocks.map((b) => b.map((l) => l.text).join('')).join(' ');
  const doc = emptyDocument(file, KIND, title, spanOf(story));
  doc.kind = '封面';
  const body = structure(blocks.flat().map((l) => textItem(file, l)), file, removals);
  doc.body = body.blocks;
  return { doc, findings: body.findings, titleLines: spanOf(titleBlocks.flat()) };
}

/** 卷首语: pinyin header, the title set over several short lines, then the text (「一要…」 is not a clause label). */
function readEditorial(lines: Line[], file: string, removals: Removal[]): Read {
  const [[header] = [], titleBlock = [], ...body] = lineBlocks(lines);
  if (header) remove(removals, header.line, header.text, isPinyinHeader(header.text) ? 'pinyin/English running title (typographic furniture)' : 'column heading 卷首语 (the document kind)');
  const title = titleBlock.map((l) => l.text).join('');
  const doc = emptyDocument(file, KIND, title, spanOf(lines));
  doc.kind = '卷首语';
  const built = structure(body.flat().map((l) => textItem(file, l)), file, removals);
  doc.body = built.blocks;
  return { doc, findings: built.findings, titleLines: spanOf(titleBlock) };
}

/**
 * Paragraphs for the official-document reader: header lines as printed (up to the 落款 date, and the
 * plan title after it for an 印发 notice — layout repair must not glue them to the preamble), then the
 * body with its layout repaired and its TAB rows read as tables (a 名单 as a list, read down the columns).
 */
function officialParas(lines: Line[], file: string, findings: Finding[], removals: Removal[]): Para[] {
  const filled = trimmed(lines);
  const date = filled.findIndex((l) => isDateLine(l.text));
  // After the date: the plan title of an 印发 notice, the 规章 title of a 政府令.
  const titled = /印发/.test(filled[0]?.text ?? '') || isOrderHeading(filled[0]?.text ?? '');
  const headerLength = date < 0 ? 0 : date + 1 + (titled ? 1 : 0);
  const header = filled.slice(0, headerLength);
  const bodyFrom = filled[headerLength]?.line ?? Infinity;
  const body = lines.filter((l) => l.line >= bodyFrom);

  const paras: Para[] = header.map((l) => ({ kind: 'text', text: l.text, line: l.line }));
  let pending: BodyItem[] = [];
  const flush = (): void => {
    const repaired = repairLayout(pending, { file, isBlockStart: isLegalStart });
    findings.push(...repaired.findings);
    removals.push(...repaired.removals);
    for (const item of repaired.items) if (item.kind === 'text') paras.push({ kind: 'text', text: item.text, line: item.source.line });
    pending = [];
  };
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    if (!l || isBlank(l.text)) continue;
    if (!isTabRow(l.text)) {
      pending.push(textItem(file, l));
      continue;
    }
    // A TAB run goes on across blank lines (page fragments of one table).
    const rows: Line[] = [];
    for (; i < body.length; i++) {
      const r = body[i];
      if (!r || (!isBlank(r.text) && !isTabRow(r.text))) break;
      if (!isBlank(r.text)) rows.push(r);
    }
    i--;
    const before = pending.at(-1);
    if (before?.kind === 'text' && LIST_TITLE.test(before.text)) {
      flush();
      for (const entry of readColumnMajor(rows)) paras.push({ kind: 'text', text: entry.text, line: entry.line });
      continue;
    }
    const captionLine =
      before?.kind === 'text' && CAPTION.test(before.text) && !parseClauseLabel(before.text) && !isTitleRow(rows[0]?.text ?? '')
        ? { line: before.source.line, text: before.text }
        : null;
    if (captionLine) pending.pop();
    flush();
    const table = parseTabTable(rows, { file, caption: captionLine });
    findings.push(...table.findings);
    removals.push(...table.removals);
    paras.push({ kind: 'table', table: table.table, line: table.table.source.line });
  }
  flush();
  return paras;
}

function readOfficial(lines: Line[], file: string, removals: Removal[], issuers: IssuerRegister): Read {
  const findings: Finding[] = [];
  const paras = officialParas(lines, file, findings, removals);
  const r = parseOfficial({ file, kind: KIND, paras, span: spanOf(lines) });
  removals.push(...r.removals);
  // 「附件：…（略）」: label and title are published, 「（略）」 is what `omitted` says; the rest goes to the ledger.
  for (const a of r.document.attachments.filter((x) => x.omitted)) {
    const printed = lines.find((l) => l.line === a.source.line)?.text ?? '';
    const shown = [a.label, a.title, ...a.body.flatMap((b) => ('text' in b ? [b.text] : []))];
    remove(removals, a.source.line, leftover(printed, shown), 'omitted attachment: 「（略）」 is Attachment.omitted');
  }
  // The dump's line breaks inside titles became spaces; the reader strips them from the title only.
  const doc = { ...r.document, planTitle: r.document.planTitle === null ? null : stripLayoutSpaces(r.document.planTitle) };
  const title = trimmed(lines)[0]?.line ?? doc.span.from;
  if (!doc.title) findings.push(unreadHeader(lines, file, issuers));
  return { doc, findings: [...findings, ...r.findings], titleLines: { from: title, to: title } };
}

/**
 * A region opened by a 发文字号 whose header could not be read: no title came out, so the document
 * has no name and no TOC entry finds it. In 001's layout the header ends with the 落款 — the issuer's
 * name on its own line, then the date — so a known issuer not followed by a date names the damage.
 */
function unreadHeader(lines: Line[], file: string, issuers: IssuerRegister): Finding {
  const filled = trimmed(lines).slice(0, 14);
  const issuer = filled.findIndex((l, k) => k > 1 && isKnownIssuer(issuers, l.text) && !isDateLine(filled[k + 1]?.text ?? ''));
  // Else the title is what is missing: it stands right above the 发文字号 that opened the region.
  const number = filled.find((l) => parseDocumentNumber(l.text));
  const at = issuer >= 0 ? filled[issuer]!.line + 1 : (number?.line ?? filled[0]?.line ?? 1);
  return {
    kind: 'header-unread',
    severity: 'error',
    file,
    line: at,
    message:
      issuer >= 0
        ? `第${filled[issuer]!.line}行的落款「${filled[issuer]!.text}」之后没有成文日期，第${filled[0]!.line}行起的文件头无法识别，该文件没有标题。`
        : number
          ? `第${number.line}行的发文字号「${number.text}」之前没有可识别的标题，该文件没有标题。`
          : `第${at}行起的文件头（标题、发文字号、主送机关）无法识别，该文件没有标题。`,
    action: '该文件无法单独发布；本来源暂不公布，直至来源修复',
  };
}

/**
 * Dated entries. The year is the issue's, or the one before for a month after the publication month
 * (a 12月 entry in a February issue); 「同日」 takes the date of the entry before.
 */
function readEntries(lines: Line[], file: string, published: string | null): { entries: EntryBlock[]; findings: Finding[]; removals: Removal[] } {
  const repaired = repairLayout(trimmed(lines).map((l) => textItem(file, l)), { file, isBlockStart: (t) => ENTRY.test(t) });
  const [pubYear, pubMonth] = (published ?? '').split('-').map(Number);
  let date: string | null = null;
  const entries: EntryBlock[] = [];
  for (const item of repaired.items) {
    if (item.kind !== 'text') continue;
    const m = ENTRY.exec(item.text);
    if (m?.[1] && m[2] && pubYear) {
      const month = Number(m[1]);
      const year = pubMonth && month > pubMonth ? pubYear - 1 : pubYear;
      date = `${year}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
    } else if (!m) {
      date = null;
    }
    const number = NUMBER_TAIL.exec(item.text)?.[1];
    entries.push({
      type: 'entry',
      id: `e${entries.length + 1}`,
      source: item.source,
      date,
      printedDate: m?.[0] ?? null,
      text: m ? item.text.slice(m[0].length).trim() : item.text,
      docNumber: number ? parseDocumentNumber(number) : null,
    });
  }
  return { entries, findings: repaired.findings, removals: repaired.removals };
}

function readColumn(lines: Line[], file: string, removals: Removal[], published: string | null, kind: '任免' | '要闻'): Read {
  const filled = trimmed(lines);
  const heading = kind === '任免' ? filled[0] : undefined;
  const title = heading?.text ?? NEWS_TITLE;
  const r = readEntries(heading ? filled.slice(1) : filled, file, published);
  removals.push(...r.removals);
  const doc = emptyDocument(file, KIND, title, spanOf(lines));
  doc.kind = kind;
  doc.printedTitle = heading?.text ?? '';
  if (heading) doc.issuers = [title.replace(/人事任免$/, '')].filter(Boolean);
  doc.body = r.entries;
  const at = heading?.line ?? doc.span.from;
  return { doc, findings: r.findings, titleLines: { from: at, to: at } };
}

/** Where the dump's title has fewer characters than the TOC's, in order: the runs it lost. */
function lostRuns(short: string, long: string): string[] | null {
  const a = [...toMatchForm(short)];
  const b = [...toMatchForm(long)];
  const runs: string[] = [];
  let i = 0;
  let run = '';
  for (const c of b) {
    if (c === a[i]) {
      i++;
      if (run) runs.push(run);
      run = '';
    } else run += c;
  }
  if (run) runs.push(run);
  return i === a.length && runs.length > 0 ? runs : null;
}

/**
 * Matches TOC entries to documents. The TOC gives a document its printed page, a 发文字号 it does not
 * print itself (the 任免 as a whole), and its title where the dump lost characters of it (the 卷首语's
 * display title); other differences between the two are reported.
 */
/**
 * Where the body prints a TOC entry: its title (first line, up to three lines joined), else its 发文字号
 * (of a range 〔2023〕6-7号, the first: 任免 entries print one number each); 0 when it does not.
 */
function printedEntryAt(lines: Line[], entry: TocEntry, tocEnd: number): number {
  const want = toMatchForm(entry.title).replace(/\s/g, '');
  const filled = lines.filter((l) => l.line > tocEnd && !isBlank(l.text));
  if ([...want].length >= 6)
    for (let k = 0; k < filled.length; k++) {
      let joined = '';
      for (let n = 0; n < 3 && k + n < filled.length; n++) {
        joined += toMatchForm(filled[k + n]!.text).replace(/\s/g, '');
        if (joined === want) return filled[k]!.line;
        if (!want.startsWith(joined)) break;
      }
    }
  const number = entry.docNumber?.normalized.replace(/(\d+)(?:-\d+)?号$/, '$1号');
  const at = number ? filled.find((l) => toMatchForm(l.text).replace(/\s/g, '').includes(number)) : undefined;
  return at?.line ?? 0;
}

function resolveToc(sections: TocSection[], reads: Read[], issueFindings: Finding[], file: string, lines: Line[]): Map<number, TocEntry[]> {
  const taken = new Set<number>();
  const byDoc = new Map<number, TocEntry[]>();
  const docs = reads.map((r) => r.doc);
  // An entry is printed on up to three lines: the body begins after the last entry's.
  const tocEnd = Math.max(0, ...sections.flatMap((s) => s.entries.map((e) => e.source.line + 2)));
  for (const section of sections) {
    for (const entry of section.entries) {
      const i = matchTocEntry(entry, section, docs, taken);
      const read = reads[i];
      if (!read) {
        const printed = printedEntryAt(lines, entry, tocEnd);
        issueFindings.push(
          printed
            ? {
                kind: 'toc-unresolved',
                severity: 'error',
                file,
                line: printed,
                message: `目录条目「${entry.title}」（第${entry.page}页，目录第${entry.source.line}行）的标题或发文字号印在第${printed}行，但那里没有识别出单独的文件（可能缺少标题、发文字号、落款或日期行）。`,
                action: '该文件未能单独发布；本来源暂不公布，直至来源修复',
              }
            : {
                kind: 'toc-unresolved',
                severity: 'warning',
                file,
                line: entry.source.line,
                message: `目录条目「${entry.title}」（第${entry.page}页）在公报正文中找不到对应的文件。`,
                action: '目录条目照印，不加链接',
              },
        );
        continue;
      }
      taken.add(i);
      byDoc.set(i, [...(byDoc.get(i) ?? []), entry]);
      const { doc } = read;
      doc.page = entry.page;
      const report = (kind: string, severity: Finding['severity'], line: number, message: string, action: string): number =>
        read.findings.push({ kind, severity, file, line, message, action });
      if (doc.docNumber && entry.docNumber && doc.docNumber.normalized !== entry.docNumber.normalized) {
        report('toc-differs', 'warning', entry.source.line, `The TOC (l.${entry.source.line}) gives 「${entry.title}」 the number ${entry.docNumber.normalized}; the document prints ${doc.docNumber.normalized}.`, 'the document’s own number kept');
      }
      doc.docNumber ??= entry.docNumber;
      if (toMatchForm(doc.title) === toMatchForm(entry.title)) continue;
      const lost = lostRuns(doc.title, entry.title);
      if (!lost) {
        report('toc-differs', 'info', entry.source.line, `目录（第${entry.source.line}行）印的标题是「${entry.title}」，文件本身印作「${doc.title}」。`, '保留文件本身所印的标题');
      } else {
        report(
          'title-incomplete',
          'warning',
          read.titleLines.from,
          `第${read.titleLines.from}–${read.titleLines.to}行印的标题作「${doc.printedTitle}」，与目录（第${entry.source.line}行）所印「${entry.title}」相比缺了${lost.map((s) => `「${s}」`).join('')}。`,
          '标题取目录所印的写法；原印写法另存于 printedTitle',
        );
        doc.title = entry.title;
      }
    }
  }
  return byDoc;
}

/** The 发文字号 slug (src/gazette/doc-number.ts), or issue + column for a document without one (or whose 机关代字 has no slug). */
function slugFor(doc: SourceDocument, issueId: string, index: number, findings: Finding[], issuers: IssuerRegister): string {
  const fallback = `${issueId}-${COLUMN_SLUG[doc.kind] ?? `doc${index + 1}`}`;
  if (!doc.docNumber) return fallback;
  try {
    return numberSlug(issuers, doc.docNumber);
  } catch (err) {
    findings.push({
      kind: 'slug-fallback',
      severity: 'warning',
      file: doc.file,
      line: doc.span.from,
      message: err instanceof Error ? err.message : String(err),
      action: `改用由期次和位置生成的标识 ${fallback}`,
      document: fallback,
    });
    return fallback;
  }
}

/**
 * A dump cut short (a failed export, a partial download): it stops mid-sentence, or TOC entries after the
 * last one found in the text are all missing. An error at the last line: the last document is incomplete.
 */
function truncation(lines: Line[], sections: TocSection[], file: string): Finding[] {
  const last = lines.findLast((l) => !isBlank(l.text));
  if (!last) return [];
  const entries = sections.flatMap((s) => s.entries);
  const lastFound = entries.findLastIndex((e) => e.document !== null);
  const missing = entries.slice(lastFound + 1);
  if (endsSentence(last.text) && missing.length === 0) return [];
  return [
    {
      kind: 'dump-truncated',
      severity: 'error',
      file,
      line: last.line,
      message:
        `公报文本在第${last.line}行结束（「…${[...last.text.trim()].slice(-10).join('')}」）` +
        (missing.length ? `，目录中其后的${missing.length}个条目（从「${missing[0]!.title}」起）在正文中都找不到` : '，句子没有结束') +
        '：文本可能被截断。',
      action: '本来源的期次和文件暂不公布，直至补全文本',
    },
  ];
}

/** A dump of another gazette than the configured one (a source dropped into the wrong site): one warning per fact it prints otherwise. */
function otherGazette(issue: Issue, config: GazetteConfig, line: number): Finding[] {
  const facts: Array<[string, string | null, string]> = [
    ['刊名', issue.gazette, config.name],
    ['国际标准刊号', issue.issn, config.issn],
    ['国内统一刊号', issue.cn, config.cn],
  ];
  return facts
    .filter(([, printed, configured]) => printed !== null && toMatchForm(printed) !== toMatchForm(configured))
    .map(([what, printed, configured]) => ({
      kind: 'gazette-mismatch',
      severity: 'warning',
      file: issue.file,
      line,
      message: `本来源印的${what}是「${printed}」，与配置（gongbao.config.ts）的「${configured}」不同：可能是另一种公报的文本。`,
      action: '照常发布；若来源放错了网站，请移走；若配置有误，请更正 gongbao.config.ts',
    }));
}

export function parseGazetteDump(input: SourceInput, reader: IngestGazette): SourceParse {
  const { file } = input;
  const lines = splitLines(input.text);
  const removals: Removal[] = [];
  const read: MetaRead = { meta: {}, removals, findings: [] };
  const facts: IssueFacts = emptyFacts();
  const reads: Read[] = [];
  const captions: string[] = [];
  let about: string | null = null;
  let inside: InsideCover = { motto: [], sections: [], editorialBoard: [], masthead: {}, statement: null };

  // Facts first: entry dates need the publication date, which the inside cover prints.
  const regions = findRegions(lines, file);
  for (const region of regions) {
    if (region.name === 'cover') {
      const story = readCoverStory(readFacts(region.lines, 'cover', facts, read, file, reader.numbering, true), file, removals);
      if (story) reads.push(story);
    } else if (region.name === 'insideCover') {
      inside = parseInsideCover(region.lines, facts, read, file, reader);
    }
  }
  for (const region of regions) {
    switch (region.name) {
      case 'juanshouyu':
        reads.push(readEditorial(region.lines, file, removals));
        break;
      case 'document':
        reads.push(readOfficial(region.lines, file, removals, reader.issuers));
        break;
      case 'appointments':
        reads.push(readColumn(region.lines, file, removals, facts.published, '任免'));
        break;
      case 'news':
        reads.push(readColumn(region.lines, file, removals, facts.published, '要闻'));
        break;
      case 'captions':
        for (const l of trimmed(region.lines)) {
          if (isCaptionLine(l.text) || captions.length === 0) captions.push(l.text);
          else captions[captions.length - 1] += l.text;
        }
        break;
      case 'about':
        about = parseAbout(region.lines, removals);
        break;
      default:
        break;
    }
  }
  reads.sort((a, b) => a.doc.span.from - b.doc.span.from);

  const { gazette, year, number } = facts;
  if (!gazette || year === null || number === null) {
    throw new SourceError(file, Math.max(1, lines.findIndex((l) => !isBlank(l.text)) + 1), '公报文本的封面和内封都没有刊名、年份或期号（封面从本行开始）');
  }
  const id = `${year}-${number}`;
  const findings = read.findings;
  const tocByDoc = resolveToc(inside.sections, reads, findings, file, lines);

  const documents = reads.map((r, i) => {
    const { doc } = r;
    const slug = slugFor(doc, id, i, findings, reader.issuers);
    doc.slug = slug;
    doc.date ??= facts.published;
    for (const entry of tocByDoc.get(i) ?? []) entry.document = slug;
    for (const f of r.findings) findings.push({ ...f, document: slug });
    return doc;
  });

  findings.push(...truncation(lines, inside.sections, file));

  const masthead = inside.masthead;
  const registration = Object.values(masthead).join(' ');
  const issue: Issue = {
    id,
    gazette,
    year,
    number,
    cumulative: facts.cumulative,
    published: facts.published,
    frequency: facts.frequency,
    issn: /ISSN\s*([\dX-]+)/i.exec(registration)?.[1] ?? null,
    cn: /CN\s*([\w/-]+)/.exec(registration)?.[1] ?? null,
    sponsor: facts.sponsor,
    publisher: masthead['编辑出版'] ?? null,
    motto: inside.motto,
    editorialBoard: inside.editorialBoard,
    masthead,
    sections: inside.sections,
    captions,
    about,
    statement: inside.statement,
    file,
  };
  findings.push(...otherGazette(issue, reader.config, lines.find((l) => !isBlank(l.text))?.line ?? 1));
  removals.sort((a, b) => a.line - b.line);
  return { file, kind: KIND, meta: read.meta, issue, documents, findings, removals };
}
