/**
 * The whole ingest as one pure function, runIngest: source files (bytes) → issues, documents and findings.
 * src/build/ingest.ts does the file I/O around it, calling its two halves (readAndReconcile, finishIngest) to
 * make the character ledgers between them on two cores; tests and the benchmark call runIngest directly.
 */
import { createHash } from 'node:crypto';
import { sha256Hex } from '../gazette/hash.ts';
import type { Finding, GazetteDocument, Issue, SourceDocument, SourceKind, SourceParse } from '../gazette/model.ts';
import { decodeSource } from './text/decode.ts';
import { SourceError } from './text/lines.ts';
import { parseSource } from './sources/index.ts';
import { reconcile } from './reconcile/index.ts';
import { linkDocuments } from './link/citations.ts';
import { inferDocNumbers } from './link/inferred-number.ts';
import { buildLedger, ledgerFindings, type LedgerEntry, type LedgerInput } from './check/ledger.ts';
import { fromWithheld, withheldSources } from './check/withhold.ts';
import { withholdCopiesOfGazette, type CopyDecision, type GazetteWitness } from './reconcile/printed.ts';
import type { GazetteConfig } from '../gazette/config.ts';
import { ingestGazette, type IngestGazette } from './structure/gazette.ts';

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
  /** Parsed sources with their decoded text, for the character ledger, and their key in the caches. */
  parses: Array<{ parse: SourceParse; text: string; key: string }>;
  issues: PublishedIssue[];
  documents: GazetteDocument[];
  findings: Finding[];
  /** The character ledger of every source read (issue 8): published, collated, removed, unaccounted. */
  ledger: LedgerEntry[];
  /** Documents left out of this build: their source is withheld, or they are copies in the gazette's place. */
  withheld: GazetteDocument[];
}

/**
 * Where parses of earlier runs are kept (src/build/ingest-cache.ts). A source's parse depends only on its name,
 * its bytes, the ingest code and the gazette's configuration: keyed by the first two (parseKey), the cache must
 * belong to one version of the other two, and a rebuild parses only new or changed sources.
 */
export interface ParseCache {
  get(key: string): SourceParse | undefined;
  set(key: string, parse: SourceParse): void;
}

/** A source's key in the parse and ledger caches: its name and its bytes' checksum. */
const parseKey = (summary: SourceSummary): string => createHash('sha256').update(summary.file).update('\0').update(summary.sha256).digest('hex');

function parseOf(file: string, text: string, key: string, gazette: IngestGazette, cache: ParseCache | undefined): SourceParse {
  const cached = cache?.get(key);
  if (cached) return cached;
  const parse = parseSource({ file, text }, gazette);
  cache?.set(key, parse);
  return parse;
}

function readSource(
  src: SourceFile,
  gazette: IngestGazette,
  findings: Finding[],
  cache: ParseCache | undefined,
): { summary: SourceSummary; parsed: { parse: SourceParse; text: string; key: string } | null; text: string } {
  const summary: SourceSummary = { file: src.file, sha256: sha256Hex(src.bytes), bytes: src.bytes.length, kind: null, documents: 0, error: null };
  const decoded = decodeSource(src.file, src.bytes);
  if (!decoded.ok) {
    findings.push(decoded.error);
    summary.error = decoded.error.message;
    return { summary, parsed: null, text: new TextDecoder().decode(src.bytes) };
  }
  findings.push(...decoded.findings);
  try {
    const key = parseKey(summary);
    const parse = parseOf(src.file, decoded.text, key, gazette, cache);
    summary.kind = parse.kind;
    summary.documents = parse.documents.length;
    return { summary, parsed: { parse, text: decoded.text, key }, text: decoded.text };
  } catch (err) {
    // Adapters throw SourceError with the line; anything else is a bug of ours, placed at line 1.
    const line = err instanceof SourceError ? err.line : 1;
    const message = err instanceof SourceError ? err.message : `${src.file} 第1行：读取时出错（${err instanceof Error ? err.message : String(err)}）`;
    findings.push({ kind: 'source-unreadable', severity: 'error', file: src.file, line, message, action: '本来源未读入；网站其余部分照常生成' });
    summary.error = message;
    return { summary, parsed: null, text: decoded.text };
  }
}

