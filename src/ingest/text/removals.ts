/**
 * Removals: what an adapter does not publish, with the line and the reason, so the character ledger
 * (check/ledger.ts) can account for every character.
 */
import type { Removal } from '../../gazette/model.ts';
import type { Line } from './lines.ts';

/** Record that `text` (from `line`) is not published, and why. Whitespace-only text needs no entry. */
export function remove(removals: Removal[], line: number, text: string, reason: string): void {
  const t = text.trim();
  if (t) removals.push({ line, text: t, reason });
}

/**
 * What is left of `text` once the published pieces are taken out (first occurrence each, in order):
 * the syntax around metadata (`• `, `:`, quotes, `- `) that the ledger must still account for.
 */
export function leftover(text: string, published: string[]): string {
  let rest = text;
  for (const p of published) {
    if (!p) continue;
    const at = rest.indexOf(p);
    if (at >= 0) rest = `${rest.slice(0, at)} ${rest.slice(at + p.length)}`;
  }
  return rest.replace(/\s+/g, ' ').trim();
}

/** Record a metadata line: key and value are published in `meta`, the separators go to the ledger. */
export function takeMeta(meta: Record<string, string>, removals: Removal[], line: Line, key: string, value: string): void {
  meta[key] = value;
  remove(removals, line.line, leftover(line.text, [key, value]), 'metadata syntax');
}
