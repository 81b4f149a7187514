import { describe, expect, it } from 'vitest';
import { LOST_GLYPHS, fontProblems, parsePdfFonts, parsePdfInfo } from '../../../src/pdf/poppler.ts';

const INFO = `Title:           2023年第4期（复总第888期） — 吉林省人民政府公报
Creator:         Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0 Safari/537.36
Producer:        Skia/PDF m156
Tagged:          yes
Pages:           82
Encrypted:       no
Page size:       594.96 x 841.92 pts (A4)
File size:       1194101 bytes
PDF version:     1.4
`;

const FONTS = `name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
AAAAAA+NotoSerifSCExtraLight-Bold    CID TrueType      Identity-H       yes yes yes      4  0
BAAAAA+NotoSerifSCExtraLight-Regular CID TrueType      Identity-H       yes yes yes      5  0
[none]                               Type 3            Custom           yes no  yes      6  0
ABCDEF+SomeVeryLongFontNameThatPushesTheColumns-Regular CID TrueType Identity-H no yes no     7  0
`;

describe('poppler output parsers', () => {
  it('reads pdfinfo', () => {
    expect(parsePdfInfo(INFO)).toEqual({
      pages: 82,
      title: '2023年第4期（复总第888期） — 吉林省人民政府公报',
      tagged: true,
      pageSize: '594.96 x 841.92 pts (A4)',
      fileSize: 1194101,
      producer: 'Skia/PDF m156',
    });
  });

  it('reads pdffonts, including a name longer than its column', () => {
    const fonts = parsePdfFonts(FONTS);
    expect(fonts).toHaveLength(4);
    expect(fonts[0]).toEqual({ name: 'AAAAAA+NotoSerifSCExtraLight-Bold', type: 'CID TrueType', encoding: 'Identity-H', embedded: true, subset: true, unicode: true });
    expect(fonts[2]).toMatchObject({ name: '[none]', type: 'Type 3', embedded: true, unicode: true });
    expect(fonts[3]).toMatchObject({ name: 'ABCDEF+SomeVeryLongFontNameThatPushesTheColumns-Regular', type: 'CID TrueType', embedded: false, unicode: false });
  });

  it('reports fonts that are not embedded, not extractable or Type 3, one line per kind', () => {
    const fonts = parsePdfFonts(FONTS);
    expect(fontProblems(fonts.slice(0, 2))).toEqual([]);
    const problems = fontProblems(fonts);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/not embedded.*SomeVeryLong/);
    expect(problems.join('\n')).toMatch(/ToUnicode/);
    expect(problems.join('\n')).toMatch(/1 Type 3/);
  });

  it('spots lost glyphs in extracted text', () => {
    expect(LOST_GLYPHS.test('吉林省人民政府公报')).toBe(false);
    expect(LOST_GLYPHS.test('吉林\uFFFD')).toBe(true);
    expect(LOST_GLYPHS.test('□□（表格中的选择框）')).toBe(false);
  });
});
