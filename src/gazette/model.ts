/**
 * The data model every pipeline stage speaks.
 *
 * Sources are parsed into `SourceDocument`s; the reconcile stage groups copies of one document and
 * yields `GazetteDocument`s; an `Issue` holds its table of contents (目录) and its documents in order.
 * Everything is plain JSON-serialisable data so the same model feeds pages, search, the JSON API and PDFs.
 */

/** Where a piece of text came from: a file under content/sources/ (path relative to the project) and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

export type Severity = 'info' | 'warning' | 'error' | 'severe';

/**
 * A defect found in a source, or a repair made to it. Parsers never print: they return findings,
 * which end up in dist/api/report.json and on the page of the document they concern.
 */
export interface Finding {
  /** e.g. issuer-tampered, copy-variant, layout-break-joined, duplicate-fragment-dropped, table-cell-shifted, number-missing, toc-repaired */
  kind: string;
  severity: Severity;
  file: string;
  line: number;
  /** Plain words for a reader. */
  message: string;
  /** What the pipeline did about it (joined, dropped, reported only …). */
  action: string;
  /** Slug of the document concerned, when known. */
  document?: string;
  /** Clause id concerned, when known. */
  clause?: string;
}

/** 发文字号, e.g. 吉政办发〔2022〕26号. */
export interface DocumentNumber {
  /** Canonical form: agency + 〔year〕 + serial + 号, no spaces, full-width 〔〕. */
  normalized: string;
  /** Exactly as printed in the authoritative source (spaces, brackets kept). */
  printed: string;
  /** 机关代字, e.g. 吉政办发 */
  agency: string;
  year: number;
  /** Serial as printed without spaces, e.g. "26" or "6-7". */
  serial: string;
}

/**
 * Numbering levels by printed style (GB/T 9704 order), not by depth:
 * part 一、 · section （一） · item 1. · subitem （1） · circled ① · dash ——
 */
export type OfficialLevel = 'part' | 'section' | 'item' | 'subitem' | 'circled' | 'dash';

/**
 * Levels of a legal norm (法规、规章), as the law is cited: 编 第X编 · 章 第X章 · 节 第X节 · 条 第X条 ·
 * 款 (the unlabelled paragraphs of one 条, counted) · 项 （一） · 目 1. (src/ingest/structure/legal-norm.ts).
 * They are clause levels, not a block type of their own, so Body, outline, search sub-results, the API's
 * `clauses` and the anchors ledger treat an article like any other clause.
 */
export type LegalLevel = 'bian' | 'zhang' | 'jie' | 'tiao' | 'kuan' | 'xiang' | 'mu';

export type ClauseLevel = OfficialLevel | LegalLevel;

/** Divisions above the article: headings with a title (第一章 总则), cited by the article alone. */
export const DIVISION_LEVELS: ReadonlySet<ClauseLevel> = new Set(['bian', 'zhang', 'jie']);
export const LEGAL_LEVELS: ReadonlySet<ClauseLevel> = new Set(['bian', 'zhang', 'jie', 'tiao', 'kuan', 'xiang', 'mu']);

export interface Cell {
  text: string;
  rowspan: number;
  colspan: number;
  /** A header cell (<th>). */
  header?: boolean;
}

export interface TableRow {
  cells: Cell[];
  /** 'note' marks a 计算方法/说明 sub-row that belongs to the indicator row before it. */
  kind: 'data' | 'note';
  source: SourceRef;
}

export interface Table {
  /** Clause-scoped id, e.g. p1-s2-t1 (src/ingest/structure/clauses.ts). */
  id: string;
  caption: string | null;
  /** Header rows, already de-duplicated across page fragments. */
  header: TableRow[];
  rows: TableRow[];
  /** Number of columns of the full grid. */
  columns: number;
  source: SourceRef;
}

interface BlockBase {
  /** Anchor id, unique within the document. */
  id: string;
  source: SourceRef;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  text: string;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  text: string;
}

export interface ClauseBlock extends BlockBase {
  type: 'clause';
  /** Printed label exactly as in the source, e.g. 「二、」「（三）」「11.」「(二十一) 」 trimmed. */
  label: string;
  level: ClauseLevel;
  /** The number the label denotes (Chinese numerals converted), 0 for dash items. */
  number: number;
  /** 「第十二条之一」: the 之 number (1); absent for every other label. */
  sub?: number;
  /** Heading-like title: the text up to and including the first 。 when the clause starts with one; null otherwise. */
  title: string | null;
  /** The clause's own text after the label (title included), without children. */
  text: string;
  children: Block[];
  /** References in `text` the link stage resolved to an anchor (「本条例第五条」「前款」), in text order. */
  refs?: TextLink[];
}

