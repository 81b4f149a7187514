import { describe, expect, it } from 'vitest';
import { LOST_GLYPHS, describeFont, fontProblems, isA4, openPdf, pageText, type PdfFont } from '../../../src/pdf/pdf-read.ts';

/** A text item as pdfjs gives it: `size` pt at (x, y), `width` wide. */
const item = (str: string, x: number, y: number, width: number, hasEOL = false, size = 16) => ({ str, hasEOL, width, transform: [size, 0, 0, size, x, y] });

describe('pageText', () => {
  it('breaks lines where pdfjs saw a line end, and keeps spaces within a line', () => {
    expect(pageText([item('— 5 —', 468, 61, 40), item('', 111, 716, 0, true), item('二', 111, 716, 16), item('、', 127, 716, 16), item(' ', 143, 716, 4), item('工作', 147, 716, 32, true), item('任务', 111, 690, 32)])).toBe(
      '— 5 —\n二、 工作\n任务',
    );
  });

  it('puts a tab where text on one line jumps more than two characters (the TOC page number)', () => {
    // 「上台阶」 ends at x = 160; the page number sits at the right edge, x = 515.
    expect(pageText([item('上台阶', 112, 562, 48), item(' ', 160, 562, 4), item('4', 515, 562, 7, true), item('省政府文件', 112, 540, 80)])).toBe('上台阶\t4\n省政府文件');
    // A gap of two characters or less is not a column.
    expect(pageText([item('第4期', 112, 562, 48), item('2月28日', 190, 562, 60)])).toBe('第4期2月28日');
    // The same x jump on another line (no line end reported) is not a gap either.
    expect(pageText([item('甲', 112, 562, 16), item('乙', 400, 500, 16)])).toBe('甲乙');
  });
});

describe('describeFont', () => {
  it("names font types as poppler does, and tells embedded and extractable fonts", () => {
    expect(describeFont({ name: 'AAAAAA+NotoSerifSCExtraLight-Bold', type: 'CIDFontType2', missingFile: false, isType3Font: false, toUnicode: { _map: [undefined, '吉'] } })).toEqual({
      name: 'AAAAAA+NotoSerifSCExtraLight-Bold',
      type: 'CID TrueType',
      embedded: true,
      unicode: true,
    });
    expect(describeFont({ name: 'Helvetica', type: 'Type1', missingFile: true, toUnicode: { firstChar: 0 } })).toEqual({ name: 'Helvetica', type: 'Type 1', embedded: false, unicode: true });
    expect(describeFont({ name: '', type: 'Type3', isType3Font: true, toUnicode: { _map: [] } })).toEqual({ name: '[none]', type: 'Type 3', embedded: true, unicode: false });
    expect(describeFont({ name: 'X', type: 'MMType1', toUnicode: null })).toEqual({ name: 'X', type: 'MMType1', embedded: true, unicode: false });
  });
});

describe('fontProblems', () => {
  const good: PdfFont = { name: 'AAAAAA+NotoSerifSCExtraLight-Regular', type: 'CID TrueType', embedded: true, unicode: true, pages: [1, 2] };
  it('finds none in self-hosted CID TrueType fonts', () => {
    expect(fontProblems([good, { ...good, name: 'BAAAAA+NotoSerifSCExtraLight-Bold' }])).toEqual([]);
  });

  it('reports fonts not embedded, without a Unicode map, or Type 3, one line per kind', () => {
    expect(
      fontProblems([
        good,
        { name: 'Helvetica', type: 'Type 1', embedded: false, unicode: true, pages: [3] },
        { name: '[none]', type: 'Type 3', embedded: true, unicode: false, pages: [7, 2] },
        { name: '[none]', type: 'Type 3', embedded: true, unicode: true, pages: [9] },
      ]),
    ).toEqual([
      '1 font(s) not embedded: Helvetica',
      '1 font(s) without a Unicode map, their text cannot be extracted: [none]',
      '2 Type 3 font(s) (page 2, 7, 9): a system fallback font or a synthetic bold instead of the self-hosted font',
    ]);
  });
});

describe('isA4 and LOST_GLYPHS', () => {
  it('knows Chromium’s A4 from Letter', () => {
    expect(isA4(594.96, 841.92)).toBe(true);
    expect(isA4(612, 792)).toBe(false);
    expect(isA4(841.92, 594.96)).toBe(false);
  });

  it('spots lost glyphs in extracted text, not the □ of forms', () => {
    expect(LOST_GLYPHS.test('吉林省人民政府公报')).toBe(false);
    expect(LOST_GLYPHS.test('吉林\uFFFD')).toBe(true);
    expect(LOST_GLYPHS.test('□□（表格中的选择框）')).toBe(false);
  });
});

/** A two-page PDF written by hand: A4, tagged, a title, two named destinations, text in a standard font (not embedded). */
function handMadePdf(): Uint8Array {
  const page1 = 'BT /F1 16 Tf 72 760 Td (Contents) Tj ET BT /F1 16 Tf 72 730 Td (Chapter one) Tj ET BT /F1 16 Tf 500 730 Td (2) Tj ET';
  const page2 = 'BT /F1 16 Tf 72 760 Td (Chapter one) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Names << /Dests 7 0 R >> /MarkInfo << /Marked true >> >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 594.96 841.92] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 594.96 841.92] /Resources << /Font << /F1 5 0 R >> >> /Contents 8 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${page1.length} >>\nstream\n${page1}\nendstream`,
    '<< /Names [(doc-one) [4 0 R /XYZ 0 842 0] (main) [3 0 R /XYZ 0 800 0]] >>',
    `<< /Length ${page2.length} >>\nstream\n${page2}\nendstream`,
    '<< /Title (Test gazette) >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 9 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('openPdf', () => {
  it('reads page count, title, tagging, size, destinations, text and fonts of a PDF', async () => {
    const pdf = await openPdf(handMadePdf());
    try {
      expect(pdf.info).toEqual({ pages: 2, title: 'Test gazette', tagged: true, width: 594.96, height: 841.92 });
      expect([...(await pdf.destinations())]).toEqual([
        ['doc-one', 2],
        ['main', 1],
      ]);
      expect(await pdf.pageTexts()).toEqual(['Contents\nChapter one\t2', 'Chapter one']);
      expect(await pdf.pageTexts({ first: 2, last: 9 })).toEqual(['Chapter one']);
      expect(await pdf.fonts()).toEqual([{ name: 'Helvetica', type: 'Type 1', embedded: false, unicode: true, pages: [1, 2] }]);
    } finally {
      await pdf.close();
    }
  });
});
