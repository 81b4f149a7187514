/**
 * 校勘决定 applied where the site reads the documents (src/site/content.ts), so the page, the print view and its
 * PDF, the API, the canonical text and the search index publish one text. The model keeps the printed text
 * (the ledger accounts for every printed character); a page shows the decided reading with a note giving the
 * printed one. A collation note (校勘记) the decision settles is dropped — the decision note says what the
 * copies read — and every other difference stays a collation note, undecided. Pure.
 */
import { allBlocks } from '../gazette/blocks.ts';
import { differingSpan } from '../gazette/collation.ts';
import type { Block, GazetteDocument, Variant } from '../gazette/model.ts';
import type { DecidedReading, ReadingDecision as Decision } from '../gazette/schema.ts';

/** A decision as applied to one document (the record also names the document: content/editorial/readings.json). */
export type ReadingDecision = Omit<Decision, 'document'>;
export type { DecidedReading };

type Readable = Pick<GazetteDocument, 'id' | 'body' | 'attachments' | 'variants'>;

const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

function mapClauses(blocks: Block[], fn: (b: Block) => Block): Block[] {
  return blocks.map((b) => {
    const mapped = fn(b);
    return mapped.type === 'clause' ? { ...mapped, children: mapClauses(mapped.children, fn) } : mapped;
  });
}

function clauseText(doc: Readable, id: string): string | null {
  for (const b of allBlocks(doc)) if (b.type === 'clause' && b.id === id) return b.text;
  return null;
}

/**
 * The document as published after the editors' decisions, and the decisions with the copies they follow.
 * A decision whose clause is missing, or whose printed reading does not occur exactly once in the clause's
 * text, is an error: the build stops rather than publish a decision that is not applied.
 */
export function applyReadings<D extends Readable>(doc: D, decisions: readonly ReadingDecision[]): { doc: D; readings: DecidedReading[] } {
  if (decisions.length === 0) return { doc, readings: [] };
  const settled = new Set<Variant>();
  const readings = decisions.map((r): DecidedReading => {
    const text = clauseText(doc, r.clause);
    const where = `content/editorial/readings.json（${r.id}）`;
    if (text === null) throw new Error(`${where}：《${doc.id}》没有条款 ${r.clause}`);
    if (count(text, r.printed) !== 1) throw new Error(`${where}：「${r.printed}」在条款 ${r.clause} 中出现 ${count(text, r.printed)} 次，须恰好一次`);
    const from = text.indexOf(r.printed);
    const to = from + r.printed.length;
    const copies = doc.variants.filter((v) => {
      const span = v.clause === r.clause ? differingSpan(text, v) : null;
      const hit = span !== null && from <= span[0] && span[1] <= to;
      if (hit) settled.add(v);
      return hit;
    });
    return { ...r, copies: copies.flatMap((v) => [v.file, ...v.alsoIn]) };
  });
  const byClause = new Map(readings.map((r) => [r.clause, r]));
  const apply = (b: Block): Block => {
    if (b.type !== 'clause') return b;
    let { title, text } = b;
    for (const r of readings) {
      if (r.clause !== b.id) continue;
      text = text.replace(r.printed, r.decided);
      if (title?.includes(r.printed)) title = title.replace(r.printed, r.decided);
    }
    return byClause.has(b.id) ? { ...b, title, text } : b;
  };
  return {
    doc: {
      ...doc,
      body: mapClauses(doc.body, apply),
      attachments: doc.attachments.map((a) => ({ ...a, body: mapClauses(a.body, apply) })),
      variants: doc.variants.filter((v) => !settled.has(v)),
    },
    readings,
  };
}
