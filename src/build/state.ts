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
import { sha256Hex } from '../gazette/hash.ts';
import { facetGroups } from '../site/browse.ts';
import { REPORT_FILE, sourceReports } from '../site/report.ts';
import { type BuildState, type DocumentLinks, type IssueRef, type ReportLinks } from './incremental.ts';

export const STATE_FILE = '.cache/build-state.json';

/** Everything but content that shapes the output (the gazette's configuration too): a change here means a full build. */
export function codeDigest(root = ''): string {
  const files = ['astro.config.mjs', 'gongbao.config.ts', 'package-lock.json', 'tsconfig.json'].filter((f) => existsSync(join(root, f)));
  for (const dir of ['src', 'scripts', 'public', 'content/editorial']) {
    if (!existsSync(join(root, dir))) continue;
    for (const d of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (d.isFile()) files.push(join(d.parentPath.slice(root.length ? root.length + 1 : 0), d.name));
    }
  }
  return sha256Hex(files.sort().map((f) => `${f}\0${sha256Hex(readFileSync(join(root, f)))}`).join('\n'));
}

/** The build's inputs as the plan reads them: the state to compare and record, and what links pages. */
export interface ProjectState {
  state: BuildState;
  documents: DocumentLinks[];
  issues: IssueRef[];
  reportLinks: ReportLinks;
}

/** What the plan follows of a document (its citation targets only). */
const linksOf = (d: DocumentLinks): DocumentLinks => ({
  id: d.id,
  issue: d.issue,
  date: d.date,
  citedBy: d.citedBy,
  citations: d.citations.filter((c) => c.target !== null).map((c) => ({ target: c.target })),
});

/**
 * Reads every generated file once: its checksum, and the fields the plan follows. A document whose file is
 * the one `before` was made from, by the same code, is not parsed again: its links and groups are `before`'s.
 */
export function readProject(root = '', before: BuildState | null = null, code = codeDigest(root)): ProjectState {
  const files = (dir: string) =>
    jsonFileNames(join(root, dir)).map((n) => {
      const bytes = readFileSync(join(root, dir, n));
      return { id: n.slice(0, -'.json'.length), sum: sha256Hex(bytes), bytes };
    });
  const same = before?.code === code ? before : null;
  const docs = files('content/documents').map(({ id, sum, bytes }) => {
    const links = same?.documents[id] === sum ? same.links[id] : undefined;
    const groups = links && same?.groups[id];
    if (links && groups) return { id, sum, links, groups };
    const entry = JSON.parse(bytes.toString('utf8')) as DocumentLinks & Parameters<typeof facetGroups>[0];
    return { id, sum, links: linksOf(entry), groups: facetGroups(entry) };
  });
  const issues = files('content/issues').map(({ id, sum, bytes }) => ({ id, sum, entry: JSON.parse(bytes.toString('utf8')) as IssueRef }));
  const rows = sourceReports(JSON.parse(readFileSync(join(root, REPORT_FILE), 'utf8')) as BuildReport);
  return {
    state: {
      code,
      documents: Object.fromEntries(docs.map((d) => [d.id, d.sum])),
      issues: Object.fromEntries(issues.map((i) => [i.id, i.sum])),
      reports: Object.fromEntries(rows.map((row) => [row.file, sha256Hex(JSON.stringify(row))])),
      groups: Object.fromEntries(docs.map((d) => [d.id, d.groups])),
      links: Object.fromEntries(docs.map((d) => [d.id, d.links])),
    },
    documents: docs.map((d) => d.links),
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
