/**
 * The whole ingest as one pure function: source files (bytes) → issues, documents and findings.
 * src/build/ingest.ts does the file I/O around it; tests and the benchmark call it directly.
 */
import { createHash } from 'node:crypto';
import type { Finding, GazetteDocument, Issue, SourceKind, SourceParse } from '../gazette/model.ts';
import { decodeSource } from './text/decode.ts';
import { parseSource } from './sources/index.ts';
import { reconcile } from './reconcile/index.ts';
import { linkDocuments } from './link/citations.ts';
import { inferDocNumbers } from './link/inferred-number.ts';
import { buildLedger, ledgerFindings, type LedgerEntry } from './check/ledger.ts';

export interface SourceFile {
  /** Path relative to the project, e.g. content/sources/001_….txt */
  file: string;
  bytes: Uint8Array;
}

export interface SourceSummary {
  file: string;
  sha256: string;
  bytes: number;
  kind: SourceKind | null;
  documents: number;
  /** Set when the file could not be read at all. */
  error: string | null;
}

export interface PublishedIssue extends Issue {
  /** Document slugs in the order of the issue. */
  documents: string[];
  /** Findings about the issue itself (TOC, cover, masthead) rather than one document. */
  findings: Finding[];
}

export interface IngestResult {
  sources: SourceSummary[];
  /** Parsed sources with their decoded text, for the character ledger. */
  parses: Array<{ parse: SourceParse; text: string }>;
  issues: PublishedIssue[];
  documents: GazetteDocument[];
  findings: Finding[];
  /** The character ledger of every source read (issue 8): published, collated, removed, unaccounted. */
  ledger: LedgerEntry[];
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readSource(src: SourceFile, findings: Finding[]): { summary: SourceSummary; parsed: { parse: SourceParse; text: string } | null } {
  const summary: SourceSummary = { file: src.file, sha256: sha256(src.bytes), bytes: src.bytes.length, kind: null, documents: 0, error: null };
  const decoded = decodeSource(src.file, src.bytes);
  if (!decoded.ok) {
    findings.push(decoded.error);
    summary.error = decoded.error.message;
    return { summary, parsed: null };
  }
  findings.push(...decoded.findings);
  try {
    const parse = parseSource({ file: src.file, text: decoded.text });
    summary.kind = parse.kind;
    summary.documents = parse.documents.length;
    return { summary, parsed: { parse, text: decoded.text } };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = Number(/\bline (\d+)/.exec(message)?.[1] ?? 1);
    findings.push({ kind: 'source-unreadable', severity: 'error', file: src.file, line, message, action: 'source skipped; the rest of the site is built' });
    summary.error = message;
    return { summary, parsed: null };
  }
}

/**
 * Where ledgers of earlier runs are kept (src/build/ingest.ts: a folder of JSON files). A source's ledger
 * depends only on its text, its parse and the sources of the documents published from it: keyed by their
 * checksum, a rebuild recounts only new or changed sources (≈ 10 s of a 1,000-issue ingest). The cache
 * must belong to one version of the ingest code (src/build/ingest.ts keys its folder by it).
 */
export interface LedgerCache {
  get(key: string): LedgerEntry | undefined;
  set(key: string, entry: LedgerEntry): void;
}

function ledgerOf(input: Parameters<typeof buildLedger>[0], cache: LedgerCache | undefined): LedgerEntry {
  if (!cache) return buildLedger(input);
  const mine = input.published.filter((d) => d.sources.some((s) => s.file === input.file)).map((d) => d.sources);
  const key = createHash('sha256').update(input.file).update('\0').update(input.text).update(JSON.stringify(input.parse)).update(JSON.stringify(mine)).digest('hex');
  const cached = cache.get(key);
  if (cached) return cached;
  const entry = buildLedger(input);
  cache.set(key, entry);
  return entry;
}

export function runIngest(files: SourceFile[], opts: { ledgerCache?: LedgerCache } = {}): IngestResult {
  const findings: Finding[] = [];
  const sources: SourceSummary[] = [];
  const parses: IngestResult['parses'] = [];
  for (const src of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const { summary, parsed } = readSource(src, findings);
    sources.push(summary);
    if (parsed) parses.push(parsed);
  }

  const reconciled = reconcile(
    parses.map((p) => p.parse),
    new Map(sources.map((s) => [s.file, s.sha256])),
  );
  const inferred = inferDocNumbers(linkDocuments(reconciled.documents));
  const documents = inferred.documents;
  findings.push(...reconciled.findings, ...inferred.findings);

  const issues: PublishedIssue[] = [];
  for (const { parse } of parses) {
    if (!parse.issue) continue;
    const issue = parse.issue;
    const own = documents
      .filter((d) => d.issue === issue.id)
      .sort((a, b) => (a.sources[0]?.lines.from ?? 0) - (b.sources[0]?.lines.from ?? 0))
      .map((d) => d.id);
    // reconcile attaches each finding to the document it concerns; what is left is about the issue itself.
    const issueFindings = reconciled.findings.filter((f) => f.file === parse.file && !f.document);
    issues.push({ ...issue, documents: own, findings: issueFindings });
  }
  issues.sort((a, b) => a.year - b.year || a.number - b.number || b.documents.length - a.documents.length);
  // Two sources of one issue (a re-scan, a truncated dump): publish the fuller one, report the other.
  const published = new Map<string, PublishedIssue>();
  for (const issue of issues) {
    const kept = published.get(issue.id);
    if (!kept) {
      published.set(issue.id, issue);
      continue;
    }
    findings.push({
      kind: 'issue-duplicate',
      severity: 'error',
      file: issue.file,
      line: 1,
      message: `${issue.file} is another source of issue ${issue.id}, already read from ${kept.file} (${kept.documents.length} documents against ${issue.documents.length}).`,
      action: `${kept.file} is published as the issue; this source's issue data is not`,
    });
  }

  const ledger = parses.map(({ parse, text }) => ledgerOf({ file: parse.file, text, parse, published: documents }, opts.ledgerCache));
  findings.push(...ledger.flatMap(ledgerFindings));
  return { sources, parses, issues: [...published.values()], documents, findings, ledger };
}
