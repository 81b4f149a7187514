/**
 * What a feed entry says of a document (src/pages/feed.xml.ts): 发文字号, issuer, date and the first sentence
 * of its text — the notice (「现将《…》印发给你们，请认真贯彻执行。」) when it has one, else its first paragraph,
 * clause or entry — so that a feed reader shows what the document is without opening it.
 */
import { walkBlocks } from '../gazette/blocks.ts';
import type { Block } from '../gazette/model.ts';
import { chineseDate } from '../gazette/format.ts';

export interface FeedDocument {
  docNumber: { normalized: string } | null;
  issuers: string[];
  date: string | null;
  notice: string | null;
  body: Block[];
}

/** Longest first sentence quoted whole; a longer one is cut at this many characters with 「……」. */
const SENTENCE = 120;

/** The first sentence of a text: up to its first 。！？ (or the whole text), trimmed. */
export function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const end = /[。！？]/u.exec(t);
  const s = end ? t.slice(0, end.index + 1) : t;
  return Array.from(s).length > SENTENCE ? `${Array.from(s).slice(0, SENTENCE).join('')}……` : s;
}

function firstText(blocks: Block[]): string {
  for (const b of walkBlocks(blocks)) {
    const text = b.type === 'table' ? '' : b.text;
    if (text.trim()) return text;
  }
  return '';
}

export function documentSummary(d: FeedDocument): string {
  const sentence = firstSentence(d.notice ?? firstText(d.body));
  return [d.docNumber?.normalized, d.issuers.join('、'), chineseDate(d.date), sentence].filter(Boolean).join(' · ');
}
