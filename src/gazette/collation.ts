/**
 * 校勘记 in the customary form: the standard text's whole phrase and the copies' reading of the same phrase,
 * 「大企业」，网络转载本、百科繁体本作「大企」。 A variant (model.ts) carries a window of a dozen characters
 * cut anywhere (「态的重点难点问题，全力推」); the phrase is found in the block's text, from the punctuation
 * before the difference to the punctuation after it. Pure.
 */
import type { Variant } from './model.ts';
import { SOURCE_LABEL } from './sources.ts';
import { toMatchForm } from './width.ts';

/** Characters that bound a phrase: Chinese and Western punctuation, brackets, quotes and spaces. */
const BOUNDARY = /[\s，。；：、！？,.;:!?（）()〔〕[\]“”‘’"'「」『』《》〈〉—…·]/u;

/** Two characters that differ only in width or quote form (，and , ; （ and ( ) read alike. */
const alike = (a: string | undefined, b: string | undefined): boolean => a === b || (a !== undefined && b !== undefined && toMatchForm(a) === toMatchForm(b));

/**
 * Where two readings differ: the length of their common start and common end (width-insensitive), so that
 * a[start .. a.length - end] stands against b[start .. b.length - end].
 */
export function difference(a: string, b: string): { start: number; end: number } {
  const chars = (s: string) => [...s];
  const x = chars(a);
  const y = chars(b);
  let start = 0;
  while (start < x.length && start < y.length && alike(x[start], y[start])) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && alike(x[x.length - 1 - end], y[y.length - 1 - end])) end++;
  // In UTF-16 units, for slicing: the readings' characters before the common end may be astral.
  return { start: x.slice(0, start).join('').length, end: x.slice(x.length - end).join('').length };
}

/** Where the variant's authoritative reading differs from the copy, as offsets into `text`; null if not found. */
export function differingSpan(text: string, v: Pick<Variant, 'authoritative' | 'copy'>): [number, number] | null {
  const at = text.indexOf(v.authoritative);
  if (at < 0) return null;
  const { start, end } = difference(v.authoritative, v.copy);
  return [at + start, at + v.authoritative.length - end];
}

export interface CollationReading {
  /** The standard text's phrase, as published. */
  standard: string;
  /** The copies' reading of the same phrase. */
  copy: string;
}

/**
 * The whole phrase of `text` in which the variant differs, and the copies' reading of it. Where the window
 * is not found in the text (a reading decision changed it), the window itself, trimmed to whole phrases
 * where it has punctuation inside.
 */
export function collationReading(text: string, v: Pick<Variant, 'authoritative' | 'copy'>): CollationReading {
  const { start: pre, end: post } = difference(v.authoritative, v.copy);
  const copyDiff = v.copy.slice(pre, v.copy.length - post);
  const found = text.indexOf(v.authoritative);
  const hay = found >= 0 ? text : v.authoritative;
  const at = found >= 0 ? found : 0;
  const from = at + pre;
  const to = at + v.authoritative.length - post;
  let s = from;
  while (s > 0 && !BOUNDARY.test(hay[s - 1] ?? '')) s--;
  let e = to;
  while (e < hay.length && !BOUNDARY.test(hay[e] ?? '')) e++;
  const standard = hay.slice(s, e);
  // Nothing but punctuation around the difference: the window says more than an empty phrase.
  if (standard === '') return { standard: v.authoritative, copy: v.copy };
  return { standard, copy: hay.slice(s, from) + copyDiff + hay.slice(to, e) };
}

/**
 * The note as printed beside the text: 「X」，网络转载本、百科繁体本作「Y」，以公报印刷版为准。 Where the standard text
 * is itself a copy (a document the gazette did not print), the note says which copy the site follows.
 */
export function collationSentence(n: CollationReading & { copies: string; authority: string }): string {
  const gazette = SOURCE_LABEL['gazette-dump'];
  const rule = n.authority === gazette ? `以${gazette}为准` : n.authority ? `本站从${n.authority}` : '';
  return `「${n.standard}」，${n.copies || '副本'}作「${n.copy}」${rule ? `，${rule}` : ''}。`;
}
