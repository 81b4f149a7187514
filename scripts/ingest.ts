/**
 * npm run ingest — content/sources/ → content/issues/, content/documents/ (JSON) and content/report.json
 * (src/build/ingest.ts). A source that cannot be read is reported (file and line) and skipped; the rest is
 * still published. A source that cannot be published cleanly (an unaccounted character, a duplicate clause
 * id) is withheld with an error, the rest published; with --strict the withholding stops the build. Findings
 * that would publish something wrong (a slug collision, a removed anchor) always stop it. Only the output files whose bytes changed are written to a staging folder, then moved into place (unchanged files keep their mtimes).
 *   --record-anchors   add this run's clause URLs to content/published-anchors.txt
 */
import { loadGazette } from '../src/build/config.ts';
import { ANCHORS_FILE, ingestContent, SOURCES_DIR } from '../src/build/ingest.ts';
import { BUCKET_LABEL, bucketOf, todoOf } from '../src/gazette/findings.ts';

const t0 = performance.now();
const { result, anchors, fatal } = ingestContent({ sources: process.env.GONGBAO_SOURCES ?? SOURCES_DIR, gazette: await loadGazette(), recordAnchors: process.argv.includes('--record-anchors'), strict: process.argv.includes('--strict') });

if (anchors.recorded !== null) console.log(`锚点：${anchors.recorded} 个条款网址已记入 ${ANCHORS_FILE}`);
else if (anchors.unrecorded > 0) console.log(`锚点：${anchors.unrecorded} 个新的条款网址尚未记入 ${ANCHORS_FILE}（npm run anchors:record）`);

for (const f of fatal) console.error(`无法生成 ${f.file}:${f.line} [${f.kind}] ${f.message}`);
if (fatal.length > 0) process.exit(1);

for (const s of result.sources) {
  console.log(`来源 ${s.file}：${s.error ? `无法读取 ${s.error}` : `${s.kind}，${s.documents} 个文件`}`);
}
// For editors, as the report orders it (src/gazette/findings.ts): what needs a decision first, with what to do;
// then what is severe but needs no one (a tampered copy that is never used). Repairs and information: the report.
const counts = { decide: 0, repaired: 0, info: 0 };
for (const f of result.findings) counts[bucketOf(f)]++;
for (const f of result.findings.filter((x) => bucketOf(x) === 'decide')) console.log(`${BUCKET_LABEL.decide} ${f.file}:${f.line} [${f.kind}] ${f.message}\n  处理：${todoOf(f)}`);
for (const f of result.findings.filter((x) => bucketOf(x) !== 'decide' && x.severity === 'severe')) console.log(`严重（无需决定） ${f.file}:${f.line} [${f.kind}] ${f.message}`);
console.log(
  `ingest: ${result.issues.length} 期、${result.documents.length} 个文件；${BUCKET_LABEL.decide} ${counts.decide}、${BUCKET_LABEL.repaired} ${counts.repaired}、${BUCKET_LABEL.info} ${counts.info}；` +
    `用时 ${((performance.now() - t0) / 1000).toFixed(2)} 秒（报告：content/report.json，网站 /report/）`,
);
