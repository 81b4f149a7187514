/** The seed's documents and issues as the ingest publishes them (content/sources/*), for the site's tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { runIngest, type IngestResult } from '../../../src/ingest/pipeline.ts';
import { SEED } from '../../support/seed-gazette.ts';

let once: IngestResult | null = null;

export function seed(): IngestResult {
  once ??= runIngest(
    readdirSync('content/sources')
      .filter((n) => n.endsWith('.txt'))
      .map((n) => ({ file: `content/sources/${n}`, bytes: readFileSync(`content/sources/${n}`) })),
    { gazette: SEED },
  );
  return once;
}

export const seedDocument = (id: string) => {
  const doc = seed().documents.find((d) => d.id === id);
  if (!doc) throw new Error(`no seed document ${id}`);
  return doc;
};
