/** Writes the short-link pages (/c/<slug>/<clause>/, /n/<发文字号>/) of the generated documents into a site. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GazetteDocument } from '../gazette/model.ts';
import { documentForwarders } from '../site/forwarders.ts';
import type { GazetteConfig } from '../gazette/config.ts';
import { siteTarget } from './config.ts';
import { jsonFileNames } from '../site/collections.ts';

/** The pages of every document in content/documents (or of `only`); returns how many were written. */
export function writeForwarders(siteDir: string, gazette: GazetteConfig, only?: ReadonlySet<string>): number {
  const { url, base } = siteTarget(gazette);
  let count = 0;
  for (const name of jsonFileNames('content/documents')) {
    if (only && !only.has(name.slice(0, -'.json'.length))) continue;
    const doc = JSON.parse(readFileSync(join('content/documents', name), 'utf8')) as GazetteDocument;
    for (const f of documentForwarders(doc, { site: url, base, gazette: gazette.name })) {
      const path = join(siteDir, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.html);
      count++;
    }
  }
  return count;
}
