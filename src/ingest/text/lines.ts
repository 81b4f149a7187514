/**
 * A source as lines: the input every adapter receives, its 1-based lines, and the error that names
 * file and line when a source cannot be read.
 */
import { lastAtOrBefore } from '../../gazette/sorted.ts';

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
  return (offset) => lastAtOrBefore(starts, offset) + 1;
}

/** JS `\s` covers ASCII whitespace, U+00A0 and U+3000: the ledger ignores all of them. */
export const isBlank = (s: string): boolean => /^\s*$/.test(s);

/** The text with the given lines blanked (newlines kept), so offsets and line numbers still match the file. */
export function blankLines(text: string, lines: Line[]): string {
  const drop = new Set(lines.map((l) => l.line));
  return text
    .split('\n')
    .map((t, i) => (drop.has(i + 1) ? t.replace(/[^\r]/g, ' ') : t))
    .join('\n');
}