/** A stretch of a block's text that links to an anchor, in this document (`document` null) or another. */
export interface TextLink {
  /** Offset and length in UTF-16 code units of the block's `text`. */
  at: number;
  length: number;
  document: string | null;
  anchor: string;
}

export interface TableBlock extends BlockBase {
  type: 'table';
  table: Table;
}

/** An entry of 人事任免 or 政务要闻. */
export interface EntryBlock extends BlockBase {
  type: 'entry';
  /** ISO date (yyyy-mm-dd) when the entry is dated; 同日 inherits the previous entry's date. */
  date: string | null;
  /** The date as printed (「2月1日」「同日」「2月6日至7日」). */
  printedDate: string | null;
  text: string;
  docNumber: DocumentNumber | null;
}

/** Content that the source itself omits, e.g. 「残疾预防主要指标(略)」 or 「附件：…（略）」. */
export interface OmittedBlock extends BlockBase {
  type: 'omitted';
  text: string;
}

export type Block = ParagraphBlock | HeadingBlock | ClauseBlock | TableBlock | EntryBlock | OmittedBlock;

export interface Attachment {
  /** att1, att2 … */
  id: string;
  /** 附件1 / 附件 as printed. */
  label: string;
  title: string;
  /** true when the source prints only the title and （略）. */
  omitted: boolean;
  body: Block[];
  source: SourceRef;
}

export interface Citation {
  /** Title inside 《》 as printed, or null when only a number is cited. */
  title: string | null;
  docNumber: DocumentNumber | null;
  /** Slug of the cited document when it is in the set, else null. */
  target: string | null;
  /** Clause id where the citation occurs ('' for the header/notice). */
  clause: string;
  source: SourceRef;
}

export type DocumentKind =
  | '通知'
  | '意见'
  | '方案'
  | '函'
  | '任免'
  | '要闻'
  | '卷首语'
  | '封面'
  | '简报'
  | '决定'
  | '办法'
  | '规定'
  | '条例'
  | '政府令'
  | '批复'
  | '公告'
  | '通告'
  | '其他';

/**
 * What a 政府令 (and the 公布 part of a 决定 that promulgates) says besides its body:
 * 「吉林省人民政府令」「第 301 号」, the promulgation sentence, the signatory, 公布日期 and 施行日期.
 */
export interface Promulgation {
  /** 吉林省人民政府令, as printed without layout spaces. */
  order: string;
  /** 第301号, without layout spaces; null when not printed. */
  number: string | null;
  /** 「《…》已经…审议通过，现予公布，自…起施行。」 */
  sentence: string;
  /** 「省长 胡玉亭」, layout spaces reduced to one between office and name. */
  signatory: string | null;
  /** ISO date of promulgation (the date under the signatory). */
  promulgated: string | null;
  /** ISO date the norm takes effect (「自2023年3月1日起施行」), null when not stated as a date. */
  effective: string | null;
}

/** Role of a source for one document: the authoritative text is published, copies give collation notes. */
export type SourceRole = 'authoritative' | 'copy';

/** Source kinds, ranked by authority (src/ingest/reconcile/authority.ts): lower rank wins. */
export type SourceKind =
  | 'gazette-dump'
  | 'government-web'
  | 'scraped-record'
  | 'news-article'
  | 'encyclopedia'
  | 'campus-page'
  | 'markdown';

/**
 * One document as read from one source, before reconciliation.
 * Adapters produce these; reconcile groups them and builds GazetteDocuments.
 */
