/**
 * The Zod schemas of the model and of the JSON API: the content collections check the generated files
 * with them (src/content.config.ts), the API's types are inferred from them (src/site/api.ts), and the
 * JSON Schemas published under /api/schema/ are generated from them (z.toJSONSchema) — written once.
 * Pure: imports only zod and the domain's list of editorial kinds.
 */
import { z } from 'zod';
import { EDITORIAL_KINDS } from './editorial.ts';

export const sourceRef = z.object({ file: z.string(), line: z.number().int() });

export const docNumber = z.object({ normalized: z.string(), printed: z.string(), agency: z.string(), year: z.number().int(), serial: z.string() });

export const severity = z.enum(['info', 'warning', 'error', 'severe']);

export const finding = z.object({
  kind: z.string(),
  severity,
  file: z.string(),
  line: z.number().int().min(0),
  message: z.string(),
  action: z.string(),
  document: z.string().optional(),
  clause: z.string().optional(),
});

const cell = z.object({ text: z.string(), rowspan: z.number().int().min(1), colspan: z.number().int().min(1), header: z.boolean().optional() });
const tableRow = z.object({ cells: z.array(cell), kind: z.enum(['data', 'note']), source: sourceRef });
export const table = z.object({ id: z.string(), caption: z.string().nullable(), header: z.array(tableRow), rows: z.array(tableRow), columns: z.number().int(), source: sourceRef });

const blockBase = { id: z.string(), source: sourceRef };
/** 公文 numbering (一、（一）1.（1）①——), then the levels of a legal norm (编 章 节 条 款 项 目). */
export const clauseLevel = z.enum(['part', 'section', 'item', 'subitem', 'circled', 'dash', 'bian', 'zhang', 'jie', 'tiao', 'kuan', 'xiang', 'mu']);

/** A reference in a block's text resolved to an anchor (「本条例第五条」「前款」). */
export const textLink = z.object({ at: z.number().int().min(0), length: z.number().int().min(1), document: z.string().nullable(), anchor: z.string() });

const paragraphBlock = z.object({ type: z.literal('paragraph'), ...blockBase, text: z.string() });
const headingBlock = z.object({ type: z.literal('heading'), ...blockBase, text: z.string() });
const tableBlock = z.object({ type: z.literal('table'), ...blockBase, table });
const entryBlock = z.object({
  type: z.literal('entry'),
  ...blockBase,
  date: z.string().nullable(),
  printedDate: z.string().nullable(),
  text: z.string(),
  docNumber: docNumber.nullable(),
});
const omittedBlock = z.object({ type: z.literal('omitted'), ...blockBase, text: z.string() });
const clauseFields = {
  type: z.literal('clause'),
  ...blockBase,
  label: z.string(),
  level: clauseLevel,
  number: z.number().int(),
  title: z.string().nullable(),
  text: z.string(),
  refs: z.array(textLink).optional(),
};
const clauseHead = z.object(clauseFields);
export interface ClauseShape extends z.infer<typeof clauseHead> {
  children: BlockShape[];
}
/** A block of the body (model.ts Block, which tests/unit/gazette/schema.test.ts holds equal to this). */
export type BlockShape =
  | ClauseShape
  | z.infer<typeof paragraphBlock>
  | z.infer<typeof headingBlock>
  | z.infer<typeof tableBlock>
  | z.infer<typeof entryBlock>
  | z.infer<typeof omittedBlock>;
const clauseBlock = z.object({
  ...clauseFields,
  get children(): z.ZodArray<z.ZodType<BlockShape>> {
    return z.array(block);
  },
});
export const block: z.ZodType<BlockShape> = z.discriminatedUnion('type', [clauseBlock, paragraphBlock, headingBlock, tableBlock, entryBlock, omittedBlock]);

export const attachment = z.object({ id: z.string(), label: z.string(), title: z.string(), omitted: z.boolean(), body: z.array(block), source: sourceRef });

export const citation = z.object({ title: z.string().nullable(), docNumber: docNumber.nullable(), target: z.string().nullable(), clause: z.string(), source: sourceRef });

export const variant = z.object({ clause: z.string(), authoritative: z.string(), copy: z.string(), file: z.string(), line: z.number().int(), alsoIn: z.array(z.string()) });

const tocEntry = z.object({ title: z.string(), printed: z.string(), docNumber: docNumber.nullable(), page: z.number().int(), document: z.string().nullable(), source: sourceRef });
export const tocSection = z.object({ title: z.string(), entries: z.array(tocEntry) });

export const editorialRole = z.object({ role: z.string(), names: z.array(z.string()) });

export const sourceRole = z.enum(['authoritative', 'copy']);
export const sourceKind = z.enum(['gazette-dump', 'government-web', 'scraped-record', 'news-article', 'encyclopedia', 'campus-page', 'markdown']);

