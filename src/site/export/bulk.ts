/**
 * Bulk downloads (/api/bulk/<year>.ndjson.gz): every document of a year as one API object per line,
 * sorted by id, gzipped. gzip's header carries no time (mtime 0) and no name, so two builds of the same
 * content give the same bytes (tests/build/rebuild.test.ts).
 */
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { sha256Hex } from '../../gazette/hash.ts';

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
export type Gzip = (text: string, year: number) => Promise<Uint8Array<ArrayBuffer>>;
const gzipAsync = promisify(gzipCallback);
/** On libuv's thread pool: the years are compressed at once, beside the pages being rendered. */
export const gzipText: Gzip = async (text) => new Uint8Array(await gzipAsync(Buffer.from(text, 'utf8'), { level: 9 }));

/** The bytes the last build made for a year of these documents, when they are known to be the same (null: make them). */
export type KeptYear<T> = (year: number, docs: readonly T[]) => Uint8Array<ArrayBuffer> | null;

/** A year's file as the last build's manifest lists it (`bulk`). */
export interface LastBulk {
  year: number;
  documents: number;
  sha256: string;
}

/**
 * The last build's bytes (`read`) of a year none of whose documents is rendered again and that holds as many
 * documents as then, checked against the hash the manifest gave them. A document that moved to another year
 * is rendered again and changes the count of the year it left; a removed one makes the build full.
 */
export function keptYears<T extends { id: string }>(last: readonly LastBulk[], read: (year: number) => Uint8Array<ArrayBuffer> | null, rendered: (id: string) => boolean): KeptYear<T> {
  return (year, docs) => {
    const entry = last.find((b) => b.year === year);
    if (!entry || entry.documents !== docs.length || docs.some((d) => rendered(d.id))) return null;
    const bytes = read(year);
    return bytes && sha256Hex(bytes) === entry.sha256 ? bytes : null;
  };
}

export async function bulkFiles<T extends { id: string; date: string | null; issue: string | null }>(
  docs: T[],
  toApi: (d: T) => unknown,
  gzip: Gzip = gzipText,
  kept: KeptYear<T> = () => null,
): Promise<BulkFile[]> {
  const byYear = new Map<number, T[]>();
  for (const d of docs) {
    const y = yearOf(d);
    if (y !== null) byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  return Promise.all(
    [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(async ([year, list]) => {
        const bytes = kept(year, list) ?? (await gzip([...list].sort((a, b) => a.id.localeCompare(b.id)).map((d) => `${JSON.stringify(toApi(d))}\n`).join(''), year));
        return { year, documents: list.length, bytes, sha256: sha256Hex(bytes) };
      }),
  );
}
