/**
 * Bulk downloads (/api/bulk/<year>.ndjson.gz): every document of a year as one API object per line,
 * sorted by id, gzipped. gzip's header carries no time (mtime 0) and no name, so two builds of the same
 * content give the same bytes (tests/build/rebuild.test.ts).
 */
import { gzipSync } from 'node:zlib';
import { sha256Hex } from './hash.ts';

export interface BulkFile {
  year: number;
  documents: number;
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
}

/** The year a document belongs to: its date's, else its issue's; null when it has neither. */
export const yearOf = (d: { date: string | null; issue: string | null }): number | null => {
  const y = /^(\d{4})/.exec(d.date ?? d.issue ?? '')?.[1];
  return y ? Number(y) : null;
};

/** gzip at its best compression; the bytes of a year's file, given its NDJSON text and the year. */
export type Gzip = (text: string, year: number) => Uint8Array<ArrayBuffer>;
export const gzipText: Gzip = (text) => new Uint8Array(gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));

export function bulkFiles<T extends { id: string; date: string | null; issue: string | null }>(docs: T[], toApi: (d: T) => unknown, gzip: Gzip = gzipText): BulkFile[] {
  const byYear = new Map<number, T[]>();
  for (const d of docs) {
    const y = yearOf(d);
    if (y !== null) byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => {
      const lines = [...list].sort((a, b) => a.id.localeCompare(b.id)).map((d) => `${JSON.stringify(toApi(d))}\n`);
      const bytes = gzip(lines.join(''), year);
      return { year, documents: list.length, bytes, sha256: sha256Hex(bytes) };
    });
}
