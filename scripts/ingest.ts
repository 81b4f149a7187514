/**
 * npm run ingest — content/sources/ → content/issues/, content/documents/ (JSON) and content/report.json.
 * A source that cannot be read is reported (file and line) and skipped; the rest is still published.
 * Findings that would publish something wrong (a duplicate clause id, a removed anchor) stop the build.
 * The output folders are written to a staging folder and swapped in whole.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { runIngest, type LedgerCache } from '../src/ingest/pipeline.ts';
import type { LedgerEntry } from '../src/ingest/check/ledger.ts';
import { emitCollections } from '../src/ingest/emit/collections.ts';
import { FATAL_KINDS } from '../src/ingest/emit/report.ts';
import { ANCHORS_FILE, checkAnchors, FORWARDS_FILE, parseAnchorList, publishedAnchors } from '../src/ingest/check/anchors.ts';

const SOURCES = process.env.GONGBAO_SOURCES ?? 'content/sources';
const t0 = performance.now();

const files = readdirSync(SOURCES)
  .filter((name) => !name.startsWith('.'))
  .map((name) => ({ file: join(SOURCES, name), bytes: readFileSync(join(SOURCES, name)) }));

const result = runIngest(files, { ledgerCache: ledgerCache() });

/** Ledgers of earlier runs, in a folder per version of the ingest code (any change there recounts all). */
function ledgerCache(): LedgerCache {
  const code = createHash('sha256');
  const src = fileURLToPath(new URL('../src/ingest', import.meta.url));
  for (const f of readdirSync(src, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name)).sort()) {
    code.update(relative(src, f)).update(readFileSync(f));
  }
  const dir = join('.cache/ingest-ledger', code.digest('hex').slice(0, 16));
  return {
    get: (key) => (existsSync(join(dir, key)) ? (JSON.parse(readFileSync(join(dir, key), 'utf8')) as LedgerEntry) : undefined),
    // A cache that cannot be written only costs time: the ingest goes on.
    set: (key, entry) => {
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, key), JSON.stringify(entry));
      } catch {
        /* recounted next time */
      }
    },
  };
}

// Stable anchors: every clause URL published before must still resolve (or be forwarded).
const recorded = existsSync(ANCHORS_FILE) ? parseAnchorList(readFileSync(ANCHORS_FILE, 'utf8')) : [];
const forwards = JSON.parse(readFileSync(FORWARDS_FILE, 'utf8')) as Record<string, string>;
const anchors = publishedAnchors(result.documents);
result.findings.push(...checkAnchors(recorded, anchors, forwards));
if (process.argv.includes('--record-anchors')) {
  const all = [...new Set([...recorded, ...anchors])].sort();
  writeFileSync(ANCHORS_FILE, `# Clause URLs published so far (npm run anchors:record). Never delete a line: forward it in ${FORWARDS_FILE}.\n${all.join('\n')}\n`);
  console.log(`anchors: ${all.length} recorded in ${ANCHORS_FILE}`);
} else {
  const unrecorded = anchors.filter((a) => !recorded.includes(a)).length;
  if (unrecorded > 0) console.log(`anchors: ${unrecorded} new clause URL(s) not yet in ${ANCHORS_FILE} (npm run anchors:record)`);
}
const emitted = emitCollections(result);

// Nothing is swapped into content/ when the build must stop: the previous output stays intact.
const fatal = result.findings.filter((f) => FATAL_KINDS.has(f.kind));
for (const f of fatal) console.error(`FATAL ${f.file}:${f.line} [${f.kind}] ${f.message}`);
if (fatal.length > 0) process.exit(1);

const staging = '.cache/ingest-staging';
rmSync(staging, { recursive: true, force: true });
for (const f of emitted) {
  const path = join(staging, f.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, f.content);
}
for (const dir of ['content/issues', 'content/documents']) {
  mkdirSync(join(staging, dir), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(join(staging, dir), dir);
}
renameSync(join(staging, 'content/report.json'), 'content/report.json');

for (const s of result.sources) {
  console.log(`source ${s.file}: ${s.error ? `ERROR ${s.error}` : `${s.kind}, ${s.documents} document(s)`}`);
}
const loud = result.findings.filter((f) => f.severity === 'error' || f.severity === 'severe');
for (const f of loud) console.log(`${f.severity.toUpperCase()} ${f.file}:${f.line} [${f.kind}] ${f.message}`);
const counts = result.findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.severity]: (acc[f.severity] ?? 0) + 1 }), {});
console.log(
  `ingest: ${result.issues.length} issue(s), ${result.documents.length} document(s), findings ${JSON.stringify(counts)} ` +
    `in ${((performance.now() - t0) / 1000).toFixed(2)} s (report: content/report.json)`,
);

