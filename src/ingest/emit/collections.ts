/**
 * The generated content collections as a list of files (path + content): the ingest result serialised,
 * MDX bodies proven safe, plus the build report. Pure: scripts/ingest.ts writes them.
 */
import type { IngestResult } from '../pipeline.ts';
import { emitMdx } from './mdx.ts';
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
    const mdxPath = `content/documents/${doc.id}.mdx`;
    files.push({ path: `content/documents/${doc.id}.json`, content: json(doc) });
    const noted = new Set(doc.variants.map((v) => v.clause).filter(Boolean));
    files.push({ path: mdxPath, content: emitMdx(doc.body, mdxPath, doc.attachments, { doc: doc.id, noted }) });
  }
  files.push({ path: 'content/report.json', content: json(buildReport(result)) });
  return files;
}
