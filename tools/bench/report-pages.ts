/**
 * How big the build report's pages get at archive size (issue 19, point 7): generates N synthetic issues
 * (generate.ts, default 100), runs the ingest on them in memory, and sorts the findings as the report pages do
 * (src/site/report.ts). A source's page lists its decisions, repairs and non-routine notices; the first page of
 * the index lists 100 sources and the first 50 decisions. The bytes per listed item and per row are measured on
 * the seed build's dist/report/ (run `npm run build` first), so the bound printed is items × bytes + page shell.
 *
 *   tsx tools/bench/report-pages.ts [N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import SEED from '../../gongbao.config.ts';
import { runIngest } from '../../src/ingest/pipeline.ts';
import { buildReport } from '../../src/ingest/emit/report.ts';
import { bucketOf } from '../../src/gazette/findings.ts';
import { DECISIONS_ON_INDEX, reportPage, sourceReports, SOURCES_PER_PAGE } from '../../src/site/report.ts';
import { buildTemplates, generateIssue, issueSpec, newState, type SourceText } from './generate.ts';

const N = Number(process.argv[2] ?? 100);
const read = (dir: string): SourceText[] => readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().map((n) => ({ file: `${dir}/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
const seed = read('content/sources');
const seed001 = seed.find((s) => /\/001_/.test(s.file));
if (!seed001) throw new Error('report-pages: content/sources/001_… is missing');
const templates = buildTemplates(seed001, [...seed.filter((s) => s !== seed001), ...read('tests/fixtures/corpus')]);
const state = newState();
const sources = Array.from({ length: N }, (_, i) => generateIssue(templates, issueSpec(i, N), state)).map((g) => ({ file: `content/sources/${g.file}`, bytes: Buffer.from(g.text, 'utf8') }));
const rows = sourceReports(buildReport(runIngest(sources, { gazette: SEED })));

// Bytes measured on the seed's report pages.
const html = (p: string) => readFileSync(join('dist/report', p), 'utf8');
const sizes = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => Buffer.byteLength(m[0]));
const ITEM = /<li class="finding[\s\S]*?<\/li>/g;
const ROW = /<tr>[\s\S]*?<\/tr>/g;
const pages = readdirSync('dist/report').filter((n) => n !== 'index.html');
const itemBytes = Math.max(...pages.flatMap((p) => sizes(ITEM, html(`${p}/index.html`))), ...sizes(ITEM, html('index.html')));
const rowBytes = Math.max(...sizes(ROW, html('index.html')));
const shell = Math.max(
  ...pages.map((p) => Buffer.byteLength(html(`${p}/index.html`)) - sizes(ITEM, html(`${p}/index.html`)).reduce((a, b) => a + b, 0)),
  Buffer.byteLength(html('index.html')) - [...sizes(ITEM, html('index.html')), ...sizes(ROW, html('index.html'))].reduce((a, b) => a + b, 0),
);

const listed = rows.map((r) => r.findings.filter((f) => bucketOf(f) !== 'info' || f.severity !== 'info').length);
const maxListed = Math.max(...listed);
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const indexPages = reportPage(rows, 1).pages;
console.log(`${N} synthetic issues: ${rows.length} report pages of sources; listed items per source page: max ${maxListed}, mean ${(listed.reduce((a, b) => a + b, 0) / listed.length).toFixed(1)}`);
console.log(`measured on dist/report/: ≤ ${itemBytes} B per listed finding, ≤ ${rowBytes} B per source row, ≤ ${shell} B of page shell`);
console.log(`a source's page: ≤ ${kb(shell + maxListed * itemBytes)} (does not grow with the archive: one page per source)`);
console.log(`an index page: ≤ ${kb(shell + SOURCES_PER_PAGE * rowBytes + DECISIONS_ON_INDEX * itemBytes + indexPages * 80)} at ${N} issues (${indexPages} pages of ${SOURCES_PER_PAGE} sources, the first with ${DECISIONS_ON_INDEX} decisions)`);
