/**
 * Sub-result titles for search: each clause container carries `data-pagefind-title` with its citation
 * path and its title, e.g. 「二、（二）营造优良科技人才生态」 or 「二、（三）11. 突显关键技术要素」, so a search
 * result names the clause it lands on exactly as a citation would (README, "Search").
 */
import type { Attachment, Block, ClauseBlock } from './model.ts';
import { flatOutline, outline, walkBlocks } from './blocks.ts';

const MAX = 30;

/** The heading-like title without its closing 。, or the first sentence of the text, shortened. */
export function clauseHeadline(c: Pick<ClauseBlock, 'title' | 'text'>): string {
  const raw = (c.title ?? c.text.split('。')[0] ?? '').trim().replace(/[。；;，,：:]$/, '');
  return raw.length > MAX ? `${raw.slice(0, MAX - 1)}…` : raw;
}

/** 「二、」+「重点任务」 → 「二、重点任务」; 「二、（三）11.」+「突显…」 → 「二、（三）11. 突显…」 (a space only after a Western full stop). */
export function joinTitle(path: string, headline: string): string {
  if (!headline) return path;
  return /\.$/.test(path) ? `${path} ${headline}` : `${path}${headline}`;
}

/** Every clause of `blocks` → its citation path and headline (the paths of src/gazette/blocks.ts outline). */
function collect(blocks: Block[], out: Map<string, string>): void {
  const clauses = new Map<string, ClauseBlock>();
  for (const b of walkBlocks(blocks)) if (b.type === 'clause') clauses.set(b.id, b);
  for (const n of flatOutline(outline(blocks))) {
    const c = clauses.get(n.id);
    if (c) out.set(n.id, joinTitle(n.path, clauseHeadline(c)));
  }
}

/** Clause id (and attachment id) → sub-result title, for one document. */
export function clauseTitles(doc: { body: Block[]; attachments: Attachment[] }): Map<string, string> {
  const out = new Map<string, string>();
  collect(doc.body, out);
  for (const a of doc.attachments) {
    out.set(a.id, `${a.label} ${a.title}`.trim());
    collect(a.body, out);
  }
  return out;
}
