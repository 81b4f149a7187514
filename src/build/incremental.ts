/**
 * What an incremental build must render again (issue 9): the pages whose inputs changed since the last build,
 * decided from the generated collections alone. Pure; src/build/build.ts reads the files and acts on the plan.
 *
 * A document page shows its own JSON plus the titles of the documents it cites and that cite it, and its
 * issue; an issue page shows its documents' titles and links to the issues before and after it. So a changed
 * document brings its citation neighbours and its issue; a changed issue brings its neighbours in order.
 * A document index page (a year, kind or issuer, src/site/browse.ts) lists its group's documents: the groups
 * a changed document is in, and was in, are rendered again, every page of each.
 * A source's report page shows its findings, placed in the documents they name: it is rendered again when its
 * part of the report changed or one of those documents did; the report's index pages always are.
 * Anything this cannot follow (a removed page, a different code version) asks for a full build.
 */

export interface BuildState {
  /** Checksum of everything but content: code, styles, fonts, lock file. */
  code: string;
  documents: Record<string, string>;
  issues: Record<string, string>;
  /** Each source file's part of the build report (src/site/report.ts SourceReport), by file. */
  reports: Record<string, string>;
  /** The index groups each document is listed in (src/site/browse.ts facetGroups), by document. */
  groups: Record<string, string[]>;
  /** What the plan follows of each document, by document: the next build reads it here for an unchanged file. */
  links: Record<string, DocumentLinks>;
}

/** The parts of a generated document or issue the plan follows. */
export interface DocumentLinks {
  id: string;
  issue: string | null;
  date: string | null;
  citedBy: string[];
  citations: { target: string | null }[];
}

export interface IssueRef {
  id: string;
  year: number;
  number: number;
}

/** The documents a source's findings name, by source file. */
export type ReportLinks = Record<string, readonly string[]>;

export type RebuildPlan =
  | { full: true; reason: string }
  | { full: false; documents: string[]; issues: string[]; years: string[]; reports: string[]; groups: string[] };


export function planRebuild(before: BuildState | null, now: BuildState, docs: DocumentLinks[], issues: IssueRef[], reportLinks: ReportLinks): RebuildPlan {
  if (!before) return { full: true, reason: 'no earlier build' };
  if (before.code !== now.code) return { full: true, reason: 'the code changed' };
  const removed = [
    ...Object.keys(before.documents).filter((id) => !(id in now.documents)),
    ...Object.keys(before.issues).filter((id) => !(id in now.issues)),
    ...Object.keys(before.reports).filter((file) => !(file in now.reports)),
  ];
  if (removed.length > 0) return { full: true, reason: `${removed.length} page(s) removed (${removed.slice(0, 3).join(', ')})` };

  const changedDocs = new Set(Object.keys(now.documents).filter((id) => before.documents[id] !== now.documents[id]));
  const changedIssues = new Set(Object.keys(now.issues).filter((id) => before.issues[id] !== now.issues[id]));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const documents = new Set(changedDocs);
  for (const id of changedDocs) {
    const d = byId.get(id);
    if (!d) continue;
    for (const other of [...d.citedBy, ...d.citations.flatMap((c) => (c.target ? [c.target] : []))]) documents.add(other);
    if (d.issue) changedIssues.add(d.issue);
  }
  const order = [...issues].sort((a, b) => a.year - b.year || a.number - b.number).map((i) => i.id);
  const issueSet = new Set(changedIssues);
  for (const id of changedIssues) {
    const at = order.indexOf(id);
    for (const n of [order[at - 1], order[at + 1]]) if (n) issueSet.add(n);
  }
  const yearOf = new Map(issues.map((i) => [i.id, String(i.year)]));
  const years = new Set([...issueSet].map((id) => yearOf.get(id) ?? ''));
  // The year a page is indexed under (src/search/build/pagefind.ts shardYear): its issue's, else its date's.
  for (const id of documents) {
    const d = byId.get(id);
    years.add(d?.issue ? (yearOf.get(d.issue) ?? '') : (d?.date?.slice(0, 4) ?? '0000'));
  }
  years.delete('');
  const reports = Object.keys(now.reports).filter(
    (file) => before.reports[file] !== now.reports[file] || (reportLinks[file] ?? []).some((id) => changedDocs.has(id)),
  );
  const groups = new Set([...changedDocs].flatMap((id) => [...(before.groups[id] ?? []), ...(now.groups[id] ?? [])]));
  return { full: false, documents: [...documents].sort(), issues: [...issueSet].sort(), years: [...years].sort(), reports: reports.sort(), groups: [...groups].sort() };
}