export const documentSource = z.object({
  file: z.string(),
  role: sourceRole,
  kind: sourceKind,
  lines: z.object({ from: z.number().int(), to: z.number().int() }),
  meta: z.record(z.string(), z.string()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});

export const inferredDocNumber = z.object({ number: docNumber, citedIn: z.string(), clause: z.string(), title: z.string().nullable(), source: sourceRef });

const signature = z.object({ issuer: z.string().nullable(), date: z.string().nullable() });

/** content/issues/<id>.json, as the ingest writes it. */
export const issueEntry = z.object({
  id: z.string().regex(/^\d{4}-\d+$/),
  gazette: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  cumulative: z.number().int().nullable(),
  published: z.string().nullable(),
  frequency: z.string().nullable(),
  issn: z.string().nullable(),
  cn: z.string().nullable(),
  sponsor: z.string().nullable(),
  publisher: z.string().nullable(),
  motto: z.array(z.string()),
  editorialBoard: z.array(editorialRole),
  masthead: z.record(z.string(), z.string()),
  sections: z.array(tocSection),
  captions: z.array(z.string()),
  about: z.string().nullable(),
  /** The inside cover's statement (本刊声明 …), shown on the issue page. */
  statement: z.string().nullable(),
  file: z.string(),
  documents: z.array(z.string()),
  findings: z.array(finding),
});

/** What a 政府令 prints besides its body (model.ts Promulgation). */
export const promulgation = z.object({
  order: z.string(),
  number: z.string().nullable(),
  sentence: z.string(),
  signatory: z.string().nullable(),
  promulgated: z.string().nullable(),
  effective: z.string().nullable(),
});

/** content/documents/<slug>.json, as the ingest writes it. */
export const documentEntry = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  printedTitle: z.string(),
  docNumber: docNumber.nullable(),
  issuers: z.array(z.string()),
  addressees: z.string().nullable(),
  notice: z.string().nullable(),
  signature: signature.extend({ source: sourceRef.nullable() }),
  date: z.string().nullable(),
  kind: z.string(),
  planTitle: z.string().nullable(),
  promulgation: promulgation.optional(),
  body: z.array(block),
  attachments: z.array(attachment),
  page: z.number().int().nullable(),
  meta: z.record(z.string(), z.string()),
  issue: z.string().nullable(),
  sources: z.array(documentSource),
  inferredDocNumber: inferredDocNumber.nullable(),
  variants: z.array(variant),
  citations: z.array(citation),
  citedBy: z.array(z.string()),
  findings: z.array(finding),
});

// ——— What editors write (content/editorial/), never generated: tests/unit/site/editorial/trust.test.ts ———

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The front matter of content/editorial/<slug>.mdx. 解读, 编者按 and 更正 belong to a document (by 发文字号 or
 * slug); a 更正 names the clause it corrects. Whether the document and clause exist is checked with the file
 * and line by src/site/editorial/remark-refs.ts.
 */
export const editorialEntry = z
  .object({
    title: z.string().min(1),
    kind: z.enum(EDITORIAL_KINDS),
    // YAML reads an unquoted 2026-12-04 as a date (UTC midnight): kept as the ISO day it names.
    date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDay),
    author: z.string().min(1).optional(),
    office: z.string().min(1).optional(),
    /** One or two sentences for lists, the document page and the feed. */
    summary: z.string().min(1),
    document: z.string().min(1).optional(),
    clause: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
    /** The issue a page without a document goes with (search files it under that issue's year). */
    issue: z.string().regex(/^\d{4}-\d+$/).optional(),
  })
  .refine((e) => e.author || e.office, { message: '须写明 author（作者）或 office（部门）' })
  .refine((e) => !['解读', '编者按', '更正'].includes(e.kind) || e.document, { message: '解读、编者按、更正须写明 document（所属文件的发文字号或标识）' })
  .refine((e) => e.kind !== '更正' || e.clause, { message: '更正须写明 clause（更正的条款）' });

/**
 * 校勘决定 (content/editorial/readings.json): where the standard text is evidently wrong, the reading the site
 * publishes instead, with the reason. The model keeps the printed text (the ledger accounts for it); the
 * decision is applied where the site reads the documents (src/site/content.ts, src/site/readings.ts).
 */
export const readingDecision = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** 发文字号 or slug. */
  document: z.string().min(1),
  clause: z.string().min(1),
  /** As printed in the standard text, long enough to occur once in the clause. */
  printed: z.string().min(1),
  /** As published; equal to printed when the editor keeps the printed reading. */
  decided: z.string().min(1),
  reason: z.string().min(1),
  editor: z.string().min(1),
  date: isoDay,
});

/** A decision as a document carries it: the source files of the copies that read as decided. */
export const decidedReading = readingDecision.omit({ document: true }).extend({ copies: z.array(z.string()) });

// ——— The JSON API (dist/api/), DESIGN.md §5 ———

const apiFinding = finding.pick({ kind: true, severity: true, file: true, line: true, message: true });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const documentSummary = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  docNumber: z.string().nullable(),
  issuers: z.array(z.string()),
  date: z.string().nullable(),
  issue: z.string().nullable(),
  /** Printed in the gazette (placed in an issue); false for a news copy, a digest or an excerpt found elsewhere. */
  fromGazette: z.boolean(),
});

