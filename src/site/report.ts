/**
 * The build report written by the ingest (content/report.json), read by the report pages and the API, and
 * shaped for editors: each finding sorted into what needs a decision, what was repaired (to check against
 * the printed page) and information (src/gazette/findings.ts); the report paged by source file so that no
 * page grows with the archive (src/pages/report/).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BuildReport } from '../ingest/emit/report.ts';
import { allBlocks, enclosingId, flatOutline, outline } from '../gazette/blocks.ts';
import type { GazetteDocument } from '../gazette/model.ts';
import { bucketOf, type Bucket } from '../gazette/findings.ts';
import { reportSourcePath } from '../gazette/urls.ts';

export const REPORT_FILE = 'content/report.json';

let reportOnce: BuildReport | null = null;
/** The report, read once per build (the dev server reads it again each time: the ingest may have run since). */
export function readReport(): BuildReport {
  if (import.meta.env?.PROD && reportOnce) return reportOnce;
  if (!existsSync(REPORT_FILE)) throw new Error(`缺少 ${REPORT_FILE}：先运行 npm run ingest，再运行 astro build。`);
  return (reportOnce = JSON.parse(readFileSync(REPORT_FILE, 'utf8')) as BuildReport);
}

export type ReportFinding = BuildReport['files'][number]['findings'][number];
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
