/**
 * The ingest as the build runs it (scripts/ingest.ts is its command line): content/sources/ → the generated
 * collections content/issues/, content/documents/ and content/report.json. Around the pure pipeline
 * (src/ingest/pipeline.ts) it does the file work: reads the sources, keeps the parse and ledger caches
 * (src/build/ingest-cache.ts), checks the published anchors, and moves the changed files of the collections in
 * through a staging folder (src/build/stage-swap.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteConfig } from '../gazette/config.ts';
import type { Finding, SourceParse } from '../gazette/model.ts';
import { finishIngest, readAndReconcile, type IngestResult, type SourceFile } from '../ingest/pipeline.ts';
import type { LedgerEntry } from '../ingest/check/ledger.ts';
import { emitCollections } from '../ingest/emit/collections.ts';
import { FATAL_KINDS } from '../ingest/emit/report.ts';
import { STRICT_KINDS, WITHHOLDING_KINDS } from '../ingest/check/withhold.ts';
import { COPY_DECISIONS_FILE, type CopyDecision } from '../ingest/reconcile/printed.ts';
import { ANCHORS_FILE, checkAnchors, FORWARDS_FILE, parseAnchorList, publishedAnchors } from '../ingest/check/anchors.ts';
import { cacheVersion, entryStore } from './ingest-cache.ts';
import { makeLedgers } from './ledgers.ts';
import { syncStaged } from './stage-swap.ts';
import { BUCKET_LABEL, bucketOf, todoOf } from '../gazette/findings.ts';

export const SOURCES_DIR = 'content/sources';
export { ANCHORS_FILE };
const STAGING = '.cache/ingest-staging';
const FOLDERS = ['content/issues', 'content/documents'];
export const PARSE_CACHE = '.cache/ingest-parse';
export const LEDGER_CACHE = '.cache/ingest-ledger';

/** Every file of the sources folder (dot files left out), with its bytes. */
export function readSources(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .map((name) => ({ file: join(dir, name), bytes: readFileSync(join(dir, name)) }));
}

export interface AnchorCheck {
  /** Clause URLs of this run. */
  current: string[];
  /** Clause URLs of this run not yet in content/published-anchors.txt. */
  unrecorded: number;
  /** How many the file lists after recording; null when not asked to record. */
  recorded: number | null;
}

/**
 * Stable anchors: every clause URL published before must still resolve (or be forwarded); each that does not
 * is added to the result's findings (fatal). With `record`, this run's URLs are added to content/published-anchors.txt.
 */
export function checkPublishedAnchors(result: IngestResult, record: boolean): AnchorCheck {
  const recorded = existsSync(ANCHORS_FILE) ? parseAnchorList(readFileSync(ANCHORS_FILE, 'utf8')) : [];
  const forwards = JSON.parse(readFileSync(FORWARDS_FILE, 'utf8')) as Record<string, string>;
  const current = publishedAnchors(result.documents);
  // A withheld document's anchors are not gone, only held back (its source-withheld error says why).
  const sourceOf = (id: string) => {
    const s = result.documents.find((d) => d.id === id)?.sources.find((x) => x.role === 'authoritative');
    return s ? { file: s.file, line: s.lines.from } : null;
  };
  result.findings.push(...checkAnchors(recorded, [...current, ...publishedAnchors(result.withheld)], forwards, sourceOf));
  const known = new Set(recorded);
  const unrecorded = current.filter((a) => !known.has(a)).length;
  if (!record) return { current, unrecorded, recorded: null };
  const all = [...new Set([...recorded, ...current])].sort();
  writeFileSync(ANCHORS_FILE, `# Clause URLs published so far (npm run anchors:record). Never delete a line: forward it in ${FORWARDS_FILE}.\n${all.join('\n')}\n`);
  return { current, unrecorded, recorded: all.length };
}

/**
 * Findings that stop the build: nothing is swapped into content/ while there is one. A withheld source stops
 * only a strict build (npm run build -- --strict, npm test): by default the rest is published.
 */
export function fatalFindings(result: IngestResult, strict = false): Finding[] {
  const withholding = (f: Finding): boolean => STRICT_KINDS.has(f.kind) || (WITHHOLDING_KINDS.has(f.kind) && f.severity === 'error');
  return result.findings.filter((f) => FATAL_KINDS.has(f.kind) || (strict && withholding(f)));
}

export interface IngestRun {
  result: IngestResult;
  anchors: AnchorCheck;
  /** Non-empty: the run stopped before content/ was touched. */
  fatal: Finding[];
}

