/**
 * What the last build was made from (src/build/incremental.ts decides from it what to render again): a
 * checksum of the code, one per generated document and issue, one per source's part of the build report, and
 * the index groups of each document.
 * Reads the project folder (the edge).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFileNames } from '../site/collections.ts';
import type { BuildReport } from '../ingest/emit/report.ts';
import { facetGroups } from '../site/browse.ts';
import { REPORT_FILE, sourceReports } from '../site/report.ts';
import { digest, type BuildState, type DocumentLinks, type IssueRef, type ReportLinks } from './incremental.ts';

export const STATE_FILE = '.cache/build-state.json';

/** Everything but content that shapes the output (the gazette's configuration too): a change here means a full build. */
function codeDigest(root: string): string {
  const files = ['astro.config.mjs', 'gongbao.config.ts', 'package-lock.json', 'tsconfig.json'].filter((f) => existsSync(join(root, f)));
  for (const dir of ['src', 'scripts', 'public', 'content/editorial']) {
    if (!existsSync(join(root, dir))) continue;
    for (const d of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (d.isFile()) files.push(join(d.parentPath.slice(root.length ? root.length + 1 : 0), d.name));
    }
  }
  return digest(files.sort().map((f) => `${f}\0${digest(readFileSync(join(root, f)))}`).join('\n'));
}

/** The build's inputs as the plan reads them: the state to compare and record, and what links pages. */
export interface ProjectState {
  state: BuildState;
  documents: DocumentLinks[];
  issues: IssueRef[];
  reportLinks: ReportLinks;
}

/** Reads every generated file once: its checksum, and the fields the plan follows. */
export function readProject(root = ''): ProjectState {
  const read = <T>(dir: string) =>
    jsonFileNames(join(root, dir)).map((n) => {
      const bytes = readFileSync(join(root, dir, n));
      return { id: n.slice(0, -'.json'.length), sum: digest(bytes), entry: JSON.parse(bytes.toString('utf8')) as T };
    });
  const docs = read<DocumentLinks & Parameters<typeof facetGroups>[0]>('content/documents');
  const issues = read<IssueRef>('content/issues');
  const rows = sourceReports(JSON.parse(readFileSync(join(root, REPORT_FILE), 'utf8')) as BuildReport);
  return {
    state: {
      code: codeDigest(root),
      documents: Object.fromEntries(docs.map((d) => [d.id, d.sum])),
      issues: Object.fromEntries(issues.map((i) => [i.id, i.sum])),
      reports: Object.fromEntries(rows.map((row) => [row.file, digest(JSON.stringify(row))])),
      groups: Object.fromEntries(docs.map((d) => [d.id, facetGroups(d.entry)])),
    },
    documents: docs.map((d) => d.entry),
    issues: issues.map((i) => i.entry),
    // A report page places its findings in the documents they name.
    reportLinks: Object.fromEntries(rows.map((row) => [row.file, [...new Set(row.findings.flatMap((f) => (f.document ? [f.document] : [])))]])),
  };
}

export function readBuildState(root = ''): BuildState | null {
  const file = join(root, STATE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildState) : null;
}

export function writeBuildState(state: BuildState, root = ''): void {
  writeFileSync(join(root, STATE_FILE), JSON.stringify(state));
}