export const issueSummary = z.object({ id: z.string(), title: z.string(), url: z.string(), year: z.number().int(), number: z.number().int() });

const flatClause = z.object({ id: z.string(), label: z.string(), level: clauseLevel, title: z.string().nullable(), text: z.string(), parent: z.string().nullable() });

const apiCell = cell.pick({ text: true, rowspan: true, colspan: true });

/** /api/documents/<id>.json */
export const documentApi = documentSummary.extend({
  printedTitle: z.string().optional(),
  docNumberPrinted: z.string().nullable(),
  /** 发文字号 the document does not print, learned from a citation of it: 推定, never printed. */
  docNumberInferred: inferredDocNumber.extend({ inferred: z.literal(true) }).nullable(),
  addressees: z.string().nullable(),
  notice: z.string().nullable(),
  signature,
  kind: z.string(),
  planTitle: z.string().nullable(),
  /** 政府令: 令 number, promulgation sentence, signatory, 公布日期 and 施行日期; null for any other kind. */
  promulgation: promulgation.nullable(),
  page: z.number().int().nullable(),
  sources: z.array(documentSource),
  /** The whole published body as a tree, in reading order (the page renders the same blocks). */
  body: z.array(block),
  clauses: z.array(flatClause),
  tables: z.array(
    z.object({
      id: z.string(),
      caption: z.string().nullable(),
      clause: z.string().nullable(),
      header: z.array(z.array(apiCell)),
      rows: z.array(z.object({ kind: z.enum(['data', 'note']), cells: z.array(apiCell) })),
    }),
  ),
  attachments: z.array(attachment),
  citations: z.array(z.object({ title: z.string().nullable(), docNumber: z.string().nullable(), target: z.string().nullable(), clause: z.string() })),
  citedBy: z.array(z.string()),
  /** The differences between the copies no editor has decided (校勘记). */
  variants: z.array(variant),
  /** 校勘决定: the text above carries the decided reading; each gives the printed one and the reason. */
  readings: z.array(decidedReading.omit({ id: true })),
  /** The authoritative source's own metadata as printed (front matter, infobox, page header). */
  meta: z.record(z.string(), z.string()),
  findings: z.array(apiFinding),
  /** sha256 of the canonical text (README, "Data"); the text itself is /api/documents/<id>.txt. */
  textSha256: sha256,
});

/** /api/issues/<id>.json */
export const issueApi = issueSummary.extend({
  ...issueEntry.pick({
    cumulative: true,
    published: true,
    frequency: true,
    issn: true,
    cn: true,
    sponsor: true,
    publisher: true,
    motto: true,
    editorialBoard: true,
    masthead: true,
    captions: true,
    about: true,
    statement: true,
  }).shape,
  sections: z.array(z.object({ title: z.string(), entries: z.array(z.object({ title: z.string(), docNumber: z.string().nullable(), page: z.number().int(), document: z.string().nullable() })) })),
  documents: z.array(z.string()),
  pdf: z.string(),
  findings: z.array(apiFinding),
});

/** /api/index.json */
export const indexApi = z.object({ issues: z.array(issueSummary), documents: z.array(documentSummary) });

/** /api/report.json (src/ingest/emit/report.ts) */
export const reportApi = z.object({
  sources: z.array(z.object({ file: z.string(), sha256, bytes: z.number().int(), kind: sourceKind.nullable(), documents: z.number().int(), error: z.string().nullable() })),
  counts: z.object({ bySeverity: z.record(severity, z.number().int()), byKind: z.record(z.string(), z.number().int()) }),
  files: z.array(z.object({ file: z.string(), findings: z.array(finding) })),
  ledger: z.array(
    z.object({
      file: z.string(),
      kind: sourceKind,
      authoritative: z.boolean(),
      sourceChars: z.number().int(),
      published: z.number().int(),
      collated: z.number().int(),
      removed: z.record(z.string(), z.number().int()),
      unaccounted: z.number().int(),
      invented: z.number().int(),
    }),
  ),
});

/** /api/manifest.json: what a mirror checks its copy against. */
export const manifestApi = z.object({
  hash: z.object({ algorithm: z.literal('sha256'), text: z.string() }),
  sources: z.array(z.object({ file: z.string(), bytes: z.number().int(), sha256 })),
  documents: z.array(z.object({ id: z.string(), json: z.string(), text: z.string(), textSha256: sha256 })),
  bulk: z.array(z.object({ year: z.number().int(), url: z.string(), documents: z.number().int(), bytes: z.number().int(), sha256 })),
});

/** Every API file's schema, by the name it is published under (/api/schema/<name>.json). */
export const API_SCHEMAS = { document: documentApi, issue: issueApi, index: indexApi, report: reportApi, manifest: manifestApi } as const;

export type DocumentApi = z.infer<typeof documentApi>;
export type IssueApi = z.infer<typeof issueApi>;
export type ManifestApi = z.infer<typeof manifestApi>;
export type ReadingDecision = z.infer<typeof readingDecision>;
export type DecidedReading = z.infer<typeof decidedReading>;
