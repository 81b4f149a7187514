import { readFileSync, readdirSync } from 'node:fs';
import { parseSource } from './src/ingest/sources/index.ts';
import { reconcile } from './src/ingest/reconcile/index.ts';
const parses = readdirSync('content/sources').sort().map(f => parseSource({ file: `content/sources/${f}`, text: readFileSync(`content/sources/${f}`, 'utf8') }));
const t0 = performance.now();
const r = reconcile(parses);
console.log('ms', performance.now() - t0);
for (const d of r.documents) {
  console.log('##', d.id, d.issue, d.title, d.sources.map(s => s.file.slice(16,19)+':'+s.role).join(' '), 'variants', d.variants.length);
  for (const v of d.variants) console.log('   V', v.clause, v.file.slice(16,19), v.line, v.alsoIn.map(f=>f.slice(16,19)), JSON.stringify(v.authoritative), '→', JSON.stringify(v.copy));
  for (const f of d.findings.filter(f => !['layout-break-joined','copy-variant'].includes(f.kind))) console.log('   F', f.kind, f.severity, f.file.slice(16,19), f.line, f.clause ?? '', f.message.slice(0, 160));
}
console.log(r.findings.filter(f => !f.document).map(f => f.kind + '@' + f.file.slice(16,19) + ':' + f.line).join(' '));
