/** Writes the short-link pages (/c/<slug>/<clause>/, /n/<发文字号>/) of the generated documents into a site. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BASE_PATH, SITE_URL } from '../gazette/deploy.ts';
import type { GazetteDocument } from '../gazette/model.ts';
import { documentForwarders } from '../site/forwarders.ts';
import { GAZETTE } from '../gazette/site.ts';
import { jsonFiles } from './state.ts';

/** The pages of every document in content/documents (or of `only`); returns how many were written. */
export function writeForwarders(siteDir: string, only?: ReadonlySet<string>): number {
  let count = 0;
  for (const name of jsonFiles('content/documents')) {
    if (only && !only.has(name.slice(0, -'.json'.length))) continue;
    const doc = JSON.parse(readFileSync(join('content/documents', name), 'utf8')) as GazetteDocument;
    for (const f of documentForwarders(doc, { site: SITE_URL, base: BASE_PATH, gazette: GAZETTE.name })) {
      const path = join(siteDir, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.html);
      count++;
    }
  }
  return count;
}
