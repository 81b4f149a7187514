/**
 * A source the ingest cannot publish cleanly is withheld, not the site (issue 20, issue 14.7): an
 * unaccounted character, a duplicate anchor, text the adapter could not place — its issue and every
 * document it is the standard text of are left out of this build, with one error naming the file and
 * the line of its first defect. Everything else is published. `npm run build -- --strict` (and CI,
 * `npm test`) fails on a withheld source or copy (STRICT_KINDS).
 */
import type { Finding, GazetteDocument } from '../../gazette/model.ts';

/** Errors that make a source unpublishable. */
export const WITHHOLDING_KINDS: ReadonlySet<string> = new Set(['ledger-unaccounted', 'duplicate-clause-id', 'dump-unplaced', 'dump-truncated', 'header-unread', 'toc-unresolved', 'toc-page-missing']);

/** Findings that fail a strict build: something of the sources is not on the site. */
export const STRICT_KINDS: ReadonlySet<string> = new Set(['source-withheld', 'copy-withheld', 'source-unreadable']);

export interface Withholding {
  /** Files withheld, each with the finding that says so. */
  files: Map<string, Finding>;
  findings: Finding[];
}

/**
 * Which of the `publishing` files (those with an issue or an authoritative document) are withheld.
 * Errors of other files (a copy's duplicate label) cost only collation notes and withhold nothing.
 */
export function withheldSources(findings: readonly Finding[], publishing: ReadonlySet<string>): Withholding {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings)
    if (WITHHOLDING_KINDS.has(f.kind) && f.severity === 'error' && publishing.has(f.file)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const files = new Map<string, Finding>();
  for (const [file, list] of byFile) {
    const first = [...list].sort((a, b) => a.line - b.line)[0]!;
    files.set(file, {
      kind: 'source-withheld',
      severity: 'error',
      file,
      line: first.line,
      message: `${file} 有${list.length}处无法可靠发布的错误（第一处在第${first.line}行：${first.kind}），本来源的期次和文件在本次生成中暂不公布。`,
      action: '网站其余部分照常生成；修复来源或适配器后重新生成（npm run build -- --strict 因此失败）',
    });
  }
  return { files, findings: [...files.values()] };
}

/** Documents whose standard text comes from a withheld file. */
export const fromWithheld = (d: GazetteDocument, files: ReadonlyMap<string, Finding>): boolean =>
  d.sources.some((s) => s.role === 'authoritative' && files.has(s.file));