/**
 * Where ledgers of earlier runs are kept (src/build/ingest-cache.ts). A source's ledger depends only on its
 * text, its parse (both given by its parse key, within one version of the code and the configuration, as
 * for ParseCache) and the sources of the documents published from it: keyed by their checksum, a rebuild
 * recounts only new or changed sources (README "Benchmark and scale").
 */
export interface LedgerCache {
  get(key: string): LedgerEntry | undefined;
  set(key: string, entry: LedgerEntry): void;
}

/** A source's character ledger to make: its input and its key in the ledger cache. */
export interface LedgerJob {
  input: LedgerInput;
  key: string;
}

/** The ledger of a job, from the cache when it holds it. */
export function ledgerOf(job: LedgerJob, cache: LedgerCache | undefined): LedgerEntry {
  const cached = cache?.get(job.key);
  if (cached) return cached;
  const entry = buildLedger(job.input);
  cache?.set(job.key, entry);
  return entry;
}

/** Items under each of their keys (an item once under a key), in their order: a lookup instead of a filter per key. */
function groupByEach<T, K>(items: readonly T[], keys: (item: T) => readonly K[]): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items)
    for (const k of new Set(keys(item))) {
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
  return out;
}

const groupBy = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => groupByEach(items, (item) => [key(item)]);

export interface IngestOptions {
  /** The gazette the sources are read for (gongbao.config.ts): its numbering, columns and issuing authorities. */
  gazette: GazetteConfig;
  ledgerCache?: LedgerCache;
  parseCache?: ParseCache;
  /** content/editorial/copies.json: copies an editor decided to publish in place of the gazette (reconcile/printed.ts). */
  copyDecisions?: readonly CopyDecision[];
}

/**
 * A TOC entry that names no document is an error, not a warning, when the dump has text the adapter did
 * not place (issue 14.6): the entry's document is probably that text.
 */
function upgradeUnresolvedToc(findings: readonly Finding[], ledger: readonly LedgerEntry[]): void {
  const lossy = new Set(ledger.filter((l) => l.unaccounted > 0).map((l) => l.file));
  // In place: the issue's own findings (reconcile's) are the same objects.
  for (const f of findings)
    if (f.kind === 'toc-unresolved' && lossy.has(f.file)) Object.assign(f, { severity: 'error', action: '该目录条目对应的文字未被识别为文件；本来源暂不公布' });
}

/** The ingest up to the character ledger: every source read and parsed, the documents reconciled. */
export interface Reconciled {
  gazette: IngestGazette;
  findings: Finding[];
  sources: SourceSummary[];
  parses: IngestResult['parses'];
  unreadable: GazetteWitness[];
  reconciled: ReturnType<typeof reconcile>;
  /** The ledger each parse needs, in the order of `parses`. */
  ledgerJobs: LedgerJob[];
}

/** The ingest as one function: readAndReconcile, each ledger (from the cache when it holds it), finishIngest. */
export function runIngest(files: SourceFile[], opts: IngestOptions): IngestResult {
  const read = readAndReconcile(files, opts);
  return finishIngest(read, read.ledgerJobs.map((job) => ledgerOf(job, opts.ledgerCache)), opts);
}

export function readAndReconcile(files: SourceFile[], opts: IngestOptions): Reconciled {
  const gazette = ingestGazette(opts.gazette);
  const findings: Finding[] = [];
  const sources: SourceSummary[] = [];
  const parses: IngestResult['parses'] = [];
  const unreadable: GazetteWitness[] = [];
  for (const src of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const { summary, parsed, text } = readSource(src, gazette, findings, opts.parseCache);
    sources.push(summary);
    if (parsed) parses.push(parsed);
    else unreadable.push({ file: src.file, text, issue: null, readable: false, placed: new Set() });
  }

  const reconciled = reconcile(
    parses.map((p) => p.parse),
    gazette.issuers,
    new Map(sources.map((s) => [s.file, s.sha256])),
  );
  findings.push(...reconciled.findings);
  const bySource = groupByEach(reconciled.documents, (d) => d.sources.map((s) => s.file));
  // Keyed as LedgerCache says: the parse key and the sources of the documents read from this file.
  const ledgerJobs = parses.map(({ parse, text, key }): LedgerJob => {
    const mine = (bySource.get(parse.file) ?? []).map((d) => ({ sources: d.sources }));
    return { input: { file: parse.file, text, parse, published: mine }, key: createHash('sha256').update(key).update(JSON.stringify(mine.map((d) => d.sources))).digest('hex') };
  });
  return { gazette, findings, sources, parses, unreadable, reconciled, ledgerJobs };
}

