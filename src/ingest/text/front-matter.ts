/** YAML front matter of Markdown sources, its syntax recorded in the ledger. */
import { parse as parseYaml } from 'yaml';
import type { Removal } from '../../gazette/model.ts';
import { isBlank, type Line } from './lines.ts';
import { leftover, remove } from './removals.ts';

/** YAML front matter (`---` … `---` at the top, blank lines before it allowed). */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** The lines from the opening to the closing fence, both included. */
  lines: Line[];
}

export function findFrontMatter(lines: Line[]): FrontMatter | null {
  let open = 0;
  while (open < lines.length && isBlank(lines[open]!.text)) open++;
  if (lines[open]?.text.trim() !== '---') return null;
  const close = lines.findIndex((l, i) => i > open && l.text.trim() === '---');
  if (close < 0) return null;
  const block = lines.slice(open, close + 1);
  const parsed: unknown = parseYaml(block.slice(1, -1).map((l) => l.text).join('\n'));
  const data = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { data, lines: block };
}

/**
 * Front matter → string metadata with the keys as printed (lists joined with 、), and the YAML
 * syntax of every line (fences, `:`, quotes, `- `) recorded in the ledger.
 */
export function frontMatterMeta(fm: FrontMatter, removals: Removal[]): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(fm.data)) {
    if (value === null || value === undefined) continue;
    // A YAML list's items joined by a space: a 、 would be a character the source never printed.
    meta[key] = Array.isArray(value) ? value.map(String).join(' ') : String(value);
  }
  for (const l of fm.lines) {
    const t = l.text.trim();
    const entry = /^([^:#\-\s][^:]*?)\s*:\s*(.*)$/.exec(t);
    const item = /^-\s+(.*)$/.exec(t);
    const published = entry ? [entry[1]!, unquote(entry[2]!)] : item ? [unquote(item[1]!)] : [];
    remove(removals, l.line, leftover(t, published), t === '---' ? 'front matter delimiter' : 'front matter syntax');
  }
  return meta;
}

const unquote = (s: string): string => s.trim().replace(/^(['"])(.*)\1$/, '$2');
