import { describe, expect, it } from 'vitest';
import { fixPdfDates, fixPdfNodeIds, stablePdf } from '../../../src/pdf/dates.ts';

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

describe('fixPdfNodeIds', () => {
  it('renumbers the node ids of table headers in their order, keeping every length', () => {
    const pdf = Buffer.from(
      '183 0 obj <</S /TH /ID (node00000209)>> 190 0 obj <</S /TH /ID (node00000214)>> 197 0 obj <</S /TD /A [<</O /Table /Headers [(node00000209) (node00000214)]>>]>> ' +
        '641 0 obj <</Limits [(node00000209) (node00000214)] /Names [(node00000209) 183 0 R (node00000214) 190 0 R]>> (a node(s) in text)',
      'latin1',
    );
    const out = fixPdfNodeIds(pdf);
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toBe(
      '183 0 obj <</S /TH /ID (node00000000)>> 190 0 obj <</S /TH /ID (node00000001)>> 197 0 obj <</S /TD /A [<</O /Table /Headers [(node00000000) (node00000001)]>>]>> ' +
        '641 0 obj <</Limits [(node00000000) (node00000001)] /Names [(node00000000) 183 0 R (node00000001) 190 0 R]>> (a node(s) in text)',
    );
  });

  it('gives the same bytes whatever the counter stood at', () => {
    const render = (a: number, b: number) => Buffer.from(`/ID (node${String(a).padStart(8, '0')}) /ID (node${String(b).padStart(8, '0')}) /Headers [(node${String(a).padStart(8, '0')})]`, 'latin1');
    expect(stablePdf(render(192, 197)).toString('latin1')).toBe(stablePdf(render(209, 1234)).toString('latin1'));
    expect(stablePdf(render(192, 197)).toString('latin1')).toBe('/ID (node00000000) /ID (node00000001) /Headers [(node00000000)]');
  });

  it('leaves a PDF without node ids untouched', () => {
    const pdf = Buffer.from('%PDF-1.4 no ids', 'latin1');
    expect(fixPdfNodeIds(pdf)).toBe(pdf);
  });
});
