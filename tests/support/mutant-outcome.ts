/**
 * The outcome of ingesting one mutant (tests/support/mutants.ts) with the other sources (issue 20):
 * - 'nothing lost': every character of the damaged file is on a page or the API, or removed with a
 *   reason (ledger: 0 unaccounted), nothing of it is withheld, and no document is published from a copy;
 * - 'error at the damaged line': an error finding names the damaged file within ±2 lines of the damage,
 *   and no copy is published in the gazette's place;
 * - anything else is a failure: 'copy promoted', 'tampered copy published', 'silent loss' (text lost, no
 *   error) or 'unnamed error' (an error, but not at the damaged line).
 */
import type { IngestResult } from '../../src/ingest/pipeline.ts';
import type { Mutant } from './mutants.ts';

export type Outcome = 'nothing lost' | 'error at the damaged line' | 'copy promoted' | 'tampered copy published' | 'silent loss' | 'unnamed error';

export const PASSING: ReadonlySet<Outcome> = new Set(['nothing lost', 'error at the damaged line']);

/**
 * `file`: the damaged source; `copies`: files whose documents are copies in the undamaged build (they
 * must never become a document's standard text); `tamper`: a string only the tampered copy prints.
 */
export function outcomeOf(r: IngestResult, m: Mutant, file: string, copies: readonly string[], tamper: string | null): Outcome {
  const published = r.documents;
  if (tamper && published.some((d) => JSON.stringify([d.title, d.issuers, d.signature, d.body, d.attachments]).includes(tamper))) return 'tampered copy published';
  if (published.some((d) => d.sources.some((s) => s.role === 'authoritative' && copies.includes(s.file)))) return 'copy promoted';
  const ledger = r.ledger.find((l) => l.file === file);
  const withheld = r.findings.some((f) => f.file === file && (f.kind === 'source-withheld' || f.kind === 'source-unreadable'));
  const errors = r.findings.filter((f) => (f.severity === 'error' || f.severity === 'severe') && f.file === file);
  if (errors.some((f) => Math.abs(f.line - m.line) <= 2)) return 'error at the damaged line';
  if (ledger && ledger.unaccounted === 0 && !withheld && errors.length === 0) return 'nothing lost';
  return errors.length > 0 ? 'unnamed error' : 'silent loss';
}
