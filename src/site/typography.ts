/**
 * The typographic normalisation of the reading page (src/gazette/width.ts, fullWidthPunctuation): half-width
 * punctuation between Chinese characters is shown full-width. The document page reports it once, with the
 * count; the API, the .txt export and the ledger keep the source's characters.
 */
import type { Block, GazetteDocument } from '../gazette/model.ts';
import { allBlocks } from '../gazette/blocks.ts';
import { fullWidthPunctuation, widenedCount } from '../gazette/width.ts';

/** A text as the page shows it. */
export const shownText = (s: string): string => fullWidthPunctuation(s);

/** A printed label as the page shows it: 「(一)」 and 「(1)」 in the brackets the outline and citations use, 「（一）」. */
export const shownLabel = (label: string): string => label.replace(/^\s*\(([^()]+)\)/, '（$1）');

const labelCount = (label: string): number => (shownLabel(label) === label ? 0 : 2);

const blockTexts = (b: Block): string[] => (b.type === 'table' ? [] : b.type === 'entry' ? [b.text, b.printedDate ?? ''] : [b.text]);

/** How many characters the page shows full-width in a document's title, notice and body (labels included). */
export function widenedInDocument(doc: Pick<GazetteDocument, 'title' | 'planTitle' | 'addressees' | 'notice' | 'body' | 'attachments'>): number {
  const blocks = allBlocks(doc);
  const texts = [doc.title, doc.planTitle ?? '', doc.addressees ?? '', doc.notice ?? '', ...doc.attachments.map((a) => a.title), ...blocks.flatMap(blockTexts)];
  const labels = blocks.flatMap((b) => (b.type === 'clause' ? [labelCount(b.label)] : []));
  return texts.reduce((n, t) => n + widenedCount(t.replaceAll('\n', '')), 0) + labels.reduce((n, k) => n + k, 0);
}
