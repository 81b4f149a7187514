/**
 * Helpers shared by the source adapters: lines, dates, removals (the character ledger), document defaults.
 * Adapters are pure: they receive `{ file, text }` and return data; nothing here does I/O.
 */
import { parse as parseYaml } from 'yaml';
import type { DocumentKind, Removal, SourceDocument, SourceKind } from '../../gazette/model.ts';

export interface SourceInput {
  file: string;
  text: string;
}

/** A source an adapter cannot read: the message, in Chinese, names the file and the line. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    what: string,
  ) {
    super(`${file} 第${line}行：${what}`);
    this.name = 'SourceError';
  }
}

/** A line of a source with its 1-based number. */
export interface Line {
  line: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  return text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }));
}

/** Offsets → 1-based line numbers, for parsers that work on positions (HTML). */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** JS `\s` covers ASCII whitespace, U+00A0 and U+3000: the ledger ignores all of them. */
export const isBlank = (s: string): boolean => /^\s*$/.test(s);

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

const DATE_CN = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_ISO = /(\d{4})-(\d{1,2})-(\d{1,2})/;

/** ISO yyyy-mm-dd from 「2022年8月12日」「2022 年 8 月 12 日」「2021年04月16日」「2021-04-13」. */
export function isoDate(printed: string | null | undefined): string | null {
  if (!printed) return null;
  const m = DATE_CN.exec(printed) ?? DATE_ISO.exec(printed);
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** A line that is nothing but a date, as in a 落款: 「2022年8月12日」. */
export const isDateLine = (s: string): boolean => /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(s.trim());

const KIND_SUFFIXES: [RegExp, DocumentKind][] = [
  [/通知$/, '通知'],
  [/意见$/, '意见'],
  [/意見$/, '意见'],
  [/方案$/, '方案'],
  [/决定$/, '决定'],
  [/決定$/, '决定'],
  [/办法$/, '办法'],
  [/辦法$/, '办法'],
  [/规定$/, '规定'],
  [/規定$/, '规定'],
  [/条例$/, '条例'],
  [/條例$/, '条例'],
  [/批复$/, '批复'],
  [/批覆$/, '批复'],
  [/通告$/, '通告'],
  [/公告$/, '公告'],
  [/简报$/, '简报'],
  [/函$/, '函'],
];

/** Document kind (文种) from the end of the title; a trailing （七）-style part number is ignored. */
export function kindFromTitle(title: string): DocumentKind {
  const t = title.replace(/[（(][^（）()]*[）)]$/, '');
  for (const [re, kind] of KIND_SUFFIXES) if (re.test(t)) return kind;
  return '其他';
}

/** Issuers named at the head of a title, 「最高人民法院、最高人民检察院关于…」 → both; none without 关于. */
export function issuersFromTitle(title: string): string[] {
  const at = title.search(/关于|關於/);
  if (at <= 0) return [];
  return title
    .slice(0, at)
    .split(/[、\s]+/)
    .filter(Boolean);
}

export function emptyDocument(file: string, sourceKind: SourceKind, title: string, span: { from: number; to: number }): SourceDocument {
  return {
    file,
    sourceKind,
    title,
    printedTitle: title,
    docNumber: null,
    issuers: [],
    addressees: null,
    notice: null,
    signature: { issuer: null, date: null, source: null },
    date: null,
    kind: kindFromTitle(title),
    planTitle: null,
    body: [],
    attachments: [],
    page: null,
    meta: {},
    span,
  };
}

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

/** The text with the given lines blanked (newlines kept), so offsets and line numbers still match the file. */
export function blankLines(text: string, lines: Line[]): string {
  const drop = new Set(lines.map((l) => l.line));
  return text
    .split('\n')
    .map((t, i) => (drop.has(i + 1) ? t.replace(/[^\r]/g, ' ') : t))
    .join('\n');
}
