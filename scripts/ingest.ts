/**
 * npm run ingest — content/sources/ → content/issues/, content/documents/ (JSON) and content/report.json
 * (src/build/ingest.ts). A source that cannot be read is reported (file and line) and skipped; the rest is
 * still published. A source that cannot be published cleanly (an unaccounted character, a duplicate clause
 * id) is withheld with an error, the rest published; with --strict the withholding stops the build. Findings
 * that would publish something wrong (a slug collision, a removed anchor) always stop it. The output folders are written to a staging folder and swapped in whole.
 *   --record-anchors   add this run's clause URLs to content/published-anchors.txt
 */
import { loadGazette } from '../src/build/config.ts';
import { ANCHORS_FILE, ingestContent, SOURCES_DIR } from '../src/build/ingest.ts';

const t0 = performance.now();
const { result, anchors, fatal } = ingestContent({ sources: process.env.GONGBAO_SOURCES ?? SOURCES_DIR, gazette: await loadGazette(), recordAnchors: process.argv.includes('--record-anchors'), strict: process.argv.includes('--strict') });

if (anchors.recorded !== null) console.log(`anchors: ${anchors.recorded} recorded in ${ANCHORS_FILE}`);
else if (anchors.unrecorded > 0) console.log(`anchors: ${anchors.unrecorded} new clause URL(s) not yet in ${ANCHORS_FILE} (npm run anchors:record)`);

for (const f of fatal) console.error(`FATAL ${f.file}:${f.line} [${f.kind}] ${f.message}`);
if (fatal.length > 0) process.exit(1);

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