/** The rest of the ingest, given each parse's ledger (in the order of `read.ledgerJobs`): withholding, copies, links, issues. */
export function finishIngest(read: Reconciled, ledger: LedgerEntry[], opts: IngestOptions): IngestResult {
  const { gazette, findings, sources, parses, unreadable, reconciled } = read;
  findings.push(...ledger.flatMap(ledgerFindings));
  upgradeUnresolvedToc(findings, ledger);

  // A source that cannot be published cleanly is withheld, with its issue and documents; the rest is built.
  const publishing = new Set([
    ...parses.filter((p) => p.parse.issue).map((p) => p.parse.file),
    ...reconciled.documents.flatMap((d) => d.sources.filter((s) => s.role === 'authoritative').map((s) => s.file)),
  ]);
  const withholding = withheldSources(findings, publishing);
  findings.push(...withholding.findings);
  const ownDocuments = reconciled.documents.filter((d) => !fromWithheld(d, withholding.files));

  // Nor does a copy take the page of a document the gazette printed.
  const sourceDocument = new Map(parses.flatMap((p) => p.parse.documents.map((d) => [`${d.file}:${d.span.from}`, d] as const)));
  const authoritative = (d: GazetteDocument): SourceDocument => {
    const s = d.sources.find((x) => x.role === 'authoritative')!;
    return sourceDocument.get(`${s.file}:${s.lines.from}`)!;
  };
  const witnesses: GazetteWitness[] = [
    ...unreadable,
    ...parses
      .filter((p) => p.parse.kind === 'gazette-dump')
      .map((p) => ({
        file: p.parse.file,
        text: p.text,
        issue: p.parse.issue,
        readable: !withholding.files.has(p.parse.file),
        placed: new Set(p.parse.documents.flatMap((d) => (d.docNumber ? [d.docNumber.normalized] : []))),
      })),
  ];
  const tampered = new Set(findings.filter((f) => f.kind === 'issuer-tampered').map((f) => f.file));
  const copies = withholdCopiesOfGazette(ownDocuments, authoritative, witnesses, opts.copyDecisions ?? [], tampered, gazette.issuers);
  findings.push(...copies.findings);
  const withheld = [...reconciled.documents.filter((d) => fromWithheld(d, withholding.files)), ...copies.withheld];
  const inferred = inferDocNumbers(linkDocuments(copies.kept, gazette.issuers));
  const documents = inferred.documents;
  findings.push(...inferred.findings);

  const issues: PublishedIssue[] = [];
  const ofIssue = groupBy(documents, (d) => d.issue);
  // reconcile attaches each finding to the document it concerns; what is left is about the issue itself.
  const aboutFile = groupBy(
    reconciled.findings.filter((f) => !f.document),
    (f) => f.file,
  );
  for (const { parse } of parses) {
    if (!parse.issue || withholding.files.has(parse.file)) continue;
    const issue = parse.issue;
    const own = [...(ofIssue.get(issue.id) ?? [])].sort((a, b) => (a.sources[0]?.lines.from ?? 0) - (b.sources[0]?.lines.from ?? 0)).map((d) => d.id);
    const issueFindings = aboutFile.get(parse.file) ?? [];
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
      message: `${issue.file} 是第${issue.id}期的另一份来源，该期已由 ${kept.file} 读出（${kept.documents.length}个文件，本来源${issue.documents.length}个）。`,
      action: `发布 ${kept.file} 的期次数据，不发布本来源的`,
    });
  }

  return { sources, parses, issues: [...published.values()], documents, withheld, findings, ledger };
}
