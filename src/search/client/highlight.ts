/**
 * The searched words marked on the clause a result lands on (issue 19, point 9): a result's clause link carries
 * the words its excerpt marks (`?hl=…`, space-separated), and the document page marks them in the clause the
 * link's #id names (src/search/client/landing.ts, the DOM side). Pure.
 */
import { phraseOccurrences } from '../phrase.ts';
import type { SubResult } from './query.ts';

export const HIGHLIGHT_PARAM = 'hl';

/** The words a sub-result's excerpt marks, each once (a matched phrase is one marked run). */
export function markedWords(sub: Pick<SubResult, 'excerpt'>): string[] {
  return [...new Set(sub.excerpt.filter((s) => s.mark).map((s) => s.text.trim()))].filter(Boolean);
}

/** A result link with the words to mark: ?hl=… before the #clause. */
export function highlightHref(url: string, words: readonly string[]): string {
  if (!words.length) return url;
  const [path = '', hash] = url.split('#');
  const q = new URLSearchParams({ [HIGHLIGHT_PARAM]: words.join(' ') }).toString();
  return `${path}${path.includes('?') ? '&' : '?'}${q}${hash === undefined ? '' : `#${hash}`}`;
}

/** The words a page was asked to mark (its query string). */
export function highlightWords(search: string): string[] {
  return (new URLSearchParams(search).get(HIGHLIGHT_PARAM) ?? '').split(/\s+/).filter(Boolean);
}

/** [start, end) ranges of `text` holding any of the words (compared folded), sorted, overlaps joined. */
export function markRanges(text: string, words: readonly string[]): [number, number][] {
  const all = words.flatMap((w) => phraseOccurrences(text, w)).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const [s, e] of all) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
