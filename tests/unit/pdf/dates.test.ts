import { describe, expect, it } from 'vitest';
import { fixPdfDates } from '../../../src/pdf/dates.ts';

describe('fixPdfDates', () => {
  it('rewrites the render-time stamps with a fixed date of the same length', () => {
    const pdf = Buffer.from("1 0 obj <</Creator (Chromium) /CreationDate (D:20261123015212+00'00') /ModDate (D:20261123015213+08'00')>>", 'latin1');
    const out = fixPdfDates(pdf);
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toBe("1 0 obj <</Creator (Chromium) /CreationDate (D:20000101000000+00'00') /ModDate (D:20000101000000+00'00')>>");
  });

  it('leaves a PDF without stamps untouched', () => {
    const pdf = Buffer.from('%PDF-1.4 no dates', 'latin1');
    expect(fixPdfDates(pdf)).toBe(pdf);
  });
});
