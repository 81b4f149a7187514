/** Shared by the reconcile-*.test.ts files: the seeds parsed by the real adapters, and hand-made documents. */
import type { Block, SourceDocument, SourceKind, SourceParse } from '../../../src/gazette/model.ts';
import { reconcile } from '../../../src/ingest/reconcile/index.ts';
import type { Witness } from '../../../src/ingest/reconcile/variants.ts';
import { emptyDocument } from '../../../src/ingest/structure/document.ts';
import { parseSource } from '../../../src/ingest/sources/index.ts';
import { buildBody } from '../../../src/ingest/structure/clauses.ts';
import { parseDocumentNumber } from '../../../src/gazette/doc-number.ts';
import { SEEDS, seed } from './sources-fixtures.ts';
import { SEED_ISSUERS, SEED_READER } from '../../support/seed-gazette.ts';

export const F000 = 'content/sources/000_0e00a8da3e3bc271.txt';
export const F001 = 'content/sources/001_2dbcd8b680e63142.txt';
export const F002 = 'content/sources/002_51f41672fcbbe418.txt';
export const F003 = 'content/sources/003_49b82304a1133bd7.txt';
export const F004 = 'content/sources/004_e163b0431eceb10c.txt';

export const seedParses = (): SourceParse[] => Object.values(SEEDS).map((name) => parseSource(seed(name), SEED_READER));

let reconciled: ReturnType<typeof reconcile> | null = null;
/** The real seeds through the real adapters and reconcile, computed once per test file. */
export function seedResult(): ReturnType<typeof reconcile> {
  reconciled ??= reconcile(seedParses(), SEED_ISSUERS);
  return reconciled;
}

export const seedDocument = (id: string) => {
  const d = seedResult().documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}`);
  return d;
};

export interface HandMade {
  file: string;
  kind?: SourceKind;
  title: string;
  /** Body paragraphs, one per line from line 10 on; labels make clauses. */
  body?: string[];
  number?: string;
  issuer?: string;
  date?: string;
  planTitle?: string;
}

/** A SourceDocument as an adapter would build it: body paragraphs on lines 10, 11, … */
export function handMade(h: HandMade): SourceDocument {
  const body = h.body ?? [];
  const blocks: Block[] = buildBody(body.map((text, i) => ({ kind: 'text', text, source: { file: h.file, line: 10 + i } })), { file: h.file }).blocks;
  return {
    ...emptyDocument(h.file, h.kind ?? 'government-web', h.title, { from: 1, to: 10 + body.length }),
    docNumber: h.number ? parseDocumentNumber(h.number) : null,
    issuers: h.issuer ? [h.issuer] : [],
    signature: { issuer: h.issuer ?? null, date: null, source: h.issuer ? { file: h.file, line: 5 } : null },
    date: h.date ?? null,
    planTitle: h.planTitle ?? null,
    body: blocks,
    lines: { title: 1, issuer: 4 },
  };
}

export function parseOf(...documents: SourceDocument[]): SourceParse {
  const first = documents[0]!;
  return { file: first.file, kind: first.sourceKind, meta: {}, issue: null, documents, findings: [], removals: [] };
}

export const witness = (doc: SourceDocument, traditional = false): Witness => ({ doc, traditional, line: (part) => doc.lines?.[part] ?? 1 });
