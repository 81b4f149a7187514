/**
 * npm run build — the whole site: ingest → astro build → search index → short links → PDFs, into a staging
 * folder that replaces dist/ only when every stage passed, so a failed build never leaves a half-written dist/
 * (src/build/build.ts).
 *
 * npm run build -- --no-pdf — a full build without the PDF stage (no dist/pdf/; the pages' PDF links then lead
 * nowhere): for test sites that only need the pages (tests/support/legal-site.ts).
 *
 * npm run build -- --incremental — after adding or correcting sources: the same stages for what changed
 * only (src/build/incremental.ts), moved into dist/ file by file. It falls back to a full build when there
 * is no earlier build, the code changed or a page was removed.
 */
import { buildSite } from '../src/build/build.ts';
import { requireModernNode } from '../src/build/run.ts';

requireModernNode();
const timings = await buildSite({ incremental: process.argv.includes('--incremental'), noPdf: process.argv.includes('--no-pdf'), strict: process.argv.includes('--strict'), log: (line) => console.log(line) });
console.log(`build: dist/ ready (${timings.join(' · ')})`);
