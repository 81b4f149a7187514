import { describe, expect, it } from 'vitest';
import { decodePdfString, doubledBookmarks, flattenOutline, pdfLang, readOutline } from '../../../src/pdf/outline.ts';

const utf16 = (s: string) => `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

// The shape Skia/PDF writes: plain objects for catalog, page tree and outline (streams omitted).
const PDF = `%PDF-1.4
1 0 obj
<</Type /Page /Parent 10 0 R>>
endobj
2 0 obj
<</Type /Page /Parent 10 0 R>>
endobj
3 0 obj
<</Type /Page /Parent 11 0 R>>
endobj
11 0 obj
<</Type /Pages /Parent 10 0 R /Kids [3 0 R] /Count 1>>
endobj
10 0 obj
<</Type /Pages /Kids [1 0 R 2 0 R 11 0 R] /Count 3>>
endobj
20 0 obj
<</Title ${utf16('吉林省人民政府办公厅关于印发…的通知')}
/Dest [2 0 R /XYZ 83.01 684.38 0]
/Parent 30 0 R
/First 21 0 R
/Last 22 0 R
/Count 2>>
endobj
21 0 obj
<</Title ${utf16('一、总体要求')}
/Dest [2 0 R /XYZ 83.01 300 0]
/Parent 20 0 R
/Next 22 0 R>>
endobj
22 0 obj
<</Title ${utf16('二、主要行动')}
/Dest [3 0 R /XYZ 83.01 700 0]
/Parent 20 0 R
/Prev 21 0 R>>
endobj
23 0 obj
<</Title (Contents \\(plain\\))
/Dest [1 0 R /XYZ 0 800 0]
/Parent 30 0 R
/Prev 20 0 R>>
endobj
30 0 obj
<</Type /Outlines
/First 20 0 R
/Last 23 0 R
/Count 4>>
endobj
40 0 obj
<</Type /Catalog
/Pages 10 0 R
/MarkInfo <</Type /MarkInfo
/Marked true>>
/Outlines 30 0 R
/Lang (zh-CN)>>
endobj
trailer
`.replace('/Last 22 0 R\n/Count 2>>', '/Last 22 0 R\n/Next 23 0 R\n/Count 2>>');

describe('PDF outline and catalog reader', () => {
  const pdf = Buffer.from(PDF, 'latin1');

  it('reads the document language', () => {
    expect(pdfLang(pdf)).toBe('zh-CN');
  });

  it('reads bookmarks as a tree with the pages they point to', () => {
    const outline = readOutline(pdf);
    expect(outline.map((i) => [i.title, i.page])).toEqual([
      ['吉林省人民政府办公厅关于印发…的通知', 2],
      ['Contents (plain)', 1],
    ]);
    expect(outline[0]?.children.map((i) => [i.title, i.page])).toEqual([
      ['一、总体要求', 2],
      ['二、主要行动', 3],
    ]);
    expect(flattenOutline(outline).map((i) => i.depth)).toEqual([0, 1, 1, 0]);
  });

  it('decodes literal and UTF-16 hex strings', () => {
    expect(decodePdfString('(a\\)b)')).toBe('a)b');
    expect(decodePdfString(utf16('附件'))).toBe('附件');
  });

  it('finds nothing in a PDF without an outline', () => {
    expect(readOutline(Buffer.from('%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n', 'latin1'))).toEqual([]);
  });

  it('spots a bookmark title whose first line was doubled', () => {
    const item = (title: string) => ({ title, page: 1, children: [] });
    expect(doubledBookmarks([item('韩俊到长春市调研 打造韩俊到长春市调研 打造振兴突破新引擎'), { ...item('一、总体要求'), children: [item('附件')] }])).toEqual([
      '韩俊到长春市调研 打造韩俊到长春市调研 打造振兴突破新引擎',
    ]);
  });
});
