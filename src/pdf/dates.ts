/**
 * Chromium stamps every PDF with the render time (/CreationDate, /ModDate), the only thing that made two builds
 * of the same inputs differ. The stamps are rewritten in place with a fixed date of the same length, so the
 * PDF's byte offsets (its xref table) stay valid.
 */
const STAMP = /\/(CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)/g;

export function fixPdfDates(pdf: Buffer, date = '20000101000000'): Buffer {
  const text = pdf.toString('latin1');
  const fixed = text.replace(STAMP, (whole, _key: string, stamp: string, zone: string) =>
    whole.replace(`D:${stamp}${zone}`, `D:${date.slice(0, stamp.length)}${zone.replace(/\d/g, '0')}`),
  );
  return fixed === text ? pdf : Buffer.from(fixed, 'latin1');
}