/** Runs the ingest over `sources` (its ledgers on two cores) and, unless a finding is fatal, replaces the generated collections whole. */
export async function ingestContent(opts: { sources: string; gazette: GazetteConfig; recordAnchors: boolean; strict?: boolean }): Promise<IngestRun> {
  // An editor's record that a copy may stand in for a document the gazette printed (README, "Trust").
  const copyDecisions = existsSync(COPY_DECISIONS_FILE) ? (JSON.parse(readFileSync(COPY_DECISIONS_FILE, 'utf8')) as CopyDecision[]) : [];
  const version = cacheVersion(opts.gazette);
  const parseCache = entryStore<SourceParse>(PARSE_CACHE, version);
  const ledgerCache = entryStore<LedgerEntry>(LEDGER_CACHE, version);
  const options = { gazette: opts.gazette, parseCache, ledgerCache, copyDecisions };
  const read = readAndReconcile(readSources(opts.sources), options);
  const result = finishIngest(read, await makeLedgers(read.ledgerJobs, ledgerCache), options);
  const anchors = checkPublishedAnchors(result, opts.recordAnchors);
  const emitted = emitCollections(result);
  // Nothing is swapped into content/ when the build must stop: the previous output stays intact.
  const fatal = fatalFindings(result, opts.strict);
  if (fatal.length > 0) return { result, anchors, fatal };
  // An ingest without issues (or documents) still leaves the folder: empty.
  syncStaged(STAGING, emitted, FOLDERS);
  parseCache.prune();
  ledgerCache.prune();
  return { result, anchors, fatal };
}

/**
 * The ingest as its runners run it (scripts/ingest.ts, the build's first stage): over content/sources/ (or
 * GONGBAO_SOURCES), telling what it found (ingestMessages) on stdout and the fatal findings on stderr.
 */
export async function ingestAndTell(opts: { gazette: GazetteConfig; recordAnchors: boolean; strict: boolean }): Promise<IngestRun> {
  const t0 = performance.now();
  const run = await ingestContent({ sources: process.env['GONGBAO_SOURCES'] ?? SOURCES_DIR, ...opts });
  const { out, err } = ingestMessages(run, (performance.now() - t0) / 1000);
  for (const line of out) console.log(line);
  for (const line of err) console.error(line);
  return run;
}

/**
 * What the ingest tells whoever runs it: `out` for stdout, `err` (the fatal findings) for stderr. After a
 * fatal finding `out` holds only the anchors line.
 */
export function ingestMessages({ result, anchors, fatal }: IngestRun, seconds: number): { out: string[]; err: string[] } {
  const out: string[] = [];
  if (anchors.recorded !== null) out.push(`锚点：${anchors.recorded} 个条款网址已记入 ${ANCHORS_FILE}`);
  else if (anchors.unrecorded > 0) out.push(`锚点：${anchors.unrecorded} 个新的条款网址尚未记入 ${ANCHORS_FILE}（npm run anchors:record）`);
  const err = fatal.map((f) => `无法生成 ${f.file}:${f.line} [${f.kind}] ${f.message}`);
  if (fatal.length > 0) return { out, err };
  for (const s of result.sources) out.push(`来源 ${s.file}：${s.error ? `无法读取 ${s.error}` : `${s.kind}，${s.documents} 个文件`}`);
  // For editors, as the report orders it (src/gazette/findings.ts): what needs a decision first, with what to do;
  // then what is severe but needs no one (a tampered copy that is never used). Repairs and information: the report.
  const counts = { decide: 0, repaired: 0, info: 0 };
  for (const f of result.findings) counts[bucketOf(f)]++;
  for (const f of result.findings.filter((x) => bucketOf(x) === 'decide')) out.push(`${BUCKET_LABEL.decide} ${f.file}:${f.line} [${f.kind}] ${f.message}\n  处理：${todoOf(f)}`);
  for (const f of result.findings.filter((x) => bucketOf(x) !== 'decide' && x.severity === 'severe')) out.push(`严重（无需决定） ${f.file}:${f.line} [${f.kind}] ${f.message}`);
  out.push(
    `ingest: ${result.issues.length} 期、${result.documents.length} 个文件；${BUCKET_LABEL.decide} ${counts.decide}、${BUCKET_LABEL.repaired} ${counts.repaired}、${BUCKET_LABEL.info} ${counts.info}；` +
      `用时 ${seconds.toFixed(2)} 秒（报告：content/report.json，网站 /report/）`,
  );
  return { out, err };
}