export interface SourceDocument {
  file: string;
  sourceKind: SourceKind;
  title: string;
  /** Title exactly as printed (layout spaces, wrapping joined). */
  printedTitle: string;
  docNumber: DocumentNumber | null;
  /** Issuers as named in the source (signature / header), unvalidated. */
  issuers: string[];
  addressees: string | null;
  /** The notice text (e.g. 「现将《…》印发给你们，请认真贯彻执行。」) for 印发 notices. */
  notice: string | null;
  signature: { issuer: string | null; date: string | null; source: SourceRef | null };
  /** ISO date of the signature (落款) or publication. */
  date: string | null;
  kind: DocumentKind;
  /** Title of the attached plan of an 印发 notice. */
  planTitle: string | null;
  /** A 政府令's order fields; absent for every other document. */
  promulgation?: Promulgation;
  body: Block[];
  attachments: Attachment[];
  /** Printed page in the issue (from the TOC), null outside a gazette issue. */
  page: number | null;
  /** Metadata the source states (front matter, infobox, page header), verbatim keys. */
  meta: Record<string, string>;
  /** A URL slug the adapter proposes where there is no 发文字号 to derive one from (e.g. 2023-4-juanshouyu). */
  slug?: string;
  /** First and last source line of this document. */
  span: { from: number; to: number };
  /**
   * Lines of parts that carry no SourceRef of their own, where the adapter knows them, so findings can
   * point there: `title` (its first line), `issuer` (the first 落款 issuer line), or a `meta` key (`summary`).
   */
  lines?: Record<string, number>;
}

/** Characters of a source that are not published, with the reason (the character ledger, issue 8). */
export interface Removal {
  line: number;
  text: string;
  reason: string;
}

export interface TocEntry {
  title: string;
  /** The entry's text as printed, lines joined. */
  printed: string;
  docNumber: DocumentNumber | null;
  page: number;
  /** Slug of the document, resolved after structuring. */
  document: string | null;
  source: SourceRef;
}

export interface TocSection {
  title: string;
  entries: TocEntry[];
}

export interface EditorialRole {
  role: string;
  names: string[];
}

export interface Issue {
  /** e.g. 2023-4 */
  id: string;
  gazette: string;
  year: number;
  number: number;
  cumulative: number | null;
  /** ISO date */
  published: string | null;
  frequency: string | null;
  issn: string | null;
  cn: string | null;
  sponsor: string | null;
  publisher: string | null;
  motto: string[];
  editorialBoard: EditorialRole[];
  /** 编辑出版 block lines: address, phone … as printed. */
  masthead: Record<string, string>;
  sections: TocSection[];
  /** Photo captions ①–⑦ and similar issue furniture that is metadata, not document text. */
  captions: string[];
  /** Back-cover 简介. */
  about: string | null;
  /** Inside-cover statement(s) as printed (「政府公报所登文件与正式文件具有同等效力」), lines joined by newlines. */
  statement: string | null;
  file: string;
}

export interface SourceParse {
  file: string;
  kind: SourceKind;
  /** Metadata of the file as a whole (front matter, page header, site timestamp, 第N期 label …). */
  meta: Record<string, string>;
  issue: Issue | null;
  documents: SourceDocument[];
  findings: Finding[];
  removals: Removal[];
}

/** A place where a copy reads differently from the authoritative text (校勘记). */
export interface Variant {
  /** Clause id in the published document ('' for header/notice). */
  clause: string;
  /** The authoritative reading, with a little context. */
  authoritative: string;
  /** The copy's reading. */
  copy: string;
  file: string;
  line: number;
  /** Other copies that share this reading. */
  alsoIn: string[];
}

/** One source of a published document: its role, its lines, what it prints about itself and its checksum. */
export interface DocumentSource {
  file: string;
  role: SourceRole;
  kind: SourceKind;
  lines: { from: number; to: number };
  /** Metadata the source prints (front matter, infobox, page header/footer fields, 栏目, publisher), verbatim keys: the file's, then the document's. */
  meta: Record<string, string>;
  /** sha256 (hex) of the source file's bytes; null where the bytes were not at hand (a reconcile without the pipeline). */
  sha256: string | null;
}

/** A 发文字号 the document does not print, learned from a document that cites it with one (推定, not printed). */
export interface InferredDocNumber {
  number: DocumentNumber;
  /** Slug of the citing document. */
  citedIn: string;
  /** Block id of the citation in the citing document. */
  clause: string;
  /** The cited title as printed there. */
  title: string | null;
  source: SourceRef;
}

/** A document as published: the authoritative copy plus what the other copies tell. */
export interface GazetteDocument extends Omit<SourceDocument, 'file' | 'sourceKind' | 'span'> {
  /** URL slug, ASCII (src/gazette/doc-number.ts). */
  id: string;
  /** Issue id (e.g. 2023-4) or null. */
  issue: string | null;
  sources: DocumentSource[];
  /** The 发文字号 learned from a citation when the document prints none (src/ingest/link/inferred-number.ts). */
  inferredDocNumber: InferredDocNumber | null;
  variants: Variant[];
  citations: Citation[];
  /** Slugs of documents citing this one. */
  citedBy: string[];
  findings: Finding[];
}
