/**
 * What makes two renders of the same inputs differ, rewritten in place with values of the same length, so the
 * PDF's byte offsets (its xref table) stay valid:
 *
 * - the render time Chromium stamps every PDF with (/CreationDate, /ModDate): a fixed date;
 * - the DOM node ids a tagged PDF names table header cells by (/ID (node00000192), /Headers [(node…)]): they
 *   come from a counter shared by every page the renderer process holds, so they depend on what else was
 *   rendered at the same time. They are renumbered 0, 1, 2 … in their own order (so the /IDTree stays sorted).
 */
const STAMP = /\/(CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)/g;
const NODE_ID = /\(node(\d+)\)/g;

export function fixPdfDates(pdf: Buffer, date = '20000101000000'): Buffer {
  const text = pdf.toString('latin1');
  const fixed = text.replace(STAMP, (whole, _key: string, stamp: string, zone: string) =>
    whole.replace(`D:${stamp}${zone}`, `D:${date.slice(0, stamp.length)}${zone.replace(/\d/g, '0')}`),
  );
  return fixed === text ? pdf : Buffer.from(fixed, 'latin1');
}

export function fixPdfNodeIds(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const ids = [...new Set([...text.matchAll(NODE_ID)].map((m) => m[1] ?? ''))].sort((a, b) => Number(a) - Number(b));
  // The k-th smallest of distinct non-negative ids is at least k: the new number never needs more digits.
  const renumbered = new Map(ids.map((id, k) => [id, String(k).padStart(id.length, '0')]));
  const fixed = text.replace(NODE_ID, (_whole, id: string) => `(node${renumbered.get(id) ?? id})`);
  return fixed === text ? pdf : Buffer.from(fixed, 'latin1');
}

/** The PDF as the same inputs always give it. */
export const stablePdf = (pdf: Buffer): Buffer => fixPdfNodeIds(fixPdfDates(pdf));
