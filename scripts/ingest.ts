/**
 * npm run ingest — content/sources/ → content/issues/, content/documents/ (JSON) and content/report.json
 * (src/build/ingest.ts). A source that cannot be read is reported (file and line) and skipped; the rest is
 * still published. A source that cannot be published cleanly (an unaccounted character, a duplicate clause
 * id) is withheld with an error, the rest published; with --strict the withholding stops the build. Findings
 * that would publish something wrong (a slug collision, a removed anchor) always stop it. Only the output files whose bytes changed are written to a staging folder, then moved into place (unchanged files keep their mtimes).
 *   --record-anchors   add this run's clause URLs to content/published-anchors.txt
 */
import { loadGazette } from '../src/build/config.ts';
import { ingestAndTell } from '../src/build/ingest.ts';

const { fatal } = await ingestAndTell({ gazette: await loadGazette(), recordAnchors: process.argv.includes('--record-anchors'), strict: process.argv.includes('--strict') });
if (fatal.length > 0) process.exit(1);
