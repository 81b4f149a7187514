/**
 * The generated content collections as a list of files (path + content): the ingest result serialised as
 * JSON (Astro renders bodies from it, src/components/body/Body.astro), plus the build report. Pure:
 * src/build/ingest.ts writes them.
 */
import type { IngestResult } from '../pipeline.ts';
import { buildReport } from './report.ts';

export interface EmittedFile {
  path: string;
  content: string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;

export function emitCollections(result: IngestResult): EmittedFile[] {
  const files: EmittedFile[] = [];
  for (const issue of result.issues) files.push({ path: `content/issues/${issue.id}.json`, content: json(issue) });
  for (const doc of result.documents) {
    files.push({ path: `content/documents/${doc.id}.json`, content: json(doc) });
  }
  files.push({ path: 'content/report.json', content: json(buildReport(result)) });
  return files;
}
