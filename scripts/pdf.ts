/**
 * npm run build:pdf [site-folder] — PDFs of an already built site (default dist/): every issue's print view
 * into <site>/pdf/<issue-id>.pdf and every document page into <site>/pdf/documents/<slug>.pdf.
 * Unchanged pages are copied from the render cache (.cache/pdf/). Options:
 *   --issues-only        skip the per-document PDFs
 *   --only=<id>[,<id>]   only these issue ids / document slugs
 *   --cache-dir=<dir>    render cache (default .cache/pdf)
 */
import { loadGazette, siteTarget } from '../src/build/config.ts';
import { requireModernNode } from '../src/build/run.ts';
import { exportPdfs } from '../src/pdf/render.ts';

requireModernNode();
const args = process.argv.slice(2);
const siteDir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean);
const cacheDir = args.find((a) => a.startsWith('--cache-dir='))?.slice('--cache-dir='.length);
const t0 = performance.now();
const results = await exportPdfs({ siteDir, base: siteTarget(await loadGazette()).base, documents: !args.includes('--issues-only'), ...(only ? { only } : {}), ...(cacheDir ? { cacheDir } : {}) });
const rendered = results.filter((r) => !r.cached).length;
console.log(`pdf: ${results.length} PDF(s) in ${siteDir}/pdf/ (${rendered} rendered, ${results.length - rendered} cached) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
