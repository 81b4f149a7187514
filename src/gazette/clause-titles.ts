/**
 * Sub-result titles for search: each clause container carries `data-pagefind-title` with its citation
 * path and its title, e.g. 「二、（二）营造优良科技人才生态」 or 「二、（三）11. 突显关键技术要素」, so a search
 * result names the clause it lands on exactly as a citation would (README, "Search").
 */
import type { Attachment, Block, ClauseBlock } from './model.ts';
import { DIVISION_LEVELS, LEGAL_LEVELS } from './model.ts';
import { citationLabel } from './blocks.ts';

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

/**
 * A legal norm's clauses are titled by citation alone, after the chapter they stand in: 「第三条」,
 * 「第三章 第十二条第二款」; a division by its label and title: 「第五章 第一节 风险管理」.
 */
function collect(blocks: Block[], prefix: string, out: Map<string, string>, division = ''): void {
  for (const b of blocks) {
    if (b.type !== 'clause') continue;
    if (DIVISION_LEVELS.has(b.level)) {
      const label = `${division}${citationLabel(b)}`;
      out.set(b.id, [label, b.title].filter(Boolean).join(' '));
      collect(b.children, '', out, `${label} `);
      continue;
    }
    const path = `${prefix}${citationLabel(b)}`;
    out.set(b.id, LEGAL_LEVELS.has(b.level) ? `${division}${path}` : joinTitle(path, clauseHeadline(b)));
    collect(b.children, path, out, division);
  }
}

/** Clause id (and attachment id) → sub-result title, for one document. */
export function clauseTitles(doc: { body: Block[]; attachments: Attachment[] }): Map<string, string> {
  const out = new Map<string, string>();
  collect(doc.body, '', out);
  for (const a of doc.attachments) {
    out.set(a.id, `${a.label} ${a.title}`.trim());
    collect(a.body, '', out);
  }
  return out;
}
