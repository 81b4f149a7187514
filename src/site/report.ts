/**
 * The build report written by the ingest (content/report.json), read by the report pages and the API, and
 * shaped for editors: each finding sorted into what needs a decision, what was repaired (to check against
 * the printed page) and information, with what to do in Chinese; the report paged by source file so that no
 * page grows with the archive (src/pages/report/).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BuildReport } from '../ingest/emit/report.ts';
import { allBlocks, enclosingId, flatOutline, outline } from '../gazette/blocks.ts';
import type { GazetteDocument } from '../gazette/model.ts';
import { reportSourcePath } from '../gazette/urls.ts';

export function readReport(): BuildReport {
  const path = 'content/report.json';
  if (!existsSync(path)) throw new Error('content/report.json is missing: run `npm run ingest` before `astro build`.');
  return JSON.parse(readFileSync(path, 'utf8')) as BuildReport;
}

export type ReportFinding = BuildReport['files'][number]['findings'][number];
export type Bucket = 'decide' | 'repaired' | 'info';

const COPIES_FILE = 'content/editorial/copies.json';
/** Kinds the text cannot settle: what the editor decides, against the printed page, and where it is recorded. */
const DECIDE: Record<string, { todo: string; record?: string }> = {
  'table-grouping-ambiguous': { todo: '对照印刷版，确定表格这几格是合为一组还是分开。' },
  'title-incomplete': { todo: '对照印刷版，确认标题取目录所印的写法是否正确。' },
  'number-missing': { todo: '对照印刷版，确定这一段是否是漏印编号的一项。' },
  'copy-withheld': { todo: '公报刊载了这份文件而本站未能从公报来源读出：修复公报来源，或决定以副本代替发布。', record: `决定以副本发布时，记在 ${COPIES_FILE}。` },
  'issuer-unverified': { todo: '核实发文机关是否确实存在；存在的，请技术人员把它加入已知发文机关名单。' },
  'source-withheld': { todo: '这份来源本次未发布：按同一来源的其他事项修复后重新生成。' },
};
/** Where a decision is recorded when its kind has no record file yet: the report says so. */
const NO_RECORD = '这类决定还没有记录文件：请把决定告知技术人员。';
/** Information a reader of the report may want named, by kind (the rest are counted as 其他说明). */
const INFO_LABEL: Record<string, string> = {
  'copy-variant': '副本异文（已列为校勘记）',
  'layout-break-joined': '跨页、跨栏断开的段落已接上',
  'number-gap': '编号不连续（摘录或省略）',
  'orphan-parenthetical-attached': '跨页后单独一行的责任单位已归入上一条',
  'table-header-repeated': '跨页重复的表头已去掉',
  'item-body-joined': '条目正文接回标题',
  'copy-omits-table': '副本省略了表格',
  'copy-rewrites-preamble': '副本改写了导语',
  'duplicate-title-dropped': '重复的标题已去掉',
  'issuer-tampered': '副本中发文机关被篡改（该副本不用于发布）',
};
export const OTHER_INFO = '其他说明';

/** The character ledger's findings speak of the program, not the text: information for the technical staff. */
const technical = (f: ReportFinding) => f.kind.startsWith('ledger-');

export function bucketOf(f: ReportFinding): Bucket {
  if (f.severity === 'error' || f.kind in DECIDE) return 'decide';
  if (f.severity === 'warning' && !technical(f)) return 'repaired';
  return 'info';
}

/** What the editor does about a finding, and where the decision is recorded. */
export function todoOf(f: ReportFinding): string {
  const bucket = bucketOf(f);
  if (bucket === 'decide') {
    const d = DECIDE[f.kind];
    return d ? `${d.todo}${d.record ?? NO_RECORD}` : '这份来源无法可靠读取：检查文件后重新生成。';
  }
  if (bucket === 'repaired') return '对照印刷版核对修复是否正确；如有误，告知技术人员。';
  return technical(f) ? '这是程序的问题，不需要编辑处理，请转告技术人员。' : '不需要处理。';
}

export const infoLabel = (f: ReportFinding): string => INFO_LABEL[f.kind] ?? OTHER_INFO;

/** One source file's line in the report: its findings by bucket and its character ledger. */
export interface SourceReport {
  file: string;
  /** Site path of its report page. */
  path: string;
  kind: string | null;
  error: string | null;
  findings: ReportFinding[];
  counts: Record<Bucket, number>;
  ledger: BuildReport['ledger'][number] | null;
}

/**
 * Every file with findings or a ledger, those that need a decision first (most first), then in file order.
 * Findings on files that are not sources (content/editorial/…) get a page of their own too.
 */
export function sourceReports(report: BuildReport): SourceReport[] {
  const files = [...new Set([...report.sources.map((s) => s.file), ...report.files.map((f) => f.file)])];
  const rows = files.map((file): SourceReport => {
    const source = report.sources.find((s) => s.file === file);
    const findings = report.files.find((f) => f.file === file)?.findings ?? [];
    const counts: Record<Bucket, number> = { decide: 0, repaired: 0, info: 0 };
    for (const f of findings) counts[bucketOf(f)]++;
    return { file, path: reportSourcePath(file), kind: source?.kind ?? null, error: source?.error ?? null, findings, counts, ledger: report.ledger.find((l) => l.file === file) ?? null };
  });
  return rows.sort((a, b) => b.counts.decide - a.counts.decide || a.file.localeCompare(b.file));
}

/** Sources listed on one page of the report's index, and decisions its first page lists (README, "Benchmark and scale"). */
export const SOURCES_PER_PAGE = 100;
export const DECISIONS_ON_INDEX = 50;

/** Page n (1-based) of the index and how many there are. */
export function reportPage<T>(rows: readonly T[], n: number, size = SOURCES_PER_PAGE): { rows: T[]; pages: number } {
  return { rows: rows.slice((n - 1) * size, n * size), pages: Math.max(1, Math.ceil(rows.length / size)) };
}

/** The index's page n: /report/, then /report/list/2/ … */
export const reportListPath = (n: number): string => (n <= 1 ? '/report/' : `/report/list/${n}/`);

type Placed = Pick<GazetteDocument, 'id' | 'title' | 'body' | 'attachments'>;

/**
 * Where a finding stands: 《title》 二、（三）11. and the anchor of the block named, or of the nearest enclosing
 * one the page has (p8-s25-para1 → p8-s25); null when it names no document the site has.
 */
export function findingPlace(f: ReportFinding, doc: Placed | undefined): { text: string; anchor: string } | null {
  if (!doc) return null;
  const ids = new Set([...allBlocks(doc).map((b) => b.id), ...doc.attachments.map((a) => a.id)]);
  const anchor = enclosingId(f.clause ?? '', (id) => ids.has(id));
  const trees = [outline(doc.body), ...doc.attachments.map((a) => outline(a.body))];
  const path = anchor ? (trees.flatMap((t) => flatOutline(t)).find((n) => n.id === anchor)?.path ?? '') : '';
  return { text: `《${doc.title}》${path}`, anchor };
}
