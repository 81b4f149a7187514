/**
 * What a reader of a page sees or hears, checked for English and for source file names (issue 19, point 1).
 *
 * Read: the text of the page outside <script>, <style>, <template>, <code>, <pre>, <kbd> and <samp>, and the
 * attributes a screen reader speaks (aria-label, alt, title) — a source file name is looked for in <code> too,
 * since that is where it used to stand.
 *
 * An English sentence: three or more ASCII words in a row (a word starts with a letter: 「5G」「2025年」 and
 * numbers are not words; jl.gov.cn is one), separated by spaces with ,;:!?'"()– beside them, once URLs and
 * e-mail addresses are taken out.
 * 「科研机构 and 科研人员」 (one word), 「ISSN 1009-0827」「CN 22-1001/D」「PDF A4」 (two) pass; 「Text reproduced
 * from the printed gazette」 does not.
 *
 * A source file name: `content/sources/`, or the name of a file in content/sources with or without its
 * extension (000_0e00a8da3e3bc271). The canonical text download (jzbf-2022-26.txt) is not a source.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

const SKIPPED = new Set(['script', 'style', 'template', 'code', 'pre', 'kbd', 'samp']);
const SPOKEN = ['ariaLabel', 'alt', 'title'] as const;

const URLS = /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\w+/g;
const WORD = "[A-Za-z][A-Za-z0-9'’&./-]*";
const GAP = `[,;:!?"'()–]*\\s+[,;:!?"'()–]*`;
const ENGLISH = new RegExp(`(?<![A-Za-z0-9])${WORD}(?:${GAP}${WORD}){2,}`, 'g');

export interface PageText {
  /** Text a reader sees or hears, outside code. */
  prose: string[];
  /** All of it, code included (for file names). */
  all: string[];
}

export function pageText(html: string): PageText {
  const prose: string[] = [];
  const all: string[] = [];
  const walk = (node: Nodes, inCode: boolean): void => {
    if (node.type === 'text') {
      all.push(node.value);
      if (!inCode) prose.push(node.value);
      return;
    }
    if (node.type === 'element') {
      const e = node as Element;
      if (e.tagName === 'script' || e.tagName === 'style' || e.tagName === 'template') return;
      for (const a of SPOKEN) {
        const v = e.properties[a];
        if (typeof v === 'string') {
          all.push(v);
          if (!inCode) prose.push(v);
        }
      }
      const code = inCode || SKIPPED.has(e.tagName);
      for (const c of e.children) walk(c, code);
      return;
    }
    if ('children' in node) for (const c of node.children) walk(c, inCode);
  };
  walk(fromHtml(html), false);
  return { prose, all };
}

/** Runs of three or more ASCII words in the prose of a page. */
export function englishSentences(text: PageText): string[] {
  return text.prose.flatMap((t) => [...t.replace(URLS, ' ').matchAll(ENGLISH)].map((m) => m[0].trim()));
}

/** The source file names a page shows. */
export function sourceNames(text: PageText, files: readonly string[]): string[] {
  const names = files.flatMap((f) => [f, f.replace(/\.[^.]+$/, '')]);
  const joined = text.all.join('\n');
  return [...(joined.includes('content/sources/') ? ['content/sources/'] : []), ...names.filter((n) => joined.includes(n))];
}
