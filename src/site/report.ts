/** The build report written by the ingest (content/report.json), read by the report page and the API. */
import { existsSync, readFileSync } from 'node:fs';
import type { BuildReport } from '../ingest/emit/report.ts';

export function readReport(): BuildReport {
  const path = 'content/report.json';
  if (!existsSync(path)) throw new Error('content/report.json is missing: run `npm run ingest` before `astro build`.');
  return JSON.parse(readFileSync(path, 'utf8')) as BuildReport;
}
