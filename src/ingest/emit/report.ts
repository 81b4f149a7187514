/**
 * The build report (dist/api/report.json, and the /report/ page): every finding of the build by source file,
 * counts by kind and severity, and the sources read. No timestamp, so two builds of the same inputs agree.
 */
import type { Finding, Severity } from '../../gazette/model.ts';
import type { IngestResult, SourceSummary } from '../pipeline.ts';
import type { LedgerEntry } from '../check/ledger.ts';

export interface BuildReport {
  sources: SourceSummary[];
  counts: { bySeverity: Record<Severity, number>; byKind: Record<string, number> };
  /** Findings grouped by source file, in file order then line order. */
  files: Array<{ file: string; findings: Finding[] }>;
  /** Character ledger per source: every non-whitespace character published, collated, or removed with a reason. */
  ledger: Array<Omit<LedgerEntry, 'samples'>>;
}

export function buildReport(result: IngestResult): BuildReport {
  const bySeverity: Record<Severity, number> = { severe: 0, error: 0, warning: 0, info: 0 };
  const byKind: Record<string, number> = {};
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    bySeverity[f.severity]++;
    byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  }
  const files = [...byFile.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, findings]) => ({ file, findings: [...findings].sort((a, b) => a.line - b.line) }));
  const ledger = result.ledger.map(({ samples: _samples, ...summary }) => summary);
  return { sources: result.sources, counts: { bySeverity, byKind: Object.fromEntries(Object.entries(byKind).sort()) }, files, ledger };
}

/**
 * Findings that would make the site publish something wrong: the build stops on them. An unaccounted
 * character or a duplicate clause id withholds its source instead (check/withhold.ts).
 */
export const FATAL_KINDS: ReadonlySet<string> = new Set(['slug-collision', 'anchor-removed']);
