/** The open-data files built from the collections: bulk downloads, the manifest, the export sources (issue 21). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allDocuments, allIssues, type DocumentData } from './content.ts';
import { documentApi } from './api.ts';
import { readReport } from './report.ts';
import { href } from './url.ts';
import { bulkFiles, keptYears, type BulkFile } from './export/bulk.ts';
import { cachedGzip } from './export/gzip-cache.ts';
import { textSha256 } from './export/text.ts';
import type { AknSource } from './export/akn.ts';
import { manifestApi, type ManifestApi } from '../gazette/schema.ts';
import { lastBuild, onlyPage } from './only.ts';

/** Where the compressed years are kept between builds (src/site/export/gzip-cache.ts). */
const BULK_CACHE = '.cache/bulk';

export const bulkPath = (year: number): string => `/api/bulk/${year}.ndjson.gz`;

let lastOnce: ManifestApi | null | undefined;
/** The last build's manifest (src/site/only.ts lastBuild), when this build is incremental. */
const lastManifest = (): ManifestApi | null => {
  const file = lastBuild === null ? null : join(lastBuild, 'api', 'manifest.json');
  return (lastOnce ??= file && existsSync(file) ? manifestApi.parse(JSON.parse(readFileSync(file, 'utf8'))) : null);
};

let bulkOnce: Promise<BulkFile[]> | null = null;
/** Built once per build: the manifest and the bulk endpoints both need the bytes. */
export function allBulkFiles(): Promise<BulkFile[]> {
  const lastFile = (year: number): Uint8Array<ArrayBuffer> | null => {
    const file = lastBuild === null ? null : join(lastBuild, bulkPath(year));
    return file && existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
  };
  const build = async () => bulkFiles(await allDocuments(), documentApi, cachedGzip(BULK_CACHE), keptYears(lastManifest()?.bulk ?? [], lastFile, onlyPage));
  return import.meta.env.PROD ? (bulkOnce ??= build()) : build();
}

/** How the canonical text is made (README, "Data"), as the manifest states it. */
export const CANONICAL_TEXT =
  'UTF-8 of /api/documents/<id>.txt: the title, then one line per block of the body in reading order (notice, addressees, 落款, plan title, blocks, attachments), LF-joined with a final LF, Unicode NFC';

export async function manifest(): Promise<ManifestApi> {
  const docs = [...(await allDocuments())].sort((a, b) => a.id.localeCompare(b.id));
  // A document not rendered again has the text, so the hash, of the last build.
  const kept = new Map((lastManifest()?.documents ?? []).map((d) => [d.id, d.textSha256]));
  return {
    hash: { algorithm: 'sha256', text: CANONICAL_TEXT },
    sources: readReport().sources.map(({ file, bytes, sha256 }) => ({ file, bytes, sha256 })),
    documents: docs.map((d) => ({
      id: d.id,
      json: href(`/api/documents/${d.id}.json`),
      text: href(`/api/documents/${d.id}.txt`),
      textSha256: (!onlyPage(d.id) && kept.get(d.id)) || textSha256(d),
    })),
    bulk: (await allBulkFiles()).map((b) => ({ year: b.year, url: href(bulkPath(b.year)), documents: b.documents, bytes: b.bytes.length, sha256: b.sha256 })),
  };
}

/** The document as the XML and Markdown exports read it. */
export async function exportSource(d: DocumentData): Promise<AknSource> {
  const issue = d.issue ? (await allIssues()).find((i) => i.id === d.issue) : undefined;
  return {
    ...d,
    docNumber: d.docNumber?.printed ?? null,
    docNumberInferred: d.inferredDocNumber?.number.normalized ?? null,
    issueDate: issue?.published ?? null,
  };
}
