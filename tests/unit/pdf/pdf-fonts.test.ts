import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { plainCidFonts } from '../../../src/pdf/pdf-fonts.ts';

const CMAP = '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfchar\n<0003> <5409>\n<0004> <6797>\nendbfchar\nendcmap\n';
const EMPTY_CMAP = '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\nendcmap\n';

/** A stream object body, Flate-compressed as Chromium writes it. */
const stream = (data: string): string => {
  const packed = deflateSync(Buffer.from(data, 'latin1')).toString('latin1');
  return `<</Filter /FlateDecode\n/Length ${packed.length}>> stream\n${packed}\nendstream`;
};

/** A PDF laid out as Chromium writes one: numbered objects, a classic xref table, the trailer. */
function pdf(objects: Record<number, string>, trailer = '/Root 1 0 R'): Uint8Array {
  let out = '%PDF-1.4\n';
  const size = Math.max(...Object.keys(objects).map(Number)) + 1;
  const offsets: (number | null)[] = Array.from({ length: size }, () => null);
  for (const [n, body] of Object.entries(objects)) {
    offsets[Number(n)] = out.length;
    out += `${n} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${size}\n${offsets.map((o, i) => (o === null || i === 0 ? '0000000000 65535 f \n' : `${String(o).padStart(10, '0')} 00000 n \n`)).join('')}`;
  out += `trailer\n<</Size ${size}\n${trailer}>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}

/** Two pages: page 1 uses font 10, page 2 (resources inherited from its /Pages node) fonts 10 and 20. */
function twoPages(over: Record<number, string> = {}): Record<number, string> {
  const cidFont = (name: string, descendant: number, toUnicode: number) =>
    `<</Type /Font\n/Subtype /Type0\n/BaseFont /${name}\n/Encoding /Identity-H\n/DescendantFonts [${descendant} 0 R]\n/ToUnicode ${toUnicode} 0 R>>`;
  const descendant = (name: string, descriptor: number) =>
    `<</Type /Font\n/FontDescriptor ${descriptor} 0 R\n/BaseFont /${name}\n/Subtype /CIDFontType2\n/CIDToGIDMap /Identity\n/CIDSystemInfo <</Registry (Adobe)\n/Ordering (Identity)\n/Supplement 0>>\n/DW 1000>>`;
  const descriptor = (name: string, file: number) => `<</Type /FontDescriptor\n/FontName /${name}\n/Flags 6\n/FontBBox [7 -120 994 880]\n/FontFile2 ${file} 0 R>>`;
  return {
    1: '<</Type /Catalog\n/Pages 2 0 R>>',
    2: '<</Type /Pages\n/Count 2\n/Kids [3 0 R 5 0 R]>>',
    3: '<</Type /Page\n/Parent 2 0 R\n/Resources <</ProcSet [/PDF /Text]\n/Font <</F10 10 0 R>>>>\n/MediaBox [0 0 594.96 841.92]>>',
    5: '<</Type /Pages\n/Parent 2 0 R\n/Count 1\n/Kids [6 0 R]\n/Resources 7 0 R>>',
    6: '<</Type /Page\n/Parent 5 0 R\n/Annots [(a (nested) string >>)]\n/MediaBox [0 0 594.96 841.92]>>',
    7: '<</Font 8 0 R>>',
    8: '<</F10 10 0 R\n/F20 20 0 R>>',
    10: cidFont('AAAAAA+NotoSerifSCExtraLight-Regular', 11, 13),
    11: descendant('AAAAAA+NotoSerifSCExtraLight-Regular', 12),
    12: descriptor('AAAAAA+NotoSerifSCExtraLight-Regular', 14),
    13: stream(CMAP),
    14: stream('not really a font'),
    20: cidFont('BAAAAA+NotoSerifSCExtraLight-Bold', 21, 23),
    21: descendant('BAAAAA+NotoSerifSCExtraLight-Bold', 22),
    22: descriptor('BAAAAA+NotoSerifSCExtraLight-Bold', 24),
    23: stream(CMAP),
    24: stream('not really a font either'),
    ...over,
  };
}

describe('plainCidFonts', () => {
  it('reads embedded CID TrueType fonts and the pages that use them from the dictionaries', () => {
    expect(plainCidFonts(pdf(twoPages()))).toEqual([
      { name: 'AAAAAA+NotoSerifSCExtraLight-Regular', type: 'CID TrueType', embedded: true, unicode: true, pages: [1, 2] },
      { name: 'BAAAAA+NotoSerifSCExtraLight-Bold', type: 'CID TrueType', embedded: true, unicode: true, pages: [2] },
    ]);
  });

  it('vouches for nothing else: a font not embedded, an empty ToUnicode map, another kind of font', () => {
    expect(plainCidFonts(pdf(twoPages({ 22: '<</Type /FontDescriptor\n/FontName /BAAAAA+NotoSerifSCExtraLight-Bold\n/Flags 6>>' })))).toBeNull();
    expect(plainCidFonts(pdf(twoPages({ 23: stream(EMPTY_CMAP) })))).toBeNull();
    expect(plainCidFonts(pdf(twoPages({ 20: '<</Type /Font\n/Subtype /Type3\n/FontMatrix [0.001 0 0 0.001 0 0]>>' })))).toBeNull();
    expect(plainCidFonts(pdf(twoPages({ 20: '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica\n/Encoding /WinAnsiEncoding>>' })))).toBeNull();
    expect(plainCidFonts(pdf(twoPages({ 21: '<</Type /Font\n/Subtype /CIDFontType0\n/FontDescriptor 22 0 R>>' })))).toBeNull();
  });

  it('gives up on a structure it does not read: an update, an xref stream, a broken page tree', () => {
    expect(plainCidFonts(pdf(twoPages(), '/Root 1 0 R\n/Prev 9'))).toBeNull();
    const good = Buffer.from(pdf(twoPages())).toString('latin1');
    expect(plainCidFonts(Buffer.from(good.replace(/startxref\n\d+/, 'startxref\n9'), 'latin1'))).toBeNull();
    expect(plainCidFonts(Buffer.from(good.replace(/%%EOF$/, ''), 'latin1'))).toBeNull();
    expect(plainCidFonts(pdf(twoPages({ 2: '<</Type /Pages\n/Count 2\n/Kids [3 0 R 4 0 R]>>' })))).toBeNull();
  });

  it('counts a page without fonts as a page', () => {
    const objects = twoPages({ 3: '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 594.96 841.92]>>' });
    expect(plainCidFonts(pdf(objects))?.map((f) => [f.name, f.pages])).toEqual([
      ['AAAAAA+NotoSerifSCExtraLight-Regular', [2]],
      ['BAAAAA+NotoSerifSCExtraLight-Bold', [2]],
    ]);
  });
});
