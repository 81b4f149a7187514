/**
 * The text of a document's published body, rebuilt from the model or the JSON API alone (both have the
 * same blocks): one line per block in the order the page shows them — notice (addressees, notice,
 * 落款), plan title, every block (a clause as label + text, a table row as its cells joined by tabs, an
 * entry as printed date + text), attachments (label, title, body). The page's body text equals it
 * (tests/build/open-data.test.ts), and its canonical form is what the manifest hashes (README, "Data").
 */
import type { Attachment, Block } from '../../gazette/model.ts';
import { sha256Hex } from '../../gazette/hash.ts';

export interface TextSource {
  title: string;
  addressees: string | null;
  notice: string | null;
  signature: { issuer: string | null; date: string | null };
  planTitle: string | null;
  body: Block[];
  attachments: Pick<Attachment, 'label' | 'title' | 'body'>[];
}

/** As the page prints text (components/body/Body.astro): a source line break is layout; U+0000 cannot be published. */
export const plain = (s: string): string => s.replaceAll('\n', '').replaceAll('\0', '\uFFFD').trim();

/** 「1.」 then 「5G…」 keeps its printed gap, as on the page. */
export const clauseGap = (label: string, text: string): string => (/[.．]$/.test(label.trim()) && /^[0-9A-Za-z０-９]/.test(text.trim()) ? ' ' : '');

function blockLines(blocks: Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'clause':
        return [`${b.label.trim()}${clauseGap(b.label, b.text)}${plain(b.text)}`, ...blockLines(b.children)];
      case 'table': {
        const { caption, header, rows } = b.table;
        return [...(caption ? [plain(caption)] : []), ...[...header, ...rows].map((r) => r.cells.map((c) => plain(c.text)).join('\t'))];
      }
      case 'entry':
        return [`${b.printedDate ? `${plain(b.printedDate)} ` : ''}${plain(b.text)}`];
      default:
        return plain(b.text) ? [plain(b.text)] : [];
    }
  });
}

/** The body's lines, without the title (what the page's body shows). */
export function bodyLines(doc: Omit<TextSource, 'title'>): string[] {
  const notice = doc.addressees || doc.notice ? [doc.addressees, doc.notice, doc.signature.issuer, doc.signature.date] : [];
  return [
    ...notice.flatMap((t) => (t ? [plain(t)] : [])),
    ...(doc.planTitle ? [plain(doc.planTitle)] : []),
    ...blockLines(doc.body),
    ...doc.attachments.flatMap((a) => [plain(a.label), plain(a.title), ...blockLines(a.body)]),
  ];
}

// A build asks for a document's text four times (its page, .txt, API entry and the manifest): made once each.
const texts = new WeakMap<TextSource, { text: string; sha256?: string }>();
function made(doc: TextSource): { text: string; sha256?: string } {
  let m = texts.get(doc);
  if (!m) texts.set(doc, (m = { text: `${[plain(doc.title), ...bodyLines(doc)].join('\n')}\n`.normalize('NFC') }));
  return m;
}

/** The canonical text: title, then the body's lines, LF-joined with a final LF, Unicode NFC. */
export const canonicalText = (doc: TextSource): string => made(doc).text;

/** The SHA-256 of the canonical text (hex), which the page, the API and the manifest give. */
export function textSha256(doc: TextSource): string {
  const m = made(doc);
  return (m.sha256 ??= sha256Hex(m.text));
}
